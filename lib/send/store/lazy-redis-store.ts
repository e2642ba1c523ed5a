/**
 * A Redis store that loads ioredis only on first use.
 *
 * ioredis is about half of a function bundle; a deployment without `REDIS_URL` never needs it,
 * and one with it needs it only once a request carries an idempotency key. The function bundles
 * are built with code splitting, so `import()` here keeps ioredis in a separate chunk that FC
 * reads from disk only when this store is first called, instead of on every cold start. A load
 * that failed (a chunk missing from the package, a read error) is not kept: the next call tries
 * again, instead of every later invocation of the instance failing the same way.
 */
import type { RedisStore, RedisStoreOptions } from '#lib/send/store/redis-store.ts';
import type {
  BeginResult,
  ClaimResult,
  IdempotencyStore,
  ProgressParts,
  RecordView,
  StoredJson,
} from '#lib/send/store/store.ts';
import { IdempotencyStoreError } from '#lib/send/store/store-error.ts';

/** How the Redis store module is loaded; tests inject a failing one. */
export type RedisStoreLoader = () => Promise<typeof import('#lib/send/store/redis-store.ts')>;

const loadRedisStore: RedisStoreLoader = () => import('#lib/send/store/redis-store.ts');

export class LazyRedisStore implements IdempotencyStore {
  readonly #url: string;
  readonly #options: RedisStoreOptions;
  readonly #loader: RedisStoreLoader;
  #store: Promise<RedisStore> | undefined;

  constructor(url: string, options: RedisStoreOptions = {}, loader = loadRedisStore) {
    this.#url = url;
    this.#options = options;
    this.#loader = loader;
  }

  #load(): Promise<RedisStore> {
    this.#store ??= this.#loader().then(
      ({ RedisStore }) => new RedisStore(this.#url, this.#options),
      (error: unknown) => {
        this.#store = undefined;
        const cause = error instanceof Error ? error : new Error(String(error));
        throw new IdempotencyStoreError(
          `The Redis store could not be loaded: ${cause.message}`,
          cause,
        );
      },
    );
    return this.#store;
  }

  async begin(key: string, fp: string, leaseMs: number, ttlMs: number): Promise<BeginResult> {
    return (await this.#load()).begin(key, fp, leaseMs, ttlMs);
  }

  async finish(key: string, token: string, result: StoredJson, ttlMs: number) {
    return (await this.#load()).finish(key, token, result, ttlMs);
  }

  async abandon(key: string, token: string): Promise<boolean> {
    return (await this.#load()).abandon(key, token);
  }

  async claimChunk(
    key: string,
    token: string,
    index: number,
    leaseMs: number,
    ttlMs: number,
  ): Promise<ClaimResult> {
    return (await this.#load()).claimChunk(key, token, index, leaseMs, ttlMs);
  }

  async completeChunk(
    key: string,
    token: string,
    index: number,
    result: StoredJson,
    ttlMs: number,
  ) {
    return (await this.#load()).completeChunk(key, token, index, result, ttlMs);
  }

  async releaseChunk(key: string, token: string, index: number, inDoubt: boolean, ttlMs: number) {
    return (await this.#load()).releaseChunk(key, token, index, inDoubt, ttlMs);
  }

  async peek(key: string): Promise<RecordView | undefined> {
    return (await this.#load()).peek(key);
  }

  async putProgress(key: string, part: string, value: StoredJson, ttlMs: number) {
    return (await this.#load()).putProgress(key, part, value, ttlMs);
  }

  async readProgress(key: string): Promise<ProgressParts | undefined> {
    return (await this.#load()).readProgress(key);
  }

  async close(): Promise<void> {
    const store = this.#store;
    this.#store = undefined;
    if (store) await (await store.catch(() => undefined))?.close();
  }
}
