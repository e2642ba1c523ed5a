/**
 * CreateTable, DescribeTable, ListTable and DeleteTable: protobuf request in, protobuf answer out,
 * documented errors thrown.
 *
 * The emulator holds tables of one STRING primary-key column, all the idempotency store needs.
 * Options follow https://alibabacloud.com/help/en/tablestore/developer-reference/tableoptions:
 * `time_to_live` is -1 (default, never) or at least 86400 seconds; `max_versions` defaults to 1.
 */
import { ots } from '#lib/send/store/tablestore/proto/tablestore.js';
import { parameterInvalid, tableAlreadyExist, tableNotExist } from './errors.ts';
import type { EmulatedTable } from './tables.ts';

/** What the table operations share. */
export interface InstanceState {
  tables: Map<string, EmulatedTable>;
  /** The emulator's clock, in milliseconds. */
  now: () => number;
}

/** One operation: the request body in, the response body out. */
export type OperationHandler = (state: InstanceState, body: Buffer) => Uint8Array;

/** Table names: letters, digits and `_`, not starting with a digit, 1–255 characters. */
const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

/**
 * Decodes a request body; a body that is not the operation's message is the documented 400.
 * @example const request = parseRequest(ots.GetRowRequest, body)
 */
export function parseRequest<T>(type: { decode(body: Uint8Array): T }, body: Buffer): T {
  try {
    return type.decode(body);
  } catch {
    throw parameterInvalid('Failed to parse the ProtoBuf message.');
  }
}

/** The table a row or describe request names, or 404. */
export function tableNamed(state: InstanceState, name: string): EmulatedTable {
  const table = state.tables.get(name);
  if (table === undefined) throw tableNotExist();
  return table;
}

function checkOptions(options: ots.TableOptions.$Properties | undefined): {
  ttl: number;
  versions: number;
} {
  // Decoded messages keep absent fields on their prototype (as 0): only own ones were sent.
  const ttl = options && Object.hasOwn(options, 'timeToLive') ? (options.timeToLive ?? -1) : -1;
  const versions =
    options && Object.hasOwn(options, 'maxVersions') ? (options.maxVersions ?? 1) : 1;
  if (ttl === 0 || ttl < -1) throw parameterInvalid('TimeToLive cannot be 0 or less than -1.');
  // The emulator's wording for a documented limit.
  if (ttl !== -1 && ttl < 86_400)
    throw parameterInvalid('TimeToLive must be -1 or at least 86400.');
  if (versions < 1) throw parameterInvalid('MaxVersions must be greater than 0.');
  return { ttl, versions };
}

/** `CreateTable`. */
export const createTable: OperationHandler = function createTable(state, body) {
  const request = parseRequest(ots.CreateTableRequest, body);
  const { tableName } = request.tableMeta;
  const primaryKey = request.tableMeta.primaryKey ?? [];
  if (!TABLE_NAME.test(tableName)) throw parameterInvalid(`Invalid table name: '${tableName}'.`);
  const [column, ...others] = primaryKey;
  if (column === undefined || others.length > 0 || column.type !== ots.PrimaryKeyType.STRING) {
    throw parameterInvalid('The emulator supports exactly one STRING primary-key column.');
  }
  const { ttl, versions } = checkOptions(request.tableOptions ?? undefined);
  if (state.tables.has(tableName)) throw tableAlreadyExist();
  state.tables.set(tableName, {
    name: tableName,
    primaryKey: column.name,
    timeToLive: ttl,
    maxVersions: versions,
    createdAt: state.now(),
    rows: new Map(),
  });
  return ots.CreateTableResponse.encode({}).finish();
};

/** `DescribeTable`: the schema, options, no reserved throughput, always ACTIVE. */
export const describeTable: OperationHandler = function describeTable(state, body) {
  const table = tableNamed(state, parseRequest(ots.DescribeTableRequest, body).tableName);
  return ots.DescribeTableResponse.encode({
    tableMeta: {
      tableName: table.name,
      primaryKey: [{ name: table.primaryKey, type: ots.PrimaryKeyType.STRING }],
    },
    reservedThroughputDetails: {
      capacityUnit: { read: 0, write: 0 },
      lastIncreaseTime: Math.floor(table.createdAt / 1000),
    },
    tableOptions: { timeToLive: table.timeToLive, maxVersions: table.maxVersions },
    tableStatus: ots.TableStatus.ACTIVE,
  }).finish();
};

/** `ListTable`: every table name, sorted. */
export const listTable: OperationHandler = function listTable(state, body) {
  parseRequest(ots.ListTableRequest, body);
  return ots.ListTableResponse.encode({ tableNames: [...state.tables.keys()].sort() }).finish();
};

/** `DeleteTable`: the table and all its rows. */
export const deleteTable: OperationHandler = function deleteTable(state, body) {
  const table = tableNamed(state, parseRequest(ots.DeleteTableRequest, body).tableName);
  state.tables.delete(table.name);
  return ots.DeleteTableResponse.encode({}).finish();
};
