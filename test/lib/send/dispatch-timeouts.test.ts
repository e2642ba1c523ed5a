/**
 * Each hand-over to FC is bounded by the invocation's deadline like every call: it never waits
 * past the deadline minus the dispatch margin, never longer than 10 s, and never less than the
 * least time a call needs. The FC invoker is wrapped (not replaced) to read the timeout it is given.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { planPush } from '#lib/plan/plan.ts';
import { sendDispatch } from '#lib/send/dispatch.ts';
import { invokeAsync } from '#lib/send/fc/fc-invoker.ts';
import { MemoryStore } from '#lib/send/store/memory-store.ts';
import { createLogger } from '#lib/shared/logger.ts';
import type { PushRequest } from '#lib/validate/push-request.ts';
import { type FakeFc, fakeFc } from '#test/helpers/fake-fc.ts';
import { docsExample } from '#test/helpers/fc.ts';

vi.mock('#lib/send/fc/fc-invoker.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('#lib/send/fc/fc-invoker.ts')>();
  return { ...original, invokeAsync: vi.fn(original.invokeAsync) };
});

const ACCOUNT = { accountId: '1234567890123456', region: 'cn-hangzhou' };
let fake: FakeFc;

beforeAll(async () => {
  fake = await fakeFc(ACCOUNT);
});
afterAll(() => fake.close());

function dispatchPlan() {
  const targetMsgkey = Object.fromEntries(
    Array.from({ length: 1_500 }, (_, i) => [`user-${i}`, `campaign-7-${i}`]),
  );
  const request = { ...docsExample(), targetMsgkey } as unknown as PushRequest;
  const plan = planPush(request, {
    inlineTargets: 1_000,
    idempotencyKey: undefined,
    validatedAt: new Date(),
  });
  if (plan.mode !== 'dispatch') throw new Error('expected a dispatch plan');
  return plan;
}

describe('sendDispatch timeouts', () => {
  it.each([
    ['60 s', 60_000, 10_000],
    ['1.1 s', 1_100, 600],
    ['0.3 s', 300, 100],
  ])(
    'with %s left, hands a batch over with a timeout of %d ms',
    async (_, remainingMs, timeoutMs) => {
      // Prepare
      const plan = dispatchPlan();
      const invoke = vi.mocked(invokeAsync);
      invoke.mockClear();
      fake.answer = (_req, res) => res.writeHead(202).end();

      // Act
      await sendDispatch(
        plan,
        {
          credentials: { accessKeyId: 'STS.test', accessKeySecret: 's', securityToken: 't' },
          deadline: { at: Date.now() + remainingMs, remaining: () => remainingMs },
          logger: createLogger({}, 'error', () => undefined),
          worker: 'push-worker',
          target: fake.target,
          concurrency: 1,
          retry: { baseMs: 1, capMs: 1, attempts: 1 },
          progress: { store: new MemoryStore(), ttlMs: 60_000 },
        },
        undefined,
      );

      // Assess
      expect(invoke.mock.calls.map((call) => call[4]?.timeoutMs)).toEqual(
        plan.batches.map(() => timeoutMs),
      );
    },
  );
});
