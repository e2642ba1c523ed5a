/**
 * The Tablestore idempotency store: shared by every FC instance, reached with the invocation's
 * own STS credentials (no VPC, no password), so a redelivery that lands on another instance
 * still finds its request and chunks.
 *
 * Layout: one row per request key, its primary key the key itself, with
 *   h    the head as JSON: fingerprint, state, lease, owner token
 *   r    the result as JSON text, once done
 *   c<i> chunk i as JSON (state, lease, claimer, in doubt, result)
 *   exp  expiry, epoch ms: the TTL of the last write, checked on every read, since Tablestore's
 *        own TTL deletes lazily and per column version
 *   v    the row's version, 1 more with every write
 *   w    the id of the write that made this version
 *
 * A progress report is a row of its own, `progress:<key>` (no ledger key has that namespace:
 * theirs are the triggers'), with a column `p<part>` per part (JSON) and `exp`. A part is put with
 * UpdateRow under the condition "not expired"; a row whose report expired is replaced whole
 * (PutRow, on the condition that it still is expired), so no part of an old report survives into
 * a new one under the same key.
 *
 * Every operation reads the row (or takes it as this store last wrote it: a store serves one
 * invocation, and runs its operations on one row one at a time), applies the same pure
 * transition the memory store applies
 * (`transitions.ts`), and writes the result with the condition "the version is still the one I
 * read": two writers of one row are serialised by Tablestore, the loser reads again and decides
 * anew, so the store behaves exactly like the memory store's single thread, across instances.
 * `begin` and `finish` rewrite the whole row (PutRow), which renews every column's version for
 * the table's TTL; chunk writes touch only their chunk (UpdateRow).
 *
 * A write whose answer was lost (a timeout, a reset) may have landed: the row is read once more
 * and the write counts as done if its write id is there; otherwise the operation starts again
 * from that read, within the attempts and the time left. A timeout that leaves no time fails as
 * a retryable store error, and the ledger's in-doubt rules apply, as for any store failure.
 */
import { randomUUID } from 'node:crypto';
import type {
  BeginResult,
  ClaimResult,
  IdempotencyStore,
  ProgressParts,
  RecordView,
  StoredJson,
} from '#lib/send/store/store.ts';
import { IdempotencyStoreError } from '#lib/send/store/store-error.ts';
import {
  type OtsColumns,
  OtsError,
  type OtsTable,
  type WriteCondition,
} from '#lib/send/store/tablestore/table.ts';
import {
  abandonRequest,
  beginRequest,
  type ChunkRecord,
  checkChunkCall,
  checkDurations,
  checkProgressPart,
  claimChunkRecord,
  completeChunkRecord,
  finishRequest,
  progressParts,
  type RequestRecord,
  releaseChunkRecord,
  type Step,
  viewOf,
} from '#lib/send/store/transitions.ts';

export interface TablestoreStoreOptions {
  /** The clock for leases and expiry, in epoch ms; tests inject one they can move. */
  now?: () => number;
  /** Owner tokens and write ids; tests inject predictable ones. Default random UUIDs. */
  id?: () => string;
  /** Reads and writes one row may take before the store gives up on contention. Default 20. */
  maxAttempts?: number;
  /**
   * Waits `ms` before trying again after losing a race on a fresh read; tests record the pauses.
   * Default a timer.
   */
  pause?: (ms: number) => Promise<void>;
  /** The jitter's source, in [0, 1). Default `Math.random`. */
  random?: () => number;
}

/** What a read found: the record (undefined when absent or expired) and the version it had. */
interface Read {
  record: RequestRecord | undefined;
  version: number | undefined;
  /** The row's columns as read (or as this store last wrote them). */
  columns: OtsColumns | undefined;
  /** True when this is what the store last wrote, not a fresh read. */
  remembered?: boolean;
}

/** How a step's next record is written: the whole row (PutRow), or the columns it changed. */
type WriteMode = boolean;
const WHOLE_ROW: WriteMode = true;
const COLUMNS: WriteMode = false;

const CHUNK_PREFIX = 'c';
const PART_PREFIX = 'p';
const PROGRESS_ROW = 'progress:';

/**
 * An `IdempotencyStore` in one Tablestore table, atomic across FC instances. Make one per
 * invocation over a table client holding that invocation's credentials (`otsTable`); failures
 * are retryable `IdempotencyStoreError`s.
 *
 * @example
 * const store = new TablestoreStore(otsTable({ endpoint, instance, table, primaryKey: 'key', credentials, timeoutMs }));
 * const begun = await store.begin('mns:msg-1', fingerprint(request), 30_000, 86_400_000);
 */
export class TablestoreStore implements IdempotencyStore {
  readonly #table: OtsTable;
  readonly #now: () => number;
  readonly #id: () => string;
  readonly #maxAttempts: number;
  readonly #pause: (ms: number) => Promise<void>;
  readonly #random: () => number;
  /** Each row as this store last wrote it: the next operation on it may skip its read. */
  readonly #written = new Map<string, OtsColumns>();
  /** Per row, the end of the operation last queued on it. */
  readonly #queues = new Map<string, Promise<void>>();

  constructor(table: OtsTable, options: TablestoreStoreOptions = {}) {
    this.#table = table;
    this.#now = options.now ?? Date.now;
    this.#id = options.id ?? randomUUID;
    this.#maxAttempts = options.maxAttempts ?? 20;
    this.#pause = options.pause ?? sleep;
    this.#random = options.random ?? Math.random;
  }

  async begin(key: string, fp: string, leaseMs: number, ttlMs: number): Promise<BeginResult> {
    checkDurations({ leaseMs, ttlMs });
    const token = this.#id();
    return this.#transact('begin', key, WHOLE_ROW, ttlMs, (record, now) =>
      beginRequest(record, fp, now, now + leaseMs, token),
    );
  }

  async finish(key: string, token: string, result: StoredJson, ttlMs: number): Promise<boolean> {
    checkDurations({ ttlMs });
    const text = JSON.stringify(result);
    return this.#transact('finish', key, WHOLE_ROW, ttlMs, (record) =>
      finishRequest(record, token, text),
    );
  }

  async abandon(key: string, token: string): Promise<boolean> {
    // Giving up ownership keeps the record's expiry, as in the other stores.
    return this.#transact('abandon', key, COLUMNS, undefined, (record) =>
      abandonRequest(record, token),
    );
  }

  async claimChunk(
    key: string,
    token: string,
    index: number,
    leaseMs: number,
    ttlMs: number,
  ): Promise<ClaimResult> {
    checkChunkCall(index, { leaseMs, ttlMs });
    return this.#transact('claim a chunk', key, COLUMNS, ttlMs, (record, now) =>
      claimChunkRecord(record, token, index, now, now + leaseMs),
    );
  }

  async completeChunk(
    key: string,
    token: string,
    index: number,
    result: StoredJson,
    ttlMs: number,
  ): Promise<boolean> {
    checkChunkCall(index, { ttlMs });
    const text = JSON.stringify(result);
    return this.#transact('complete a chunk', key, COLUMNS, ttlMs, (record) =>
      completeChunkRecord(record, token, index, text),
    );
  }

  async releaseChunk(key: string, token: string, index: number, inDoubt: boolean, ttlMs: number) {
    checkChunkCall(index, { ttlMs });
    return this.#transact('release a chunk', key, COLUMNS, ttlMs, (record) =>
      releaseChunkRecord(record, token, index, inDoubt),
    );
  }

  async peek(key: string): Promise<RecordView | undefined> {
    const columns = await this.#call('read a record', () => this.#table.getRow(key));
    return viewOf(decodeRow(columns, this.#now()).record);
  }

  async putProgress(key: string, part: string, value: StoredJson, ttlMs: number) {
    checkProgressPart(part, ttlMs);
    const row = PROGRESS_ROW + key;
    const now = this.#now();
    const put: OtsColumns = { [PART_PREFIX + part]: JSON.stringify(value), exp: now + ttlMs };
    const live: WriteCondition = {
      row: 'IGNORE',
      column: { column: 'exp', comparator: 'GREATER_THAN', value: now, passIfMissing: true },
    };
    const expired: WriteCondition = {
      row: 'EXPECT_EXIST',
      column: { column: 'exp', comparator: 'LESS_EQUAL', value: now, passIfMissing: false },
    };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (await this.#progressWritten(() => this.#table.updateRow(row, { put }, live))) return;
      // The report expired: this part starts a new one, unless another writer just did.
      if (await this.#progressWritten(() => this.#table.putRow(row, put, expired))) return;
    }
    throw new IdempotencyStoreError(
      'The idempotency store could not write progress: the row kept changing.',
    );
  }

  /**
   * A progress write under its condition: true once written, false when the condition did not
   * hold; any other failure is a store error.
   */
  async #progressWritten(write: () => Promise<void>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (error) {
      if (error instanceof OtsError && error.conditionFailed) return false;
      throw storeError('write progress', error);
    }
  }

  async readProgress(key: string): Promise<ProgressParts | undefined> {
    const columns = await this.#call('read progress', () => this.#table.getRow(PROGRESS_ROW + key));
    if (!columns || typeof columns.exp !== 'number' || columns.exp <= this.#now()) return undefined;
    const stored: Record<string, string> = {};
    for (const [name, value] of Object.entries(columns)) {
      if (name.startsWith(PART_PREFIX) && typeof value === 'string') {
        stored[name.slice(PART_PREFIX.length)] = value;
      }
    }
    try {
      return progressParts(stored);
    } catch (error) {
      throw storeError('read progress', error);
    }
  }

  /** Nothing to close: connections are pooled per endpoint, credentials go with the invocation. */
  async close(): Promise<void> {}

  /**
   * Read, transition, conditional write; again from the read when another writer came first.
   * `ttlMs` undefined keeps the stored expiry.
   */
  async #transact<T>(
    operation: string,
    key: string,
    mode: WriteMode,
    ttlMs: number | undefined,
    transition: (record: RequestRecord | undefined, now: number) => Step<T>,
  ): Promise<T> {
    // One operation at a time per row within this store (one invocation): its chunks' claims
    // and completions would otherwise race each other on the row's version, and under load a
    // completion could lose 20 races in a row and leave a sent chunk in progress (#10, found by
    // the 20,000-target progress test). Other instances' writes are still serialised by version.
    const previous = this.#queues.get(key) ?? Promise.resolve();
    const run = () => this.#attempts(operation, key, mode, ttlMs, transition);
    const current = previous.then(run, run);
    const tail = current.then(
      () => undefined,
      () => undefined,
    );
    this.#queues.set(key, tail);
    try {
      return await current;
    } finally {
      if (this.#queues.get(key) === tail) this.#queues.delete(key);
    }
  }

  async #attempts<T>(
    operation: string,
    key: string,
    mode: WriteMode,
    ttlMs: number | undefined,
    transition: (record: RequestRecord | undefined, now: number) => Step<T>,
  ): Promise<T> {
    let lost: OtsError | undefined;
    for (let attempt = 0; attempt < this.#maxAttempts; attempt += 1) {
      const read = await this.#read(operation, key);
      const now = this.#now();
      const step = transition(read.record, now);
      if (!step.next) {
        // An answer that writes nothing must come from the row as it is, not as last written.
        if (!read.remembered) return step.outcome;
        this.#written.delete(key);
        continue;
      }
      const written = await this.#write(operation, key, read, step.next, {
        mode,
        writeId: this.#id(),
        expiresAt: ttlMs === undefined ? undefined : now + ttlMs,
      });
      if (written instanceof OtsError || written === false) this.#written.delete(key);
      else {
        this.#written.set(key, written);
        return step.outcome;
      }
      // Another writer changed the row since the read, or the write was lost on the way:
      // decide again on what the row holds now.
      if (written instanceof OtsError) lost = written;
      else if (!read.remembered) await this.#pause(this.#jitter(attempt));
    }
    if (lost) throw storeError(operation, lost);
    throw new IdempotencyStoreError(
      `The idempotency store could not ${operation} within ${this.#maxAttempts} attempts: the row kept changing.`,
    );
  }

  /** A short random pause after losing a race, growing with each attempt up to 50 ms. */
  #jitter(attempt: number): number {
    return this.#random() * Math.min(50, 2 ** attempt);
  }

  /**
   * The row as this store last wrote it, or as Tablestore has it. A remembered row is safe to
   * decide a write on: the write's condition refuses it if anyone wrote since.
   */
  async #read(operation: string, key: string): Promise<Read> {
    const remembered = this.#written.get(key);
    if (remembered) return { ...decodeRow(remembered, this.#now()), remembered: true };
    const columns = await this.#call(operation, () => this.#table.getRow(key));
    return decodeRow(columns, this.#now());
  }

  /**
   * Writes `next` if the row is still at `read.version`: the row's columns once written, false
   * when another writer came first, the error when its answer was lost and it did not land.
   */
  async #write(
    operation: string,
    key: string,
    read: Read,
    next: RequestRecord,
    write: { mode: WriteMode; writeId: string; expiresAt: number | undefined },
  ): Promise<OtsColumns | false | OtsError> {
    const version = (read.version ?? 0) + 1;
    const condition = versionCondition(read.version);
    // A record that was absent or expired is replaced whole: nothing of an old one survives.
    const whole = write.mode === WHOLE_ROW || read.record === undefined;
    const changed = read.record && !whole ? changedColumns(read.record, next) : encodeRecord(next);
    const put: OtsColumns = { ...changed, v: version, w: write.writeId };
    if (write.expiresAt !== undefined) put.exp = write.expiresAt;
    const after: OtsColumns = whole ? put : { ...read.columns, ...put };
    try {
      if (whole) await this.#table.putRow(key, after, condition);
      else await this.#table.updateRow(key, { put }, condition);
      return after;
    } catch (error) {
      if (error instanceof OtsError && error.conditionFailed) return false;
      if (error instanceof OtsError && error.outcomeUnknown) {
        // The write may have landed: it did if the row carries its id. If not, it is tried anew
        // from a fresh read (a socket that died while FC froze the instance sent nothing); one
        // that lands late after all is refused by the version this attempt moves on.
        const found = await this.#call(operation, () => this.#table.getRow(key));
        if (found?.w === write.writeId) return found;
        return error;
      }
      throw storeError(operation, error);
    }
  }

  async #call<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw storeError(operation, error);
    }
  }
}

/** The condition "the row is at `version`" (or has none, for a row absent or expired by TTL). */
function versionCondition(version: number | undefined): WriteCondition {
  if (version === undefined) {
    // `v` never holds -1, so this passes only where `v` is missing.
    return {
      row: 'IGNORE',
      column: { column: 'v', comparator: 'EQUAL', value: -1, passIfMissing: true },
    };
  }
  return {
    row: 'EXPECT_EXIST',
    column: { column: 'v', comparator: 'EQUAL', value: version, passIfMissing: false },
  };
}

/** A record's columns, as stored: head, result, chunks. */
function encodeRecord(record: RequestRecord): OtsColumns {
  const { chunks, result, ...head } = record;
  const columns: OtsColumns = { h: JSON.stringify(head) };
  if (result !== undefined) columns.r = result;
  for (const [index, chunk] of Object.entries(chunks)) {
    columns[`${CHUNK_PREFIX}${index}`] = JSON.stringify(chunk);
  }
  return columns;
}

/** The columns of `next` that differ from `before`'s. */
function changedColumns(before: RequestRecord, next: RequestRecord): OtsColumns {
  const after = encodeRecord(next);
  const previous = encodeRecord(before);
  return Object.fromEntries(
    Object.entries(after).filter(([name, value]) => previous[name] !== value),
  );
}

/** The record a row holds at `now`, and its version. */
function decodeRow(columns: OtsColumns | undefined, now: number): Read {
  const version = typeof columns?.v === 'number' ? columns.v : undefined;
  if (!columns || typeof columns.h !== 'string') return { record: undefined, version, columns };
  if (typeof columns.exp === 'number' && columns.exp <= now) {
    return { record: undefined, version, columns };
  }
  const head = parseJson(columns.h) as Omit<RequestRecord, 'chunks' | 'result'>;
  const chunks: Record<string, ChunkRecord> = {};
  for (const [name, value] of Object.entries(columns)) {
    if (name.startsWith(CHUNK_PREFIX) && typeof value === 'string') {
      chunks[name.slice(CHUNK_PREFIX.length)] = parseJson(value) as ChunkRecord;
    }
  }
  const record: RequestRecord = { ...head, chunks };
  if (typeof columns.r === 'string') record.result = columns.r;
  return { record, version, columns };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new IdempotencyStoreError(
      'The idempotency store holds a row it cannot read.',
      error instanceof Error ? error : undefined,
    );
  }
}

/** A retryable store error for what the table client threw, without credentials in it. */
function storeError(operation: string, error: unknown): IdempotencyStoreError {
  const detail =
    error instanceof OtsError
      ? `${error.code} (HTTP ${error.status})`
      : error instanceof Error
        ? error.message
        : String(error);
  return new IdempotencyStoreError(
    `The idempotency store (Tablestore) could not ${operation}: ${detail}.`,
    error instanceof Error ? error : undefined,
  );
}

/** Waits `ms` milliseconds. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
