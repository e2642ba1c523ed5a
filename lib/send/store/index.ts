/**
 * Which idempotency store a function uses, and one per process.
 *
 * The choice is configuration, not code: with `REDIS_URL` set, every instance shares a Redis
 * store (the deployed setting); without it, each instance keeps its own memory store (local runs,
 * tests, and a deliberate "best effort" deployment). A store is made once per process and reused
 * by every invocation that instance serves, like a database pool: a Redis connection costs a TCP
 * and AUTH round trip, and a memory store is useless if each invocation gets a fresh one.
 */
import { LazyRedisStore } from '#lib/send/store/lazy-redis-store.ts';
import { MemoryStore } from '#lib/send/store/memory-store.ts';
import type { IdempotencyStore } from '#lib/send/store/store.ts';

export { fingerprint } from '#lib/send/store/fingerprint.ts';
export { MemoryStore } from '#lib/send/store/memory-store.ts';
export type {
  BeginResult,
  ClaimResult,
  IdempotencyStore,
  StoredJson,
} from '#lib/send/store/store.ts';
export { IdempotencyStoreError } from '#lib/send/store/store-error.ts';

/** The settings the choice reads: FC passes them as environment variables. */
export interface StoreEnv {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…`; blank means unset. */
  REDIS_URL?: string;
}

/**
 * A new store: Redis when `REDIS_URL` is set, memory otherwise. Prefer `storeFor` in functions.
 * @example const store = createStore({ REDIS_URL: process.env.REDIS_URL });
 */
export function createStore(env: StoreEnv): IdempotencyStore {
  const url = env.REDIS_URL?.trim();
  // ioredis is loaded on first use (lazy-redis-store.ts), keeping it off the cold-start path.
  return url ? new LazyRedisStore(url) : new MemoryStore();
}

/** Stores made by `storeFor`, by REDIS_URL ('' for memory): one per setting per process. */
const stores = new Map<string, IdempotencyStore>();

/**
 * This process's store for `env`, made on first use and reused by later invocations.
 * @example
 * export const handler = async (event) => {
 *   const store = storeFor(process.env);
 *   const begun = await store.begin(key, fingerprint(request), 30_000, 86_400_000);
 * };
 */
export function storeFor(env: StoreEnv): IdempotencyStore {
  const setting = env.REDIS_URL?.trim() ?? '';
  let store = stores.get(setting);
  if (!store) {
    store = createStore({ REDIS_URL: setting });
    stores.set(setting, store);
  }
  return store;
}

/**
 * Closes and forgets every store `storeFor` made: for a graceful shutdown and between tests.
 * @example afterAll(closeStores);
 */
export async function closeStores(): Promise<void> {
  const open = [...stores.values()];
  stores.clear();
  await Promise.all(open.map((store) => store.close()));
}
