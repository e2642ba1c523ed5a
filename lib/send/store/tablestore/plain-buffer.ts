/**
 * PlainBuffer, the row format inside Tablestore's protobuf messages (`GetRowRequest.primary_key`,
 * `PutRowRequest.row`, `UpdateRowRequest.row_change`, `GetRowResponse.row`, filter values).
 *
 * Grammar (https://www.alibabacloud.com/help/doc-detail/50600.htm; SDK tablestore@5.6.5
 * `lib/protocol/plain_buffer_consts.js`, `plian_buffer_builder.js`, `plain_buffer_coded_stream.js`):
 *
 *     plainbuffer = header(int32 LE 0x75) row
 *     row   = [TAG_ROW_PK cell+] [TAG_ROW_DATA cell*] [TAG_DELETE_ROW_MARKER] TAG_ROW_CHECKSUM crc8
 *     cell  = TAG_CELL TAG_CELL_NAME len name [TAG_CELL_VALUE len variant] [TAG_CELL_TYPE op]
 *             [TAG_CELL_TIMESTAMP int64] TAG_CELL_CHECKSUM crc8
 *     variant = VT_INTEGER int64 | VT_STRING len utf8       (the only types this project stores)
 *
 * A cell's CRC covers its name bytes, its variant bytes, its timestamp, then its op; the row's CRC
 * covers every cell CRC, then 1 or 0 for the delete marker. Lengths are the UTF-8 byte counts (the
 * SDK writes a cell name's UTF-16 length, which is only right for ASCII names).
 */
import { crc8, crc8Byte } from '#lib/send/store/tablestore/crc8.ts';
import type {
  OtsColumns,
  OtsValue,
  PrimaryKey,
  RowUpdate,
} from '#lib/send/store/tablestore/table.ts';

const HEADER = 0x75;
const TAG_ROW_PK = 0x01;
const TAG_ROW_DATA = 0x02;
const TAG_CELL = 0x03;
const TAG_CELL_NAME = 0x04;
const TAG_CELL_VALUE = 0x05;
const TAG_CELL_TYPE = 0x06;
const TAG_CELL_TIMESTAMP = 0x07;
const TAG_DELETE_ROW_MARKER = 0x08;
const TAG_ROW_CHECKSUM = 0x09;
const TAG_CELL_CHECKSUM = 0x0a;
const VT_INTEGER = 0x00;
const VT_STRING = 0x03;

/** The operation of an UpdateRow cell (`TAG_CELL_TYPE`); a cell without one is a put. */
export const CELL_OPS = { 'delete-all': 0x01, 'delete-one': 0x03, increment: 0x04 } as const;
export type CellOp = keyof typeof CELL_OPS;

/** One cell: a primary-key column, an attribute version, or an UpdateRow change. */
export interface PlainCell {
  name: string;
  /** Absent for deletions. */
  value?: OtsValue;
  /** Absent for a plain cell or a put. */
  op?: CellOp;
  /** Milliseconds since the epoch; the server sets it when a write leaves it out. */
  timestamp?: number;
}

/** A decoded PlainBuffer row. */
export interface PlainRow {
  primaryKey: PlainCell[];
  cells: PlainCell[];
  deleteMarker: boolean;
}

/** The bytes are not a PlainBuffer row this project can read. */
export class PlainBufferError extends Error {
  override name = 'PlainBufferError';
}

const MAX_INTEGER = 2 ** 53;

/**
 * The variant bytes of a value: `VT_STRING len utf8` or `VT_INTEGER int64`; it is also the
 * `column_value` of a `SingleColumnValueFilter` (the SDK's `serializeColumnValue`).
 * @example encodeColumnValue(7) // <00 07 00 00 00 00 00 00 00>
 */
export function encodeColumnValue(value: OtsValue): Buffer {
  if (typeof value === 'string') {
    const text = Buffer.from(value, 'utf8');
    const bytes = Buffer.allocUnsafe(5 + text.length);
    bytes[0] = VT_STRING;
    bytes.writeInt32LE(text.length, 1);
    text.copy(bytes, 5);
    return bytes;
  }
  if (!Number.isInteger(value) || Math.abs(value) > MAX_INTEGER) {
    throw new RangeError(`Tablestore INTEGER values are integers within ±2^53, not ${value}.`);
  }
  const bytes = Buffer.allocUnsafe(9);
  bytes[0] = VT_INTEGER;
  bytes.writeBigInt64LE(BigInt(value), 1);
  return bytes;
}

function int64(value: number): Buffer {
  const bytes = Buffer.allocUnsafe(8);
  bytes.writeBigInt64LE(BigInt(value));
  return bytes;
}

function lengthPrefixed(tag: number, bytes: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(5 + bytes.length);
  out[0] = tag;
  out.writeInt32LE(bytes.length, 1);
  out.set(bytes, 5);
  return out;
}

/** Appends one cell to `parts` and returns its CRC. */
function writeCell(parts: Uint8Array[], cell: PlainCell): number {
  const name = Buffer.from(cell.name, 'utf8');
  parts.push(Uint8Array.of(TAG_CELL), lengthPrefixed(TAG_CELL_NAME, name));
  let crc = crc8(0, name);
  if (cell.value !== undefined) {
    const variant = encodeColumnValue(cell.value);
    parts.push(lengthPrefixed(TAG_CELL_VALUE, variant));
    crc = crc8(crc, variant);
  }
  const op = cell.op === undefined ? undefined : CELL_OPS[cell.op];
  if (op !== undefined) parts.push(Uint8Array.of(TAG_CELL_TYPE, op));
  if (cell.timestamp !== undefined) {
    const timestamp = int64(cell.timestamp);
    parts.push(Uint8Array.of(TAG_CELL_TIMESTAMP), timestamp);
    crc = crc8(crc, timestamp);
  }
  if (op !== undefined) crc = crc8Byte(crc, op);
  parts.push(Uint8Array.of(TAG_CELL_CHECKSUM, crc));
  return crc;
}

/**
 * Encodes a whole row; the specialised encoders below are what callers use.
 * @example encodePlainRow({ primaryKey: [{ name: 'id', value: 'k' }], cells: [], deleteMarker: false })
 */
export function encodePlainRow(row: PlainRow): Buffer {
  const header = Buffer.allocUnsafe(4);
  header.writeInt32LE(HEADER);
  const parts: Uint8Array[] = [header];
  let rowCrc = 0;
  if (row.primaryKey.length > 0) {
    parts.push(Uint8Array.of(TAG_ROW_PK));
    for (const cell of row.primaryKey) rowCrc = crc8Byte(rowCrc, writeCell(parts, cell));
  }
  if (row.cells.length > 0) {
    parts.push(Uint8Array.of(TAG_ROW_DATA));
    for (const cell of row.cells) rowCrc = crc8Byte(rowCrc, writeCell(parts, cell));
  }
  if (row.deleteMarker) parts.push(Uint8Array.of(TAG_DELETE_ROW_MARKER));
  rowCrc = crc8Byte(rowCrc, row.deleteMarker ? 1 : 0);
  parts.push(Uint8Array.of(TAG_ROW_CHECKSUM, rowCrc));
  return Buffer.concat(parts);
}

const pkCells = (key: PrimaryKey): PlainCell[] => [{ name: key.name, value: key.value }];

/** `GetRowRequest.primary_key`: the key alone (the SDK's `serializePrimaryKey`). */
export function encodePrimaryKey(key: PrimaryKey): Buffer {
  return encodePlainRow({ primaryKey: pkCells(key), cells: [], deleteMarker: false });
}

/** `DeleteRowRequest.primary_key`: the key and a delete-row marker (`serializeForDeleteRow`). */
export function encodeDeleteRowKey(key: PrimaryKey): Buffer {
  return encodePlainRow({ primaryKey: pkCells(key), cells: [], deleteMarker: true });
}

/** `PutRowRequest.row`: the key and one cell per column, no timestamps (`serializeForPutRow`). */
export function encodePutRow(key: PrimaryKey, columns: OtsColumns): Buffer {
  const cells = Object.entries(columns).map(([name, value]) => ({ name, value }));
  return encodePlainRow({ primaryKey: pkCells(key), cells, deleteMarker: false });
}

/** `UpdateRowRequest.row_change`: puts, then deletions of all versions (`serializeForUpdateRow`). */
export function encodeRowChange(key: PrimaryKey, update: RowUpdate): Buffer {
  const puts = Object.entries(update.put ?? {}).map(([name, value]) => ({ name, value }));
  const deletes = (update.delete ?? []).map((name): PlainCell => ({ name, op: 'delete-all' }));
  return encodePlainRow({
    primaryKey: pkCells(key),
    cells: [...puts, ...deletes],
    deleteMarker: false,
  });
}

/** A bounds-checked cursor over PlainBuffer bytes. */
class Cursor {
  #offset = 0;
  readonly #bytes: Buffer;

  constructor(bytes: Uint8Array) {
    this.#bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get atEnd(): boolean {
    return this.#offset >= this.#bytes.length;
  }

  take(length: number): Buffer {
    if (length < 0 || this.#offset + length > this.#bytes.length) {
      throw new PlainBufferError('PlainBuffer ends in the middle of a value.');
    }
    const slice = this.#bytes.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return slice;
  }

  /** The bytes not read yet. */
  rest(): Buffer {
    return this.take(this.#bytes.length - this.#offset);
  }

  byte(): number {
    return this.take(1)[0] ?? 0;
  }

  /** The next tag, or 0 at the end (as the SDK's `readTag`). */
  tag(): number {
    return this.atEnd ? 0 : this.byte();
  }

  int32(): number {
    return this.take(4).readInt32LE();
  }
}

function readInteger(bytes: Buffer): number {
  const value = bytes.readBigInt64LE();
  if (value > BigInt(MAX_INTEGER) || value < -BigInt(MAX_INTEGER)) {
    throw new PlainBufferError(`INTEGER ${value} is outside ±2^53.`);
  }
  return Number(value);
}

/**
 * Decodes variant bytes (`encodeColumnValue`'s output).
 * @example decodeColumnValue(encodeColumnValue('a')) // 'a'
 */
export function decodeColumnValue(variant: Uint8Array): OtsValue {
  const cursor = new Cursor(variant);
  const type = cursor.byte();
  let value: OtsValue;
  if (type === VT_STRING) value = cursor.take(cursor.int32()).toString('utf8');
  else if (type === VT_INTEGER) value = readInteger(cursor.take(8));
  else
    throw new PlainBufferError(
      `Unsupported value type 0x${type.toString(16)}: only STRING and INTEGER are.`,
    );
  if (!cursor.atEnd) throw new PlainBufferError('Extra bytes after a value.');
  return value;
}

const OP_BY_BYTE = new Map<number, CellOp>(
  Object.entries(CELL_OPS).map(([op, byte]) => [byte, op as CellOp]),
);

/** Reads one cell after its TAG_CELL; returns it, its CRC and the tag that follows it. */
function readCell(cursor: Cursor): { cell: PlainCell; crc: number; next: number } {
  if (cursor.byte() !== TAG_CELL_NAME) throw new PlainBufferError('A cell has no name.');
  const nameBytes = cursor.take(cursor.int32());
  const cell: PlainCell = { name: nameBytes.toString('utf8') };
  let crc = crc8(0, nameBytes);
  let tag = cursor.tag();
  if (tag === TAG_CELL_VALUE) {
    const variant = cursor.take(cursor.int32());
    cell.value = decodeColumnValue(variant);
    crc = crc8(crc, variant);
    tag = cursor.tag();
  }
  let op: number | undefined;
  if (tag === TAG_CELL_TYPE) {
    op = cursor.byte();
    const name = OP_BY_BYTE.get(op);
    if (name === undefined)
      throw new PlainBufferError(`Unknown cell operation 0x${op.toString(16)}.`);
    cell.op = name;
    tag = cursor.tag();
  }
  if (tag === TAG_CELL_TIMESTAMP) {
    const timestamp = cursor.take(8);
    cell.timestamp = readInteger(timestamp);
    crc = crc8(crc, timestamp);
    tag = cursor.tag();
  }
  if (op !== undefined) crc = crc8Byte(crc, op);
  if (tag !== TAG_CELL_CHECKSUM) throw new PlainBufferError(`Cell '${cell.name}' has no checksum.`);
  if (cursor.byte() !== crc) throw new PlainBufferError(`Cell '${cell.name}' fails its checksum.`);
  return { cell, crc, next: cursor.tag() };
}

/**
 * Decodes one row, checking every checksum; throws `PlainBufferError` on anything else.
 * @example decodeRow(encodePrimaryKey({ name: 'id', value: 'k' })).primaryKey // [{ name: 'id', value: 'k' }]
 */
export function decodeRow(bytes: Uint8Array): PlainRow {
  const cursor = new Cursor(bytes);
  if (cursor.int32() !== HEADER) throw new PlainBufferError('Not a PlainBuffer (bad header).');
  const row: PlainRow = { primaryKey: [], cells: [], deleteMarker: false };
  let rowCrc = 0;
  let tag = cursor.tag();
  for (const [section, cells] of [
    [TAG_ROW_PK, row.primaryKey],
    [TAG_ROW_DATA, row.cells],
  ] as const) {
    if (tag !== section) continue;
    tag = cursor.tag();
    while (tag === TAG_CELL) {
      const read = readCell(cursor);
      cells.push(read.cell);
      rowCrc = crc8Byte(rowCrc, read.crc);
      tag = read.next;
    }
  }
  if (tag === TAG_DELETE_ROW_MARKER) {
    row.deleteMarker = true;
    tag = cursor.tag();
  }
  rowCrc = crc8Byte(rowCrc, row.deleteMarker ? 1 : 0);
  if (tag !== TAG_ROW_CHECKSUM) throw new PlainBufferError('The row has no checksum.');
  if (cursor.byte() !== rowCrc) throw new PlainBufferError('The row fails its checksum.');
  // The SDK sizes some UpdateRow buffers (DELETE of one version) too large and leaves zeros.
  if (!cursor.rest().every((byte) => byte === 0)) {
    throw new PlainBufferError('Extra bytes after the row.');
  }
  return row;
}

/**
 * The latest version of each attribute column of a decoded row (highest timestamp; the first
 * when timestamps tie or are absent, as Tablestore lists versions newest first).
 * @example latestColumns(decodeRow(getRowResponse.row)) // { state: 'done', n: 3 }
 */
export function latestColumns(row: PlainRow): OtsColumns {
  const latest = new Map<string, { value: OtsValue; timestamp: number }>();
  for (const { name, value, op, timestamp = 0 } of row.cells) {
    // a change (an UpdateRow delete) or a bare name is no version of a column
    if (value === undefined || op !== undefined) continue;
    const seen = latest.get(name);
    if (seen === undefined || timestamp > seen.timestamp) latest.set(name, { value, timestamp });
  }
  // fromEntries defines own properties, so a column named `__proto__` stays a column.
  return Object.fromEntries([...latest].map(([name, version]) => [name, version.value]));
}
