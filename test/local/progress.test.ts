/**
 * `GET /pushes/{id}` through the local stack as `npm start` runs it (the embedded Tablestore
 * ledger, every function in its own instance): a 20,000-target push dispatched to push-worker,
 * one of whose invocations fails and is retried by the gateway's async policy, followed from
 * DISPATCHED to SENT with exact counts (#10).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deliveries } from '#test/helpers/emulator.ts';
import { captureStdout, docsExample } from '#test/helpers/fc.ts';
import { type LocalStack, startLocalStack } from '#test/helpers/local-stack.ts';

let stack: LocalStack;

beforeAll(async () => {
  // the functions' log lines, thousands of them, are kept out of the test output
  captureStdout([]);
  // A failed batch waits 1.5 s for its retry: long enough to be seen failed.
  stack = await startLocalStack({
    tablestore: true,
    asyncRetryBaseMs: 1_500,
    environment: { MPAAS_RETRY_BASE_MS: '5', MPAAS_RETRY_CAP_MS: '20' },
  });
  // large pushes are dispatched through this gateway's invoke API, as npm start has it
  vi.stubEnv('FC_ENDPOINT', stack.gateway.url);
});
afterAll(async () => {
  await stack.close();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

interface Progress {
  id: string;
  kind: string;
  status: string;
  dispatchId?: string;
  batches?: { total: number; done: number; failed: number; pending: number };
  targets?: { total: number; sent: number; refused: number; failed: number; pending: number };
  createdAt?: string;
  updatedAt?: string;
  completedAt?: string;
}

async function progressOf(id: string): Promise<{ status: number; body: Progress }> {
  const response = await fetch(`${stack.gateway.url}/pushes/${encodeURIComponent(id)}`);
  return { status: response.status, body: (await response.json()) as Progress };
}

function push(body: unknown, key: string): Promise<Response> {
  return fetch(`${stack.gateway.url}/pushes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
}

describe('GET /pushes/{id} through the local gateway', () => {
  it('follows 20,000 dispatched targets from DISPATCHED through a failed worker attempt to SENT, with exact counts', async () => {
    const targets = Array.from({ length: 20_000 }, (_, i) => `progress-user-${i}`);
    // every call a little slow, so the first poll comes before any batch is done; one call
    // denied by RAM, so one batch's worker fails and the gateway retries it
    stack.emulator.setFaults([
      { type: 'delay', ms: 2, times: 300 },
      { type: 'gateway', code: 'Forbidden.RAM' },
    ]);

    const response = await push(docsExample({ targetMsgkey: undefined, targets }), 'progress-20k');
    const accepted = (await response.json()) as {
      dispatchId: string;
      batches: number;
      progress: string;
    };
    expect(response.status).toBe(202);
    expect(accepted.progress).toBe(`/pushes/${accepted.dispatchId}`);
    expect(response.headers.get('location')).toBe(`/pushes/${accepted.dispatchId}`);

    const seen: Progress[] = [];
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { status, body } = await progressOf(accepted.dispatchId);
      expect(status).toBe(200);
      seen.push(body);
      if (body.status === 'SENT' || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await stack.gateway.runtime.drain();

    const statuses = seen.map((progress) => progress.status);
    expect(statuses[0]).toBe('DISPATCHED');
    expect(seen[0]?.targets).toEqual({
      total: 20_000,
      sent: 0,
      refused: 0,
      failed: 0,
      pending: 20_000,
    });
    // never back: DISPATCHED, then IN_PROGRESS, then SENT
    const order = ['DISPATCHED', 'IN_PROGRESS', 'SENT'];
    const ranks = statuses.map((status) => order.indexOf(status));
    expect(ranks.every((rank, i) => rank >= 0 && rank >= (ranks[i - 1] ?? 0))).toBe(true);
    // the failed attempt was visible: its chunk of 10 failed, its batch waiting for the retry
    const failing = seen.find((progress) => (progress.targets?.failed ?? 0) > 0);
    expect(failing).toMatchObject({
      status: 'IN_PROGRESS',
      targets: { failed: 10 },
      batches: { failed: 1 },
    });
    const last = seen.at(-1);
    expect(last).toMatchObject({
      id: accepted.dispatchId,
      kind: 'dispatched',
      status: 'SENT',
      dispatchId: accepted.dispatchId,
      batches: { total: accepted.batches, done: accepted.batches, failed: 0, pending: 0 },
      targets: { total: 20_000, sent: 20_000, refused: 0, failed: 0, pending: 0 },
    });
    expect(Date.parse(last?.completedAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(last?.createdAt ?? ''),
    );
    expect(last?.updatedAt).toBe(last?.completedAt);
    // exactly once, and the key finds the same dispatch
    const counts = deliveries(stack.emulator.pushes());
    expect([...counts.keys()].filter((t) => t.startsWith('progress-user-'))).toHaveLength(20_000);
    expect([...counts.entries()].filter(([, count]) => count !== 1)).toEqual([]);
    expect((await progressOf('progress-20k')).body).toEqual({ ...last, id: 'progress-20k' });
  }, 90_000);

  it('answers a keyed push sent inline by its key: SENT with its counts', async () => {
    const response = await push(docsExample(), 'progress-inline-1');
    expect(response.status).toBe(200);

    const { status, body } = await progressOf('progress-inline-1');

    expect(status).toBe(200);
    expect(body).toEqual({
      id: 'progress-inline-1',
      kind: 'inline',
      status: 'SENT',
      targets: { total: 1, sent: 1, refused: 0, failed: 0, pending: 0 },
    });
  });

  it('answers 404 PushNotFound for an id nothing is recorded under, and 400 for one that cannot be an id', async () => {
    const unknown = await progressOf('never-sent');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      code: 'PushNotFound',
      detail: expect.stringContaining('"never-sent"'),
    });

    const bad = await fetch(`${stack.gateway.url}/pushes/has%20space`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'InvalidPushId' });
  });
});
