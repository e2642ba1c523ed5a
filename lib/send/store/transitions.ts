/**
 * The idempotency state machine, as pure functions over plain records.
 *
 * One record per request key holds the request and every chunk of it: one fingerprint and one
 * expiry for all, so a chunk can never outlive its request nor be read back under a key that was
 * reused with another payload after the request expired. Every write after a claim is a
 * compare-and-set on the claimer's owner token: an invocation that ran past its lease, whose
 * request another invocation has taken over, can no longer claim a chunk, and its late writes
 * take no effect on a chunk that was claimed again since.
 *
 * The memory store applies these functions to its map. The Redis store cannot call them (its
 * transitions run inside Redis so that they are atomic across FC instances), so its Lua scripts
 * in `redis-scripts.ts` follow this file branch for branch; one contract suite holds both stores
 * (and any later one) to the same table. Results are kept as JSON text, as Redis keeps them, so a
 * replay is always a fresh copy that the caller may change freely.
 */
import {
  type BeginResult,
  type ClaimResult,
  PROGRESS_PART,
  type ProgressParts,
  type RecordView,
  type StoredJson,
} from '#lib/send/store/store.ts';

/** One chunk inside its request's record. */
export interface ChunkRecord {
  state: 'in-progress' | 'done' | 'released';
  /** Epoch ms until which the claimer holds the chunk; meaningful while `in-progress`. */
  leaseUntil: number;
  /** The owner token of the request owner that claimed it last. */
  owner: string;
  /** True once an attempt may have been delivered; cleared only by completing the chunk. */
  inDoubt: boolean;
  /** The result as JSON text, once `done`. */
  result?: string;
}

/** A request's record: who owns it, its result once finished, and its chunks. */
export interface RequestRecord {
  fingerprint: string;
  state: 'in-progress' | 'done' | 'abandoned';
  /** Epoch ms until which the owner holds the request; meaningful while `in-progress`. */
  leaseUntil: number;
  /** The current owner's token; a new one with every `new` or `resumed`. */
  token: string;
  /** The result as JSON text, once `done`. */
  result?: string;
  /** Chunks by index. */
  chunks: Record<string, ChunkRecord>;
}

/** What a transition answers, and the record to write (`undefined`: leave the store alone). */
export interface Step<T> {
  next?: RequestRecord;
  outcome: T;
}

/**
 * `begin` on what is stored under a key, at `now`, taking a lease until `leaseUntil` under the
 * new owner token `token`.
 * @example beginRequest(undefined, 'fp', 0, 30_000, 't-1').outcome // { state: 'new', token: 't-1' }
 */
export function beginRequest(
  record: RequestRecord | undefined,
  fingerprint: string,
  now: number,
  leaseUntil: number,
  token: string,
): Step<BeginResult> {
  if (!record) {
    const next: RequestRecord = {
      fingerprint,
      state: 'in-progress',
      leaseUntil,
      token,
      chunks: {},
    };
    return { next, outcome: { state: 'new', token } };
  }
  if (record.fingerprint !== fingerprint) return { outcome: { state: 'mismatch' } };
  if (record.state === 'done') return { outcome: { state: 'done', result: parse(record.result) } };
  if (record.state === 'in-progress' && record.leaseUntil > now) {
    return { outcome: { state: 'in-progress' } };
  }
  const next: RequestRecord = { ...record, state: 'in-progress', leaseUntil, token };
  return { next, outcome: { state: 'resumed', token } };
}

/** True when `token` owns the request now: it is in progress under that token. */
function owns(record: RequestRecord | undefined, token: string): record is RequestRecord {
  return record?.state === 'in-progress' && record.token === token;
}

/**
 * `finish` by the owner `token`: done with its result. Anyone else's finish takes no effect
 * (another invocation resumed the request, or it expired: a result without its fingerprint could
 * not be told from another payload's).
 * @example finishRequest(record, 't-1', '{"sent":10}').next?.state // 'done'
 */
export function finishRequest(
  record: RequestRecord | undefined,
  token: string,
  result: string,
): Step<boolean> {
  if (!owns(record, token)) return { outcome: false };
  return { next: { ...record, state: 'done', result, chunks: {} }, outcome: true };
}

/**
 * `abandon` by the owner `token`: the request without an owner, so the next delivery resumes at
 * once. A finished result is never given up, and a stale owner cannot abandon a newer one's work.
 * @example abandonRequest(record, 't-1').next?.state // 'abandoned'
 */
export function abandonRequest(record: RequestRecord | undefined, token: string): Step<boolean> {
  if (!owns(record, token)) return { outcome: false };
  return { next: { ...record, state: 'abandoned' }, outcome: true };
}

/**
 * `claimChunk` of chunk `index` by the request owner `token`, at `now`, until `leaseUntil`.
 * A chunk whose claimer lost its lease mid-send, or that was released in doubt, is in doubt.
 * A caller that does not own the request is told `lost` and must not send.
 * @example claimChunkRecord(record, 't-1', 0, 0, 30_000).outcome // { state: 'claimed', inDoubt: false }
 */
export function claimChunkRecord(
  record: RequestRecord | undefined,
  token: string,
  index: number,
  now: number,
  leaseUntil: number,
): Step<ClaimResult> {
  const chunk = record?.chunks[String(index)];
  if (chunk?.state === 'done') return { outcome: { state: 'done', result: parse(chunk.result) } };
  if (!owns(record, token)) return { outcome: { state: 'lost' } };
  if (chunk?.state === 'in-progress' && chunk.leaseUntil > now) {
    return { outcome: { state: 'in-progress' } };
  }
  const inDoubt = chunk !== undefined && (chunk.state === 'in-progress' || chunk.inDoubt);
  const claimed: ChunkRecord = { state: 'in-progress', leaseUntil, owner: token, inDoubt };
  return {
    next: withChunk(record, index, claimed),
    outcome: { state: 'claimed', inDoubt },
  };
}

/** True when `token` holds chunk `index` now: it is in progress under that token. */
function holds(record: RequestRecord | undefined, token: string, index: number) {
  const chunk = record?.chunks[String(index)];
  return chunk?.state === 'in-progress' && chunk.owner === token ? chunk : undefined;
}

/**
 * `completeChunk` by the claimer `token`: done with its result, so it is never sent again. It
 * takes effect while the claim is the latest one, even if the request itself was taken over
 * since (the send happened; the new owner replays it); not once the chunk was claimed again.
 * @example completeChunkRecord(record, 't-1', 0, '{"ok":true}').outcome // true
 */
export function completeChunkRecord(
  record: RequestRecord | undefined,
  token: string,
  index: number,
  result: string,
): Step<boolean> {
  const chunk = holds(record, token, index);
  if (!record || !chunk) return { outcome: false };
  const done: ChunkRecord = { ...chunk, state: 'done', leaseUntil: 0, result };
  return { next: withChunk(record, index, done), outcome: true };
}

/**
 * `releaseChunk` by the claimer `token`: released for a retry, in doubt if it ever was.
 * @example releaseChunkRecord(record, 't-1', 0, true).next?.chunks['0']?.inDoubt // true
 */
export function releaseChunkRecord(
  record: RequestRecord | undefined,
  token: string,
  index: number,
  inDoubt: boolean,
): Step<boolean> {
  const chunk = holds(record, token, index);
  if (!record || !chunk) return { outcome: false };
  const released: ChunkRecord = {
    ...chunk,
    state: 'released',
    leaseUntil: 0,
    inDoubt: inDoubt || chunk.inDoubt,
  };
  return { next: withChunk(record, index, released), outcome: true };
}

function withChunk(record: RequestRecord, index: number, chunk: ChunkRecord): RequestRecord {
  return { ...record, chunks: { ...record.chunks, [String(index)]: chunk } };
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

/**
 * The checks of every chunk call: its index, and its lease and TTL.
 * @example checkChunkCall(0, { ttlMs: 86_400_000 })
 */
export function checkChunkCall(index: number, durations: Record<string, number>): void {
  checkDurations(durations);
  checkChunkIndex(index);
}

/**
 * What `peek` answers for a record: its state and, once done, its result.
 * @example viewOf(undefined) // undefined
 */
export function viewOf(record: RequestRecord | undefined): RecordView | undefined {
  if (!record) return undefined;
  return record.state === 'done'
    ? { state: 'done', result: parse(record.result) }
    : { state: record.state };
}

/**
 * Throws a `RangeError` unless `part` names a progress part and `ttlMs` is a duration.
 * @example checkProgressPart('b0', 86_400_000)
 */
export function checkProgressPart(part: string, ttlMs: number): void {
  checkDurations({ ttlMs });
  if (!PROGRESS_PART.test(part)) {
    throw new RangeError(`progress part must be 1 to 16 lowercase letters or digits, got ${part}`);
  }
}

/**
 * Parts as stored (JSON text, by name) read back as values.
 * @example progressParts({ b0: '{"sent":10}' }) // { b0: { sent: 10 } }
 */
export function progressParts(stored: Record<string, string>): ProgressParts | undefined {
  const entries = Object.entries(stored);
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map(([part, text]) => [part, parse(text)]));
}

/** Reads back a result this module wrote with `JSON.stringify`. */
function parse(text: string | undefined): StoredJson {
  return text === undefined ? null : (JSON.parse(text) as StoredJson);
}
