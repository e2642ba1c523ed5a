/**
 * PlainBuffer bytes this project must refuse or read exactly: each malformed row names what is
 * wrong; rows without a primary key, changes without deletions, negative lengths and INTEGERs
 * below -2^53; and which cells `latestColumns` counts as versions of a column.
 */
import { describe, expect, it } from 'vitest';
import { crc8, crc8Byte } from '#lib/send/store/tablestore/crc8.ts';
import {
  decodeColumnValue,
  decodeRow,
  encodeColumnValue,
  encodePlainRow,
  encodeRowChange,
  latestColumns,
  PlainBufferError,
  type PlainCell,
} from '#lib/send/store/tablestore/plain-buffer.ts';

const HEADER = [0x75, 0, 0, 0];
const key = { name: 'id', value: 'k' };

function int32(value: number): number[] {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32LE(value);
  return [...bytes];
}

/** A cell's bytes up to (not including) its checksum: name `n`, STRING value `v`. */
function cellBody(name = 'n', value = 'v'): { bytes: number[]; crc: number } {
  const variant = [...encodeColumnValue(value)];
  const bytes = [0x03, 0x04, ...int32(name.length), ...Buffer.from(name), 0x05];
  bytes.push(...int32(variant.length), ...variant);
  return { bytes, crc: crc8(crc8(0, Buffer.from(name)), Buffer.from(variant)) };
}

function refusal(bytes: number[]): PlainBufferError {
  try {
    decodeRow(Uint8Array.from(bytes));
  } catch (error) {
    if (error instanceof PlainBufferError) return error;
    throw error;
  }
  throw new Error('decoded');
}

describe('malformed rows, each named', () => {
  it('is a PlainBufferError by name', () => {
    expect(refusal([1, 2, 3, 4]).name).toBe('PlainBufferError');
  });

  it('refuses a cell without a name', () => {
    expect(refusal([...HEADER, 0x01, 0x03, 0x05]).message).toBe('A cell has no name.');
  });

  it('refuses a cell whose operation it does not know', () => {
    const { bytes } = cellBody();
    expect(refusal([...HEADER, 0x01, ...bytes, 0x06, 0x7f]).message).toBe(
      'Unknown cell operation 0x7f.',
    );
  });

  it('refuses a cell without its checksum, even when the next byte is a valid one', () => {
    const { bytes, crc } = cellBody('n');
    // a row checksum tag where the cell's should be, then the cell's own CRC
    expect(refusal([...HEADER, 0x01, ...bytes, 0x09, crc]).message).toBe(
      "Cell 'n' has no checksum.",
    );
  });

  it('refuses a row without its checksum, even when the next byte is a valid one', () => {
    const { bytes, crc } = cellBody();
    const rowCrc = crc8Byte(crc8Byte(0, crc), 0);
    expect(refusal([...HEADER, 0x01, ...bytes, 0x0a, crc, 0x0a, rowCrc]).message).toBe(
      'The row has no checksum.',
    );
  });

  it('refuses a negative length instead of reading backwards', () => {
    expect(refusal([...HEADER, 0x01, 0x03, 0x04, ...int32(-1), 0x6e]).message).toBe(
      'PlainBuffer ends in the middle of a value.',
    );
  });

  it('refuses a value with bytes after it', () => {
    const variant = Uint8Array.from([...encodeColumnValue('a'), 0]);
    expect(() => decodeColumnValue(variant)).toThrow(
      new PlainBufferError('Extra bytes after a value.'),
    );
  });

  it('refuses INTEGERs below -2^53 as it refuses those above', () => {
    const below = Buffer.alloc(9);
    below.writeBigInt64LE(-(2n ** 53n) - 1n, 1);
    const lowest = Buffer.alloc(9);
    lowest.writeBigInt64LE(-(2n ** 53n), 1);

    expect(() => decodeColumnValue(below)).toThrow(PlainBufferError);
    expect(decodeColumnValue(lowest)).toBe(-(2 ** 53));
  });
});

describe('rows this project writes rarely', () => {
  it('writes a row without primary key cells with no primary-key section', () => {
    const bytes = encodePlainRow({
      primaryKey: [],
      cells: [{ name: 'a', value: 1 }],
      deleteMarker: false,
    });

    expect(bytes[4]).toBe(0x02);
    expect(decodeRow(bytes)).toEqual({
      primaryKey: [],
      cells: [{ name: 'a', value: 1 }],
      deleteMarker: false,
    });
  });

  it('writes a change without deletions as its puts alone', () => {
    const row = decodeRow(encodeRowChange(key, { put: { a: '1' } }));

    expect(row.cells).toEqual([{ name: 'a', value: '1' }]);
  });
});

describe('latestColumns', () => {
  const latest = (cells: PlainCell[]) =>
    latestColumns({ primaryKey: [key], cells, deleteMarker: false });

  it('counts only cells with a value and no operation as versions', () => {
    expect(
      latest([
        { name: 'a', value: '1' },
        { name: 'b', op: 'delete-all' },
        { name: 'c', value: 5, op: 'increment' },
        { name: 'd' },
      ]),
    ).toStrictEqual({ a: '1' });
  });

  it('keeps the first of versions with the same timestamp, as Tablestore lists newest first', () => {
    expect(
      latest([
        { name: 'a', value: 'newest', timestamp: 7 },
        { name: 'a', value: 'older', timestamp: 7 },
        { name: 'b', value: 'x' },
        { name: 'b', value: 'y' },
      ]),
    ).toEqual({ a: 'newest', b: 'x' });
  });
});
