/**
 * The lazily loaded Redis store: a failed load is a retryable store error, and is not kept, so
 * the next call loads again instead of the instance failing every later invocation.
 */
import { describe, expect, it } from 'vitest';
import { LazyRedisStore } from '#lib/send/store/lazy-redis-store.ts';
import { IdempotencyStoreError } from '#lib/send/store/store-error.ts';
import { freePort } from '#test/helpers/redis.ts';

describe('LazyRedisStore', () => {
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
});
