/**
 * The emulator's data: tables of rows of column versions, and what a reader sees of them.
 *
 * Tablestore keeps versions per attribute column, each with a millisecond timestamp (the server's
 * clock unless the writer gives one); `max_versions` bounds how many are kept, and `time_to_live`
 * hides every version older than that many seconds, lazily: it is unreadable at once and removed
 * later (https://www.alibabacloud.com/help/doc-detail/52618.htm; per column version:
 * https://www.alibabacloud.com/help/en/tablestore/ttl-of-search-indexes). A row is visible while at
 * least one of its column versions is; otherwise reads and row-existence checks see no row.
 */
import type { OtsValue } from '#lib/send/store/tablestore/table.ts';

/** One version of one column. */
export interface Version {
  value: OtsValue;
  timestamp: number;
}

/** A table and its rows; each column's versions are kept newest first. */
export interface EmulatedTable {
  name: string;
  primaryKey: string;
  /** Seconds, or -1 for never. */
  timeToLive: number;
  maxVersions: number;
  createdAt: number;
  rows: Map<string, Map<string, Version[]>>;
}

/** A row as `rows()` and `GET /_tables/<name>` show it. */
export interface RowSnapshot {
  key: string;
  /** The latest visible version of each column: what GetRow answers. */
  columns: Record<string, OtsValue>;
  /** Every stored version, expired ones included until the next write of the row. */
  versions: Record<string, (Version & { expired: boolean })[]>;
}

/** True while a version written at `timestamp` is readable. */
export function isLive(table: EmulatedTable, timestamp: number, now: number): boolean {
  return table.timeToLive === -1 || timestamp + table.timeToLive * 1000 > now;
}

/**
 * The readable versions of a row by column, or undefined when no version is readable.
 * @example visibleRow(table, 'k', Date.now())?.get('state')?.[0]?.value
 */
export function visibleRow(
  table: EmulatedTable,
  key: string,
  now: number,
): Map<string, Version[]> | undefined {
  const stored = table.rows.get(key);
  if (stored === undefined) return undefined;
  const visible = new Map<string, Version[]>();
  for (const [name, versions] of stored) {
    const live = versions.filter((version) => isLive(table, version.timestamp, now));
    if (live.length > 0) visible.set(name, live);
  }
  return visible.size > 0 ? visible : undefined;
}

/** The stored row for a write, expired versions dropped (the lazy deletion catching up). */
export function rowForWrite(
  table: EmulatedTable,
  key: string,
  now: number,
): Map<string, Version[]> {
  const row = visibleRow(table, key, now) ?? new Map<string, Version[]>();
  table.rows.set(key, row);
  return row;
}

/** Adds a version, replacing one with the same timestamp and keeping the newest `maxVersions`. */
export function addVersion(
  table: EmulatedTable,
  row: Map<string, Version[]>,
  name: string,
  version: Version,
): void {
  const others = (row.get(name) ?? []).filter((kept) => kept.timestamp !== version.timestamp);
  const versions = [...others, version].sort((a, b) => b.timestamp - a.timestamp);
  row.set(name, versions.slice(0, table.maxVersions));
}

/** Forgets a row left without columns, so it reads as missing. */
export function dropIfEmpty(table: EmulatedTable, key: string): void {
  const row = table.rows.get(key);
  if (row !== undefined && [...row.values()].every((versions) => versions.length === 0)) {
    table.rows.delete(key);
  }
}

/**
 * Every row of the table, sorted by key.
 * @example snapshot(table, Date.now())[0]?.columns // { state: 'done' }
 */
export function snapshot(table: EmulatedTable, now: number): RowSnapshot[] {
  return [...table.rows.keys()].sort().map((key) => {
    const stored = table.rows.get(key) ?? new Map<string, Version[]>();
    const visible = visibleRow(table, key, now) ?? new Map<string, Version[]>();
    return {
      key,
      columns: Object.fromEntries(
        [...visible].map(([name, versions]) => [name, versions[0]?.value ?? '']),
      ),
      versions: Object.fromEntries(
        [...stored].map(([name, versions]) => [
          name,
          versions.map((v) => ({ ...v, expired: !isLive(table, v.timestamp, now) })),
        ]),
      ),
    };
  });
}
