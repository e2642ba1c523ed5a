/**
 * The memory store: the shared contract, plus what only it has to prove, that its memory stays
 * bounded however many keys an FC instance sees.
 */
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '#lib/send/store/memory-store.ts';
import { describeStoreContract } from './store-contract.ts';

describeStoreContract('MemoryStore', async (now) => new MemoryStore({ now }));

describe('MemoryStore memory bounds', () => {
  const LEASE = 1_000;
  const TTL = 10_000;

  function clockedStore(maxKeys: number) {
    const clock = { time: 0 };
    const store = new MemoryStore({ now: () => clock.time, maxKeys });
    return { clock, store };
  }

  it('never holds more than maxKeys requests and maxKeys chunks', async () => {
    const { store } = clockedStore(10);

    for (let i = 0; i < 1_000; i++) {
      await store.begin(`req-${i}`, 'fp', LEASE, TTL);
      await store.claimChunk(`req-${i}`, 0, LEASE, TTL);
    }

    expect(store.size).toBe(20);
  });

  it('drops expired records first when it is full', async () => {
    const { clock, store } = clockedStore(3);
    await store.begin('long-1', 'fp', LEASE, TTL);
    await store.begin('short', 'fp', LEASE, 100);
    await store.begin('long-2', 'fp', LEASE, TTL);
    clock.time = 100;

    await store.begin('newcomer', 'fp', LEASE, TTL);

    expect(store.size).toBe(3);
    expect(await store.begin('long-1', 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });
    expect(await store.begin('long-2', 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });
  });

  it('evicts the least recently written record when every record is live', async () => {
    const { store } = clockedStore(2);
    await store.begin('oldest', 'fp', LEASE, TTL);
    await store.begin('middle', 'fp', LEASE, TTL);
    await store.finish('oldest', 'rewritten', TTL);

    await store.begin('newcomer', 'fp', LEASE, TTL);

    expect(await store.begin('oldest', 'fp', LEASE, TTL)).toEqual({
      state: 'done',
      result: 'rewritten',
    });
    expect(await store.begin('middle', 'fp', LEASE, TTL)).toEqual({ state: 'new' });
  });

  it('rewrites a record in place when full, evicting nothing', async () => {
    const { store } = clockedStore(2);
    await store.begin('first', 'fp', LEASE, TTL);
    await store.begin('last', 'fp', LEASE, TTL);

    await store.finish('last', 'rewritten', TTL);

    expect(await store.begin('first', 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });
    expect(store.size).toBe(2);
  });

  it('prunes an expired record when it is read, without waiting to be full', async () => {
    const { clock, store } = clockedStore(100);
    await store.begin('a', 'fp', LEASE, 100);
    await store.completeChunk('a', 0, 'sent', 100);
    expect(store.size).toBe(2);
    clock.time = 100;

    await store.abandon('a');
    await store.releaseChunk('a', 0, false, TTL);

    expect(store.size).toBe(1);
  });

  it('keeps the TTL of an abandoned request, as Redis keeps a hash’s TTL on HSET', async () => {
    const { clock, store } = clockedStore(100);
    await store.begin('a', 'fp', LEASE, 500);
    clock.time = 400;
    await store.abandon('a');
    clock.time = 500;

    expect(await store.begin('a', 'fp', LEASE, TTL)).toEqual({ state: 'new' });
  });

  it('refuses a maxKeys that is not a positive integer', () => {
    expect(() => new MemoryStore({ maxKeys: 0 })).toThrow(/maxKeys must be a positive integer/);
    expect(() => new MemoryStore({ maxKeys: 1.5 })).toThrow(RangeError);
  });

  it('uses the real clock when none is injected', async () => {
    const store = new MemoryStore();
    await store.begin('a', 'fp', 60_000, 60_000);

    expect(await store.begin('a', 'fp', 60_000, 60_000)).toEqual({ state: 'in-progress' });
    await store.close();
  });
});
