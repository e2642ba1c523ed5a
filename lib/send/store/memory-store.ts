/**
 * The in-memory idempotency store: the default when no `REDIS_URL` is configured, and the store
 * local runs and unit tests use.
 *
 * It lives in one FC instance's memory, so it protects only against redeliveries that land on
 * the same instance while it is alive. FC starts several instances under load and recycles idle
 * ones, and a retry may land on any of them: for a guarantee across instances, set `REDIS_URL`.
 * Memory is bounded: records expire after their TTL (pruned lazily) and at most `maxKeys`
 * requests and `maxKeys` chunks are kept, evicting expired records first.
 */
import { ExpiringMap } from '#lib/send/store/expiring-map.ts';
import type {
  BeginResult,
  ClaimResult,
  IdempotencyStore,
  StoredJson,
} from '#lib/send/store/store.ts';
import {
  abandonRequest,
  beginRequest,
  type ChunkRecord,
  checkChunkIndex,
  checkDurations,
  claimChunkRecord,
  completeChunkRecord,
  finishRequest,
  type RequestRecord,
  releaseChunkRecord,
} from '#lib/send/store/transitions.ts';

export interface MemoryStoreOptions {
  /** The clock, in epoch ms; tests inject one they can move. Default `Date.now`. */
  now?: () => number;
  /** At most this many requests, and as many chunks, are kept. Default 10 000. */
  maxKeys?: number;
}

const DEFAULT_MAX_KEYS = 10_000;

/**
 * An `IdempotencyStore` in this process's memory: per FC instance, not shared between them.
 * Every method completes synchronously inside its promise, so calls never interleave.
 *
 * @example
 * const store = new MemoryStore();
 * await store.begin('msg-1', fingerprint(request), 30_000, 86_400_000); // { state: 'new' }
 * await store.begin('msg-1', fingerprint(request), 30_000, 86_400_000); // { state: 'in-progress' }
 */
export class MemoryStore implements IdempotencyStore {
  readonly #now: () => number;
  readonly #requests: ExpiringMap<RequestRecord>;
  readonly #chunks: ExpiringMap<ChunkRecord>;

  constructor(options: MemoryStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
    this.#requests = new ExpiringMap(this.#now, maxKeys);
    this.#chunks = new ExpiringMap(this.#now, maxKeys);
  }

  /** Records held (requests and chunks), expired ones not yet pruned included: for metrics. */
  get size(): number {
    return this.#requests.size + this.#chunks.size;
  }

  async begin(key: string, fp: string, leaseMs: number, ttlMs: number): Promise<BeginResult> {
    checkDurations({ leaseMs, ttlMs });
    const now = this.#now();
    const step = beginRequest(this.#requests.get(key), fp, now, now + leaseMs);
    if (step.next) this.#requests.set(key, step.next, ttlMs);
    return step.outcome;
  }

  async finish(key: string, result: StoredJson, ttlMs: number): Promise<void> {
    checkDurations({ ttlMs });
    const next = finishRequest(this.#requests.get(key), JSON.stringify(result));
    if (next) this.#requests.set(key, next, ttlMs);
  }

  async abandon(key: string): Promise<void> {
    const next = abandonRequest(this.#requests.get(key));
    if (next) this.#requests.replace(key, next);
  }

  async claimChunk(
    key: string,
    index: number,
    leaseMs: number,
    ttlMs: number,
  ): Promise<ClaimResult> {
    checkDurations({ leaseMs, ttlMs });
    const id = chunkId(key, index);
    const now = this.#now();
    const step = claimChunkRecord(this.#chunks.get(id), now, now + leaseMs);
    if (step.next) this.#chunks.set(id, step.next, ttlMs);
    return step.outcome;
  }

  async completeChunk(key: string, index: number, result: StoredJson, ttlMs: number) {
    checkDurations({ ttlMs });
    const id = chunkId(key, index);
    this.#chunks.set(id, completeChunkRecord(this.#chunks.get(id), JSON.stringify(result)), ttlMs);
  }

  async releaseChunk(key: string, index: number, inDoubt: boolean, ttlMs: number) {
    checkDurations({ ttlMs });
    const id = chunkId(key, index);
    const next = releaseChunkRecord(this.#chunks.get(id), inDoubt);
    if (next) this.#chunks.set(id, next, ttlMs);
  }

  /** Nothing to close: the records go with the process. */
  async close(): Promise<void> {}
}

/** A chunk's map key; JSON keeps `('a:1', 2)` and `('a', 12)` apart whatever the key holds. */
function chunkId(key: string, index: number): string {
  checkChunkIndex(index);
  return JSON.stringify([key, index]);
}
