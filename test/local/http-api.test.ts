/**
 * Every route of the HTTP API over loopback, through the local gateway as `npm start` runs it:
 * the built http-push bundle, the embedded Tablestore ledger, real HTTP requests (#10). The
 * handler-level tests (test/functions/http-*.test.ts) check each route in depth; this one checks
 * that each answers through the FC HTTP trigger as deployed: methods, paths, headers, bodies.
 */
import { randomUUID } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureStdout, docsExample } from '#test/helpers/fc.ts';
import { type LocalStack, startLocalStack } from '#test/helpers/local-stack.ts';

let stack: LocalStack;

beforeAll(async () => {
  captureStdout([]);
  stack = await startLocalStack({ tablestore: true });
});
afterAll(async () => {
  await stack.close();
  vi.restoreAllMocks();
});

async function request(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const response = await fetch(`${stack.gateway.url}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, unknown>,
  };
}

const targets = (prefix: string) => ({ [`${prefix}-${randomUUID()}`]: `m-${randomUUID()}` });

describe('the HTTP API through the local gateway', () => {
  it('answers GET /healthz and GET /openapi.json, a valid OpenAPI 3.1 document', async () => {
    const health = await request('GET', '/healthz');
    const document = await request('GET', '/openapi.json');

    expect(health).toMatchObject({ status: 200, json: { status: 'ok' } });
    expect(document.status).toBe(200);
    expect(document.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await new Validator().validate(document.json)).toMatchObject({ valid: true });
    expect(Object.keys(document.json.paths as object)).toContain('/schedules/{taskId}');
  });

  it('sends a push, answers a dry run without sending, and its progress by its key', async () => {
    const key = `loopback-${randomUUID()}`;
    const dry = await request(
      'POST',
      '/pushes?dryRun=true',
      docsExample({ targetMsgkey: targets('dry') }),
    );
    const before = stack.emulator.pushes().length;
    const sent = await request('POST', '/pushes', docsExample({ targetMsgkey: targets('sent') }), {
      'idempotency-key': key,
      'x-correlation-id': 'loopback-1',
    });
    const progress = await request('GET', `/pushes/${encodeURIComponent(key)}`);

    expect(dry).toMatchObject({ status: 200, json: { dryRun: true, status: 'VALID' } });
    expect(sent).toMatchObject({ status: 200, json: { status: 'SENT' } });
    expect(sent.headers.get('x-correlation-id')).toBe('loopback-1');
    expect(stack.emulator.pushes().length).toBe(before + 1);
    expect(progress).toMatchObject({
      status: 200,
      json: { id: key, kind: 'inline', status: 'SENT', targets: { total: 1, sent: 1 } },
    });
    expect(progress.headers.get('cache-control')).toBe('no-store');
  });

  it('lists a scheduled push and cancels it, then answers 404 for it', async () => {
    const fixedTime = Math.ceil((Date.now() + 86_400_000) / 60_000) * 60_000;
    const scheduled = await request(
      'POST',
      '/pushes',
      docsExample({
        targetMsgkey: targets('scheduled'),
        strategyType: 1,
        StrategyContent: { fixedTime },
      }),
    );
    const taskId = (scheduled.json.calls as Array<{ taskId?: string }>)[0]?.taskId ?? '';

    const listed = await request('GET', `/schedules?taskId=${taskId}`);
    const cancelled = await request('DELETE', `/schedules/${taskId}`);
    const again = await request('DELETE', `/schedules/${taskId}`);

    expect(scheduled.status).toBe(200);
    expect(taskId).not.toBe('');
    expect(listed).toMatchObject({ status: 200, json: { totalCount: 1 } });
    expect(cancelled).toMatchObject({ status: 200, json: { taskId, cancelled: 1 } });
    expect(again).toMatchObject({ status: 404, json: { code: 'TaskNotFound' } });
  });

  it('answers a path it does not have 404 and a wrong method 405 with Allow, as problem+json', async () => {
    const missing = await request('GET', '/wp-login.php');
    const wrong = await request('PUT', '/schedules');

    expect(missing).toMatchObject({ status: 404, json: { code: 'NotFound' } });
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(wrong).toMatchObject({ status: 405, json: { code: 'MethodNotAllowed' } });
    expect(wrong.headers.get('allow')).toBe('GET');
  });
});
