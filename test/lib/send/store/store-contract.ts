/**
 * The behaviour every IdempotencyStore must have, as one suite each implementation runs
 * (memory-store.test.ts, redis-store.test.ts), so the stores cannot drift apart.
 *
 * Leases follow the injected clock, which the suite moves. TTLs are checked with short real TTLs
 * and a real wait while the clock moves by the same amount, since Redis expires keys by its own
 * clock. Keys are unique per test, so a shared server needs no flushing.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IdempotencyStore } from '#lib/send/store/store.ts';

const LEASE = 30_000;
/** Longer than any move of the injected clock: the memory store expires by that clock. */
const TTL = 86_400_000;
/** Short enough to wait for, long enough for the calls before the wait to finish first. */
const SHORT_TTL = 150;

export function describeStoreContract(
  name: string,
  makeStore: (now: () => number) => Promise<IdempotencyStore>,
): void {
  describe(`${name} (idempotency store contract)`, () => {
    let time = 0;
    let store: IdempotencyStore;
    let key = '';

    /** Moves the injected clock; with `realWait`, real time too, for TTLs. */
    const elapse = async (ms: number, realWait = false) => {
      time += ms;
      if (realWait) await sleep(ms);
    };

    beforeEach(async () => {
      time = 1_700_000_000_000;
      store = await makeStore(() => time);
      key = `key-${randomUUID()}`;
    });

    afterEach(async () => {
      await store.close();
    });

    describe('begin', () => {
      it('answers new the first time a key is seen', async () => {
        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'new' });
      });

      it('answers in-progress while the first owner still holds its lease', async () => {
        await store.begin(key, 'fp', LEASE, TTL);
        await elapse(LEASE - 1);

        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });
      });

      it('hands the key to the next caller as resumed once the lease has expired', async () => {
        await store.begin(key, 'fp', LEASE, TTL);
        await elapse(LEASE);

        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'resumed' });
        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });
      });

      it('gives the resuming caller a fresh lease that lasts its own leaseMs', async () => {
        await store.begin(key, 'fp', LEASE, TTL);
        await elapse(LEASE);
        await store.begin(key, 'fp', 5_000, TTL);
        await elapse(4_999);
        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });

        await elapse(1);
        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'resumed' });
      });

      it('answers mismatch when the key comes back with another fingerprint', async () => {
        await store.begin(key, 'fp-a', LEASE, TTL);

        expect(await store.begin(key, 'fp-b', LEASE, TTL)).toEqual({ state: 'mismatch' });
        await store.finish(key, { sent: 1 }, TTL);
        expect(await store.begin(key, 'fp-b', LEASE, TTL)).toEqual({ state: 'mismatch' });
      });

      it('replays the stored result, every time, once the key is finished', async () => {
        const result = { sent: 2, chunks: [{ msgKey: 'a', ok: true }, null], note: 'é' };
        await store.begin(key, 'fp', LEASE, TTL);
        await store.finish(key, result, TTL);
        await elapse(LEASE * 2);

        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'done', result });
        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'done', result });
      });

      it.each([null, false, 0, '', [], {}])('replays the result %j as stored', async (result) => {
        await store.begin(key, 'fp', LEASE, TTL);
        await store.finish(key, result, TTL);

        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'done', result });
      });

      it('keeps a copy of the result, so changing the caller’s object changes no replay', async () => {
        const result = { sent: 1 };
        await store.begin(key, 'fp', LEASE, TTL);
        await store.finish(key, result, TTL);
        result.sent = 99;
        const first = await store.begin(key, 'fp', LEASE, TTL);
        expect(first).toEqual({ state: 'done', result: { sent: 1 } });
        if (first.state === 'done') Object.assign(Object(first.result), { sent: 42 });

        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({
          state: 'done',
          result: { sent: 1 },
        });
      });

      it('lets the next caller resume at once after the owner abandons the key', async () => {
        await store.begin(key, 'fp', LEASE, TTL);
        await store.abandon(key);

        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'resumed' });
        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });
      });

      it('still checks the fingerprint of an abandoned key', async () => {
        await store.begin(key, 'fp', LEASE, TTL);
        await store.abandon(key);

        expect(await store.begin(key, 'other', LEASE, TTL)).toEqual({ state: 'mismatch' });
      });

      it('keeps a finished result when abandon comes after finish', async () => {
        await store.begin(key, 'fp', LEASE, TTL);
        await store.finish(key, 'ok', TTL);
        await store.abandon(key);

        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'done', result: 'ok' });
      });

      it('creates no record when finish or abandon is called for an unknown key', async () => {
        await store.finish(key, 'orphan', TTL);
        await store.abandon(key);

        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'new' });
      });

      it('keeps keys that differ only around separators apart', async () => {
        await store.begin(`${key}:0`, 'fp', LEASE, TTL);
        await store.claimChunk(key, 0, LEASE, TTL);

        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'new' });
        expect(await store.begin(`${key}:0`, 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });
      });
    });

    describe('chunks', () => {
      it('claims a chunk nobody claimed before, not in doubt', async () => {
        expect(await store.claimChunk(key, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: false,
        });
      });

      it('answers in-progress while the claimer still holds its lease', async () => {
        await store.claimChunk(key, 0, LEASE, TTL);
        await elapse(LEASE - 1);

        expect(await store.claimChunk(key, 0, LEASE, TTL)).toEqual({ state: 'in-progress' });
      });

      it('reclaims a chunk whose claimer lost its lease, in doubt', async () => {
        await store.claimChunk(key, 0, LEASE, TTL);
        await elapse(LEASE);

        expect(await store.claimChunk(key, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: true,
        });
        expect(await store.claimChunk(key, 0, LEASE, TTL)).toEqual({ state: 'in-progress' });
      });

      it('answers done with the result of a completed chunk, even after its lease', async () => {
        await store.claimChunk(key, 3, LEASE, TTL);
        await store.completeChunk(key, 3, { msgKey: 'm-3', ok: true }, TTL);
        await elapse(LEASE * 2);

        expect(await store.claimChunk(key, 3, LEASE, TTL)).toEqual({
          state: 'done',
          result: { msgKey: 'm-3', ok: true },
        });
      });

      it('records the result of a chunk that was completed without a claim', async () => {
        await store.completeChunk(key, 1, 'refused', TTL);

        expect(await store.claimChunk(key, 1, LEASE, TTL)).toEqual({
          state: 'done',
          result: 'refused',
        });
      });

      it('reclaims a chunk released without doubt, not in doubt', async () => {
        await store.claimChunk(key, 0, LEASE, TTL);
        await store.releaseChunk(key, 0, false, TTL);

        expect(await store.claimChunk(key, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: false,
        });
      });

      it('reclaims a chunk released in doubt, in doubt', async () => {
        await store.claimChunk(key, 0, LEASE, TTL);
        await store.releaseChunk(key, 0, true, TTL);

        expect(await store.claimChunk(key, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: true,
        });
      });

      it('keeps a chunk in doubt once it was, whatever later releases say', async () => {
        await store.claimChunk(key, 0, LEASE, TTL);
        await store.releaseChunk(key, 0, true, TTL);
        await store.claimChunk(key, 0, LEASE, TTL);
        await store.releaseChunk(key, 0, false, TTL);

        expect(await store.claimChunk(key, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: true,
        });
      });

      it('keeps a chunk reclaimed after a lost lease in doubt after a release without doubt', async () => {
        await store.claimChunk(key, 0, LEASE, TTL);
        await elapse(LEASE);
        await store.claimChunk(key, 0, LEASE, TTL);
        await store.releaseChunk(key, 0, false, TTL);

        expect(await store.claimChunk(key, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: true,
        });
      });

      it('remembers doubt for a chunk released without a claim', async () => {
        await store.releaseChunk(key, 0, true, TTL);

        expect(await store.claimChunk(key, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: true,
        });
      });

      it('never reopens a completed chunk when it is released afterwards', async () => {
        await store.claimChunk(key, 0, LEASE, TTL);
        await store.completeChunk(key, 0, 'sent', TTL);
        await store.releaseChunk(key, 0, true, TTL);

        expect(await store.claimChunk(key, 0, LEASE, TTL)).toEqual({
          state: 'done',
          result: 'sent',
        });
      });

      it('keeps the chunks of one key apart from each other and from other keys', async () => {
        await store.claimChunk(key, 1, LEASE, TTL);
        await store.completeChunk(key, 2, 'two', TTL);

        expect(await store.claimChunk(key, 0, LEASE, TTL)).toMatchObject({ state: 'claimed' });
        expect(await store.claimChunk(key, 12, LEASE, TTL)).toMatchObject({ state: 'claimed' });
        expect(await store.claimChunk(`${key}:1`, 2, LEASE, TTL)).toMatchObject({
          state: 'claimed',
        });
        expect(await store.claimChunk(key, 1, LEASE, TTL)).toEqual({ state: 'in-progress' });
        expect(await store.claimChunk(key, 2, LEASE, TTL)).toEqual({
          state: 'done',
          result: 'two',
        });
      });

      it('rejects a chunk index that is not a non-negative integer', async () => {
        await expect(store.claimChunk(key, -1, LEASE, TTL)).rejects.toThrow(RangeError);
        await expect(store.completeChunk(key, 1.5, null, TTL)).rejects.toThrow(RangeError);
      });
    });

    describe('TTL', () => {
      it('forgets a request once its TTL has passed', async () => {
        await store.begin(key, 'fp', LEASE, SHORT_TTL);
        await store.finish(key, 'first', SHORT_TTL);
        await elapse(SHORT_TTL + 100, true);

        expect(await store.begin(key, 'other', LEASE, TTL)).toEqual({ state: 'new' });
      });

      it('forgets a chunk once its TTL has passed', async () => {
        await store.completeChunk(key, 0, 'sent', SHORT_TTL);
        await elapse(SHORT_TTL + 100, true);

        expect(await store.claimChunk(key, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: false,
        });
      });

      it('keeps a finished result for the TTL given to finish, not the one given to begin', async () => {
        await store.begin(key, 'fp', LEASE, SHORT_TTL);
        await store.finish(key, 'kept', TTL);
        await elapse(SHORT_TTL + 100, true);

        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'done', result: 'kept' });
      });

      it('takes a chunk’s TTL from its latest write, longer or shorter', async () => {
        await store.claimChunk(key, 0, LEASE, SHORT_TTL);
        await store.releaseChunk(key, 0, true, TTL);
        await store.claimChunk(key, 1, LEASE, TTL);
        await store.releaseChunk(key, 1, true, SHORT_TTL);
        await store.claimChunk(key, 2, LEASE, SHORT_TTL);
        await elapse(SHORT_TTL + 100, true);

        expect(await store.claimChunk(key, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: true,
        });
        expect(await store.claimChunk(key, 1, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: false,
        });
        expect(await store.claimChunk(key, 2, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: false,
        });
      });

      it('rejects a lease or TTL that is not a positive number of milliseconds', async () => {
        await expect(store.begin(key, 'fp', 0, TTL)).rejects.toThrow(
          /leaseMs must be a positive number/,
        );
        await expect(store.begin(key, 'fp', LEASE, Number.NaN)).rejects.toThrow(RangeError);
        await expect(store.finish(key, null, -1)).rejects.toThrow(/ttlMs/);
        await expect(store.claimChunk(key, 0, LEASE, 0)).rejects.toThrow(RangeError);
        await expect(store.releaseChunk(key, 0, true, Infinity)).rejects.toThrow(RangeError);
      });
    });

    describe('concurrency', () => {
      it('lets exactly one of 20 concurrent begin calls own a new key', async () => {
        const results = await Promise.all(
          Array.from({ length: 20 }, () => store.begin(key, 'fp', LEASE, TTL)),
        );

        expect(results.filter((result) => result.state === 'new')).toHaveLength(1);
        expect(results.filter((result) => result.state === 'in-progress')).toHaveLength(19);
      });

      it('lets exactly one of 20 concurrent begin calls resume an expired lease', async () => {
        await store.begin(key, 'fp', LEASE, TTL);
        await elapse(LEASE);
        const results = await Promise.all(
          Array.from({ length: 20 }, () => store.begin(key, 'fp', LEASE, TTL)),
        );

        expect(results.filter((result) => result.state === 'resumed')).toHaveLength(1);
        expect(results.filter((result) => result.state === 'in-progress')).toHaveLength(19);
      });

      it('lets exactly one of 20 concurrent claims take a chunk', async () => {
        const results = await Promise.all(
          Array.from({ length: 20 }, () => store.claimChunk(key, 0, LEASE, TTL)),
        );

        expect(results.filter((result) => result.state === 'claimed')).toHaveLength(1);
        expect(results.filter((result) => result.state === 'in-progress')).toHaveLength(19);
      });
    });
  });
}
