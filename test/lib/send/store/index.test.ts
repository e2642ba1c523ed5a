/**
 * Choosing the store from the environment, and keeping one per process.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeStores, createStore, MemoryStore, storeFor } from '#lib/send/store/index.ts';
import { LazyRedisStore } from '#lib/send/store/lazy-redis-store.ts';

afterEach(closeStores);

describe('createStore', () => {
  it('makes a memory store when REDIS_URL is unset or blank', () => {
    expect(createStore({})).toBeInstanceOf(MemoryStore);
    expect(createStore({ REDIS_URL: '  ' })).toBeInstanceOf(MemoryStore);
  });

  it('makes a Redis store when REDIS_URL is set, without loading ioredis or connecting yet', async () => {
    const store = createStore({ REDIS_URL: 'redis://127.0.0.1:1' });

    expect(store).toBeInstanceOf(LazyRedisStore);
    await store.close();
  });
});

describe('storeFor', () => {
  it('returns the same store to every invocation of the process', () => {
    expect(storeFor({})).toBe(storeFor({ REDIS_URL: '' }));
    expect(storeFor({ REDIS_URL: 'redis://127.0.0.1:1' })).toBe(
      storeFor({ REDIS_URL: ' redis://127.0.0.1:1 ' }),
    );
  });

  it('keeps a separate store per REDIS_URL', () => {
    expect(storeFor({ REDIS_URL: 'redis://127.0.0.1:1' })).not.toBe(storeFor({}));
  });

  it('keeps state across invocations in the memory store', async () => {
    await storeFor({}).begin('k', 'fp', 30_000, 60_000);

    expect(await storeFor({}).begin('k', 'fp', 30_000, 60_000)).toEqual({ state: 'in-progress' });
  });

  it('makes new stores after closeStores', async () => {
    const first = storeFor({});

    await closeStores();

    expect(storeFor({})).not.toBe(first);
  });
});
