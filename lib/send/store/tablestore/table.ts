/**
 * The few Tablestore (OTS) operations the idempotency store needs, as plain TypeScript: one row
 * per request key, read whole, written with conditions. The wire client (`ots-client.ts`) speaks
 * them to a real instance or to the local emulator (`local/tablestore/`); the store
 * (`tablestore-store.ts`) is written against this interface only.
 *
 * Values are strings or safe integers (Tablestore STRING and INTEGER columns); the primary key is
 * one STRING column. Conditions are the subset of Tablestore's conditional update the ledger
 * uses: a row-existence expectation and column conditions joined by AND
 * (reference tablestore.md §3; at most 10 column conditions per write).
 */

/** A column value: STRING or INTEGER (within ±2^53). */
export type OtsValue = string | number;

/** Attribute columns of a row, by name: latest version only. */
export type OtsColumns = Record<string, OtsValue>;

/** `RowExistenceExpectation`. */
export type RowExistence = 'IGNORE' | 'EXPECT_EXIST' | 'EXPECT_NOT_EXIST';

/** `ComparatorType` of a `SingleColumnValueFilter`. */
export type Comparator =
  | 'EQUAL'
  | 'NOT_EQUAL'
  | 'GREATER_THAN'
  | 'GREATER_EQUAL'
  | 'LESS_THAN'
  | 'LESS_EQUAL';

/**
 * A column condition on the latest version: `column <comparator> value`; when the column is
 * missing the condition passes if `passIfMissing` (`filter_if_missing = !passIfMissing`).
 */
export interface SingleColumnCondition {
  column: string;
  comparator: Comparator;
  value: OtsValue;
  passIfMissing: boolean;
}

/** Every sub-condition must pass (`CompositeColumnValueFilter` with `AND`); 2–10 of them. */
export interface AndCondition {
  and: SingleColumnCondition[];
}

export type ColumnCondition = SingleColumnCondition | AndCondition;

/** The `Condition` of a write: it fails with `OTSConditionCheckFail` unless it holds. */
export interface WriteCondition {
  row: RowExistence;
  column?: ColumnCondition;
}

/** An `UpdateRow`: columns to put (one new version each) and columns to delete (all versions). */
export interface RowUpdate {
  put?: OtsColumns;
  delete?: string[];
}

/** A table's primary key: its one STRING column's name and this row's value. */
export interface PrimaryKey {
  name: string;
  value: string;
}

/** The documented error codes the store tells apart (the rest are kept as they come). */
export type OtsErrorCode =
  | 'OTSConditionCheckFail'
  | 'OTSObjectNotExist'
  | 'OTSObjectAlreadyExist'
  | 'OTSAuthFailed'
  | 'OTSParameterInvalid'
  | 'OTSServerBusy'
  | 'OTSServerUnavailable'
  | 'OTSTimeout'
  | 'OTSInternalServerError'
  | 'OTSQuotaExhausted'
  | 'OTSRowOperationConflict'
  | 'OTSNotEnoughCapacityUnit';

/**
 * What failed, from the wire client. `code` is Tablestore's code from the protobuf `Error` body
 * (or `NetworkError` / `Timeout` / `BadResponse` when there was no such body); `status` the HTTP
 * status (0 when none came). `outcomeUnknown`: the request may have been applied although no
 * answer says so (a timeout or a connection reset after the request was sent).
 */
export class OtsError extends Error {
  override name = 'OtsError';
  readonly code: string;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly outcomeUnknown: boolean;

  constructor(
    message: string,
    details: { code: string; status: number; requestId?: string; outcomeUnknown: boolean },
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = details.code;
    this.status = details.status;
    this.requestId = details.requestId;
    this.outcomeUnknown = details.outcomeUnknown;
  }

  /** True for `OTSConditionCheckFail`: the write's condition did not hold; nothing was written. */
  get conditionFailed(): boolean {
    return this.code === 'OTSConditionCheckFail';
  }
}

/** The operations on one table, as the store calls them. */
export interface OtsTable {
  /** The row's attribute columns (latest versions), or undefined when there is no such row. */
  getRow(key: string): Promise<OtsColumns | undefined>;
  /** Writes the whole row (every other column is dropped) if `condition` holds. */
  putRow(key: string, columns: OtsColumns, condition: WriteCondition): Promise<void>;
  /** Puts and deletes columns of the row if `condition` holds. */
  updateRow(key: string, update: RowUpdate, condition: WriteCondition): Promise<void>;
  /** Deletes the row if `condition` holds (`IGNORE` or `EXPECT_EXIST` only). */
  deleteRow(key: string, condition: WriteCondition): Promise<void>;
}
