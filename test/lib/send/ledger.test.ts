/**
 * The request ledger with its typed codec: the first run stores what it returned, a repeat gets
 * the decoded value back without running the work, and a stored value of another shape is a
 * store error rather than a wrong answer.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { keyLedger, once, onceIfKeyed } from '#lib/send/ledger.ts';
import { schemaCodec } from '#lib/send/store/codec.ts';
import { fingerprint } from '#lib/send/store/fingerprint.ts';
import { MemoryStore } from '#lib/send/store/memory-store.ts';
import { IdempotencyStoreError } from '#lib/send/store/store-error.ts';
import { IdempotencyConflictError, IdempotencyMismatchError } from '#lib/shared/errors.ts';
import { createLogger } from '#lib/shared/logger.ts';

const codec = schemaCodec('test answer', z.object({ answer: z.number() }));
const lines: string[] = [];
const deadline = { at: Date.now() + 60_000, remaining: () => 60_000 };

function ledger(store = new MemoryStore(), key = 'http:k') {
  return keyLedger(
    { store, ttlMs: 60_000, deadline, logger: createLogger({}, 'error', lines.push.bind(lines)) },
    key,
  );
}

describe('once', () => {
  it('runs the work once and replays its decoded value to a repeat with the same payload', async () => {
    const keyed = ledger();
    let runs = 0;
    const work = async () => ({ value: { answer: ++runs }, complete: true });

    const first = await once(keyed, { p: 1 }, codec, work);
    const again = await once(keyed, { p: 1 }, codec, work);

    expect(first).toEqual({ value: { answer: 1 }, replayed: false });
    expect(again).toEqual({ value: { answer: 1 }, replayed: true });
    expect(runs).toBe(1);
  });

  it('refuses the same key with another payload, and a key still in progress', async () => {
    const store = new MemoryStore();
    await store.begin('http:busy', fingerprint({ p: 1 }), 60_000, 60_000);
    const done = ledger(store, 'http:done');
    await once(done, { p: 1 }, codec, async () => ({ value: { answer: 1 }, complete: true }));

    const work = async () => ({ value: { answer: 2 }, complete: true });
    await expect(once(done, { p: 2 }, codec, work)).rejects.toThrow(IdempotencyMismatchError);
    await expect(once(ledger(store, 'http:busy'), { p: 1 }, codec, work)).rejects.toThrow(
      IdempotencyConflictError,
    );
  });

  it('gives the key up when the work is incomplete, so the next delivery runs it again', async () => {
    const keyed = ledger();
    let runs = 0;
    const work = async () => ({ value: { answer: ++runs }, complete: runs > 1 });

    await once(keyed, { p: 1 }, codec, work);
    const second = await once(keyed, { p: 1 }, codec, work);

    expect(second).toEqual({ value: { answer: 2 }, replayed: false });
  });

  it('answers a stored value of another shape with a store error, never with that value', async () => {
    const store = new MemoryStore();
    const keyed = ledger(store, 'http:odd');
    const other = schemaCodec('other', z.object({ answer: z.string() }));
    await once(keyed, { p: 1 }, other, async () => ({ value: { answer: 'x' }, complete: true }));

    const replay = once(keyed, { p: 1 }, codec, async () => ({
      value: { answer: 0 },
      complete: true,
    }));

    await expect(replay).rejects.toThrow(IdempotencyStoreError);
  });
});

describe('onceIfKeyed', () => {
  it('simply runs the work when the request has no key', async () => {
    const result = await onceIfKeyed(undefined, {}, codec, async () => ({
      value: { answer: 3 },
      complete: false,
    }));

    expect(result).toEqual({ value: { answer: 3 }, replayed: false });
  });
});

describe('once when the store fails after the work ran', () => {
  it('returns what the work did and logs, when finish fails after a push went out', async () => {
    const store = new MemoryStore();
    store.finish = async () => {
      throw new IdempotencyStoreError('store down at finish');
    };
    lines.length = 0;

    const result = await once(ledger(store, 'http:sent'), { p: 1 }, codec, async () => ({
      value: { answer: 42 },
      complete: true,
    }));

    expect(result).toEqual({ value: { answer: 42 }, replayed: false });
    const logged = lines.map((line) => JSON.parse(line));
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'idempotency record not written',
        key: 'http:sent',
        operation: 'finish',
      }),
    );
  });

  it('returns what the work did when abandon fails after an incomplete run', async () => {
    const store = new MemoryStore();
    store.abandon = async () => {
      throw new IdempotencyStoreError('store down at abandon');
    };

    const result = await once(ledger(store, 'http:partial'), { p: 1 }, codec, async () => ({
      value: { answer: 7 },
      complete: false,
    }));

    expect(result).toEqual({ value: { answer: 7 }, replayed: false });
  });

  it('keeps the work’s own error when abandon fails after the work threw', async () => {
    const store = new MemoryStore();
    store.abandon = async () => {
      throw new IdempotencyStoreError('store down at abandon');
    };
    const failure = new Error('the work failed');

    const run = once(ledger(store, 'http:threw'), { p: 1 }, codec, async () => {
      throw failure;
    });

    await expect(run).rejects.toBe(failure);
  });

  it('leaves the key in progress when finish failed, so a redelivery waits for the lease', async () => {
    const store = new MemoryStore();
    const realFinish = store.finish.bind(store);
    store.finish = async () => {
      throw new IdempotencyStoreError('store down at finish');
    };
    const keyed = ledger(store, 'http:repair');
    await once(keyed, { p: 1 }, codec, async () => ({ value: { answer: 1 }, complete: true }));
    store.finish = realFinish;

    const redelivered = once(keyed, { p: 1 }, codec, async () => ({
      value: { answer: 2 },
      complete: true,
    }));

    await expect(redelivered).rejects.toThrow(IdempotencyConflictError);
  });
});

describe('the ledger’s lease', () => {
  it('holds the key against a duplicate until 5 s after this invocation’s deadline', async () => {
    // Prepare
    const clock = { now: 1_000_000 };
    const store = new MemoryStore({ now: () => clock.now });
    const keyed = keyLedger(
      { store, ttlMs: 600_000, deadline: { at: 0, remaining: () => 10_000 }, logger: silent() },
      'mns:lease',
    );
    const duplicate = () => store.begin('mns:lease', fingerprint({ p: 1 }), 1_000, 600_000);
    const seen: string[] = [];

    // Act: a duplicate arrives while the work runs, just before and just after the lease ends
    await once(keyed, { p: 1 }, codec, async () => {
      clock.now += 14_999;
      seen.push((await duplicate()).state);
      clock.now += 2;
      seen.push((await duplicate()).state);
      return { value: { answer: 1 }, complete: true };
    });

    // Assess
    expect(seen).toEqual(['in-progress', 'resumed']);
  });
});

describe('once logging the writes that did not take effect', () => {
  function recorded(store: MemoryStore, key: string) {
    const logged: Array<Record<string, unknown>> = [];
    const logger = createLogger({}, 'debug', (line) => logged.push(JSON.parse(line)));
    return { logged, keyed: keyLedger({ store, ttlMs: 60_000, deadline, logger }, key) };
  }

  it.each([
    ['an incomplete run', async () => ({ value: { answer: 7 }, complete: false })],
    [
      'the work threw',
      async (): Promise<{ value: { answer: number }; complete: boolean }> => {
        throw new Error('the work failed');
      },
    ],
  ])('names the abandon that failed after %s', async (_, work) => {
    // Prepare
    const store = new MemoryStore();
    store.abandon = async () => {
      throw new IdempotencyStoreError('store down at abandon');
    };
    const { logged, keyed } = recorded(store, 'http:abandon');

    // Act
    await once(keyed, { p: 1 }, codec, work).catch(() => undefined);

    // Assess
    expect(logged).toEqual([
      expect.objectContaining({
        level: 'error',
        message: 'idempotency record not written',
        key: 'http:abandon',
        operation: 'abandon',
      }),
    ]);
  });

  it('warns when another invocation took the record over before this one could finish it', async () => {
    // Prepare
    const store = new MemoryStore();
    store.finish = async () => false;
    const { logged, keyed } = recorded(store, 'http:overtaken');

    // Act
    const result = await once(keyed, { p: 1 }, codec, async () => ({
      value: { answer: 5 },
      complete: true,
    }));

    // Assess
    expect(result).toEqual({ value: { answer: 5 }, replayed: false });
    expect(logged).toEqual([
      expect.objectContaining({
        level: 'warn',
        message: 'idempotency record taken over',
        key: 'http:overtaken',
        operation: 'finish',
      }),
    ]);
  });
});

function silent() {
  return createLogger({}, 'error', () => undefined);
}
