import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import { canonicalHeader } from '#local/gateway/http-event.ts';
import { type Gateway, startGateway } from '#local/gateway/server.ts';
import { stsMinter } from '#local/sts-client.ts';
import { clearPushes, emulatorEnv, pushes } from '#test/helpers/emulator.ts';
import { docsExample, fixture } from '#test/helpers/fc.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

let emulator: Emulator;
let gateway: Gateway;
let testFunctions: Gateway;
const asyncFailures: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  for (const [name, value] of Object.entries(emulatorEnv(emulator.url))) vi.stubEnv(name, value);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  gateway = await startGateway({
    distDir: path.join(root, 'dist'),
    credentials: stsMinter(emulator.url),
  });
  testFunctions = await startGateway({
    distDir: path.join(root, 'test/fixtures/functions'),
    credentials: stsMinter(emulator.url),
    httpFunction: 'echo',
    timeoutSeconds: 1,
    asyncRetryBaseMs: 5,
    onAsyncFailure: (name, requestId) => asyncFailures.push(`${name}:${requestId}`),
  });
});
afterAll(async () => {
  await gateway.close();
  await testFunctions.close();
  await emulator.close();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});
afterEach(async () => {
  await clearPushes(emulator.url);
});

const invokeUrl = (base: string, name: string) =>
  `${base}/2023-03-30/functions/${name}/invocations`;

describe('local gateway: HTTP trigger', () => {
  it('turns a curl-style POST into an FC HTTP event, and the push reaches the emulator', async () => {
    const response = await fetch(`${gateway.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'readme-1' },
      body: JSON.stringify(docsExample()),
    });

    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(200);
    expect(response.headers.get('x-correlation-id')).toBe('readme-1');
    expect(response.headers.get('x-fc-request-id')).toEqual(expect.any(String));
    expect(body).toMatchObject({ status: 'SENT', summary: { sent: 1 } });
    const received = await pushes(emulator.url);
    expect(received).toHaveLength(1);
    expect(received[0]?.accessKeyId).toMatch(/^STS\./);
  });

  it('answers bad input with problem+json and sends nothing', async () => {
    const response = await fetch(`${gateway.url}/pushes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ templateName: 'template1024' }),
    });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await pushes(emulator.url)).toHaveLength(0);
  });

  it('passes a binary body base64-encoded, as FC does', async () => {
    const response = await fetch(`${testFunctions.url}/upload?a=1&a=2`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', 'x-fc-log-type': 'Tail' },
      body: Buffer.from([0, 1, 2]),
    });
    const echoed = (await response.json()) as { event: string };
    const event = JSON.parse(echoed.event) as Record<string, unknown>;

    expect(event).toMatchObject({
      version: 'v1',
      rawPath: '/upload',
      body: 'AAEC',
      isBase64Encoded: true,
      queryParameters: { a: '1,2' },
      requestContext: { http: { method: 'PUT', path: '/upload' } },
    });
    // as the event the fc3 component captured from FC: canonical names, X-Fc-* kept (#13)
    expect(event.headers).toMatchObject({
      'Content-Type': 'application/octet-stream',
      'X-Fc-Log-Type': 'Tail',
    });
    expect(
      Object.keys(event.headers as object).every((name) => name === canonicalHeader(name)),
    ).toBe(true);
  });

  it('writes header names in canonical form, whatever the caller sent', () => {
    expect(canonicalHeader('content-type')).toBe('Content-Type');
    expect(canonicalHeader('X-CORRELATION-ID')).toBe('X-Correlation-Id');
    expect(canonicalHeader('idempotency-key')).toBe('Idempotency-Key');
    expect(canonicalHeader('host')).toBe('Host');
  });
});

describe('local gateway: invoke API', () => {
  it('invokes a function synchronously with the raw event and an FC-shaped context', async () => {
    const event = JSON.stringify(fixture('timer/doc-sample.json'));

    const response = await fetch(invokeUrl(testFunctions.url, 'echo'), {
      method: 'POST',
      body: event,
    });
    const echoed = (await response.json()) as Record<string, unknown>;

    expect(response.status).toBe(200);
    expect(echoed).toMatchObject({
      event,
      isBuffer: true,
      functionName: 'echo',
      timeout: 1,
      hasToken: true,
    });
    expect(echoed.accessKeyId).toMatch(/^STS\./);
    expect(echoed.requestId).toBe(response.headers.get('x-fc-request-id'));
  });

  it('runs the built http-push with an HTTP event sent to the invoke API', async () => {
    const event = fixture<Record<string, unknown>>('http/doc-sample.json');
    Object.assign(event, {
      rawPath: '/pushes',
      body: JSON.stringify(docsExample()),
      headers: { 'Content-Type': 'application/json' },
      queryParameters: {},
    });
    Object.assign((event.requestContext as { http: object }).http, {
      method: 'POST',
      path: '/pushes',
    });

    const response = await fetch(invokeUrl(gateway.url, 'http-push'), {
      method: 'POST',
      body: JSON.stringify(event),
    });
    const struct = (await response.json()) as { statusCode: number; body: string };

    expect(struct.statusCode).toBe(200);
    expect(JSON.parse(struct.body)).toMatchObject({ status: 'SENT' });
    expect(await pushes(emulator.url)).toHaveLength(1);
  });

  it('answers 200 with x-fc-error-type when the function throws, as FC does', async () => {
    const response = await fetch(invokeUrl(testFunctions.url, 'flaky'), {
      method: 'POST',
      body: 'sync-case',
    });
    const error = (await response.json()) as Record<string, unknown>;

    expect(response.status).toBe(200);
    expect(response.headers.get('x-fc-error-type')).toBe('UnhandledInvocationError');
    expect(error).toMatchObject({ errorType: 'TypeError', errorMessage: 'failure 1 of sync-case' });
    expect(error.stackTrace).toEqual(expect.any(Array));
  });

  it('answers an HTTP trigger whose function throws with 502 and no internals, and logs what it threw', async () => {
    const stderr: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
    const throwing = await startGateway({
      distDir: path.join(root, 'test/fixtures/functions'),
      credentials: stsMinter(emulator.url),
      httpFunction: 'flaky',
    });
    try {
      const response = await fetch(`${throwing.url}/`, { method: 'POST', body: 'http-case' });
      const text = await response.text();

      expect(response.status).toBe(502);
      expect(response.headers.get('x-fc-error-type')).toBe('UnhandledInvocationError');
      expect(JSON.parse(text)).toEqual({
        Code: 'UnhandledInvocationError',
        Message: expect.stringContaining(response.headers.get('x-fc-request-id') ?? 'no id'),
        RequestId: response.headers.get('x-fc-request-id'),
      });
      expect(text).not.toContain('failure 1');
      expect(text).not.toContain('index.mjs');
      expect(stderr.join('')).toContain('failure 1 of');
    } finally {
      spy.mockRestore();
      await throwing.close();
    }
  });

  it('keeps a throwing async-failure handler from becoming an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const observed = await startGateway({
      distDir: path.join(root, 'test/fixtures/functions'),
      credentials: stsMinter(emulator.url),
      maxAsyncRetryAttempts: 0,
      onAsyncFailure: () => {
        throw new Error('the observer broke');
      },
    });
    try {
      await fetch(invokeUrl(observed.url, 'flaky'), {
        method: 'POST',
        headers: { 'x-fc-invocation-type': 'Async' },
        body: 'observer-case',
      });
      await observed.runtime.drain();
      await new Promise((resolve) => setImmediate(resolve));

      expect(unhandled).toEqual([]);
      expect(stderr).toHaveBeenCalledWith(expect.stringContaining('async failure handler threw'));
    } finally {
      process.off('unhandledRejection', onUnhandled);
      stderr.mockRestore();
      await observed.close();
    }
  });

  it('answers 202 to an async invocation and retries it until it succeeds', async () => {
    const response = await fetch(invokeUrl(testFunctions.url, 'flaky'), {
      method: 'POST',
      headers: { 'x-fc-invocation-type': 'Async' },
      body: 'async-case',
    });
    await testFunctions.runtime.drain();

    // The warm instance's memory: FC's retries ran on it until the third attempt succeeded.
    const calls = (await testFunctions.runtime.inspect('flaky', 'calls')) as Map<string, number>;
    expect(response.status).toBe(202);
    expect(calls.get('async-case')).toBe(3);
    expect(asyncFailures).toEqual([]);
  });

  it('reports an async invocation that fails every retry', async () => {
    await fetch(invokeUrl(testFunctions.url, 'slow'), {
      method: 'POST',
      headers: { 'x-fc-invocation-type': 'Async' },
      body: 'x',
    });
    await testFunctions.runtime.drain();

    expect(asyncFailures).toEqual([expect.stringMatching(/^slow:/)]);
  }, 15_000);

  it('ends an invocation at the function timeout', async () => {
    const response = await fetch(invokeUrl(testFunctions.url, 'slow'), {
      method: 'POST',
      body: 'x',
    });

    expect(response.headers.get('x-fc-error-type')).toBe('UnhandledInvocationError');
    expect(((await response.json()) as { errorMessage: string }).errorMessage).toContain(
      'timed out after 1 seconds',
    );
  });

  it('refuses unknown functions, wrong methods, bad invocation types and oversized async payloads', async () => {
    const unknown = await fetch(invokeUrl(testFunctions.url, 'nope'), { method: 'POST', body: '' });
    const get = await fetch(invokeUrl(testFunctions.url, 'echo'));
    const type = await fetch(invokeUrl(testFunctions.url, 'echo'), {
      method: 'POST',
      headers: { 'x-fc-invocation-type': 'Later' },
    });
    const large = await fetch(invokeUrl(testFunctions.url, 'echo'), {
      method: 'POST',
      headers: { 'x-fc-invocation-type': 'Async' },
      body: 'x'.repeat(128 * 1024 + 1),
    });

    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { Code: string }).Code).toBe('FunctionNotFound');
    expect(get.status).toBe(405);
    expect(type.status).toBe(400);
    expect(large.status).toBe(413);
  });
});
