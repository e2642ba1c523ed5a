/**
 * Write conditions and whole request bodies: what the client sends for a PutRow, UpdateRow or
 * DeleteRow is, byte for byte, what the SDK's `encoder.js` sends for the same write (proving the
 * trimmed proto, the PlainBuffer rows and the serialized `Filter`s together).
 */
import TableStore, { type ColumnCondition } from 'tablestore';
import { describe, expect, it } from 'vitest';
import { encodeCondition } from '#lib/send/store/tablestore/conditions.ts';
import {
  encodeDeleteRowKey,
  encodePutRow,
  encodeRowChange,
} from '#lib/send/store/tablestore/plain-buffer.ts';
import { ots } from '#lib/send/store/tablestore/proto/tablestore.js';
import type { SingleColumnCondition, WriteCondition } from '#lib/send/store/tablestore/table.ts';

const key = { name: 'id', value: 'k-1' };

/** The body the SDK would POST for `operation`. */
function sdkBody(operation: string, params: object): string {
  const message = TableStore.encoder.encode(operation, params);
  const type = Object.getPrototypeOf(message).constructor as {
    encode(message: object): { finish(): Uint8Array };
  };
  return Buffer.from(type.encode(message).finish()).toString('hex');
}

function sdkSingle(condition: SingleColumnCondition): ColumnCondition {
  const value =
    typeof condition.value === 'number'
      ? TableStore.Long.fromNumber(condition.value)
      : condition.value;
  return new TableStore.SingleColumnCondition(
    condition.column,
    value,
    TableStore.ComparatorType[condition.comparator],
    condition.passIfMissing,
  );
}

function sdkCondition(condition: WriteCondition) {
  let column: ColumnCondition | null = null;
  if (condition.column !== undefined && 'and' in condition.column) {
    const and = new TableStore.CompositeCondition(TableStore.LogicalOperator.AND);
    for (const sub of condition.column.and) and.addSubCondition(sdkSingle(sub));
    column = and;
  } else if (condition.column !== undefined) column = sdkSingle(condition.column);
  return new TableStore.Condition(TableStore.RowExistenceExpectation[condition.row], column);
}

const conditions: [string, WriteCondition][] = [
  ['a bare row expectation', { row: 'EXPECT_NOT_EXIST' }],
  [
    'one column condition that fails on a missing column',
    {
      row: 'EXPECT_EXIST',
      column: { column: 'owner', comparator: 'EQUAL', value: 'tok', passIfMissing: false },
    },
  ],
  [
    'an integer column condition that passes on a missing column',
    {
      row: 'IGNORE',
      column: {
        column: 'exp',
        comparator: 'LESS_THAN',
        value: 1_700_000_000_000,
        passIfMissing: true,
      },
    },
  ],
  [
    'an AND of conditions with every comparator',
    {
      row: 'EXPECT_EXIST',
      column: {
        and: (
          [
            'EQUAL',
            'NOT_EQUAL',
            'GREATER_THAN',
            'GREATER_EQUAL',
            'LESS_THAN',
            'LESS_EQUAL',
          ] as const
        ).map((comparator, index) => ({
          column: `c${index}`,
          comparator,
          value: index % 2 ? index : `v${index}`,
          passIfMissing: index % 3 === 0,
        })),
      },
    },
  ],
];

describe('request bodies, against the SDK encoder', () => {
  it.each(conditions)('encodes a PutRow with %s as the SDK does', (_, condition) => {
    const ours = ots.PutRowRequest.encode({
      tableName: 'idem',
      row: encodePutRow(key, { state: 'new', n: 1 }),
      condition: encodeCondition(condition),
    }).finish();

    const sdk = sdkBody('putRow', {
      tableName: 'idem',
      primaryKey: [{ id: 'k-1' }],
      attributeColumns: [{ state: 'new' }, { n: TableStore.Long.fromNumber(1) }],
      condition: sdkCondition(condition),
    });
    expect(Buffer.from(ours).toString('hex')).toBe(sdk);
  });

  it.each(conditions)('encodes an UpdateRow with %s as the SDK does', (_, condition) => {
    const ours = ots.UpdateRowRequest.encode({
      tableName: 'idem',
      rowChange: encodeRowChange(key, { put: { state: 'done' }, delete: ['lease'] }),
      condition: encodeCondition(condition),
    }).finish();

    const sdk = sdkBody('updateRow', {
      tableName: 'idem',
      primaryKey: [{ id: 'k-1' }],
      updateOfAttributeColumns: [{ PUT: [{ state: 'done' }] }, { DELETE_ALL: ['lease'] }],
      condition: sdkCondition(condition),
    });
    expect(Buffer.from(ours).toString('hex')).toBe(sdk);
  });

  it('encodes a DeleteRow as the SDK does', () => {
    const condition: WriteCondition = {
      row: 'EXPECT_EXIST',
      column: { column: 'owner', comparator: 'EQUAL', value: 'tok', passIfMissing: false },
    };
    const ours = ots.DeleteRowRequest.encode({
      tableName: 'idem',
      primaryKey: encodeDeleteRowKey(key),
      condition: encodeCondition(condition),
    }).finish();

    const sdk = sdkBody('deleteRow', {
      tableName: 'idem',
      primaryKey: [{ id: 'k-1' }],
      condition: sdkCondition(condition),
    });
    expect(Buffer.from(ours).toString('hex')).toBe(sdk);
  });
});

describe('encodeCondition', () => {
  it('leaves the column condition out when there is none', () => {
    expect(encodeCondition({ row: 'IGNORE' })).toEqual({ rowExistence: 0 });
  });

  it('serializes a single condition as a Filter of type FT_SINGLE_COLUMN_VALUE', () => {
    const { columnCondition } = encodeCondition({
      row: 'IGNORE',
      column: { column: 'n', comparator: 'GREATER_EQUAL', value: 5, passIfMissing: true },
    });

    const filter = ots.Filter.decode(columnCondition ?? new Uint8Array());
    expect(filter.type).toBe(ots.FilterType.FT_SINGLE_COLUMN_VALUE);
    expect(ots.SingleColumnValueFilter.decode(filter.filter)).toMatchObject({
      comparator: ots.ComparatorType.CT_GREATER_EQUAL,
      columnName: 'n',
      filterIfMissing: false,
      latestVersionOnly: true,
    });
  });
});
