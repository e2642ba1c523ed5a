/**
 * The HTTP API's routes (#10): `POST /pushes` and its alias `POST /`, `GET /healthz`, 404 for
 * any other path and 405 with `Allow` for another method, and `POST /pushes?dryRun=true`, which
 * validates and plans like a send but sends nothing and claims no idempotency key.
 */
import { describe, expect, it, vi } from 'vitest';
import { MAX_CALL_BYTES, SIGNING_RESERVE } from '#lib/plan/call-size.ts';
import { docsExample } from '#test/helpers/fc.ts';
import { useHttpApi } from '#test/helpers/http-api.ts';

const api = useHttpApi();
const { call } = api;

const pairs = (count: number, prefix: string) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, `${prefix}-m${i}`]));

function summaryLine(): Record<string, unknown> | undefined {
  return api.stdout
    .join('')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .find((entry) => entry.message === 'invocation finished');
}

describe('routes', () => {
  it.each(['/pushes', '/', '/pushes/'])('sends a push POSTed to %s', async (path) => {
    const body = JSON.stringify(docsExample({ targetMsgkey: pairs(1, `route${path.length}`) }));

    const answer = await call({ path, body });

    expect(answer.statusCode).toBe(200);
    expect(answer.json.status).toBe('SENT');
    expect(api.emulator.pushes()).toHaveLength(1);
  });

  it.each([
    ['/push', 'POST'],
    ['/pushes/x/y', 'GET'],
    ['/Pushes', 'POST'],
    ['/healthz/', 'DELETE'],
  ])('answers %s (%s) with 404 problem+json that lists the routes', async (path, method) => {
    const answer = await call({ path, method, body: JSON.stringify(docsExample()) });

    if (path === '/healthz/') {
      // a trailing slash names the same route: the method is what is wrong
      expect(answer.statusCode).toBe(405);
      return;
    }
    expect(answer.statusCode).toBe(404);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.json).toMatchObject({ code: 'NotFound', retryable: false });
    expect(answer.json.detail).toContain('POST /pushes');
    expect(answer.json.detail).toContain('GET /healthz');
    expect(api.emulator.pushes()).toHaveLength(0);
  });

  it.each([
    ['/pushes', 'GET', 'POST'],
    ['/pushes', 'PUT', 'POST'],
    ['/', 'DELETE', 'POST'],
    ['/healthz', 'POST', 'GET'],
    ['/pushes/order-42', 'POST', 'GET'],
    ['/pushes/order-42', 'DELETE', 'GET'],
  ])('answers %s with %s by 405 and Allow: %s', async (path, method, allow) => {
    const answer = await call({ path, method, body: '{}' });

    expect(answer.statusCode).toBe(405);
    expect(answer.headers.allow).toBe(allow);
    expect(answer.json).toMatchObject({ code: 'MethodNotAllowed', allow: [allow] });
    // the route is named as the API has it
    expect(answer.json.detail).toContain(path.replace('order-42', '{id}'));
  });

  it.each([
    ['/pushes/has%20space', 'a space'],
    [`/pushes/${'k'.repeat(256)}`, '256 characters'],
    ['/pushes/%E4%BD%A0', 'a character outside printable ASCII'],
  ])('refuses GET %s (%s) as no push id with 400 InvalidPushId', async (path) => {
    const answer = await call({ path, method: 'GET' });

    expect(answer.statusCode).toBe(400);
    expect(answer.json).toMatchObject({ code: 'InvalidPushId', retryable: false });
    expect(String(answer.json.detail).length).toBeLessThan(300);
  });

  it('refuses a query parameter on GET /pushes/{id}', async () => {
    const answer = await call({ path: '/pushes/order-42', method: 'GET', query: { verbose: '1' } });

    expect(answer.statusCode).toBe(400);
    expect(answer.json).toMatchObject({ code: 'InvalidQueryParameter' });
    expect(answer.json.detail).toContain('GET /pushes/{id} takes no query parameters');
  });

  it.each([
    ['an unknown path', { method: 'GET', path: '/wp-login.php' }, 404],
    ['another method', { method: 'GET', path: '/pushes' }, 405],
    ['an unknown query parameter', { path: '/pushes', query: { dryrun: 'true' } }, 400],
  ])('counts %s as no record and no refused push', async (_name, request, status) => {
    const answer = await call({ body: '{}', ...request });

    expect(answer.statusCode).toBe(status);
    expect(summaryLine()).toMatchObject({ statusCode: status, records: 0, invalid: 0 });
  });

  it('counts a push request whose body is not JSON as a refused record', async () => {
    const answer = await call({ body: '{"taskName":' });

    expect(answer.statusCode).toBe(400);
    expect(summaryLine()).toMatchObject({ outcome: 'invalid', records: 1, invalid: 1 });
  });

  it('quotes a long unknown path cut to 64 characters', async () => {
    const answer = await call({ path: `/${'p'.repeat(5000)}`, body: '{}' });

    expect(answer.statusCode).toBe(404);
    expect(String(answer.json.detail).length).toBeLessThan(300);
  });

  it.each([
    [{ dryrun: 'true' }, 'dryrun'],
    [{ dryRun: 'TRUE' }, 'dryRun'],
    [{ dryRun: '1' }, 'dryRun'],
  ])('refuses the query %o with 400 naming %s, and sends nothing', async (query, name) => {
    const answer = await call({ query, body: JSON.stringify(docsExample()) });

    expect(answer.statusCode).toBe(400);
    expect(answer.json.code).toBe('InvalidQueryParameter');
    expect(answer.json.detail).toContain(name);
    expect(api.emulator.pushes()).toHaveLength(0);
  });
});

describe('POST /pushes?dryRun=true', () => {
  it('answers the validated request and its calls with their encoded bytes, and sends nothing', async () => {
    const request = docsExample({ targetMsgkey: pairs(25, 'dry') });

    const answer = await call({ query: { dryRun: 'true' }, body: JSON.stringify(request) });

    expect(answer.statusCode).toBe(200);
    expect(answer.json).toMatchObject({
      dryRun: true,
      status: 'VALID',
      mode: 'inline',
      summary: { targets: 25, calls: 3, batches: 0 },
      request: { taskName: request.taskName, templateName: request.templateName },
    });
    const calls = answer.json.calls as Array<{ chunk: number; targets: number; bytes: number }>;
    expect(calls.map((c) => [c.chunk, c.targets])).toEqual([
      [0, 10],
      [1, 10],
      [2, 5],
    ]);
    expect(api.emulator.pushes()).toHaveLength(0);
    // the same request sent for real: each call's body fits within the bytes the dry run gave
    const sent = await call({ body: JSON.stringify(request) });
    expect(sent.statusCode).toBe(200);
    // each call matched to its chunk by its first target (calls run concurrently)
    const firsts = Object.keys(request.targetMsgkey as object).sort();
    const received = api.emulator.pushes();
    expect(received).toHaveLength(3);
    for (const push of received) {
      const first = Object.keys(push.params.TargetMsgkey as object).sort()[0] ?? '';
      const planned = calls[Math.floor(firsts.indexOf(first) / 10)]?.bytes ?? 0;
      expect(push.bodyBytes).toBeLessThanOrEqual(planned);
      expect(push.bodyBytes).toBeGreaterThan(planned - SIGNING_RESERVE);
    }
    expect(calls.every((c) => c.bytes <= MAX_CALL_BYTES)).toBe(true);
  });

  it('derives the msgKeys a send with the same Idempotency-Key would use, and claims no key', async () => {
    const body = JSON.stringify(docsExample({ targetMsgkey: undefined, targets: ['a1', 'a2'] }));
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'dry-key-1' };

    const dry = await call({ query: { dryRun: 'true' }, body, headers });
    const again = await call({ query: { dryRun: 'true' }, body, headers });
    const sent = await call({ body, headers });

    expect(dry.statusCode).toBe(200);
    expect(again.json.request).toEqual(dry.json.request);
    // the key was not claimed: the real send is a first send, not a replay
    expect(sent.statusCode).toBe(200);
    expect(sent.headers['idempotent-replayed']).toBeUndefined();
    const keys = (dry.json.request as { targetMsgkey: Record<string, string> }).targetMsgkey;
    const sentKeys = Object.fromEntries(
      (sent.json.targets as Array<{ target: string; msgKey: string }>).map((t) => [
        t.target,
        t.msgKey,
      ]),
    );
    expect(sentKeys).toEqual(keys);
  });

  it('plans a push over MPAAS_INLINE_TARGETS as batches, without invoking the worker', async () => {
    vi.stubEnv('MPAAS_INLINE_TARGETS', '10');
    // no FC endpoint is configured: a real dispatch could not even start
    const body = JSON.stringify(docsExample({ targetMsgkey: pairs(45, 'batch') }));

    const answer = await call({ query: { dryRun: 'true' }, body });

    expect(answer.statusCode).toBe(200);
    expect(answer.json).toMatchObject({
      mode: 'dispatch',
      summary: { targets: 45, calls: 5, batches: 1 },
      batches: [{ batch: 0, targets: 45, calls: 5 }],
    });
    const calls = answer.json.calls as Array<{ batch: number; chunk: number; targets: number }>;
    expect(calls.map((c) => `${c.batch}.${c.chunk}:${c.targets}`)).toEqual([
      '0.0:10',
      '0.1:10',
      '0.2:10',
      '0.3:10',
      '0.4:5',
    ]);
    expect(api.emulator.pushes()).toHaveLength(0);
  });

  it('refuses a bad request with the same 400 a send gets', async () => {
    const body = JSON.stringify(docsExample({ deliveryType: 9 }));

    const dry = await call({ query: { dryRun: 'true' }, body });
    const real = await call({ body });

    expect(dry.statusCode).toBe(400);
    expect(dry.json.errors).toEqual(real.json.errors);
    expect(dry.json.code).toBe('InvalidPushRequest');
  });

  it('counts no send: its summary line says outcome dry-run', async () => {
    await call({ query: { dryRun: 'true' }, body: JSON.stringify(docsExample()) });

    expect(summaryLine()).toMatchObject({
      outcome: 'dry-run',
      statusCode: 200,
      records: 1,
      sent: 0,
      dispatched: 0,
    });
  });

  it('sends when dryRun is false', async () => {
    const body = JSON.stringify(docsExample({ targetMsgkey: pairs(1, 'wet') }));

    const answer = await call({ query: { dryRun: 'false' }, body });

    expect(answer.statusCode).toBe(200);
    expect(answer.json.status).toBe('SENT');
    expect(api.emulator.pushes()).toHaveLength(1);
  });
});
