/**
 * `GET /pushes/{id}` through the http-push handler, with push-worker's handler writing each
 * batch's progress after every attempt, on the process's memory store (#10). The whole flow
 * through the local gateway and Tablestore is test/local/progress.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { handler as worker } from '#functions/push-worker/index.ts';
import { dispatchIdFor } from '#lib/plan/batches.ts';
import { batchPart, HEAD_PART } from '#lib/send/progress.ts';
import { storeFor } from '#lib/send/store/index.ts';
import { MemoryStore } from '#lib/send/store/memory-store.ts';
import { IdempotencyStoreError } from '#lib/send/store/store-error.ts';
import { docsExample, fcContext } from '#test/helpers/fc.ts';
import { useHttpApi } from '#test/helpers/http-api.ts';

const api = useHttpApi();
const memory = storeFor({ kind: 'memory' });
const DAY_MS = 86_400_000;

/** A dispatch whose head http-push would have written, with batches of these targets. */
async function dispatched(batchTargets: string[][]) {
  const dispatchId = `p-${randomUUID()}`;
  const head = {
    dispatchId,
    batchTargets: batchTargets.map((t) => t.length),
    createdAt: '2026-12-02T00:00:00.000Z',
  };
  await memory.putProgress(dispatchId, HEAD_PART, head, DAY_MS);
  const envelope = (batchIndex: number) =>
    Buffer.from(
      JSON.stringify({
        dispatchId,
        batchIndex,
        batchCount: batchTargets.length,
        validatedAt: new Date().toISOString(),
        request: docsExample({
          targetMsgkey: Object.fromEntries(
            (batchTargets[batchIndex] ?? []).map((target) => [target, `${target}-msg`]),
          ),
        }),
      }),
    );
  const run = (batchIndex: number) =>
    worker(envelope(batchIndex), fcContext(api.emulator.mintCredentials()));
  return { dispatchId, run };
}

const targets = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

async function progress(id: string) {
  return api.call({ method: 'GET', path: `/pushes/${encodeURIComponent(id)}` });
}

describe('GET /pushes/{id} of a dispatched push', () => {
  it('is DISPATCHED with every target pending until a batch reports', async () => {
    const { dispatchId } = await dispatched([targets('a', 20), targets('b', 5)]);

    const answer = await progress(dispatchId);

    expect(answer.statusCode).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.json).toEqual({
      id: dispatchId,
      kind: 'dispatched',
      status: 'DISPATCHED',
      dispatchId,
      batches: { total: 2, done: 0, failed: 0, pending: 2 },
      targets: { total: 25, sent: 0, refused: 0, failed: 0, pending: 25 },
      createdAt: '2026-12-02T00:00:00.000Z',
      updatedAt: '2026-12-02T00:00:00.000Z',
    });
  });

  it("follows a batch's failed attempt and its retry: failed targets until the retry sends them", async () => {
    const { dispatchId, run } = await dispatched([targets('c', 20), targets('d', 10)]);
    // the second chunk of batch 0 is denied by RAM: the attempt fails, FC would retry it
    api.emulator.setFaults([
      { type: 'delay', ms: 0, times: 1 },
      { type: 'gateway', code: 'Forbidden.RAM' },
    ]);

    await expect(run(0)).rejects.toThrow(/must be retried/);
    const failed = await progress(dispatchId);
    expect(failed.json).toMatchObject({
      status: 'IN_PROGRESS',
      batches: { total: 2, done: 0, failed: 1, pending: 1 },
      targets: { total: 30, sent: 10, refused: 0, failed: 10, pending: 10 },
    });
    expect(failed.json).not.toHaveProperty('completedAt');

    await run(0);
    await run(1);
    const sent = await progress(dispatchId);
    expect(sent.json).toMatchObject({
      status: 'SENT',
      batches: { total: 2, done: 2, failed: 0, pending: 0 },
      targets: { total: 30, sent: 30, refused: 0, failed: 0, pending: 0 },
      completedAt: expect.any(String),
    });
    expect(Date.parse(String(sent.json.updatedAt))).toBeGreaterThan(Date.parse('2026-12-02'));
    expect(api.emulator.pushes()).toHaveLength(3);
  });

  it('makes the batch retryable when its progress cannot be written, and the retry sends nothing twice', async () => {
    const { dispatchId, run } = await dispatched([targets('e', 10)]);
    vi.spyOn(MemoryStore.prototype, 'putProgress').mockRejectedValueOnce(
      new IdempotencyStoreError('store down'),
    );

    await expect(run(0)).rejects.toThrow(/must be retried/);
    expect(api.emulator.pushes()).toHaveLength(1);
    expect((await progress(dispatchId)).json).toMatchObject({ status: 'DISPATCHED' });
    expect(api.stdout.join('')).toContain('batch progress not written');

    await run(0);
    expect(api.emulator.pushes()).toHaveLength(1);
    expect((await progress(dispatchId)).json).toMatchObject({
      status: 'SENT',
      targets: { sent: 10, pending: 0 },
    });
  });

  it('reports a batch that can never be sent as refused: the push ends FAILED, not pending', async () => {
    const { dispatchId } = await dispatched([targets('f', 10)]);
    const bad = Buffer.from(
      JSON.stringify({
        dispatchId,
        batchIndex: 0,
        batchCount: 1,
        validatedAt: new Date().toISOString(),
        request: docsExample({
          templateName: '',
          targetMsgkey: Object.fromEntries(targets('f', 10).map((t) => [t, `${t}-m`])),
        }),
      }),
    );

    await worker(bad, fcContext(api.emulator.mintCredentials()));

    expect(await memory.readProgress(dispatchId)).toMatchObject({
      [batchPart(0)]: { targets: 10, sent: 0, refused: 10, failed: 0, final: true },
    });
    expect((await progress(dispatchId)).json).toMatchObject({
      status: 'FAILED',
      targets: { total: 10, sent: 0, refused: 10, failed: 0, pending: 0 },
    });
    expect(api.emulator.pushes()).toHaveLength(0);
  });
});

describe('GET /pushes/{id} of a keyed push', () => {
  const keyed = (key: string) => ({
    body: JSON.stringify(docsExample()),
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
  });

  it('answers a push sent inline by its Idempotency-Key, percent-encoded in the path', async () => {
    const key = `order/${randomUUID()}`;
    expect((await api.call(keyed(key))).statusCode).toBe(200);

    const answer = await progress(key);

    expect(answer.statusCode).toBe(200);
    expect(answer.json).toEqual({
      id: key,
      kind: 'inline',
      status: 'SENT',
      targets: { total: 1, sent: 1, refused: 0, failed: 0, pending: 0 },
    });
  });

  it('answers FAILED, saying how to send the rest, for a push whose key was given up', async () => {
    const key = `given-up-${randomUUID()}`;
    api.emulator.setFaults([{ type: 'gateway', code: 'Forbidden.RAM', times: 10 }]);
    expect((await api.call(keyed(key))).statusCode).toBeGreaterThanOrEqual(500);

    const answer = await progress(key);

    expect(answer.json).toMatchObject({
      id: key,
      kind: 'inline',
      status: 'FAILED',
      detail: expect.stringContaining('same Idempotency-Key'),
    });
  });

  it('answers IN_PROGRESS while another invocation holds the key', async () => {
    const key = `busy-${randomUUID()}`;
    await memory.begin(`http:${key}`, 'fp', 60_000, DAY_MS);

    expect((await progress(key)).json).toEqual({ id: key, kind: 'inline', status: 'IN_PROGRESS' });
  });

  it('answers a keyed dispatch whose report is gone as DISPATCHED, saying its progress is no longer recorded', async () => {
    const key = `old-dispatch-${randomUUID()}`;
    const begun = await memory.begin(`http:${key}`, 'fp', 60_000, DAY_MS);
    if (begun.state !== 'new') throw new Error(begun.state);
    const result = { dispatchId: 'd-old', batches: 2, targets: 2_000, worker: 'push-worker' };
    await memory.finish(`http:${key}`, begun.token, result, DAY_MS);

    expect((await progress(key)).json).toEqual({
      id: key,
      kind: 'dispatched',
      status: 'DISPATCHED',
      dispatchId: expect.stringMatching(/^[0-9a-f]{32}$/),
      detail: 'Its batches were handed over; their progress is no longer recorded.',
    });
  });

  it.each([
    ['null', null],
    ['text', 'sent'],
    ['an object of another shape', { sent: 1 }],
  ])('answers 503, not a guess, for a finished record holding %s', async (_name, stored) => {
    const key = `odd-${randomUUID()}`;
    const begun = await memory.begin(`http:${key}`, 'fp', 60_000, DAY_MS);
    if (begun.state !== 'new') throw new Error(begun.state);
    await memory.finish(`http:${key}`, begun.token, stored, DAY_MS);

    const answer = await progress(key);

    expect(answer.statusCode).toBe(503);
    expect(answer.json).toMatchObject({ code: 'IdempotencyStoreUnavailable', retryable: true });
  });

  it('quotes an unknown id whole up to 64 characters, and cut to 64 beyond', async () => {
    const whole = `r${randomUUID()}`.padEnd(64, 'r');
    const long = `${whole}s`;

    const answers = [await progress(whole), await progress(long)];

    expect(answers.map((answer) => answer.statusCode)).toEqual([404, 404]);
    expect(answers[0]?.json.detail).toContain(`No push is recorded under "${whole}", as`);
    expect(answers[1]?.json.detail).toContain(`No push is recorded under "${whole}"…, as`);
  });

  it('answers a dispatch by the Idempotency-Key it was sent with', async () => {
    const key = `by-key-${randomUUID()}`;
    const dispatchId = dispatchIdFor(`http:${key}`);
    const head = { dispatchId, batchTargets: [10], createdAt: '2026-12-02T00:00:00.000Z' };
    await memory.putProgress(dispatchId, HEAD_PART, head, DAY_MS);

    expect((await progress(key)).json).toMatchObject({
      id: key,
      kind: 'dispatched',
      status: 'DISPATCHED',
      dispatchId,
      targets: { total: 10, pending: 10 },
    });
  });

  it('answers 404 PushNotFound, naming the TTL, for a key never used', async () => {
    const answer = await progress(`never-${randomUUID()}`);

    expect(answer.statusCode).toBe(404);
    expect(answer.json).toMatchObject({
      code: 'PushNotFound',
      detail: expect.stringMatching(
        /expire 86400 s after their last change \(IDEMPOTENCY_TTL_SECONDS\)/,
      ),
    });
  });
});
