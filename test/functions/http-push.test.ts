import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '#functions/http-push/index.ts';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import {
  clearFaults,
  clearPushes,
  emulatorEnv,
  injectFaults,
  mint,
  pushes,
} from '#test/helpers/emulator.ts';
import {
  type Credentials,
  captureStdout,
  docsExample,
  fcContext,
  httpEvent,
  jsonPushEvent,
} from '#test/helpers/fc.ts';

let emulator: Emulator;
const stdout: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  for (const [name, value] of Object.entries(emulatorEnv(emulator.url))) vi.stubEnv(name, value);
  vi.stubEnv('MPAAS_REQUEST_TIMEOUT_MS', '2000');
  stdout.length = 0;
  captureStdout(stdout);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await clearPushes(emulator.url);
  await clearFaults(emulator.url);
});

async function invoke(event: Buffer, credentials?: Credentials, timeoutSeconds = 30) {
  const response = await handler(event, fcContext(credentials, timeoutSeconds));
  return { ...response, json: JSON.parse(response.body) as Record<string, unknown> };
}

function logEntries(): Array<Record<string, unknown>> {
  return stdout
    .join('')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('http-push', () => {
  it('pushes the docs example with the role credentials and answers with the mPaaS receipt', async () => {
    const credentials = await mint(emulator.url);

    const response = await invoke(jsonPushEvent(docsExample()), credentials);

    expect(response.statusCode).toBe(200);
    expect(response.json).toMatchObject({
      status: 'SENT',
      summary: { targets: 1, calls: 1, sent: 1, throttled: 0, failed: 0, refused: 0 },
      targets: [{ target: 'user1024', msgKey: '1578807462788', status: 'SENT' }],
      calls: [
        {
          chunk: 0,
          status: 'SENT',
          attempts: 1,
          inDoubt: false,
          mpaasRequestId: expect.any(String),
        },
      ],
    });
    const received = await pushes(emulator.url);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      action: 'PushTemplate',
      apiVersion: '2020-10-28',
      accessKeyId: credentials.accessKeyId,
      text: 'Hello Alice, congratulations on winning 200 yuan',
    });
    expect(received[0]?.params).toMatchObject({
      AppId: 'ONEX570DA89211721',
      WorkspaceId: 'test',
      TemplateName: 'template1024',
      TargetMsgkey: { user1024: '1578807462788' },
    });
  });

  it('signs each invocation with the credentials of that invocation', async () => {
    const first = await mint(emulator.url);
    const second = await mint(emulator.url);

    await invoke(jsonPushEvent(docsExample({ targetMsgkey: { u1: 'm-1' } })), first);
    await invoke(jsonPushEvent(docsExample({ targetMsgkey: { u1: 'm-2' } })), second);

    expect((await pushes(emulator.url)).map((push) => push.accessKeyId)).toEqual([
      first.accessKeyId,
      second.accessKeyId,
    ]);
  });

  it('accepts the map fields as JSON strings, as the docs examples send them', async () => {
    const body = docsExample({
      targetMsgkey: '{"user1024":"1578807462789"}',
      templateKeyValue: '{"name":"Bob","money":"5"}',
    });

    const response = await invoke(jsonPushEvent(body), await mint(emulator.url));

    expect(response.statusCode).toBe(200);
    expect((await pushes(emulator.url))[0]?.text).toBe(
      'Hello Bob, congratulations on winning 5 yuan',
    );
  });

  it('rejects an invalid request with a 400 that names each field and rule, and sends nothing', async () => {
    const body = docsExample({ deliveryType: 4, templateName: 'a,b', targetMsgkey: {} });

    const response = await invoke(jsonPushEvent(body), await mint(emulator.url));

    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json).toMatchObject({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'InvalidPushRequest',
    });
    const fields = (response.json.errors as Array<{ field: string }>).map((issue) => issue.field);
    expect(fields).toEqual(
      expect.arrayContaining(['deliveryType', 'templateName', 'targetMsgkey']),
    );
    expect(await pushes(emulator.url)).toHaveLength(0);
  });

  it('refuses a request for another app than the one the function is configured for', async () => {
    const response = await invoke(
      jsonPushEvent(docsExample({ appId: 'OTHERAPP' })),
      await mint(emulator.url),
    );

    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json.errors)).toContain('appId');
    expect(await pushes(emulator.url)).toHaveLength(0);
  });

  it('answers GET /healthz with 200 and no mPaaS call, another path 404, POST /healthz 405 (#13, #10)', async () => {
    const credentials = await mint(emulator.url);

    const health = await invoke(
      httpEvent({ method: 'GET', path: '/healthz', headers: { 'x-correlation-id': 'probe-1' } }),
      credentials,
    );
    const other = await invoke(httpEvent({ method: 'GET', path: '/health' }), credentials);
    const post = await invoke(
      httpEvent({ method: 'POST', path: '/healthz', body: '{}' }),
      credentials,
    );

    expect(health.statusCode).toBe(200);
    expect(health.json).toEqual({ status: 'ok' });
    expect(health.headers['x-correlation-id']).toBe('probe-1');
    expect(other.statusCode).toBe(404);
    expect(other.json.code).toBe('NotFound');
    expect(post.statusCode).toBe(405);
    expect(post.headers.allow).toBe('GET');
    expect(await pushes(emulator.url)).toHaveLength(0);
  });

  it('answers 405, 415, 413 and 400 for unusable HTTP requests', async () => {
    const credentials = await mint(emulator.url);
    vi.stubEnv('MAX_BODY_BYTES', '200');

    const get = await invoke(httpEvent({ method: 'GET' }), credentials);
    const text = await invoke(
      httpEvent({ body: 'hi', headers: { 'content-type': 'text/plain' } }),
      credentials,
    );
    const large = await invoke(
      jsonPushEvent(docsExample({ taskName: 'x'.repeat(300) })),
      credentials,
    );
    const broken = await invoke(httpEvent({ body: '{"taskName":' }), credentials);
    const notUtf8 = await invoke(
      httpEvent({ body: '\u00ff', base64: false, headers: { 'content-type': 'application/json' } }),
      credentials,
    );

    expect(get.statusCode).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(text.statusCode).toBe(415);
    expect(large.statusCode).toBe(413);
    expect(broken.statusCode).toBe(400);
    expect(broken.json.code).toBe('MalformedJson');
    const quoting = await invoke(httpEvent({ body: '{"note": sekrit}' }), credentials);
    expect(quoting.json.code).toBe('MalformedJson');
    expect(quoting.body).not.toContain('sekrit');
    expect(notUtf8.statusCode).toBe(400);
    expect(await pushes(emulator.url)).toHaveLength(0);
  });

  it('rejects a base64 body that is not UTF-8 and accepts one that is', async () => {
    const credentials = await mint(emulator.url);
    const event = JSON.parse(httpEvent({}).toString()) as Record<string, unknown>;
    event.body = Buffer.from([0xff, 0xfe, 0x7b]).toString('base64');
    event.isBase64Encoded = true;

    const invalid = await invoke(Buffer.from(JSON.stringify(event)), credentials);
    const valid = await invoke(
      httpEvent({ body: JSON.stringify(docsExample()), base64: true }),
      credentials,
    );

    expect(invalid.json.code).toBe('InvalidEncoding');
    expect(valid.statusCode).toBe(200);
  });

  it('tells the operator, in the log, to attach a role when the function has no credentials', async () => {
    const response = await invoke(jsonPushEvent(docsExample()));

    expect(response.statusCode).toBe(500);
    expect(response.json.code).toBe('MissingRoleCredentials');
    expect(response.json.detail).toBe(
      `MissingRoleCredentials: see the function log under requestId ${response.json.requestId}.`,
    );
    const failed = logEntries().find((entry) => entry.message === 'request failed');
    expect(JSON.stringify(failed)).toContain('attach a RAM role');
    expect(await pushes(emulator.url)).toHaveLength(0);
  });

  it('answers 422 with the mPaaS code when the template does not exist', async () => {
    const response = await invoke(
      jsonPushEvent(docsExample({ templateName: 'nope' })),
      await mint(emulator.url),
    );

    expect(response.statusCode).toBe(422);
    expect(response.json).toMatchObject({ code: '3022', retryable: false });
    expect(response.json.mpaasRequestId).toEqual(expect.any(String));
  });

  it.each([
    [{ type: 'gateway', code: 'Throttling.User', status: 400 }, 429, 'Throttling.User', true],
    [{ type: 'gateway', code: 'ServiceUnavailable', status: 503 }, 503, 'ServiceUnavailable', true],
    [{ type: 'gateway', code: 'Forbidden.RAM', status: 403 }, 502, 'Forbidden.RAM', false],
    // the caller's request, not the deployment: a 4xx, never "fix the deployment" (#9)
    [
      { type: 'gateway', code: 'RequestEntityTooLarge', status: 413 },
      413,
      'RequestEntityTooLarge',
      false,
    ],
    [
      { type: 'result', resultCode: '8011', resultMessage: 'FLOW_CONTROL_ERROR' },
      429,
      '8011',
      true,
    ],
    [{ type: 'html', status: 502 }, 502, 'Transport.bad-response', true],
    [{ type: 'reset' }, 502, 'Transport.connection', true],
  ])('maps the injected fault %j to HTTP %i', async (fault, status, code, retryable) => {
    vi.stubEnv('MPAAS_RETRY_ATTEMPTS', '1');
    const credentials = await mint(emulator.url);
    await injectFaults(emulator.url, [fault]);

    const response = await invoke(jsonPushEvent(docsExample()), credentials);

    expect(response.statusCode).toBe(status);
    expect(response.json).toMatchObject({ code, retryable });
    if (status === 429 || status === 503) expect(response.headers['retry-after']).toBe('1');
  });

  it('gives up with a 504 when mPaaS answers slower than the request timeout', async () => {
    vi.stubEnv('MPAAS_REQUEST_TIMEOUT_MS', '300');
    vi.stubEnv('MPAAS_RETRY_ATTEMPTS', '1');
    const credentials = await mint(emulator.url);
    await injectFaults(emulator.url, [{ type: 'delay', ms: 1500 }]);

    const response = await invoke(jsonPushEvent(docsExample()), credentials);

    expect(response.statusCode).toBe(504);
    expect(response.json.code).toBe('Transport.timeout');
  });

  it('does not start a call when the function has no time left for it', async () => {
    const response = await invoke(jsonPushEvent(docsExample()), await mint(emulator.url), 0.5);

    expect(response.statusCode).toBe(504);
    expect(response.json.code).toBe('Transport.deadline');
    expect(await pushes(emulator.url)).toHaveLength(0);
  });

  it('answers 503 for an expired security token, which a fresh invocation fixes', async () => {
    const response = await fetch(`${emulator.url}/_sts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ durationSeconds: -60 }),
    });
    const expired = (await response.json()) as Credentials;

    const result = await invoke(jsonPushEvent(docsExample()), expired);

    expect(result.statusCode).toBe(503);
    expect(result.json.code).toBe('InvalidSecurityToken.Expired');
  });

  it('refuses strategy fields under the 2019-08-21 API version instead of sending them', async () => {
    vi.stubEnv('MPAAS_API_VERSION', '2019-08-21');

    const response = await invoke(
      jsonPushEvent(docsExample({ classification: 0 })),
      await mint(emulator.url),
    );

    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json.errors)).toContain('classification');
  });

  it('answers 500 for an invalid configuration and names the variable only in the log', async () => {
    vi.stubEnv('MPAAS_API_VERSION', '2021-01-01');

    const response = await invoke(jsonPushEvent(docsExample()), await mint(emulator.url));

    expect(response.statusCode).toBe(500);
    expect(response.json.code).toBe('InvalidConfiguration');
    expect(response.body).not.toContain('MPAAS_API_VERSION');
    const logged = logEntries().find((entry) => entry.message === 'invalid configuration');
    expect(JSON.stringify(logged)).toContain('MPAAS_API_VERSION');
  });

  it('logs JSON lines that carry the request and correlation ids and never a credential', async () => {
    const credentials = await mint(emulator.url);
    const context = fcContext(credentials);

    await handler(jsonPushEvent(docsExample(), { 'X-Correlation-Id': 'order-42' }), context);
    // A wrong secret makes the gateway quote its string to sign, token included.
    const wrongSecret = { ...credentials, accessKeySecret: 'not-the-secret' };
    const mismatch = await invoke(jsonPushEvent(docsExample()), wrongSecret);

    expect(mismatch.json.code).toBe('SignatureDoesNotMatch');
    const all = stdout.join('') + mismatch.body;
    const token = credentials.securityToken;
    for (const form of [
      token,
      encodeURIComponent(token),
      encodeURIComponent(encodeURIComponent(token)),
    ]) {
      expect(all).not.toContain(form);
    }
    expect(all).not.toContain(credentials.accessKeySecret);
    const entries = logEntries();
    const first = entries.filter((entry) => entry.requestId === context.requestId);
    expect(first.map((entry) => entry.message)).toEqual(['push finished', 'invocation finished']);
    expect(first.every((entry) => entry.correlationId === 'order-42')).toBe(true);
    const summary = first.find((entry) => entry.message === 'invocation finished');
    expect(summary).toMatchObject({
      outcome: 'sent',
      function: 'http-push',
      trigger: 'http',
      correlationId: 'order-42',
      statusCode: 200,
      sent: 1,
    });
    expect(summary?.latencyMs).toEqual(expect.any(Number));
    const failed = entries.find((entry) => entry.message === 'request failed');
    expect(failed).toMatchObject({ code: 'SignatureDoesNotMatch', level: 'error' });
  });
});
