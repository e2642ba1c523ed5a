import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '#functions/http-push/index.ts';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import { deliveries, emulatorEnv } from '#test/helpers/emulator.ts';
import { docsExample, fcContext, jsonPushEvent } from '#test/helpers/fc.ts';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  for (const [name, value] of Object.entries(emulatorEnv(emulator.url))) vi.stubEnv(name, value);
  vi.stubEnv('MPAAS_RETRY_BASE_MS', '5');
  vi.stubEnv('MPAAS_RETRY_CAP_MS', '20');
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  emulator.clearPushes();
  emulator.clearFaults();
});

const pairs = (count: number, prefix = 'u') =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, `${prefix}-m${i}`]));

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await handler(
    jsonPushEvent(body, headers),
    fcContext(emulator.mintCredentials()),
  );
  return {
    ...response,
    json: JSON.parse(response.body) as Record<string, unknown> & {
      targets: Array<Record<string, unknown>>;
    },
  };
}

describe('http-push fan-out', () => {
  it('sends 1,000 targets in 100 calls and lists every target', async () => {
    const response = await post(docsExample({ targetMsgkey: pairs(1000) }));

    expect(response.statusCode).toBe(200);
    expect(response.json.summary).toMatchObject({ targets: 1000, calls: 100, sent: 1000 });
    expect(response.json.targets).toHaveLength(1000);
    expect(emulator.pushes()).toHaveLength(100);
    expect([...deliveries(emulator.pushes()).values()].every((count) => count === 1)).toBe(true);
  });

  it('answers 207 with each target status when some chunks fail', async () => {
    vi.stubEnv('MPAAS_CONCURRENCY', '1');
    emulator.setFaults([
      { type: 'delay', ms: 0 },
      { type: 'result', resultCode: '3022', resultMessage: 'TEMPLATE_NOT_EXIST' },
    ]);

    const response = await post(docsExample({ targetMsgkey: pairs(25) }));

    expect(response.statusCode).toBe(207);
    expect(response.json).toMatchObject({ status: 'PARTIAL', summary: { sent: 15, refused: 10 } });
    // Targets are listed as they were sent: sorted, in calls of 10; the second call was refused.
    const statuses = response.json.targets.map((target) => `${target.status}:${target.code ?? ''}`);
    expect(statuses).toEqual([
      ...Array(10).fill('SENT:'),
      ...Array(10).fill('REFUSED:3022'),
      ...Array(5).fill('SENT:'),
    ]);
    expect(response.json.targets.map((target) => target.target)).toEqual(
      Object.keys(pairs(25)).sort(),
    );
  });

  it('does not replay a refusal of the deployment (8012) once it is fixed: the same key sends', async () => {
    emulator.setFaults([
      { type: 'result', resultCode: '8012', resultMessage: 'INVALID_INSTANCE_ID' },
    ]);
    const body = docsExample({ targetMsgkey: pairs(3, 'op') });
    const key = { 'idempotency-key': 'wrong-app-then-fixed' };

    const first = await post(body, key);
    const second = await post(body, key);

    expect(first.statusCode).toBe(502);
    expect(first.json).toMatchObject({ code: '8012', retryable: false });
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.json).toMatchObject({ status: 'SENT', summary: { sent: 3 } });
  });

  it('derives msgKeys for `targets` from the Idempotency-Key, the same on every retry', async () => {
    const body = docsExample({ targetMsgkey: undefined, targets: ['alice', 'bob'] });
    emulator.setFaults([{ type: 'gateway', code: 'ServiceUnavailable', times: 5 }]);

    const failed = await post(body, { 'Idempotency-Key': 'campaign-7' });
    const retried = await post(body, { 'Idempotency-Key': 'campaign-7' });

    expect(failed.statusCode).toBe(503);
    expect(retried.statusCode).toBe(200);
    const keys = retried.json.targets.map((target) => target.msgKey);
    expect(keys).toEqual([
      expect.stringMatching(/^[0-9a-f]{32}$/),
      expect.stringMatching(/^[0-9a-f]{32}$/),
    ]);
    expect(emulator.pushes()[0]?.params.TargetMsgkey).toEqual({ alice: keys[0], bob: keys[1] });
  });
});

describe('http-push idempotency', () => {
  it('replays a completed request without sending it again', async () => {
    const body = docsExample({ targetMsgkey: pairs(12, 'r') });

    const first = await post(body, { 'Idempotency-Key': 'order-1' });
    const again = await post(body, { 'Idempotency-Key': 'order-1' });

    expect(first.statusCode).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json.targets).toEqual(first.json.targets);
    expect(emulator.pushes()).toHaveLength(2);
  });

  it('refuses the same key with another payload with 422', async () => {
    await post(docsExample({ targetMsgkey: { a: 'm-a' } }), { 'Idempotency-Key': 'order-2' });

    const other = await post(docsExample({ targetMsgkey: { b: 'm-b' } }), {
      'Idempotency-Key': 'order-2',
    });

    expect(other.statusCode).toBe(422);
    expect(other.json.code).toBe('IdempotencyKeyReused');
    expect(emulator.pushes()).toHaveLength(1);
  });

  it('replays a refusal as it was first answered: status, content type, body, marked a replay (#9)', async () => {
    const body = docsExample({ templateName: 'no_such_template', targetMsgkey: { r: 'm-r' } });
    const headers = { 'Idempotency-Key': 'refused-1', 'X-Correlation-Id': 'corr-9' };

    const first = await post(body, headers);
    const replay = await post(body, headers);

    expect(first.statusCode).toBe(422);
    expect(first.json).toMatchObject({ code: '3022', retryable: false });
    expect(first.headers['x-correlation-id']).toBe('corr-9');
    expect(replay.statusCode).toBe(first.statusCode);
    expect(replay.headers['content-type']).toBe(first.headers['content-type']);
    const { requestId: _a, ...firstBody } = first.json;
    const { requestId: _b, replayed, ...replayBody } = replay.json;
    expect(replayBody).toEqual(firstBody);
    expect(replayed).toBe(true);
    expect(first.json.replayed).toBeUndefined();
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.headers['x-correlation-id']).toBe('corr-9');
    expect(emulator.pushes()).toHaveLength(0);
  });

  it('names the key as the caller sent it, never with the internal namespace (#9)', async () => {
    await post(docsExample({ targetMsgkey: { a: 'm-a' } }), { 'Idempotency-Key': 'order-ns' });

    const other = await post(docsExample({ targetMsgkey: { b: 'm-b' } }), {
      'Idempotency-Key': 'order-ns',
    });

    expect(other.json.detail).toContain('"order-ns"');
    expect(other.body).not.toContain('http:');
  });

  it('echoes X-Correlation-Id on a refused request too (#9)', async () => {
    const bad = await post(docsExample({ deliveryType: 9 }), { 'X-Correlation-Id': 'corr-400' });

    expect(bad.statusCode).toBe(400);
    expect(bad.headers['x-correlation-id']).toBe('corr-400');
  });

  it('answers 409 while the same key is still in progress', async () => {
    const body = docsExample({ targetMsgkey: { slow: 'm-slow' } });
    emulator.setFaults([{ type: 'delay', ms: 400 }]);

    const [first, second] = await Promise.all([
      post(body, { 'Idempotency-Key': 'order-3' }),
      new Promise((resolve) => setTimeout(resolve, 100)).then(() =>
        post(body, { 'Idempotency-Key': 'order-3' }),
      ),
    ]);

    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(409);
    expect(second.json).toMatchObject({ code: 'IdempotencyKeyInProgress', retryable: true });
    expect(emulator.pushes()).toHaveLength(1);
  });

  it('re-sends only the failed chunks when a partly failed request is retried', async () => {
    vi.stubEnv('MPAAS_CONCURRENCY', '1');
    vi.stubEnv('MPAAS_RETRY_ATTEMPTS', '1');
    emulator.setFaults([
      { type: 'delay', ms: 0, times: 2 },
      { type: 'gateway', code: 'Throttling.User' },
    ]);
    const body = docsExample({ targetMsgkey: pairs(40, 'p') });

    const partial = await post(body, { 'Idempotency-Key': 'order-4' });
    const completed = await post(body, { 'Idempotency-Key': 'order-4' });

    expect(partial.statusCode).toBe(207);
    expect(partial.json.summary).toMatchObject({ sent: 30, throttled: 10 });
    expect(completed.statusCode).toBe(200);
    expect(completed.json.summary).toMatchObject({ sent: 40, replayed: 30 });
    expect([...deliveries(emulator.pushes()).values()]).toEqual(Array(40).fill(1));
  });

  it('refuses a malformed Idempotency-Key', async () => {
    const response = await post(docsExample(), { 'Idempotency-Key': 'has spaces' });

    expect(response.statusCode).toBe(400);
    expect(response.json.code).toBe('InvalidIdempotencyKey');
  });
});

describe('http-push idempotency, harder cases', () => {
  it('sends each target once when a retry lists the same targets in another order', async () => {
    vi.stubEnv('MPAAS_CONCURRENCY', '1');
    vi.stubEnv('MPAAS_RETRY_ATTEMPTS', '1');
    emulator.setFaults([
      { type: 'delay', ms: 0 },
      { type: 'gateway', code: 'ServiceUnavailable' },
    ]);
    const forward = pairs(20, 'o');
    const reversed = Object.fromEntries(Object.entries(forward).reverse());

    const partial = await post(docsExample({ targetMsgkey: forward }), {
      'Idempotency-Key': 'order-5',
    });
    const completed = await post(docsExample({ targetMsgkey: reversed }), {
      'Idempotency-Key': 'order-5',
    });

    expect(partial.statusCode).toBe(207);
    expect(completed.statusCode).toBe(200);
    expect([...deliveries(emulator.pushes()).values()]).toEqual(Array(20).fill(1));
    expect(deliveries(emulator.pushes()).size).toBe(20);
  });

  it('refuses a key reused for another payload even when one request is sent inline and the other dispatched', async () => {
    vi.stubEnv('MPAAS_INLINE_TARGETS', '3');
    await post(docsExample({ targetMsgkey: pairs(2, 'i') }), { 'Idempotency-Key': 'order-6' });

    const dispatched = await post(docsExample({ targetMsgkey: pairs(5, 'd') }), {
      'Idempotency-Key': 'order-6',
    });

    expect(dispatched.statusCode).toBe(422);
    expect(dispatched.json.code).toBe('IdempotencyKeyReused');
  });

  it('answers with a retryable error when one chunk was refused and another can be retried', async () => {
    vi.stubEnv('MPAAS_CONCURRENCY', '1');
    vi.stubEnv('MPAAS_RETRY_ATTEMPTS', '1');
    emulator.setFaults([
      { type: 'result', resultCode: '3023', resultMessage: 'TEMPLATEKV_NOT_ENOUGH' },
      { type: 'gateway', code: 'ServiceUnavailable' },
    ]);

    const response = await post(docsExample({ targetMsgkey: pairs(20, 'x') }));

    expect(response.statusCode).toBe(503);
    expect(response.json).toMatchObject({ code: 'ServiceUnavailable', retryable: true });
  });

  it('refuses with 400 a dispatch with a value past its bound, naming it, before any batch', async () => {
    vi.stubEnv('MPAAS_INLINE_TARGETS', '3');
    const huge = 'x'.repeat(130 * 1024);

    const response = await post(
      docsExample({ targetMsgkey: pairs(5, 'b'), templateKeyValue: { name: huge, money: '1' } }),
    );

    expect(response.statusCode).toBe(400);
    expect(response.json).toMatchObject({ code: 'InvalidPushRequest', retryable: false });
    expect(response.json.errors).toEqual([
      expect.objectContaining({ field: 'templateKeyValue', rule: 'max-bytes' }),
      expect.objectContaining({ field: 'templateKeyValue.name', rule: 'max-length' }),
    ]);
    expect(emulator.pushes()).toHaveLength(0);
  });
});
