/**
 * GetRow, PutRow, UpdateRow and DeleteRow on the emulator's tables, with PlainBuffer rows and
 * conditions checked before anything changes (a failed condition writes nothing).
 *
 * PutRow replaces the whole row; UpdateRow puts versions (PUT), deletes a column's versions
 * (DELETE_ALL) or one version (DELETE with a timestamp); increments are not emulated. DeleteRow
 * accepts IGNORE and EXPECT_EXIST only (https://www.alibabacloud.com/help/doc-detail/27308.html).
 * Written versions take the emulator's clock unless the request gives a timestamp. The PK
 * validation messages are the service's as commonly reported; the PlainBuffer one is the emulator's.
 */
import {
  decodeRow,
  encodePlainRow,
  type PlainCell,
  type PlainRow,
} from '#lib/send/store/tablestore/plain-buffer.ts';
import { ots } from '#lib/send/store/tablestore/proto/tablestore.js';
import { checkCondition } from './conditions.ts';
import { parameterInvalid } from './errors.ts';
import { type OperationHandler, parseRequest, tableNamed } from './table-operations.ts';
import { addVersion, dropIfEmpty, type EmulatedTable, rowForWrite, visibleRow } from './tables.ts';

/** The longest STRING primary-key value, in bytes. */
const MAX_PK_BYTES = 1024;

function parseRow(bytes: Uint8Array): PlainRow {
  try {
    return decodeRow(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw parameterInvalid(`Failed to parse the PlainBuffer row: ${reason}`);
  }
}

function keyOf(table: EmulatedTable, row: PlainRow): string {
  const [cell, ...others] = row.primaryKey;
  if (cell === undefined || others.length > 0) {
    throw parameterInvalid(`Validate PK size fail. Input: ${row.primaryKey.length}, Meta: 1.`);
  }
  if (cell.name !== table.primaryKey) {
    throw parameterInvalid(
      `Validate PK name fail. Input: ${cell.name}, Meta: ${table.primaryKey}.`,
    );
  }
  if (typeof cell.value !== 'string') {
    throw parameterInvalid('Validate PK type fail. Input: VT_INTEGER, Meta: VT_STRING.');
  }
  const length = Buffer.byteLength(cell.value);
  if (length > MAX_PK_BYTES) {
    throw parameterInvalid(
      `The length of primary key column: '${cell.name}' exceeds the MaxLength:${MAX_PK_BYTES} with CurrentLength:${length}.`,
    );
  }
  return cell.value;
}

function checkWrite(
  table: EmulatedTable,
  key: string,
  condition: ots.Condition.$Properties,
  now: number,
): void {
  if (!(condition.rowExistence in ots.RowExistenceExpectation)) {
    throw parameterInvalid(`Invalid row existence expectation: ${condition.rowExistence}.`);
  }
  const primaryKey = { name: table.primaryKey, value: key };
  checkCondition(condition, { primaryKey, row: visibleRow(table, key, now) });
}

function consumed(read: number, write: number): ots.ConsumedCapacity.$Properties {
  return { capacityUnit: { read, write } };
}

function needsValue(cell: PlainCell): asserts cell is PlainCell & { value: string | number } {
  if (cell.value === undefined) throw parameterInvalid(`Column '${cell.name}' has no value.`);
}

/** `GetRow`: the readable versions (up to `max_versions`, default 1), or an empty row. */
export const getRow: OperationHandler = function getRow(state, body) {
  const request = parseRequest(ots.GetRowRequest, body);
  const table = tableNamed(state, request.tableName);
  const key = keyOf(table, parseRow(request.primaryKey));
  const wanted = new Set(request.columnsToGet ?? []);
  const perColumn = Math.max(1, request.maxVersions ?? 1);
  const cells: PlainCell[] = [];
  for (const [name, versions] of visibleRow(table, key, state.now()) ?? []) {
    if (wanted.size > 0 && !wanted.has(name)) continue;
    for (const { value, timestamp } of versions.slice(0, perColumn)) {
      cells.push({ name, value, timestamp });
    }
  }
  const primaryKey = [{ name: table.primaryKey, value: key }];
  const row =
    cells.length === 0
      ? new Uint8Array()
      : encodePlainRow({ primaryKey, cells, deleteMarker: false });
  return ots.GetRowResponse.encode({ consumed: consumed(1, 0), row }).finish();
};

/** `PutRow`: the row becomes exactly the given columns. */
export const putRow: OperationHandler = function putRow(state, body) {
  const request = parseRequest(ots.PutRowRequest, body);
  const table = tableNamed(state, request.tableName);
  const row = parseRow(request.row);
  const key = keyOf(table, row);
  const now = state.now();
  for (const cell of row.cells) {
    needsValue(cell);
    if (cell.op !== undefined) throw parameterInvalid(`PutRow cannot ${cell.op} '${cell.name}'.`);
  }
  checkWrite(table, key, request.condition, now);
  const columns = new Map();
  table.rows.set(key, columns);
  for (const cell of row.cells) {
    needsValue(cell);
    addVersion(table, columns, cell.name, { value: cell.value, timestamp: cell.timestamp ?? now });
  }
  dropIfEmpty(table, key);
  return ots.PutRowResponse.encode({ consumed: consumed(0, 1) }).finish();
};

function checkChange(cell: PlainCell): void {
  if (cell.op === undefined) needsValue(cell);
  else if (cell.op === 'increment')
    throw parameterInvalid('The emulator does not emulate INCREMENT.');
  else if (cell.op === 'delete-one' && cell.timestamp === undefined) {
    throw parameterInvalid(`Deleting one version of '${cell.name}' needs its timestamp.`);
  }
}

/** `UpdateRow`: puts and deletes columns of the row, creating it if needed. */
export const updateRow: OperationHandler = function updateRow(state, body) {
  const request = parseRequest(ots.UpdateRowRequest, body);
  const table = tableNamed(state, request.tableName);
  const change = parseRow(request.rowChange);
  const key = keyOf(table, change);
  const now = state.now();
  change.cells.forEach(checkChange);
  checkWrite(table, key, request.condition, now);
  const columns = rowForWrite(table, key, now);
  for (const cell of change.cells) {
    if (cell.op === 'delete-all') columns.delete(cell.name);
    else if (cell.op === 'delete-one') {
      const kept = (columns.get(cell.name) ?? []).filter((v) => v.timestamp !== cell.timestamp);
      columns.set(cell.name, kept);
    } else if (cell.value !== undefined) {
      addVersion(table, columns, cell.name, {
        value: cell.value,
        timestamp: cell.timestamp ?? now,
      });
    }
  }
  dropIfEmpty(table, key);
  return ots.UpdateRowResponse.encode({ consumed: consumed(0, 1) }).finish();
};

/** `DeleteRow`: removes every column of the row. */
export const deleteRow: OperationHandler = function deleteRow(state, body) {
  const request = parseRequest(ots.DeleteRowRequest, body);
  const table = tableNamed(state, request.tableName);
  const key = keyOf(table, parseRow(request.primaryKey));
  if (request.condition.rowExistence === ots.RowExistenceExpectation.EXPECT_NOT_EXIST) {
    throw parameterInvalid('Invalid condition: EXPECT_NOT_EXIST while deleting row.');
  }
  checkWrite(table, key, request.condition, state.now());
  table.rows.delete(key);
  return ots.DeleteRowResponse.encode({ consumed: consumed(0, 1) }).finish();
};
