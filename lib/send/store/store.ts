/**
 * The idempotency store's contract: what makes at-least-once delivery (FC async retries, MNS
 * and EventBridge redelivery, a client retrying an HTTP call) safe for a non-idempotent
 * PushTemplate call.
 *
 * A request is identified by a key (the `Idempotency-Key` header, the MNS MessageId, the
 * CloudEvent source + id, the timer firing, the dispatch id + batch index) and a fingerprint of
 * its validated payload. Its targets are sent in chunks of at most 10; each chunk is claimed
 * before it is sent and completed with its result afterwards, so a redelivery re-sends only the
 * chunks that did not complete, with the same msgKeys.
 *
 * Two implementations share this contract and one test suite: in-memory (per FC instance; the
 * local default) and Redis (shared by every instance, atomic through Lua scripts).
 */

/** A JSON value a store can keep. */
export type StoredJson =
  | null
  | boolean
  | number
  | string
  | StoredJson[]
  | { [key: string]: StoredJson };

/** What `begin` found for a key. */
export type BeginResult =
  /** First time: the caller owns the key until `leaseMs` passes or it calls `finish`/`abandon`. */
  | { state: 'new' }
  /** Seen before and not finished, with no live owner: the caller owns it again and resumes. */
  | { state: 'resumed' }
  /** Another invocation owns it right now (its lease has not expired). */
  | { state: 'in-progress' }
  /** Finished before: the stored result, to replay. */
  | { state: 'done'; result: StoredJson }
  /** The key was used with another payload. */
  | { state: 'mismatch' };

/** What `claimChunk` found for one chunk of a request. */
export type ClaimResult =
  /** The caller may send it; `inDoubt` when an earlier attempt may already have been delivered. */
  | { state: 'claimed'; inDoubt: boolean }
  /** Completed earlier: its stored result. */
  | { state: 'done'; result: StoredJson }
  /** Another invocation is sending it right now. */
  | { state: 'in-progress' };

export interface IdempotencyStore {
  /**
   * Atomically registers `key` with `fingerprint`, or reports what is stored.
   * A stored owner whose lease has expired is replaced (`resumed`). Records live `ttlMs`.
   */
  begin(key: string, fingerprint: string, leaseMs: number, ttlMs: number): Promise<BeginResult>;
  /** Stores the final result of `key`; later `begin` calls with the same fingerprint replay it. */
  finish(key: string, result: StoredJson, ttlMs: number): Promise<void>;
  /**
   * Gives up ownership without a result (some chunks failed): the next `begin` with the same
   * fingerprint resumes at once instead of waiting for the lease to expire.
   */
  abandon(key: string): Promise<void>;
  /**
   * Atomically claims chunk `index` of `key` before it is sent. A chunk left in progress by an
   * owner whose lease expired is claimed again with `inDoubt: true`.
   */
  claimChunk(key: string, index: number, leaseMs: number, ttlMs: number): Promise<ClaimResult>;
  /** Records a chunk's final result (sent, or permanently refused): it is never sent again. */
  completeChunk(key: string, index: number, result: StoredJson, ttlMs: number): Promise<void>;
  /**
   * Releases a chunk that failed and may be retried by a redelivery. `inDoubt` when it may have
   * been delivered (a timeout, a reset after sending): the next claim says so.
   */
  releaseChunk(key: string, index: number, inDoubt: boolean, ttlMs: number): Promise<void>;
  /** Closes connections (Redis); a no-op in memory. */
  close(): Promise<void>;
}
