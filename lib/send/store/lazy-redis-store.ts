/**
 * A Redis store that loads ioredis only on first use.
 *
 * ioredis is about half of a function bundle; a deployment without `REDIS_URL` never needs it,
 * and one with it needs it only once a request carries an idempotency key. The function bundles
 * are built with code splitting, so `import()` here keeps ioredis in a separate chunk that FC
 * reads from disk only when this store is first called, instead of on every cold start.
 */
import type { RedisStore, RedisStoreOptions } from '#lib/send/store/redis-store.ts';
import type {
  BeginResult,
  ClaimResult,
  IdempotencyStore,
  StoredJson,
} from '#lib/send/store/store.ts';

export class LazyRedisStore implements IdempotencyStore {
  readonly #url: string;
  readonly #options: RedisStoreOptions;
  #store: Promise<RedisStore> | undefined;

  constructor(url: string, options: RedisStoreOptions = {}) {
    this.#url = url;
    this.#options = options;
  }

  #load(): Promise<RedisStore> {
    this.#store ??= import('#lib/send/store/redis-store.ts').then(
      ({ RedisStore }) => new RedisStore(this.#url, this.#options),
    );
    return this.#store;
  }

  async begin(
    key: string,
    fingerprint: string,
    leaseMs: number,
    ttlMs: number,
  ): Promise<BeginResult> {
    return (await this.#load()).begin(key, fingerprint, leaseMs, ttlMs);
  }

  async finish(key: string, result: StoredJson, ttlMs: number): Promise<void> {
    return (await this.#load()).finish(key, result, ttlMs);
  }

  async abandon(key: string): Promise<void> {
    return (await this.#load()).abandon(key);
  }

  async claimChunk(
    key: string,
    index: number,
    leaseMs: number,
    ttlMs: number,
  ): Promise<ClaimResult> {
    return (await this.#load()).claimChunk(key, index, leaseMs, ttlMs);
  }

  async completeChunk(
    key: string,
    index: number,
    result: StoredJson,
    ttlMs: number,
  ): Promise<void> {
    return (await this.#load()).completeChunk(key, index, result, ttlMs);
  }

  async releaseChunk(key: string, index: number, inDoubt: boolean, ttlMs: number): Promise<void> {
    return (await this.#load()).releaseChunk(key, index, inDoubt, ttlMs);
  }

  async close(): Promise<void> {
    if (this.#store) await (await this.#store).close();
  }
}
