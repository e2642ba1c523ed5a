/**
 * The dispatch stage under the request's ledger: every batch carries its async task id, and a
 * retry of a partial dispatch with the same key hands over only the batches that did not get
 * through (#15, defect 6).
 */
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planPush } from '#lib/plan/plan.ts';
import { sendDispatch, taskIdOf } from '#lib/send/dispatch.ts';
import { keyLedger } from '#lib/send/ledger.ts';
import { MemoryStore } from '#lib/send/store/memory-store.ts';
import { IdempotencyStoreError } from '#lib/send/store/store-error.ts';
import { createLogger } from '#lib/shared/logger.ts';
import type { PushRequest } from '#lib/validate/push-request.ts';
import { type FakeFc, fakeFc } from '#test/helpers/fake-fc.ts';
import { docsExample } from '#test/helpers/fc.ts';

const ACCOUNT = { accountId: '1234567890123456', region: 'cn-hangzhou' };
const silent = createLogger({}, 'error', () => undefined);
let fake: FakeFc;

beforeAll(async () => {
  fake = await fakeFc(ACCOUNT);
});
afterAll(() => fake.close());

function largeRequest(): PushRequest {
  const targetMsgkey = Object.fromEntries(
    Array.from({ length: 9_000 }, (_, i) => [
      `user-${String(i).padStart(5, '0')}`,
      `campaign-7-${i}`,
    ]),
  );
  return { ...docsExample(), targetMsgkey } as unknown as PushRequest;
}

/** Where every dispatch of this file writes its progress head. */
const progressStore = new MemoryStore();

function options() {
  const deadline = { at: Date.now() + 60_000, remaining: () => 60_000 };
  return {
    credentials: {
      accessKeyId: 'STS.test',
      accessKeySecret: 'test-secret',
      securityToken: 'test-token',
    },
    deadline,
    logger: silent,
    worker: 'push-worker',
    target: fake.target,
    concurrency: 1,
    retry: { baseMs: 1, capMs: 1, attempts: 1 },
    progress: { store: progressStore, ttlMs: 60_000 },
  };
}

describe('sendDispatch', () => {
  it('hands each batch over once: a retry with the same key resends only the batch that failed', async () => {
    const plan = planPush(largeRequest(), {
      inlineTargets: 1_000,
      idempotencyKey: 'http:campaign-7',
      validatedAt: new Date(),
    });
    if (plan.mode !== 'dispatch') throw new Error('expected a dispatch plan');
    expect(plan.batches.length).toBeGreaterThan(2);
    const store = new MemoryStore();
    const ledger = () =>
      keyLedger(
        { store, ttlMs: 60_000, deadline: options().deadline, logger: silent },
        'http:campaign-7',
      );
    let calls = 0;
    fake.answer = (_req, res) => {
      calls += 1;
      res.writeHead(calls === 2 ? 503 : 202).end();
    };
    const before = fake.count();

    const first = await sendDispatch(plan, options(), ledger()).catch((error: unknown) => error);
    const second = await sendDispatch(plan, options(), ledger());
    const third = await sendDispatch(plan, options(), ledger());

    const taskIds = fake
      .all()
      .slice(before)
      .map((seen) => seen.headers['x-fc-async-task-id']);
    expect(first).toMatchObject({ code: 'DispatchFailed', retryable: true, statusCode: 503 });
    expect(taskIds).toEqual([
      ...plan.batches.map((batch) => taskIdOf(plan.dispatchId, batch.batchIndex)),
      taskIdOf(plan.dispatchId, 1),
    ]);
    expect(second).toMatchObject({ replayed: false, value: { batches: plan.batches.length } });
    expect(third).toMatchObject({ replayed: true });
  });

  it('gives every batch of a dispatch a distinct task id that FC accepts', () => {
    const ids = [0, 1, 2].map((index) => taskIdOf('1f2e3d4c5b6a79881f2e3d4c5b6a7988', index));

    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][\w-]{0,127}$/);
  });
});

describe('sendDispatch under a failing or busy ledger', () => {
  function plan() {
    const planned = planPush(largeRequest(), {
      inlineTargets: 1_000,
      idempotencyKey: 'http:campaign-8',
      validatedAt: new Date(),
    });
    if (planned.mode !== 'dispatch') throw new Error('expected a dispatch plan');
    return planned;
  }

  it('hands over nothing for a batch it could not claim, and gives the claim back', async () => {
    const store = new MemoryStore();
    const failing = Object.create(store) as MemoryStore;
    const released: number[] = [];
    failing.claimChunk = async (...args) => {
      if (args[2] === 0) throw new IdempotencyStoreError('store down');
      return store.claimChunk(...args);
    };
    failing.releaseChunk = async (...args) => {
      released.push(args[2]);
      return store.releaseChunk(...args);
    };
    failing.completeChunk = (...args) => store.completeChunk(...args);
    failing.begin = (...args) => store.begin(...args);
    failing.abandon = (...args) => store.abandon(...args);
    fake.answer = (_req, res) => res.writeHead(202).end();
    const planned = plan();
    const before = fake.count();
    const ledger = keyLedger(
      { store: failing, ttlMs: 60_000, deadline: options().deadline, logger: silent },
      'http:campaign-8',
    );

    const error = await sendDispatch(planned, options(), ledger).catch((caught: unknown) => caught);

    const taskIds = fake
      .all()
      .slice(before)
      .map((seen) => seen.headers['x-fc-async-task-id']);
    expect(error).toMatchObject({ code: 'DispatchFailed', statusCode: 503, retryable: true });
    expect(taskIds).not.toContain(taskIdOf(planned.dispatchId, 0));
    expect(taskIds).toHaveLength(planned.batches.length - 1);
    expect(released).toContain(0);
  });

  it('leaves a batch another invocation is handing over to it, and says the dispatch failed for now', async () => {
    const store = new MemoryStore();
    const planned = plan();
    const ledger = keyLedger(
      { store, ttlMs: 60_000, deadline: options().deadline, logger: silent },
      'http:campaign-9',
    );
    const busy = Object.create(store) as MemoryStore;
    busy.begin = (...args) => store.begin(...args);
    busy.abandon = (...args) => store.abandon(...args);
    busy.claimChunk = async (...args) =>
      args[2] === 1 ? { state: 'in-progress' } : store.claimChunk(...args);
    busy.completeChunk = (...args) => store.completeChunk(...args);
    busy.releaseChunk = (...args) => store.releaseChunk(...args);
    fake.answer = (_req, res) => res.writeHead(202).end();
    const before = fake.count();

    const error = await sendDispatch(planned, options(), { ...ledger, store: busy }).catch(
      (caught: unknown) => caught,
    );

    const taskIds = fake
      .all()
      .slice(before)
      .map((seen) => seen.headers['x-fc-async-task-id']);
    expect(error).toMatchObject({ code: 'DispatchFailed', retryable: true });
    expect(String(error)).toMatch(
      /1 of \d+ batches could not be dispatched \(IdempotencyKeyInProgress\); retry with the same Idempotency-Key/,
    );
    expect(taskIds).not.toContain(taskIdOf(planned.dispatchId, 1));
  });

  it('answers 502 without a key: a retry could hand batches over twice', async () => {
    fake.answer = (_req, res) => res.writeHead(503).end();

    const error = await sendDispatch(plan(), options(), undefined).catch(
      (caught: unknown) => caught,
    );

    expect(error).toMatchObject({ code: 'DispatchFailed', statusCode: 502, retryable: false });
    expect(String(error)).toMatch(/send an Idempotency-Key to make such a dispatch safe to retry/);
  });
});

describe('sendDispatch retrying FC', () => {
  function plan(idempotencyKey?: string) {
    const planned = planPush(largeRequest(), {
      inlineTargets: 1_000,
      idempotencyKey,
      validatedAt: new Date(),
    });
    if (planned.mode !== 'dispatch') throw new Error('expected a dispatch plan');
    return planned;
  }
  const taskIdsSince = (before: number) =>
    fake
      .all()
      .slice(before)
      .map((seen) => seen.headers['x-fc-async-task-id']);

  it('hands a batch over again while FC is busy, until FC takes it', async () => {
    // Prepare
    const planned = plan();
    const busyAnswers = new Map<string, number>();
    fake.answer = (req, res) => {
      const taskId = String(req.headers['x-fc-async-task-id']);
      const seen = (busyAnswers.get(taskId) ?? 0) + 1;
      busyAnswers.set(taskId, seen);
      res.writeHead(taskId === taskIdOf(planned.dispatchId, 0) && seen <= 2 ? 503 : 202).end();
    };
    const before = fake.count();

    // Act
    const result = await sendDispatch(
      planned,
      { ...options(), retry: { baseMs: 1, capMs: 1, attempts: 3 } },
      undefined,
    );

    // Assess
    expect(result.value.batches).toBe(planned.batches.length);
    expect(
      taskIdsSince(before).filter((id) => id === taskIdOf(planned.dispatchId, 0)),
    ).toHaveLength(3);
    expect(fake.count() - before).toBe(planned.batches.length + 2);
  });

  it('stops handing a batch over once its attempts are used up', async () => {
    // Prepare
    const planned = plan();
    fake.answer = (req, res) =>
      res
        .writeHead(
          req.headers['x-fc-async-task-id'] === taskIdOf(planned.dispatchId, 0) ? 503 : 202,
        )
        .end();
    const before = fake.count();

    // Act
    const error = await sendDispatch(
      planned,
      { ...options(), retry: { baseMs: 1, capMs: 1, attempts: 2 } },
      undefined,
    ).catch((caught: unknown) => caught);

    // Assess
    expect(error).toMatchObject({ code: 'DispatchFailed', statusCode: 502 });
    expect(
      taskIdsSince(before).filter((id) => id === taskIdOf(planned.dispatchId, 0)),
    ).toHaveLength(2);
  });

  it('says a keyed dispatch that FC refused for good would fail the same way again', async () => {
    // Prepare
    const store = new MemoryStore();
    const ledger = keyLedger(
      { store, ttlMs: 60_000, deadline: options().deadline, logger: silent },
      'http:campaign-10',
    );
    fake.answer = (_req, res) => res.writeHead(400).end();

    // Act
    const error = await sendDispatch(plan('http:campaign-10'), options(), ledger).catch(
      (caught: unknown) => caught,
    );

    // Assess
    expect(error).toMatchObject({ code: 'DispatchFailed', statusCode: 502, retryable: false });
    expect(String(error)).toMatch(
      /batches could not be dispatched \(InvalidArgument\); a retry would fail the same way\.$/,
    );
  });

  it.each([
    ['a 403', (res: ServerResponse) => res.writeHead(403).end()],
    [
      'SignatureNotMatch',
      (res: ServerResponse) =>
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ErrorCode: 'SignatureNotMatch', ErrorMessage: 'bad signature' })),
    ],
  ])(
    'says FC refused the deployment, naming the cause and the fix, for %s (#13)',
    async (_name, answer) => {
      const store = new MemoryStore();
      const ledger = keyLedger(
        { store, ttlMs: 60_000, deadline: options().deadline, logger: silent },
        `http:refused-${_name}`,
      );
      fake.answer = (_req, res) => answer(res);

      const error = await sendDispatch(plan(`http:refused-${_name}`), options(), ledger).catch(
        (caught: unknown) => caught,
      );

      expect(error).toMatchObject({ code: 'DispatchRefused', statusCode: 502, retryable: false });
      expect(String(error)).toContain("give the function's role fc:InvokeFunction on push-worker");
      expect(String(error)).toContain("Function Compute did not accept fc2's signature");
    },
  );

  it('advises a keyed retry when any one batch may pass next time, even after a refusal', async () => {
    // Prepare
    const planned = plan('http:campaign-11');
    const ledger = keyLedger(
      { store: new MemoryStore(), ttlMs: 60_000, deadline: options().deadline, logger: silent },
      'http:campaign-11',
    );
    fake.answer = (req, res) => {
      const taskId = req.headers['x-fc-async-task-id'];
      if (taskId === taskIdOf(planned.dispatchId, 0)) res.writeHead(400).end();
      else if (taskId === taskIdOf(planned.dispatchId, 1)) res.writeHead(503).end();
      else res.writeHead(202).end();
    };

    // Act
    const error = await sendDispatch(planned, options(), ledger).catch((caught: unknown) => caught);

    // Assess
    expect(error).toMatchObject({ code: 'DispatchFailed', statusCode: 503, retryable: true });
    expect(String(error)).toContain(
      `2 of ${planned.batches.length} batches could not be dispatched (InvalidArgument); retry with the same Idempotency-Key.`,
    );
  });
});

describe('sendDispatch logs', () => {
  function plan() {
    const planned = planPush(largeRequest(), {
      inlineTargets: 1_000,
      idempotencyKey: 'http:campaign-12',
      validatedAt: new Date(),
    });
    if (planned.mode !== 'dispatch') throw new Error('expected a dispatch plan');
    return planned;
  }
  const recorder = () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger({}, 'debug', (line) => lines.push(JSON.parse(line)));
    return { lines, logger };
  };

  it('writes one line per dispatch, naming the batches that were not handed over', async () => {
    // Prepare
    const planned = plan();
    const { lines, logger } = recorder();
    fake.answer = (req, res) =>
      res
        .writeHead(
          req.headers['x-fc-async-task-id'] === taskIdOf(planned.dispatchId, 1) ? 400 : 202,
        )
        .end();

    // Act
    await sendDispatch(planned, { ...options(), logger }, undefined).catch(() => undefined);

    // Assess
    expect(lines.filter((line) => line.message === 'dispatch finished')).toEqual([
      expect.objectContaining({
        level: 'error',
        dispatchId: planned.dispatchId,
        batches: planned.batches.length,
        failedBatches: [1],
      }),
    ]);
  });

  it('warns of a batch whose hand-over could not be recorded because another invocation took it over', async () => {
    // Prepare
    const planned = plan();
    const { lines, logger } = recorder();
    const store = new MemoryStore();
    const ledger = keyLedger(
      { store, ttlMs: 60_000, deadline: options().deadline, logger },
      'http:campaign-12',
    );
    const takenOver = Object.create(store) as MemoryStore;
    takenOver.begin = (...args) => store.begin(...args);
    takenOver.finish = (...args) => store.finish(...args);
    takenOver.claimChunk = (...args) => store.claimChunk(...args);
    takenOver.completeChunk = async (...args) =>
      args[2] === 2 ? false : store.completeChunk(...args);
    fake.answer = (_req, res) => res.writeHead(202).end();

    // Act
    const result = await sendDispatch(
      planned,
      { ...options(), logger },
      {
        ...ledger,
        store: takenOver,
      },
    );

    // Assess
    expect(result.value.batches).toBe(planned.batches.length);
    expect(lines.filter((line) => line.message === 'batch taken over')).toEqual([
      expect.objectContaining({ level: 'warn', batch: 2 }),
    ]);
  });
});
