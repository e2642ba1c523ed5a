/**
 * The CRC-8 that guards every PlainBuffer cell and row: polynomial x^8 + x^2 + x + 1 (0x07),
 * initial value 0, no reflection, no final XOR, the table of the SDK's `plain_buffer_crc8.js`
 * (tablestore@5.6.5) and of https://www.alibabacloud.com/help/doc-detail/50600.htm.
 *
 * The table is computed once at load (256 steps, well under a millisecond) rather than pasted, so
 * the polynomial is the one fact to check; the golden tests compare whole rows with the SDK's.
 */

const POLYNOMIAL = 0x07;

const TABLE = (() => {
  const table = new Uint8Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x80 ? ((crc << 1) ^ POLYNOMIAL) & 0xff : crc << 1;
    table[byte] = crc;
  }
  return table;
})();

/**
 * `crc` updated with one byte.
 * @example crc8Byte(0, 1) // 0x07
 */
export function crc8Byte(crc: number, byte: number): number {
  return TABLE[(crc ^ byte) & 0xff] ?? 0;
}

/**
 * `crc` updated with every byte of `bytes`, in order.
 * @example crc8(0, Buffer.from('id'))
 */
export function crc8(crc: number, bytes: Uint8Array): number {
  let next = crc;
  for (const byte of bytes) next = crc8Byte(next, byte);
  return next;
}
