/**
 * A store whose code is loaded only on first use: the Redis store (ioredis, about half of a
 * function bundle, needed only with `REDIS_URL` and only once a request carries a key) and the
 * Tablestore store (needed only once a request carries a key; its wire client is loaded on first
 * use too, tablestore/lazy-table.ts).
 *
 * The function bundles are built with code splitting, so `import()` here keeps that code in
 * chunks that FC reads and compiles only when the store is first called, instead of on every
 * cold start (#11). A load that failed (a chunk missing from the package, a read error) is not
 * kept: the next call tries again, instead of every later invocation of the instance failing the
 * same way.
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

/** A store loaded when first called; `name` names it in a failed load's message. */
export class LazyStore implements IdempotencyStore {
  readonly #name: string;
  readonly #loader: () => Promise<IdempotencyStore>;
  #store: Promise<IdempotencyStore> | undefined;

  constructor(name: string, loader: () => Promise<IdempotencyStore>) {
    this.#name = name;
    this.#loader = loader;
  }

  #load(): Promise<IdempotencyStore> {
    this.#store ??= this.#loader().catch((error: unknown) => {
      this.#store = undefined;
      const cause = error instanceof Error ? error : new Error(String(error));
      throw new IdempotencyStoreError(
        `The ${this.#name} store could not be loaded: ${cause.message}`,
        cause,
      );
    });
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

/** How the Redis store module is loaded; tests inject a failing one. */
export type RedisStoreLoader = () => Promise<typeof import('#lib/send/store/redis-store.ts')>;

const loadRedisStore: RedisStoreLoader = () => import('#lib/send/store/redis-store.ts');

/** The Redis store, ioredis loaded on first use. */
export class LazyRedisStore extends LazyStore {
  constructor(url: string, options: RedisStoreOptions = {}, loader = loadRedisStore) {
    super('Redis', async (): Promise<RedisStore> => {
      const { RedisStore } = await loader();
      return new RedisStore(url, options);
    });
  }
}
