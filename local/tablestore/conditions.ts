/**
 * The `Condition` of a write, checked as Tablestore checks it: row existence first, then the
 * column condition, a serialized `Filter` tree of `SingleColumnValueFilter`s joined by
 * `CompositeColumnValueFilter`s (NOT of one, AND/OR of two or more), at most 10 single
 * conditions (https://www.alibabacloud.com/help/doc-detail/84767.html; tablestore.md §3).
 *
 * A single condition compares the column's latest readable version (or any readable version when
 * `latest_version_only` is false) with its value; a missing column passes unless
 * `filter_if_missing`. The primary-key column may be named too. Strings compare by their UTF-8
 * bytes; values of different types never satisfy a comparison (the emulator's assumption: the
 * documentation does not say).
 */
import { decodeColumnValue } from '#lib/send/store/tablestore/plain-buffer.ts';
import { ots } from '#lib/send/store/tablestore/proto/tablestore.js';
import type { OtsValue } from '#lib/send/store/tablestore/table.ts';
import { conditionCheckFail, OtsServiceError, parameterInvalid } from './errors.ts';
import type { Version } from './tables.ts';

/** The most single conditions one write may carry. */
export const MAX_COLUMN_CONDITIONS = 10;

type ParsedFilter =
  | {
      kind: 'single';
      comparator: ots.ComparatorType;
      column: string;
      value: OtsValue;
      filterIfMissing: boolean;
      latestVersionOnly: boolean;
    }
  | { kind: 'composite'; combinator: ots.LogicalOperator; subFilters: ParsedFilter[] };

/** The row a condition looks at: its primary key and its readable versions, if it exists. */
export interface ConditionTarget {
  primaryKey: { name: string; value: string };
  row: Map<string, Version[]> | undefined;
}

function invalid(what: string): never {
  throw parameterInvalid(`Invalid column condition: ${what}.`);
}

function parseSingle(bytes: Uint8Array): ParsedFilter {
  const filter = ots.SingleColumnValueFilter.decode(bytes);
  if (!(filter.comparator in ots.ComparatorType)) invalid(`comparator ${filter.comparator}`);
  return {
    kind: 'single',
    comparator: filter.comparator,
    column: filter.columnName,
    value: decodeColumnValue(filter.columnValue),
    filterIfMissing: filter.filterIfMissing,
    latestVersionOnly: filter.latestVersionOnly,
  };
}

function parseFilter(filter: ots.Filter.$Properties): ParsedFilter {
  if (filter.type === ots.FilterType.FT_SINGLE_COLUMN_VALUE) return parseSingle(filter.filter);
  if (filter.type !== ots.FilterType.FT_COMPOSITE_COLUMN_VALUE)
    invalid(`filter type ${filter.type}`);
  const composite = ots.CompositeColumnValueFilter.decode(filter.filter);
  const subFilters = (composite.subFilters ?? []).map(parseFilter);
  if (composite.combinator === ots.LogicalOperator.LO_NOT) {
    if (subFilters.length !== 1) invalid('NOT takes exactly one sub-condition');
  } else if (
    composite.combinator === ots.LogicalOperator.LO_AND ||
    composite.combinator === ots.LogicalOperator.LO_OR
  ) {
    if (subFilters.length < 2) invalid('AND and OR take at least two sub-conditions');
  } else invalid(`combinator ${composite.combinator}`);
  return { kind: 'composite', combinator: composite.combinator, subFilters };
}

function countSingles(filter: ParsedFilter): number {
  if (filter.kind === 'single') return 1;
  return filter.subFilters.reduce((sum, sub) => sum + countSingles(sub), 0);
}

/**
 * Parses a serialized column condition; a malformed or oversized one is `OTSParameterInvalid`.
 * @example parseColumnCondition(condition.columnCondition)
 */
export function parseColumnCondition(bytes: Uint8Array): ParsedFilter {
  let filter: ParsedFilter;
  try {
    filter = parseFilter(ots.Filter.decode(bytes));
  } catch (error) {
    if (error instanceof OtsServiceError) throw error;
    throw parameterInvalid('Failed to parse the column condition.');
  }
  const count = countSingles(filter);
  if (count > MAX_COLUMN_CONDITIONS) {
    // The emulator's wording: the limit is documented, its message is not.
    throw parameterInvalid(
      `The number of column conditions (${count}) exceeds the limit of ${MAX_COLUMN_CONDITIONS}.`,
    );
  }
  return filter;
}

function order(a: OtsValue, b: OtsValue): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'string' && typeof b === 'string') {
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  }
  return undefined;
}

function compare(comparator: ots.ComparatorType, actual: OtsValue, expected: OtsValue): boolean {
  const sign = order(actual, expected);
  if (sign === undefined) return false;
  switch (comparator) {
    case ots.ComparatorType.CT_EQUAL:
      return sign === 0;
    case ots.ComparatorType.CT_NOT_EQUAL:
      return sign !== 0;
    case ots.ComparatorType.CT_GREATER_THAN:
      return sign > 0;
    case ots.ComparatorType.CT_GREATER_EQUAL:
      return sign >= 0;
    case ots.ComparatorType.CT_LESS_THAN:
      return sign < 0;
    default:
      return sign <= 0;
  }
}

function holds(filter: ParsedFilter, target: ConditionTarget): boolean {
  if (filter.kind === 'composite') {
    const results = filter.subFilters.map((sub) => holds(sub, target));
    if (filter.combinator === ots.LogicalOperator.LO_NOT) return !results[0];
    return filter.combinator === ots.LogicalOperator.LO_AND
      ? results.every(Boolean)
      : results.some(Boolean);
  }
  const { primaryKey, row } = target;
  const values =
    filter.column === primaryKey.name
      ? [primaryKey.value]
      : (row?.get(filter.column) ?? []).map((version) => version.value);
  if (values.length === 0) return !filter.filterIfMissing;
  const checked = filter.latestVersionOnly ? values.slice(0, 1) : values;
  return checked.some((value) => compare(filter.comparator, value, filter.value));
}

/**
 * Throws `OTSConditionCheckFail` unless the condition holds for the target row.
 * @example checkCondition(request.condition, { primaryKey, row: visibleRow(table, key, now) })
 */
export function checkCondition(
  condition: ots.Condition.$Properties,
  target: ConditionTarget,
): void {
  const exists = target.row !== undefined;
  const expectation = condition.rowExistence;
  if (expectation === ots.RowExistenceExpectation.EXPECT_EXIST && !exists) {
    throw conditionCheckFail();
  }
  if (expectation === ots.RowExistenceExpectation.EXPECT_NOT_EXIST && exists) {
    throw conditionCheckFail();
  }
  const column = condition.columnCondition;
  if (column && column.length > 0 && !holds(parseColumnCondition(column), target)) {
    throw conditionCheckFail();
  }
}
