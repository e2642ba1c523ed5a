/**
 * A store call never outlives the invocation: it fails as a retryable store error once only the
 * margin is left, whatever the store's own timeouts are (#15, defect 2).
 */
import { describe, expect, it, vi } from 'vitest';
import { boundedStore } from '#lib/send/store/bounded-store.ts';
import { MemoryStore } from '#lib/send/store/memory-store.ts';
import type { IdempotencyStore } from '#lib/send/store/store.ts';
import { IdempotencyStoreError } from '#lib/send/store/store-error.ts';

const hanging: IdempotencyStore = {
  begin: () => new Promise(() => {}),
  finish: () => new Promise(() => {}),
  abandon: () => new Promise(() => {}),
  claimChunk: () => new Promise(() => {}),
  completeChunk: () => new Promise(() => {}),
  releaseChunk: () => new Promise(() => {}),
  peek: () => new Promise(() => {}),
  putProgress: () => new Promise(() => {}),
  readProgress: () => new Promise(() => {}),
  close: async () => {},
};

const left = (ms: number) => {
  const at = Date.now() + ms;
  return { at, remaining: () => Math.max(0, at - Date.now()) };
};

describe('boundedStore', () => {
  it('fails a call that outlasts the time left less the margin, quickly and retryably', async () => {
    const store = boundedStore(hanging, left(700), 500);
    const started = Date.now();

    const error = await store
      .claimChunk('k', 't', 0, 1_000, 1_000)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(IdempotencyStoreError);
    expect(error).toMatchObject({ retryable: true, statusCode: 503 });
    expect(String(error)).toMatch(/did not claim a chunk within the \d+ ms left/);
    expect(Date.now() - started).toBeLessThan(600);
  });

  it('refuses at once when only the margin is left', async () => {
    const store = boundedStore(hanging, left(400), 500);

    await expect(store.begin('k', 'fp', 1_000, 1_000)).rejects.toThrow(/No time left to begin/);
    await expect(store.finish('k', 't', null, 1_000)).rejects.toThrow(/No time left to finish /);
    await expect(store.abandon('k', 't')).rejects.toThrow(/No time left to abandon /);
    await expect(store.claimChunk('k', 't', 0, 1_000, 1_000)).rejects.toThrow(
      /No time left to claim a chunk /,
    );
    await expect(store.completeChunk('k', 't', 0, null, 1_000)).rejects.toThrow(
      /No time left to complete a chunk /,
    );
    await expect(store.releaseChunk('k', 't', 0, true, 1_000)).rejects.toThrow(
      /No time left to release a chunk /,
    );
    await expect(store.peek('k')).rejects.toThrow(/No time left to read a record /);
    await expect(store.putProgress('k', 'h', null, 1_000)).rejects.toThrow(
      /No time left to write progress /,
    );
    await expect(store.readProgress('k')).rejects.toThrow(/No time left to read progress /);
    for (const call of [store.finish('k', 't', null, 1), store.abandon('k', 't')]) {
      await expect(call).rejects.toThrow(IdempotencyStoreError);
    }
  });

  it('refuses at once when exactly the margin is left: no call with a budget of 0 ms', async () => {
    const store = boundedStore(hanging, { at: 0, remaining: () => 500 }, 500);

    await expect(store.begin('k', 'fp', 1_000, 1_000)).rejects.toThrow(/No time left to begin/);
  });

  it('leaves no timer behind once a call has answered', async () => {
    vi.useFakeTimers();
    try {
      const store = boundedStore(new MemoryStore(), { at: 0, remaining: () => 60_000 });

      await store.begin('k', 'fp', 1_000, 60_000);

      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('passes every call and answer through while there is time', async () => {
    const memory = new MemoryStore();
    const store = boundedStore(memory, left(60_000));

    const begun = await store.begin('k', 'fp', 1_000, 60_000);
    const token = begun.state === 'new' ? begun.token : '';
    expect(await store.claimChunk('k', token, 0, 1_000, 60_000)).toEqual({
      state: 'claimed',
      inDoubt: false,
    });
    expect(await store.completeChunk('k', token, 0, 'sent', 60_000)).toBe(true);
    expect(await store.releaseChunk('k', token, 1, false, 60_000)).toBe(false);
    expect(await store.finish('k', token, 'done', 60_000)).toBe(true);
    expect(await store.abandon('k', token)).toBe(false);
    expect(await store.peek('k')).toEqual({ state: 'done', result: 'done' });
    await store.putProgress('k', 'h', { batches: 2 }, 60_000);
    expect(await store.readProgress('k')).toEqual({ h: { batches: 2 } });
    await store.close();
    expect(await memory.begin('k', 'fp', 1_000, 60_000)).toEqual({ state: 'done', result: 'done' });
  });
});
