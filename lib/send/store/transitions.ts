/**
 * The idempotency state machine, as pure functions over plain records.
 *
 * The memory store applies these functions to its map. The Redis store cannot call them (its
 * transitions run inside Redis so that they are atomic across FC instances), so its Lua scripts
 * in `redis-scripts.ts` follow this file branch for branch; one contract suite holds both stores
 * to the same table. Results are kept as JSON text, as Redis keeps them, so a replay is always a
 * fresh copy that the caller may change freely.
 */
import type { BeginResult, ClaimResult, StoredJson } from '#lib/send/store/store.ts';

/** A request's record: who may work on it, and its result once finished. */
export interface RequestRecord {
  fingerprint: string;
  state: 'in-progress' | 'done' | 'abandoned';
  /** Epoch ms until which the owner holds the request; meaningful while `in-progress`. */
  leaseUntil: number;
  /** The result as JSON text, once `done`. */
  result?: string;
}

/** One chunk's record: claimed (in progress), released for a retry, or done with its result. */
export interface ChunkRecord {
  state: 'in-progress' | 'done' | 'released';
  /** Epoch ms until which the claimer holds the chunk; meaningful while `in-progress`. */
  leaseUntil: number;
  /** True once an attempt may have been delivered; cleared only by completing the chunk. */
  inDoubt: boolean;
  /** The result as JSON text, once `done`. */
  result?: string;
}

/** What a transition answers, and the record to write (`undefined`: leave the store alone). */
export interface Step<R, T> {
  next?: R;
  outcome: T;
}

/**
 * `begin` on what is stored under a key, at `now`, taking a lease until `leaseUntil`.
 * @example beginRequest(undefined, 'fp', 0, 30_000) // { next: { …, state: 'in-progress' }, outcome: { state: 'new' } }
 */
export function beginRequest(
  record: RequestRecord | undefined,
  fingerprint: string,
  now: number,
  leaseUntil: number,
): Step<RequestRecord, BeginResult> {
  if (!record) return { next: { fingerprint, state: 'in-progress', leaseUntil }, outcome: NEW };
  if (record.fingerprint !== fingerprint) return { outcome: { state: 'mismatch' } };
  if (record.state === 'done') return { outcome: { state: 'done', result: parse(record.result) } };
  if (record.state === 'in-progress' && record.leaseUntil > now) {
    return { outcome: { state: 'in-progress' } };
  }
  return { next: { ...record, state: 'in-progress', leaseUntil }, outcome: { state: 'resumed' } };
}

const NEW: BeginResult = { state: 'new' };

/**
 * `finish`: the record with its result, or `undefined` when there is none to finish (it expired,
 * and a result without its fingerprint could not be told from another payload's).
 * @example finishRequest(record, '{"sent":10}')?.state // 'done'
 */
export function finishRequest(
  record: RequestRecord | undefined,
  result: string,
): RequestRecord | undefined {
  return record && { ...record, state: 'done', result };
}

/**
 * `abandon`: the record without an owner, or `undefined` when absent or already done (a
 * finished result is never given up).
 * @example abandonRequest({ fingerprint: 'f', state: 'in-progress', leaseUntil: 9 })?.state // 'abandoned'
 */
export function abandonRequest(record: RequestRecord | undefined): RequestRecord | undefined {
  if (!record || record.state === 'done') return undefined;
  return { ...record, state: 'abandoned' };
}

/**
 * `claimChunk` on what is stored for a chunk, at `now`, taking a lease until `leaseUntil`.
 * A chunk whose claimer lost its lease mid-send, or that was released in doubt, is in doubt.
 * @example claimChunkRecord(undefined, 0, 30_000).outcome // { state: 'claimed', inDoubt: false }
 */
export function claimChunkRecord(
  record: ChunkRecord | undefined,
  now: number,
  leaseUntil: number,
): Step<ChunkRecord, ClaimResult> {
  if (record?.state === 'done') return { outcome: { state: 'done', result: parse(record.result) } };
  if (record?.state === 'in-progress' && record.leaseUntil > now) {
    return { outcome: { state: 'in-progress' } };
  }
  const inDoubt = record !== undefined && (record.state === 'in-progress' || record.inDoubt);
  return {
    next: { state: 'in-progress', leaseUntil, inDoubt },
    outcome: { state: 'claimed', inDoubt },
  };
}

/**
 * `completeChunk`: done with its result, claimed first or not, so it is never sent again.
 * @example completeChunkRecord(undefined, '{"ok":true}').state // 'done'
 */
export function completeChunkRecord(record: ChunkRecord | undefined, result: string): ChunkRecord {
  return { state: 'done', leaseUntil: 0, inDoubt: record?.inDoubt ?? false, result };
}

/**
 * `releaseChunk`: released for a retry, in doubt if it ever was; `undefined` for a done chunk,
 * whose result stands.
 * @example releaseChunkRecord(undefined, true)?.inDoubt // true
 */
export function releaseChunkRecord(
  record: ChunkRecord | undefined,
  inDoubt: boolean,
): ChunkRecord | undefined {
  if (record?.state === 'done') return undefined;
  return { state: 'released', leaseUntil: 0, inDoubt: inDoubt || (record?.inDoubt ?? false) };
}

/**
 * Throws a `RangeError` unless every duration is a positive, finite number of milliseconds:
 * a zero TTL would store nothing and a zero lease would let every caller in.
 * @example checkDurations({ leaseMs: 30_000, ttlMs: 86_400_000 })
 */
export function checkDurations(durations: Record<string, number>): void {
  for (const [name, ms] of Object.entries(durations)) {
    if (!Number.isFinite(ms) || ms <= 0) {
      throw new RangeError(`${name} must be a positive number of milliseconds, got ${ms}`);
    }
  }
}

/**
 * Throws a `RangeError` unless `index` is a chunk index: a non-negative integer.
 * @example checkChunkIndex(0)
 */
export function checkChunkIndex(index: number): void {
  if (!Number.isSafeInteger(index) || index < 0) {
    throw new RangeError(`chunk index must be a non-negative integer, got ${index}`);
  }
}

/** Reads back a result this module wrote with `JSON.stringify`. */
function parse(text: string | undefined): StoredJson {
  return text === undefined ? null : (JSON.parse(text) as StoredJson);
}
