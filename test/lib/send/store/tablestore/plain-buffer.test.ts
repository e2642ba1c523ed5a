/**
 * PlainBuffer: the bytes we write are the SDK's bytes (tablestore@5.6.5 `PlainBufferBuilder`) for
 * the same inputs, what the SDK writes or reads we read or write, and every value survives a
 * round trip. Column names stay ASCII where the SDK is the judge: it writes a name's UTF-16 length.
 */
import fc from 'fast-check';
import TableStore from 'tablestore';
import { describe, expect, it } from 'vitest';
import { crc8, crc8Byte } from '#lib/send/store/tablestore/crc8.ts';
import {
  decodeColumnValue,
  decodeRow,
  encodeColumnValue,
  encodeDeleteRowKey,
  encodePlainRow,
  encodePrimaryKey,
  encodePutRow,
  encodeRowChange,
  latestColumns,
  PlainBufferError,
} from '#lib/send/store/tablestore/plain-buffer.ts';
import type { OtsColumns, OtsValue } from '#lib/send/store/tablestore/table.ts';
import { fuzzParameters } from '#test/helpers/fuzz.ts';

const key = { name: 'id', value: 'req:42/α' };
const sdkKey = [{ id: 'req:42/α' }];

/** The SDK's input for a column value: integers must be Int64LE, a plain number is a DOUBLE. */
function sdkValue(value: OtsValue) {
  return typeof value === 'number' ? TableStore.Long.fromNumber(value) : value;
}

function sdkColumns(columns: OtsColumns): object[] {
  return Object.entries(columns).map(([name, value]) => ({ [name]: sdkValue(value) }));
}

function sdkReadRow(bytes: Buffer) {
  const input = new TableStore.PlainBufferInputStream({
    buffer: bytes,
    offset: 0,
    limit: bytes.length,
  });
  return new TableStore.PlainBufferCodedInputStream(input).readRow();
}

const asciiName = fc.string({ minLength: 1, maxLength: 12 });
const anyValue: fc.Arbitrary<OtsValue> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.maxSafeInteger(),
  fc.constantFrom(2 ** 53, -(2 ** 53), 0, -1),
);
const columnsArbitrary = fc.dictionary(asciiName, anyValue, { maxKeys: 6 });

describe('crc8', () => {
  it('is the SDK table: polynomial 0x07, so one byte of 1 gives 0x07 and 0x80 gives 0x89', () => {
    expect(crc8Byte(0, 1)).toBe(0x07);
    expect(crc8Byte(0, 0x80)).toBe(0x89);
    expect(crc8Byte(0, 0xff)).toBe(0xf3);
    expect(crc8(0, Buffer.from('id'))).toBe(crc8Byte(crc8Byte(0, 0x69), 0x64));
  });
});

describe('PlainBuffer encoders, against the SDK', () => {
  it('writes a primary key byte for byte as serializePrimaryKey', () => {
    expect(encodePrimaryKey(key).toString('hex')).toBe(
      TableStore.PlainBufferBuilder.serializePrimaryKey(sdkKey).toString('hex'),
    );
  });

  it('writes a DeleteRow key with its delete marker as serializeForDeleteRow', () => {
    expect(encodeDeleteRowKey(key).toString('hex')).toBe(
      TableStore.PlainBufferBuilder.serializeForDeleteRow(sdkKey).toString('hex'),
    );
  });

  it('writes a PutRow row of STRING and INTEGER cells as serializeForPutRow', () => {
    const columns = { state: 'done', owner: 'tök€n 🚀', n: 42, neg: -7, max: 2 ** 53, empty: '' };

    const ours = encodePutRow(key, columns);

    expect(ours.toString('hex')).toBe(
      TableStore.PlainBufferBuilder.serializeForPutRow(sdkKey, sdkColumns(columns)).toString('hex'),
    );
  });

  it('writes a PutRow row without columns as the SDK: no row-data section', () => {
    expect(encodePutRow(key, {}).toString('hex')).toBe(
      TableStore.PlainBufferBuilder.serializeForPutRow(sdkKey, []).toString('hex'),
    );
  });

  it('writes an UpdateRow change of PUT and DELETE_ALL cells as serializeForUpdateRow', () => {
    const ours = encodeRowChange(key, { put: { state: 'claimed', n: 3 }, delete: ['lease', 'x'] });

    const sdk = TableStore.PlainBufferBuilder.serializeForUpdateRow(sdkKey, [
      { PUT: [{ state: 'claimed' }, { n: TableStore.Long.fromNumber(3) }] },
      { DELETE_ALL: ['lease', 'x'] },
    ]);
    expect(ours.toString('hex')).toBe(sdk.toString('hex'));
  });

  it.each([
    ['a string', 'v'],
    ['an integer', 123_456_789_012],
    ['a negative integer', -1],
  ] as const)('writes %s filter value as serializeColumnValue', (_, value) => {
    expect(encodeColumnValue(value).toString('hex')).toBe(
      TableStore.PlainBufferBuilder.serializeColumnValue(sdkValue(value)).toString('hex'),
    );
  });

  it('matches the SDK for any ASCII column names and any STRING or INTEGER values', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), columnsArbitrary, (pk, columns) => {
        const sdk = TableStore.PlainBufferBuilder.serializeForPutRow(
          [{ id: pk }],
          sdkColumns(columns),
        );
        expect(encodePutRow({ name: 'id', value: pk }, columns).equals(sdk)).toBe(true);
      }),
      fuzzParameters(),
    );
  });

  it('refuses an INTEGER that is not an integer within ±2^53', () => {
    expect(() => encodeColumnValue(1.5)).toThrow(RangeError);
    expect(() => encodeColumnValue(2 ** 53 + 2)).toThrow(/±2\^53/);
  });
});

describe('PlainBuffer decoders', () => {
  it('reads what serializeForPutRow writes, timestamps included', () => {
    const sdk = TableStore.PlainBufferBuilder.serializeForPutRow(sdkKey, [
      { state: 'done', timestamp: 1_700_000_000_123 },
      { n: TableStore.Long.fromNumber(-9), timestamp: 1_700_000_000_124 },
    ]);

    expect(decodeRow(sdk)).toEqual({
      primaryKey: [{ name: 'id', value: 'req:42/α' }],
      cells: [
        { name: 'state', value: 'done', timestamp: 1_700_000_000_123 },
        { name: 'n', value: -9, timestamp: 1_700_000_000_124 },
      ],
      deleteMarker: false,
    });
  });

  it('reads the operations of an UpdateRow change the SDK writes, which the SDK cannot read back', () => {
    const sdk = TableStore.PlainBufferBuilder.serializeForUpdateRow(sdkKey, [
      { PUT: [{ a: 'x' }] },
      { DELETE: [{ b: TableStore.Long.fromNumber(1_700_000_000_000) }] },
      { DELETE_ALL: ['c'] },
      { INCREMENT: [{ d: TableStore.Long.fromNumber(2) }] },
    ]);

    expect(decodeRow(sdk).cells).toEqual([
      { name: 'a', value: 'x' },
      { name: 'b', op: 'delete-one', timestamp: 1_700_000_000_000 },
      { name: 'c', op: 'delete-all' },
      { name: 'd', value: 2, op: 'increment' },
    ]);
  });

  it('accepts the zero padding the SDK leaves after some rows, and nothing else', () => {
    const padded = Buffer.concat([encodePrimaryKey(key), Buffer.alloc(5)]);

    expect(decodeRow(padded).primaryKey).toEqual([key]);
  });

  it('reads the delete marker of a DeleteRow key', () => {
    const row = decodeRow(TableStore.PlainBufferBuilder.serializeForDeleteRow(sdkKey));

    expect(row).toEqual({
      primaryKey: [{ name: 'id', value: 'req:42/α' }],
      cells: [],
      deleteMarker: true,
    });
  });

  it('writes a GetRow answer row, versions and timestamps, that the SDK reads', () => {
    const bytes = encodePlainRow({
      primaryKey: [key],
      cells: [
        { name: 'state', value: 'done', timestamp: 2_000 },
        { name: 'state', value: 'new', timestamp: 1_000 },
        { name: 'n', value: 2 ** 53, timestamp: 1_500 },
      ],
      deleteMarker: false,
    });

    const read = sdkReadRow(bytes);

    expect(read.primaryKey).toEqual([{ name: 'id', value: 'req:42/α' }]);
    expect(read.attributes.map((cell) => [cell.columnName, cell.timestamp.toNumber()])).toEqual([
      ['state', 2_000],
      ['state', 1_000],
      ['n', 1_500],
    ]);
    expect(read.attributes.map((cell) => cell.columnValue)).toEqual([
      'done',
      'new',
      expect.anything(),
    ]);
    expect(latestColumns(decodeRow(bytes))).toEqual({ state: 'done', n: 2 ** 53 });
  });

  it('keeps the latest version of a column whatever order the versions come in', () => {
    const row = decodeRow(
      encodePlainRow({
        primaryKey: [key],
        cells: [
          { name: 'v', value: 'old', timestamp: 1 },
          { name: 'v', value: 'new', timestamp: 3 },
          { name: 'v', value: 'mid', timestamp: 2 },
        ],
        deleteMarker: false,
      }),
    );

    expect(latestColumns(row)).toEqual({ v: 'new' });
  });

  it('keeps a column named __proto__ as a column', () => {
    const columns = latestColumns(decodeRow(encodePutRow(key, JSON.parse('{"__proto__":"x"}'))));

    expect(Object.keys(columns)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(columns)).toBe(Object.prototype);
  });

  it.each([
    ['a flipped cell byte', (bytes: Buffer) => bytes.fill(0x41, 24, 25), /fails its checksum/],
    ['a flipped row checksum', (bytes: Buffer) => bytes.fill(0, bytes.length - 1), /row fails/],
    ['a wrong header', (bytes: Buffer) => bytes.fill(0x76, 0, 1), /bad header/],
    ['a truncated row', (bytes: Buffer) => bytes.subarray(0, 20), /ends in the middle/],
    ['trailing bytes', (bytes: Buffer) => Buffer.concat([bytes, Buffer.of(1)]), /Extra bytes/],
  ])('refuses %s', (_, damage, message) => {
    const bytes = damage(encodePutRow(key, { state: 'done' }));

    expect(() => decodeRow(bytes)).toThrow(PlainBufferError);
    expect(() => decodeRow(bytes)).toThrow(message);
  });

  it('refuses value types the store never writes, and INTEGERs beyond ±2^53', () => {
    expect(() =>
      decodeColumnValue(TableStore.PlainBufferBuilder.serializeColumnValue(true)),
    ).toThrow(/only STRING and INTEGER/);
    const big = Buffer.alloc(9);
    big.writeBigInt64LE(2n ** 53n + 1n, 1);
    expect(() => decodeColumnValue(big)).toThrow(/outside ±2\^53/);
  });
});

describe('PlainBuffer round trips', () => {
  it('gives back every PutRow row: any unicode strings and integers up to ±2^53', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.dictionary(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }), anyValue, {
          maxKeys: 8,
        }),
        (pk, columns) => {
          const row = decodeRow(encodePutRow({ name: 'pk', value: pk }, columns));

          expect(row.primaryKey).toEqual([{ name: 'pk', value: pk }]);
          expect(latestColumns(row)).toEqual(columns);
        },
      ),
      fuzzParameters(),
    );
  });

  it('gives back every UpdateRow change: its puts, then its deletions', () => {
    fc.assert(
      fc.property(columnsArbitrary, fc.array(asciiName, { maxLength: 4 }), (put, deletions) => {
        const row = decodeRow(encodeRowChange(key, { put, delete: deletions }));

        expect(row.cells).toEqual([
          ...Object.entries(put).map(([name, value]) => ({ name, value })),
          ...deletions.map((name) => ({ name, op: 'delete-all' })),
        ]);
      }),
      fuzzParameters(),
    );
  });

  it('gives back every filter value', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        expect(decodeColumnValue(encodeColumnValue(value))).toBe(value);
      }),
      fuzzParameters(),
    );
  });
});
