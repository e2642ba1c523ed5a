/**
 * The behaviour every IdempotencyStore must have, as one suite each implementation runs
 * (memory-store.test.ts, redis-store.test.ts, and any shared store added later), so the stores
 * cannot drift apart.
 *
 * Leases follow the injected clock, which the suite moves. TTLs are checked with short real TTLs
 * and a real wait while the clock moves by the same amount, since Redis expires keys by its own
 * clock. Keys are unique per test, so a shared server needs no flushing.
 *
 * The contract: `begin` hands out an owner token; every later write is a compare-and-set on it
 * and answers whether it took effect; chunks live in their request's record and only its current
 * owner claims them; a claim's result is written only by its latest claimer.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BeginResult, IdempotencyStore } from '#lib/send/store/store.ts';

const LEASE = 30_000;
/** Longer than any move of the injected clock: the memory store expires by that clock. */
const TTL = 86_400_000;
/** Short enough to wait for, long enough for the calls before the wait to finish first. */
const SHORT_TTL = 150;

/** The owner token of a begin that took the key, or a failed expectation. */
function tokenOf(begun: BeginResult): string {
  if (begun.state !== 'new' && begun.state !== 'resumed') {
    throw new Error(`expected to own the key, got ${JSON.stringify(begun)}`);
  }
  return begun.token;
}

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
    /** Begins `key` (or `other`) and returns the owner token. */
    const own = async (other = key, fp = 'fp', ttlMs = TTL) =>
      tokenOf(await store.begin(other, fp, LEASE, ttlMs));

    beforeEach(async () => {
      time = 1_700_000_000_000;
      store = await makeStore(() => time);
      key = `key-${randomUUID()}`;
    });

    afterEach(async () => {
      await store.close();
    });

    describe('begin', () => {
      it('answers new with an owner token the first time a key is seen', async () => {
        const begun = await store.begin(key, 'fp', LEASE, TTL);

        expect(begun).toEqual({ state: 'new', token: expect.any(String) });
        expect(tokenOf(begun).length).toBeGreaterThan(0);
      });

      it('answers in-progress while the first owner still holds its lease', async () => {
        await own();
        await elapse(LEASE - 1);

        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });
      });

      it('hands the key to the next caller as resumed, with a new token, once the lease has expired', async () => {
        const first = await own();
        await elapse(LEASE);

        const resumed = await store.begin(key, 'fp', LEASE, TTL);

        expect(resumed).toEqual({ state: 'resumed', token: expect.any(String) });
        expect(tokenOf(resumed)).not.toBe(first);
        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });
      });

      it('gives the resuming caller a fresh lease that lasts its own leaseMs', async () => {
        await own();
        await elapse(LEASE);
        await store.begin(key, 'fp', 5_000, TTL);
        await elapse(4_999);
        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });

        await elapse(1);
        expect(await store.begin(key, 'fp', LEASE, TTL)).toMatchObject({ state: 'resumed' });
      });

      it('answers mismatch when the key comes back with another fingerprint, finished or not', async () => {
        const token = await own(key, 'fp-a');

        expect(await store.begin(key, 'fp-b', LEASE, TTL)).toEqual({ state: 'mismatch' });
        await store.finish(key, token, { sent: 1 }, TTL);
        expect(await store.begin(key, 'fp-b', LEASE, TTL)).toEqual({ state: 'mismatch' });
      });

      it('replays the stored result, every time, once the key is finished', async () => {
        const result = { sent: 2, chunks: [{ msgKey: 'a', ok: true }, null], note: 'é' };
        const token = await own();
        expect(await store.finish(key, token, result, TTL)).toBe(true);
        await elapse(LEASE * 2);

        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'done', result });
        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'done', result });
      });

      it.each([null, false, 0, '', [], {}])('replays the result %j as stored', async (result) => {
        const token = await own();
        await store.finish(key, token, result, TTL);

        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'done', result });
      });

      it('keeps a copy of the result, so changing the caller’s object changes no replay', async () => {
        const result = { sent: 1 };
        const token = await own();
        await store.finish(key, token, result, TTL);
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
        const token = await own();
        expect(await store.abandon(key, token)).toBe(true);

        expect(await store.begin(key, 'fp', LEASE, TTL)).toMatchObject({ state: 'resumed' });
        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });
      });

      it('still checks the fingerprint of an abandoned key', async () => {
        await store.abandon(key, await own());

        expect(await store.begin(key, 'other', LEASE, TTL)).toEqual({ state: 'mismatch' });
      });

      it('keeps a finished result when abandon comes after finish', async () => {
        const token = await own();
        await store.finish(key, token, 'ok', TTL);

        expect(await store.abandon(key, token)).toBe(false);
        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'done', result: 'ok' });
      });

      it('creates no record when finish or abandon is called for an unknown key', async () => {
        expect(await store.finish(key, 'no-owner', 'orphan', TTL)).toBe(false);
        expect(await store.abandon(key, 'no-owner')).toBe(false);

        expect(await store.begin(key, 'fp', LEASE, TTL)).toMatchObject({ state: 'new' });
      });

      it('keeps keys that differ only around separators apart', async () => {
        await own(`${key}:0`);
        const token = await own(`${key}:1`);
        await store.claimChunk(`${key}:1`, token, 0, LEASE, TTL);

        expect(await store.begin(key, 'fp', LEASE, TTL)).toMatchObject({ state: 'new' });
        expect(await store.begin(`${key}:0`, 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });
      });
    });

    describe('owner tokens', () => {
      it('refuses a finish or abandon under a token that does not own the key', async () => {
        await own();

        expect(await store.finish(key, 'forged', 'theirs', TTL)).toBe(false);
        expect(await store.abandon(key, 'forged')).toBe(false);
        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });
      });

      it('refuses every write of an owner whose key another invocation resumed', async () => {
        const stale = await own();
        await elapse(LEASE);
        const current = await own();
        await store.claimChunk(key, current, 0, LEASE, TTL);

        expect(await store.claimChunk(key, stale, 1, LEASE, TTL)).toEqual({ state: 'lost' });
        expect(await store.finish(key, stale, 'stale result', TTL)).toBe(false);
        expect(await store.abandon(key, stale)).toBe(false);
        expect(await store.completeChunk(key, stale, 0, 'stale', TTL)).toBe(false);
        expect(await store.releaseChunk(key, stale, 0, false, TTL)).toBe(false);

        expect(await store.claimChunk(key, current, 1, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: false,
        });
        expect(await store.finish(key, current, 'current result', TTL)).toBe(true);
        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({
          state: 'done',
          result: 'current result',
        });
      });

      it('lets a stale owner record the chunk it sent while nobody claimed it again', async () => {
        const stale = await own();
        await store.claimChunk(key, stale, 0, LEASE, TTL);
        await elapse(LEASE);
        const current = await own();

        expect(await store.completeChunk(key, stale, 0, 'sent late', TTL)).toBe(true);
        expect(await store.claimChunk(key, current, 0, LEASE, TTL)).toEqual({
          state: 'done',
          result: 'sent late',
        });
      });

      it('refuses a stale claimer’s result once the chunk was claimed again, and keeps it in doubt', async () => {
        const stale = await own();
        await store.claimChunk(key, stale, 0, LEASE, TTL);
        await elapse(LEASE);
        const current = await own();
        expect(await store.claimChunk(key, current, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: true,
        });

        expect(await store.completeChunk(key, stale, 0, 'stale', TTL)).toBe(false);
        expect(await store.releaseChunk(key, stale, 0, false, TTL)).toBe(false);
        expect(await store.claimChunk(key, current, 0, LEASE, TTL)).toEqual({
          state: 'in-progress',
        });
        expect(await store.releaseChunk(key, current, 0, false, TTL)).toBe(true);
        expect(await store.claimChunk(key, current, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: true,
        });
      });

      it('gives no chunk to a caller that never owned the key, nor to any caller of an unknown key', async () => {
        await own();

        expect(await store.claimChunk(key, 'forged', 0, LEASE, TTL)).toEqual({ state: 'lost' });
        expect(await store.claimChunk(`${key}-unknown`, 'any', 0, LEASE, TTL)).toEqual({
          state: 'lost',
        });
      });

      it("forgets a finished key's chunks: a later claim of a completed one is lost, not replayed", async () => {
        const token = await own();
        await store.claimChunk(key, token, 0, LEASE, TTL);
        await store.completeChunk(key, token, 0, { sent: 10 }, TTL);

        await store.finish(key, token, 'done', TTL);

        expect(await store.claimChunk(key, token, 0, LEASE, TTL)).toEqual({ state: 'lost' });
        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'done', result: 'done' });
      });

      it('gives no chunk once the owner has abandoned or finished the key', async () => {
        const token = await own();
        await store.abandon(key, token);

        expect(await store.claimChunk(key, token, 0, LEASE, TTL)).toEqual({ state: 'lost' });

        const resumed = await own();
        await store.finish(key, resumed, 'done', TTL);
        expect(await store.claimChunk(key, resumed, 0, LEASE, TTL)).toEqual({ state: 'lost' });
      });
    });

    describe('chunks', () => {
      it('claims a chunk nobody claimed before, not in doubt', async () => {
        const token = await own();

        expect(await store.claimChunk(key, token, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: false,
        });
      });

      it('answers in-progress while the claimer still holds its lease', async () => {
        const token = await own();
        await store.claimChunk(key, token, 0, LEASE, TTL);
        await elapse(LEASE - 1);

        expect(await store.claimChunk(key, token, 0, LEASE, TTL)).toEqual({
          state: 'in-progress',
        });
      });

      it('reclaims a chunk whose claimer lost its lease, in doubt', async () => {
        const token = await own();
        await store.claimChunk(key, token, 0, LEASE, TTL);
        await elapse(LEASE);

        expect(await store.claimChunk(key, token, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: true,
        });
        expect(await store.claimChunk(key, token, 0, LEASE, TTL)).toEqual({
          state: 'in-progress',
        });
      });

      it('answers done with the result of a completed chunk, even after its lease', async () => {
        const token = await own();
        await store.claimChunk(key, token, 3, LEASE, TTL);
        expect(await store.completeChunk(key, token, 3, { msgKey: 'm-3', ok: true }, TTL)).toBe(
          true,
        );
        await elapse(LEASE * 2);

        expect(await store.claimChunk(key, token, 3, LEASE, TTL)).toEqual({
          state: 'done',
          result: { msgKey: 'm-3', ok: true },
        });
      });

      it('records nothing for a chunk that was never claimed', async () => {
        const token = await own();

        expect(await store.completeChunk(key, token, 1, 'refused', TTL)).toBe(false);
        expect(await store.releaseChunk(key, token, 2, true, TTL)).toBe(false);
        expect(await store.claimChunk(key, token, 1, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: false,
        });
        expect(await store.claimChunk(key, token, 2, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: false,
        });
      });

      it('reclaims a chunk released without doubt, not in doubt', async () => {
        const token = await own();
        await store.claimChunk(key, token, 0, LEASE, TTL);
        expect(await store.releaseChunk(key, token, 0, false, TTL)).toBe(true);

        expect(await store.claimChunk(key, token, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: false,
        });
      });

      it('reclaims a chunk released in doubt, in doubt, by the next owner too', async () => {
        const token = await own();
        await store.claimChunk(key, token, 0, LEASE, TTL);
        await store.releaseChunk(key, token, 0, true, TTL);
        await store.abandon(key, token);
        const next = await own();

        expect(await store.claimChunk(key, next, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: true,
        });
      });

      it('keeps a chunk in doubt once it was, whatever later releases say', async () => {
        const token = await own();
        await store.claimChunk(key, token, 0, LEASE, TTL);
        await store.releaseChunk(key, token, 0, true, TTL);
        await store.claimChunk(key, token, 0, LEASE, TTL);
        await store.releaseChunk(key, token, 0, false, TTL);

        expect(await store.claimChunk(key, token, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: true,
        });
      });

      it('keeps a chunk reclaimed after a lost lease in doubt after a release without doubt', async () => {
        const token = await own();
        await store.claimChunk(key, token, 0, LEASE, TTL);
        await elapse(LEASE);
        await store.claimChunk(key, token, 0, LEASE, TTL);
        await store.releaseChunk(key, token, 0, false, TTL);

        expect(await store.claimChunk(key, token, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: true,
        });
      });

      it('never reopens a completed chunk when it is released afterwards', async () => {
        const token = await own();
        await store.claimChunk(key, token, 0, LEASE, TTL);
        await store.completeChunk(key, token, 0, 'sent', TTL);

        expect(await store.releaseChunk(key, token, 0, true, TTL)).toBe(false);
        expect(await store.completeChunk(key, token, 0, 'again', TTL)).toBe(false);
        expect(await store.claimChunk(key, token, 0, LEASE, TTL)).toEqual({
          state: 'done',
          result: 'sent',
        });
      });

      it('keeps the chunks of one key apart from each other and from other keys', async () => {
        const token = await own();
        const other = await own(`${key}:1`);
        await store.claimChunk(key, token, 1, LEASE, TTL);
        await store.claimChunk(key, token, 2, LEASE, TTL);
        await store.completeChunk(key, token, 2, 'two', TTL);

        expect(await store.claimChunk(key, token, 0, LEASE, TTL)).toMatchObject({
          state: 'claimed',
        });
        expect(await store.claimChunk(key, token, 12, LEASE, TTL)).toMatchObject({
          state: 'claimed',
        });
        expect(await store.claimChunk(`${key}:1`, other, 2, LEASE, TTL)).toMatchObject({
          state: 'claimed',
        });
        expect(await store.claimChunk(key, token, 1, LEASE, TTL)).toEqual({
          state: 'in-progress',
        });
        expect(await store.claimChunk(key, token, 2, LEASE, TTL)).toEqual({
          state: 'done',
          result: 'two',
        });
      });

      it('rejects a chunk index that is not a non-negative integer', async () => {
        const token = await own();

        await expect(store.claimChunk(key, token, -1, LEASE, TTL)).rejects.toThrow(RangeError);
        await expect(store.completeChunk(key, token, 1.5, null, TTL)).rejects.toThrow(RangeError);
        await expect(store.releaseChunk(key, token, Number.NaN, true, TTL)).rejects.toThrow(
          RangeError,
        );
      });
    });

    describe('TTL', () => {
      it('forgets a request once its TTL has passed', async () => {
        const token = await own(key, 'fp', SHORT_TTL);
        await store.finish(key, token, 'first', SHORT_TTL);
        await elapse(SHORT_TTL + 100, true);

        expect(await store.begin(key, 'other', LEASE, TTL)).toMatchObject({ state: 'new' });
      });

      it('forgets a request’s chunks with it, so a key reused with another payload replays none', async () => {
        const token = await own(key, 'fp', SHORT_TTL);
        await store.claimChunk(key, token, 0, LEASE, SHORT_TTL);
        await store.completeChunk(key, token, 0, 'sent for the first payload', SHORT_TTL);
        await elapse(SHORT_TTL + 100, true);

        const reused = await own(key, 'another payload');

        expect(await store.claimChunk(key, reused, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: false,
        });
      });

      it('keeps the chunks as long as their request: a resume refreshes both', async () => {
        const token = await own(key, 'fp', SHORT_TTL);
        await store.claimChunk(key, token, 0, LEASE, SHORT_TTL);
        await store.completeChunk(key, token, 0, 'sent', SHORT_TTL);
        await store.abandon(key, token);
        await elapse(SHORT_TTL / 2, true);
        const resumed = tokenOf(await store.begin(key, 'fp', LEASE, TTL));
        await elapse(SHORT_TTL, true);

        expect(await store.claimChunk(key, resumed, 0, LEASE, TTL)).toEqual({
          state: 'done',
          result: 'sent',
        });
      });

      it('keeps a finished result for the TTL given to finish, not the one given to begin', async () => {
        const token = await own(key, 'fp', SHORT_TTL);
        await store.finish(key, token, 'kept', TTL);
        await elapse(SHORT_TTL + 100, true);

        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'done', result: 'kept' });
      });

      it('takes the record’s TTL from its latest write, longer or shorter', async () => {
        const longer = await own(`${key}:longer`, 'fp', SHORT_TTL);
        await store.claimChunk(`${key}:longer`, longer, 0, LEASE, TTL);
        const shorter = await own(`${key}:shorter`, 'fp', TTL);
        await store.claimChunk(`${key}:shorter`, shorter, 0, LEASE, SHORT_TTL);
        await elapse(SHORT_TTL + 100, true);

        expect(await store.begin(`${key}:longer`, 'fp', LEASE, TTL)).toEqual({
          state: 'in-progress',
        });
        expect(await store.begin(`${key}:shorter`, 'fp', LEASE, TTL)).toMatchObject({
          state: 'new',
        });
      });

      it('rejects a lease or TTL that is not a positive number of milliseconds', async () => {
        await expect(store.begin(key, 'fp', 0, TTL)).rejects.toThrow(
          /leaseMs must be a positive number/,
        );
        await expect(store.begin(key, 'fp', LEASE, Number.NaN)).rejects.toThrow(RangeError);
        await expect(store.finish(key, 't', null, -1)).rejects.toThrow(/ttlMs/);
        await expect(store.claimChunk(key, 't', 0, LEASE, 0)).rejects.toThrow(RangeError);
        await expect(store.releaseChunk(key, 't', 0, true, Infinity)).rejects.toThrow(RangeError);
        await expect(store.completeChunk(key, 't', 0, null, -5)).rejects.toThrow(RangeError);
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
        await own();
        await elapse(LEASE);
        const results = await Promise.all(
          Array.from({ length: 20 }, () => store.begin(key, 'fp', LEASE, TTL)),
        );

        expect(results.filter((result) => result.state === 'resumed')).toHaveLength(1);
        expect(results.filter((result) => result.state === 'in-progress')).toHaveLength(19);
      });

      it('lets exactly one of 20 concurrent claims take a chunk', async () => {
        const token = await own();
        const results = await Promise.all(
          Array.from({ length: 20 }, () => store.claimChunk(key, token, 0, LEASE, TTL)),
        );

        expect(results.filter((result) => result.state === 'claimed')).toHaveLength(1);
        expect(results.filter((result) => result.state === 'in-progress')).toHaveLength(19);
      });

      it('lets exactly one of 20 concurrent results of one claim take effect', async () => {
        const token = await own();
        await store.claimChunk(key, token, 0, LEASE, TTL);
        const written = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            i % 2 === 0
              ? store.completeChunk(key, token, 0, `result-${i}`, TTL)
              : store.releaseChunk(key, token, 0, true, TTL),
          ),
        );

        expect(written.filter(Boolean)).toHaveLength(1);
      });

      it('keeps every part of 20 concurrent progress writers to one report', async () => {
        await Promise.all(
          Array.from({ length: 20 }, (_, i) => store.putProgress(key, `b${i}`, { i }, TTL)),
        );

        const parts = await store.readProgress(key);
        expect(Object.keys(parts ?? {}).sort()).toEqual(
          Array.from({ length: 20 }, (_, i) => `b${i}`).sort(),
        );
        expect(parts?.b7).toEqual({ i: 7 });
      });
    });

    describe('peek', () => {
      it('answers undefined for a key never seen, and takes nothing', async () => {
        expect(await store.peek(key)).toBeUndefined();
        expect((await store.begin(key, 'fp', LEASE, TTL)).state).toBe('new');
      });

      it('sees a request in progress without taking it or moving its lease', async () => {
        const token = await own();

        expect(await store.peek(key)).toEqual({ state: 'in-progress' });
        expect(await store.begin(key, 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });
        expect(await store.claimChunk(key, token, 0, LEASE, TTL)).toEqual({
          state: 'claimed',
          inDoubt: false,
        });
      });

      it('sees an abandoned request as abandoned, and a finished one with its result', async () => {
        const token = await own();
        await store.abandon(key, token);
        expect(await store.peek(key)).toEqual({ state: 'abandoned' });

        const again = await own();
        await store.finish(key, again, { sent: 3, targets: ['a'] }, TTL);
        expect(await store.peek(key)).toEqual({
          state: 'done',
          result: { sent: 3, targets: ['a'] },
        });
      });

      it('answers undefined once the record has expired', async () => {
        const token = await own(key, 'fp', SHORT_TTL);
        await store.finish(key, token, 'first', SHORT_TTL);
        await elapse(SHORT_TTL + 100, true);

        expect(await store.peek(key)).toBeUndefined();
      });
    });

    describe('progress', () => {
      it('answers undefined for a report never written', async () => {
        expect(await store.readProgress(key)).toBeUndefined();
      });

      it('keeps each part as written, replacing only the part written again', async () => {
        await store.putProgress(key, 'h', { batches: 2, at: '2026-12-02T00:00:00.000Z' }, TTL);
        await store.putProgress(key, 'b0', { sent: 10, final: false }, TTL);
        await store.putProgress(key, 'b1', [1, 'two', null], TTL);
        await store.putProgress(key, 'b0', { sent: 20, final: true }, TTL);

        expect(await store.readProgress(key)).toEqual({
          h: { batches: 2, at: '2026-12-02T00:00:00.000Z' },
          b0: { sent: 20, final: true },
          b1: [1, 'two', null],
        });
      });

      it('is apart from the ledger: a report and a request under one key do not see each other', async () => {
        await store.putProgress(key, 'h', 'report', TTL);

        expect(await store.peek(key)).toBeUndefined();
        expect((await store.begin(key, 'fp', LEASE, TTL)).state).toBe('new');
        expect(await store.readProgress(key)).toEqual({ h: 'report' });
        expect(await store.readProgress(`${key}-other`)).toBeUndefined();
      });

      it('lives its TTL from its last write, and starts anew once it expired', async () => {
        await store.putProgress(key, 'h', 'head', SHORT_TTL);
        await elapse(100, true);
        await store.putProgress(key, 'b0', 'batch', SHORT_TTL);
        await elapse(100, true);

        expect(await store.readProgress(key)).toEqual({ h: 'head', b0: 'batch' });

        await elapse(SHORT_TTL + 100, true);
        expect(await store.readProgress(key)).toBeUndefined();

        await store.putProgress(key, 'b1', 'new', SHORT_TTL);
        expect(await store.readProgress(key)).toEqual({ b1: 'new' });
      });

      it('refuses a part name that is not 1 to 16 lowercase letters or digits, and a TTL of 0', async () => {
        for (const part of ['', 'B0', 'b-0', 'a'.repeat(17), 'p:h']) {
          await expect(store.putProgress(key, part, 1, TTL)).rejects.toThrow(RangeError);
        }
        await expect(store.putProgress(key, 'h', 1, 0)).rejects.toThrow(RangeError);
        expect(await store.readProgress(key)).toBeUndefined();
      });
    });
  });
}
