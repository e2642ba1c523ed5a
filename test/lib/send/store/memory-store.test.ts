/**
 * The memory store: the shared contract, plus what only it has to prove, that its memory stays
 * bounded however many keys an FC instance sees.
 */
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '#lib/send/store/memory-store.ts';
import { describeStoreContract } from './store-contract.ts';

describeStoreContract('MemoryStore', async (now) => new MemoryStore({ now }));

/** The owner token of a begin that took the key. */
async function own(store: MemoryStore, key: string, ttlMs: number, leaseMs = 1_000) {
  const begun = await store.begin(key, 'fp', leaseMs, ttlMs);
  if (begun.state !== 'new' && begun.state !== 'resumed') throw new Error(begun.state);
  return begun.token;
}

describe('MemoryStore memory bounds', () => {
  const LEASE = 1_000;
  const TTL = 10_000;

  function clockedStore(maxKeys: number) {
    const clock = { time: 0 };
    const store = new MemoryStore({ now: () => clock.time, maxKeys });
    return { clock, store };
  }

  it('never holds more than maxKeys records, counting a request and each of its chunks', async () => {
    const { store } = clockedStore(20);

    for (let i = 0; i < 1_000; i++) {
      const token = await own(store, `req-${i}`, TTL);
      await store.claimChunk(`req-${i}`, token, 0, LEASE, TTL);
      await store.claimChunk(`req-${i}`, token, 1, LEASE, TTL);
    }

    expect(store.size).toBeLessThanOrEqual(20);
    expect(store.size).toBe(18);
  });

  it('evicts a request together with its chunks, never its chunks alone', async () => {
    const { store } = clockedStore(4);
    const first = await own(store, 'first', TTL);
    await store.claimChunk('first', first, 0, LEASE, TTL);
    await store.completeChunk('first', first, 0, 'sent', TTL);
    await store.claimChunk('first', first, 1, LEASE, TTL);

    await own(store, 'second', TTL);
    await own(store, 'third', TTL);

    expect(await store.begin('first', 'fp', LEASE, TTL)).toMatchObject({ state: 'new' });
    expect(store.size).toBe(3);
  });

  it('drops expired records first when it is full', async () => {
    const { clock, store } = clockedStore(3);
    await own(store, 'long-1', TTL);
    await own(store, 'short', 100);
    await own(store, 'long-2', TTL);
    clock.time = 100;

    await own(store, 'newcomer', TTL);

    expect(store.size).toBe(3);
    expect(await store.begin('long-1', 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });
    expect(await store.begin('long-2', 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });
  });

  it('evicts the least recently written record when every record is live', async () => {
    const { store } = clockedStore(2);
    const oldest = await own(store, 'oldest', TTL);
    await own(store, 'middle', TTL);
    await store.finish('oldest', oldest, 'rewritten', TTL);

    await own(store, 'newcomer', TTL);

    expect(await store.begin('oldest', 'fp', LEASE, TTL)).toEqual({
      state: 'done',
      result: 'rewritten',
    });
    expect(await store.begin('middle', 'fp', LEASE, TTL)).toMatchObject({ state: 'new' });
  });

  it('rewrites a record in place when full, evicting nothing', async () => {
    const { store } = clockedStore(2);
    await own(store, 'first', TTL);
    const last = await own(store, 'last', TTL);

    await store.finish('last', last, 'rewritten', TTL);

    expect(await store.begin('first', 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });
    expect(store.size).toBe(2);
  });

  it('prunes an expired record when it is read, without waiting to be full', async () => {
    const { clock, store } = clockedStore(100);
    const token = await own(store, 'a', 100);
    await store.claimChunk('a', token, 0, LEASE, 100);
    expect(store.size).toBe(2);
    clock.time = 100;

    expect(await store.abandon('a', token)).toBe(false);

    expect(store.size).toBe(0);
  });

  it('keeps the TTL of an abandoned request, as Redis keeps a hash’s TTL on HSET', async () => {
    const { clock, store } = clockedStore(100);
    const token = await own(store, 'a', 500);
    clock.time = 400;
    await store.abandon('a', token);
    clock.time = 500;

    expect(await store.begin('a', 'fp', LEASE, TTL)).toMatchObject({ state: 'new' });
  });

  it('drops the chunks of a finished request: a replay needs only the result', async () => {
    const { store } = clockedStore(100);
    const token = await own(store, 'a', TTL);
    for (const index of [0, 1, 2]) {
      await store.claimChunk('a', token, index, LEASE, TTL);
      await store.completeChunk('a', token, index, 'sent', TTL);
    }
    expect(store.size).toBe(4);

    await store.finish('a', token, 'all sent', TTL);

    expect(store.size).toBe(1);
  });

  it('refuses a maxKeys that is not a positive integer', () => {
    expect(() => new MemoryStore({ maxKeys: 0 })).toThrow(/maxKeys must be a positive integer/);
    expect(() => new MemoryStore({ maxKeys: 1.5 })).toThrow(RangeError);
  });

  it('uses the real clock and random tokens when none are injected', async () => {
    const store = new MemoryStore();
    const first = await store.begin('a', 'fp', 60_000, 60_000);
    const second = await store.begin('b', 'fp', 60_000, 60_000);

    expect(await store.begin('a', 'fp', 60_000, 60_000)).toEqual({ state: 'in-progress' });
    expect(first).toMatchObject({ token: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(first).not.toEqual(second);
    await store.close();
  });
});
