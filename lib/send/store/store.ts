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
 * Ownership: `begin` hands the caller an owner token (`new` or `resumed`); every later write is a
 * compare-and-set on it and answers whether it took effect. Chunks live in their request's record
 * (one fingerprint, one expiry), and only the request's current owner may claim one; a claim's
 * result may then be written by its claimer only while no later claim replaced it.
 *
 * Three implementations share this contract and one test suite: in-memory (per FC instance),
 * Redis (shared by every instance, atomic through Lua scripts) and Tablestore (shared, on the
 * role's credentials; the deployed and local default).
 *
 * Beside the ledger, a store keeps progress reports (`putProgress`, `readProgress`): a record of
 * named parts that writers put independently, last write winning per part, such as a dispatched
 * push's head and each of its batches' latest outcome. They take no part in the ledger's
 * guarantees; they are what `GET /pushes/{id}` reads.
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
  /** First time: the caller owns the key, as `token`, until its lease passes or it lets go. */
  | { state: 'new'; token: string }
  /** Seen before and not finished, with no live owner: the caller owns it again, as `token`. */
  | { state: 'resumed'; token: string }
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
  | { state: 'in-progress' }
  /** The caller no longer owns the request (another invocation took it over): do not send. */
  | { state: 'lost' };

/** What `peek` sees of a request's record, without taking or changing anything. */
export interface RecordView {
  state: 'in-progress' | 'done' | 'abandoned';
  /** The stored result, once done. */
  result?: StoredJson;
}

/** A progress report's parts, by name. */
export type ProgressParts = Record<string, StoredJson>;

/** A progress part's name: 1 to 16 lowercase letters and digits. */
export const PROGRESS_PART = /^[a-z0-9]{1,16}$/;

export interface IdempotencyStore {
  /**
   * Atomically registers `key` with `fingerprint`, or reports what is stored. A stored owner
   * whose lease has expired is replaced (`resumed`). The record, chunks included, lives `ttlMs`
   * from every write.
   */
  begin(key: string, fingerprint: string, leaseMs: number, ttlMs: number): Promise<BeginResult>;
  /**
   * Stores the final result of `key` if `token` still owns it; later `begin` calls with the same
   * fingerprint replay it. Answers whether it took effect.
   */
  finish(key: string, token: string, result: StoredJson, ttlMs: number): Promise<boolean>;
  /**
   * Gives up ownership without a result (some chunks failed), if `token` still owns the key: the
   * next `begin` with the same fingerprint resumes at once instead of waiting for the lease.
   */
  abandon(key: string, token: string): Promise<boolean>;
  /**
   * Atomically claims chunk `index` of `key` for the owner `token` before it is sent. A chunk
   * left in progress by a claimer whose lease expired is claimed again with `inDoubt: true`.
   */
  claimChunk(
    key: string,
    token: string,
    index: number,
    leaseMs: number,
    ttlMs: number,
  ): Promise<ClaimResult>;
  /**
   * Records a chunk's final result (sent, or permanently refused) if `token`'s claim is the
   * latest: it is never sent again. Answers whether it took effect.
   */
  completeChunk(
    key: string,
    token: string,
    index: number,
    result: StoredJson,
    ttlMs: number,
  ): Promise<boolean>;
  /**
   * Releases a chunk that failed and may be retried by a redelivery, if `token`'s claim is the
   * latest. `inDoubt` when it may have been delivered (a timeout, a reset after sending): the
   * next claim says so.
   */
  releaseChunk(
    key: string,
    token: string,
    index: number,
    inDoubt: boolean,
    ttlMs: number,
  ): Promise<boolean>;
  /** The record of `key` as it stands (undefined when absent or expired); changes nothing. */
  peek(key: string): Promise<RecordView | undefined>;
  /**
   * Writes part `part` (see PROGRESS_PART) of the progress report `key`, replacing that part
   * only; the report lives `ttlMs` from its last write. Unconditional: a report's writers each
   * own their parts.
   */
  putProgress(key: string, part: string, value: StoredJson, ttlMs: number): Promise<void>;
  /** Every part of the progress report `key`; undefined when it has none or has expired. */
  readProgress(key: string): Promise<ProgressParts | undefined>;
  /** Closes connections (Redis); a no-op in memory. */
  close(): Promise<void>;
}
