/**
 * A `WriteCondition` as the protobuf `Condition` of PutRow, UpdateRow and DeleteRow: the
 * row-existence expectation, and the column condition serialized as a `Filter` (tablestore.md §3;
 * the SDK's `encoder.js` `_makeCondition`, whose bytes the golden tests compare with these).
 *
 * A single condition is `Filter{FT_SINGLE_COLUMN_VALUE, SingleColumnValueFilter}`; an `and` is
 * `Filter{FT_COMPOSITE_COLUMN_VALUE, CompositeColumnValueFilter{LO_AND, [Filter…]}}`. Conditions
 * are checked against the latest version only, as the ledger reads rows.
 */
import { encodeColumnValue } from '#lib/send/store/tablestore/plain-buffer.ts';
import { ots } from '#lib/send/store/tablestore/proto/tablestore.js';
import type {
  ColumnCondition,
  Comparator,
  RowExistence,
  SingleColumnCondition,
  WriteCondition,
} from '#lib/send/store/tablestore/table.ts';

const ROW_EXISTENCE: Readonly<Record<RowExistence, ots.RowExistenceExpectation>> = {
  IGNORE: ots.RowExistenceExpectation.IGNORE,
  EXPECT_EXIST: ots.RowExistenceExpectation.EXPECT_EXIST,
  EXPECT_NOT_EXIST: ots.RowExistenceExpectation.EXPECT_NOT_EXIST,
};

const COMPARATORS: Readonly<Record<Comparator, ots.ComparatorType>> = {
  EQUAL: ots.ComparatorType.CT_EQUAL,
  NOT_EQUAL: ots.ComparatorType.CT_NOT_EQUAL,
  GREATER_THAN: ots.ComparatorType.CT_GREATER_THAN,
  GREATER_EQUAL: ots.ComparatorType.CT_GREATER_EQUAL,
  LESS_THAN: ots.ComparatorType.CT_LESS_THAN,
  LESS_EQUAL: ots.ComparatorType.CT_LESS_EQUAL,
};

function singleFilter(condition: SingleColumnCondition): ots.Filter.$Properties {
  const filter = ots.SingleColumnValueFilter.encode({
    comparator: COMPARATORS[condition.comparator],
    columnName: condition.column,
    columnValue: encodeColumnValue(condition.value),
    filterIfMissing: !condition.passIfMissing,
    latestVersionOnly: true,
  }).finish();
  return { type: ots.FilterType.FT_SINGLE_COLUMN_VALUE, filter };
}

function columnFilter(condition: ColumnCondition): ots.Filter.$Properties {
  if (!('and' in condition)) return singleFilter(condition);
  const filter = ots.CompositeColumnValueFilter.encode({
    combinator: ots.LogicalOperator.LO_AND,
    subFilters: condition.and.map(singleFilter),
  }).finish();
  return { type: ots.FilterType.FT_COMPOSITE_COLUMN_VALUE, filter };
}

/**
 * The protobuf `Condition` of a write.
 * @example encodeCondition({ row: 'EXPECT_NOT_EXIST' }) // { rowExistence: 2 }
 */
export function encodeCondition(condition: WriteCondition): ots.Condition.$Properties {
  const encoded: ots.Condition.$Properties = { rowExistence: ROW_EXISTENCE[condition.row] };
  if (condition.column !== undefined) {
    encoded.columnCondition = ots.Filter.encode(columnFilter(condition.column)).finish();
  }
  return encoded;
}
