/**
 * `OtsTable` over the wire: the four row operations of one table, plus `createTable` and
 * `describeTable` for local start and tests, in protobuf and PlainBuffer without the SDK.
 *
 * Each call reads `timeoutMs()` when it starts (the store passes the time left before the
 * function's deadline), sends once and maps every failure to an `OtsError` (`ots-http.ts`).
 * Answers are decoded leniently where the protocol allows it: unknown fields are skipped and
 * optional ones may be missing; a 2xx body that is not the expected message is `BadResponse`.
 */
import { encodeCondition } from '#lib/send/store/tablestore/conditions.ts';
import { callOts } from '#lib/send/store/tablestore/ots-http.ts';
import {
  decodeRow,
  encodeDeleteRowKey,
  encodePrimaryKey,
  encodePutRow,
  encodeRowChange,
  latestColumns,
} from '#lib/send/store/tablestore/plain-buffer.ts';
import { ots } from '#lib/send/store/tablestore/proto/tablestore.js';
import type { OtsCredentials } from '#lib/send/store/tablestore/signer.ts';
import {
  type OtsColumns,
  OtsError,
  type OtsTable,
  type RowUpdate,
  type WriteCondition,
} from '#lib/send/store/tablestore/table.ts';

/** One table on one instance, and how to reach it. */
export interface OtsTableOptions {
  /** `https://<instance>.<region>.ots.aliyuncs.com`, or the emulator's URL. */
  endpoint: string;
  instance: string;
  table: string;
  /** The name of the table's one STRING primary-key column. */
  primaryKey: string;
  credentials: OtsCredentials;
  /** Milliseconds the next call may take; 0 or less fails the call before anything is sent. */
  timeoutMs: () => number;
}

/** The settings of a new table: a TTL in seconds (-1: never expire) and one version per column. */
export interface CreateTableSettings {
  timeToLiveSeconds: number;
  maxVersions: 1;
}

/** What `describeTable` reports. */
export interface OtsTableDescription {
  table: string;
  primaryKey: { name: string; type: keyof typeof ots.PrimaryKeyType }[];
  timeToLiveSeconds: number;
  maxVersions: number;
  status: keyof typeof ots.TableStatus;
}

/** Operations that change nothing: an unreadable answer to them leaves no doubt behind. */
const READS = new Set(['GetRow', 'DescribeTable']);

/** Decodes a 2xx body, or throws `BadResponse`: the call succeeded but its answer is unreadable. */
function decoded<T>(
  operation: string,
  reply: { body: Buffer; status: number; requestId?: string },
  decode: (body: Buffer) => T,
): T {
  try {
    return decode(reply.body);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new OtsError(
      `Tablestore ${operation} answered HTTP ${reply.status} with a body that is not a ${operation}Response: ${reason}`,
      {
        code: 'BadResponse',
        status: reply.status,
        requestId: reply.requestId,
        outcomeUnknown: !READS.has(operation),
      },
      cause,
    );
  }
}

class WireTable implements OtsTable {
  readonly #options: OtsTableOptions;

  constructor(options: OtsTableOptions) {
    this.#options = options;
  }

  #key(value: string) {
    return { name: this.#options.primaryKey, value };
  }

  async #call<T>(operation: string, body: Uint8Array, decode: (body: Buffer) => T): Promise<T> {
    const reply = await callOts(this.#options, operation, body, this.#options.timeoutMs);
    return decoded(operation, reply, decode);
  }

  async getRow(key: string): Promise<OtsColumns | undefined> {
    const request = ots.GetRowRequest.encode({
      tableName: this.#options.table,
      primaryKey: encodePrimaryKey(this.#key(key)),
      maxVersions: 1,
    }).finish();
    return this.#call('GetRow', request, function decodeGetRow(body) {
      const { row } = ots.GetRowResponse.decode(body);
      return row.length === 0 ? undefined : latestColumns(decodeRow(row));
    });
  }

  async putRow(key: string, columns: OtsColumns, condition: WriteCondition): Promise<void> {
    const request = ots.PutRowRequest.encode({
      tableName: this.#options.table,
      row: encodePutRow(this.#key(key), columns),
      condition: encodeCondition(condition),
    }).finish();
    await this.#call('PutRow', request, (body) => ots.PutRowResponse.decode(body));
  }

  async updateRow(key: string, update: RowUpdate, condition: WriteCondition): Promise<void> {
    const request = ots.UpdateRowRequest.encode({
      tableName: this.#options.table,
      rowChange: encodeRowChange(this.#key(key), update),
      condition: encodeCondition(condition),
    }).finish();
    await this.#call('UpdateRow', request, (body) => ots.UpdateRowResponse.decode(body));
  }

  async deleteRow(key: string, condition: WriteCondition): Promise<void> {
    const request = ots.DeleteRowRequest.encode({
      tableName: this.#options.table,
      primaryKey: encodeDeleteRowKey(this.#key(key)),
      condition: encodeCondition(condition),
    }).finish();
    await this.#call('DeleteRow', request, (body) => ots.DeleteRowResponse.decode(body));
  }
}

/**
 * The wire client of one table. Cheap: make one per invocation with that invocation's credentials.
 * @example
 * const table = otsTable({ endpoint, instance: 'inst', table: 'idem', primaryKey: 'id', credentials, timeoutMs: () => deadline - Date.now() });
 * await table.putRow('k', { state: 'new' }, { row: 'EXPECT_NOT_EXIST' }); // OtsError with conditionFailed if it exists
 */
export function otsTable(options: OtsTableOptions): OtsTable {
  return new WireTable(options);
}

/**
 * Creates the table: one STRING primary key, the given TTL and max versions, no reserved
 * throughput (pay as you go). An existing table fails with `OTSObjectAlreadyExist`.
 * @example await createTable(options, { timeToLiveSeconds: 86_400, maxVersions: 1 })
 */
export async function createTable(
  options: OtsTableOptions,
  settings: CreateTableSettings,
): Promise<void> {
  const request = ots.CreateTableRequest.encode({
    tableMeta: {
      tableName: options.table,
      primaryKey: [{ name: options.primaryKey, type: ots.PrimaryKeyType.STRING }],
    },
    reservedThroughput: { capacityUnit: { read: 0, write: 0 } },
    tableOptions: { timeToLive: settings.timeToLiveSeconds, maxVersions: settings.maxVersions },
  }).finish();
  const reply = await callOts(options, 'CreateTable', request, options.timeoutMs);
  decoded('CreateTable', reply, (body) => ots.CreateTableResponse.decode(body));
}

/** A field the answer carried; decoded messages keep absent ones on their prototype, as 0. */
function sent<T extends object, K extends keyof T>(message: T, field: K): T[K] | undefined {
  return Object.hasOwn(message, field) ? message[field] : undefined;
}

function enumName<E extends Record<string, string | number>>(values: E, value: number): keyof E {
  const name = Object.keys(values).find((key) => values[key] === value);
  if (name === undefined) throw new Error(`unknown enum value ${value}`);
  return name;
}

/**
 * The table's schema, options and status.
 * @example (await describeTable(options)).timeToLiveSeconds // 86400
 */
export async function describeTable(options: OtsTableOptions): Promise<OtsTableDescription> {
  const request = ots.DescribeTableRequest.encode({ tableName: options.table }).finish();
  const reply = await callOts(options, 'DescribeTable', request, options.timeoutMs);
  return decoded('DescribeTable', reply, function decodeDescribeTable(body) {
    const answer = ots.DescribeTableResponse.decode(body);
    return {
      table: answer.tableMeta.tableName,
      primaryKey: (answer.tableMeta.primaryKey ?? []).map((column) => ({
        name: column.name,
        type: enumName(ots.PrimaryKeyType, column.type),
      })),
      timeToLiveSeconds: sent(answer.tableOptions, 'timeToLive') ?? -1,
      maxVersions: sent(answer.tableOptions, 'maxVersions') ?? 1,
      status: enumName(ots.TableStatus, answer.tableStatus),
    };
  });
}
