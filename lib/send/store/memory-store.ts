/**
 * The in-memory idempotency store: the store local runs and unit tests use, and a deliberate
 * "best effort" deployment (`IDEMPOTENCY_STORE=memory`).
 *
 * It lives in one FC instance's memory, so it protects only against redeliveries that land on
 * the same instance while it is alive. FC starts several instances under load and recycles idle
 * ones, and a retry may land on any of them: for a guarantee across instances, use a shared
 * store. Memory is bounded: records expire after their TTL (pruned lazily), and at most
 * `maxKeys` records are kept, a request counting one and each of its chunks one more, evicting
 * expired records first and a request always with its chunks.
 */
import { randomUUID } from 'node:crypto';
import { ExpiringMap } from '#lib/send/store/expiring-map.ts';
import type {
  BeginResult,
  ClaimResult,
  IdempotencyStore,
  ProgressParts,
  RecordView,
  StoredJson,
} from '#lib/send/store/store.ts';
import {
  abandonRequest,
  beginRequest,
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

export interface MemoryStoreOptions {
  /** The clock, in epoch ms; tests inject one they can move. Default `Date.now`. */
  now?: () => number;
  /** At most this many records (requests and their chunks) are kept. Default 20 000. */
  maxKeys?: number;
  /** Owner tokens; tests inject predictable ones. Default random UUIDs. */
  token?: () => string;
}

const DEFAULT_MAX_KEYS = 20_000;

/**
 * An `IdempotencyStore` in this process's memory: per FC instance, not shared between them.
 * Every method completes synchronously inside its promise, so calls never interleave.
 *
 * @example
 * const store = new MemoryStore();
 * await store.begin('msg-1', fingerprint(request), 30_000, 86_400_000); // { state: 'new', token }
 * await store.begin('msg-1', fingerprint(request), 30_000, 86_400_000); // { state: 'in-progress' }
 */
export class MemoryStore implements IdempotencyStore {
  readonly #now: () => number;
  readonly #token: () => string;
  readonly #records: ExpiringMap<RequestRecord>;
  /** Progress reports, bounded like the records: a report weighs one per part. */
  readonly #progress: ExpiringMap<Record<string, string>>;

  constructor(options: MemoryStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#token = options.token ?? randomUUID;
    const weigh = (record: RequestRecord) => 1 + Object.keys(record.chunks).length;
    this.#records = new ExpiringMap(this.#now, options.maxKeys ?? DEFAULT_MAX_KEYS, weigh);
    const parts = (report: Record<string, string>) => Object.keys(report).length;
    this.#progress = new ExpiringMap(this.#now, options.maxKeys ?? DEFAULT_MAX_KEYS, parts);
  }

  /** Records held (requests and chunks), expired ones not yet pruned included: for metrics. */
  get size(): number {
    return this.#records.size;
  }

  async begin(key: string, fp: string, leaseMs: number, ttlMs: number): Promise<BeginResult> {
    checkDurations({ leaseMs, ttlMs });
    const now = this.#now();
    const step = beginRequest(this.#records.get(key), fp, now, now + leaseMs, this.#token());
    return this.#apply(key, step, ttlMs);
  }

  async finish(key: string, token: string, result: StoredJson, ttlMs: number) {
    checkDurations({ ttlMs });
    const step = finishRequest(this.#records.get(key), token, JSON.stringify(result));
    return this.#apply(key, step, ttlMs);
  }

  async abandon(key: string, token: string): Promise<boolean> {
    const step = abandonRequest(this.#records.get(key), token);
    // As HSET keeps a Redis key's TTL, giving up ownership keeps the record's expiry.
    if (step.next) this.#records.replace(key, step.next);
    return step.outcome;
  }

  async claimChunk(
    key: string,
    token: string,
    index: number,
    leaseMs: number,
    ttlMs: number,
  ): Promise<ClaimResult> {
    checkChunkCall(index, { leaseMs, ttlMs });
    const now = this.#now();
    const step = claimChunkRecord(this.#records.get(key), token, index, now, now + leaseMs);
    return this.#apply(key, step, ttlMs);
  }

  async completeChunk(
    key: string,
    token: string,
    index: number,
    result: StoredJson,
    ttlMs: number,
  ) {
    checkChunkCall(index, { ttlMs });
    const step = completeChunkRecord(this.#records.get(key), token, index, JSON.stringify(result));
    return this.#apply(key, step, ttlMs);
  }

  async releaseChunk(key: string, token: string, index: number, inDoubt: boolean, ttlMs: number) {
    checkChunkCall(index, { ttlMs });
    const step = releaseChunkRecord(this.#records.get(key), token, index, inDoubt);
    return this.#apply(key, step, ttlMs);
  }

  async peek(key: string): Promise<RecordView | undefined> {
    return viewOf(this.#records.get(key));
  }

  async putProgress(key: string, part: string, value: StoredJson, ttlMs: number) {
    checkProgressPart(part, ttlMs);
    const report = { ...this.#progress.get(key), [part]: JSON.stringify(value) };
    this.#progress.set(key, report, ttlMs);
  }

  async readProgress(key: string): Promise<ProgressParts | undefined> {
    const report = this.#progress.get(key);
    return report && progressParts(report);
  }

  /** Nothing to close: the records go with the process. */
  async close(): Promise<void> {}

  #apply<T>(key: string, step: Step<T>, ttlMs: number): T {
    if (step.next) this.#records.set(key, step.next, ttlMs);
    return step.outcome;
  }
}
