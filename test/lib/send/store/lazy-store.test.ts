/**
 * The lazily loaded Redis store: a failed load is a retryable store error, and is not kept, so
 * the next call loads again instead of the instance failing every later invocation.
 */
import { describe, expect, it, vi } from 'vitest';
import { LazyRedisStore, LazyStore } from '#lib/send/store/lazy-store.ts';
import { MemoryStore } from '#lib/send/store/memory-store.ts';
import { RedisStore } from '#lib/send/store/redis-store.ts';
import { IdempotencyStoreError } from '#lib/send/store/store-error.ts';
import { freePort } from '#test/helpers/redis.ts';

describe('LazyRedisStore (a LazyStore)', () => {
  it('reports a failed load as a retryable store error and loads again on the next call', async () => {
    let loads = 0;
    const store = new LazyRedisStore(`redis://127.0.0.1:${await freePort()}`, {}, async () => {
      loads += 1;
      if (loads === 1) throw new Error('chunk file missing');
      return import('#lib/send/store/redis-store.ts');
    });

    const first = await store.begin('k', 'fp', 1_000, 1_000).catch((error: unknown) => error);
    const second = await store.begin('k', 'fp', 1_000, 1_000).catch((error: unknown) => error);

    expect(first).toBeInstanceOf(IdempotencyStoreError);
    expect(first).toMatchObject({
      retryable: true,
      message: expect.stringMatching(/could not be loaded: chunk file missing/),
    });
    // The second call got as far as Redis itself: nothing listens on that port.
    expect(second).toBeInstanceOf(IdempotencyStoreError);
    expect(String(second)).toMatch(/failed to connect/);
    expect(loads).toBe(2);
    await store.close();
  });

  it('closes without error when it never loaded, or when its load failed', async () => {
    const never = new LazyRedisStore('redis://127.0.0.1:1');
    const failed = new LazyRedisStore('redis://127.0.0.1:1', {}, async () => {
      throw new Error('no');
    });
    await failed.abandon('k', 't').catch(() => undefined);

    await expect(never.close()).resolves.toBeUndefined();
    await expect(failed.close()).resolves.toBeUndefined();
  });

  it('closes the store it loaded', async () => {
    const store = new LazyRedisStore('redis://127.0.0.1:1');
    await store.abandon('k', 't').catch(() => undefined);
    const close = vi.spyOn(RedisStore.prototype, 'close');

    await store.close();
    await store.close();

    expect(close).toHaveBeenCalledTimes(1);
    close.mockRestore();
  });

  it('closes without error while a load that will fail is still under way', async () => {
    let fail: (error: Error) => void = () => {};
    const store = new LazyRedisStore(
      'redis://127.0.0.1:1',
      {},
      () =>
        new Promise((_, reject) => {
          fail = reject;
        }),
    );
    const call = store.begin('k', 'fp', 1_000, 1_000).catch((error: unknown) => error);

    const closing = store.close();
    fail(new Error('no'));

    await expect(closing).resolves.toBeUndefined();
    expect(await call).toBeInstanceOf(IdempotencyStoreError);
  });
});

describe('LazyStore', () => {
  it('loads once for every later call, and names the store whose load failed', async () => {
    let loads = 0;
    const store = new LazyStore('Tablestore', async () => {
      loads += 1;
      return new MemoryStore();
    });
    const failing = new LazyStore('Tablestore', async () => {
      throw new Error('chunk missing');
    });

    await store.begin('k', 'fp', 1_000, 60_000);
    await store.peek('k');
    const refused = await failing.peek('k').catch((error: unknown) => error);

    expect(loads).toBe(1);
    expect(refused).toBeInstanceOf(IdempotencyStoreError);
    expect(String(refused)).toMatch(/The Tablestore store could not be loaded: chunk missing/);
    await store.close();
  });
});
