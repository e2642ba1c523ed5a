import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { internalEndpoint, invokeAsync, type RoleCredentials } from '#lib/send/fc/fc-invoker.ts';
import { DispatchError } from '#lib/send/fc/invoke-errors.ts';
import { outcomeOf } from '#lib/shared/errors.ts';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import { verifyFcSignature } from '#local/gateway/fc-signature.ts';
import { type Gateway, startGateway } from '#local/gateway/server.ts';
import { type Minter, stsMinter } from '#local/sts-client.ts';
import { type FakeFc, fakeFc } from '#test/helpers/fake-fc.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const fixtures = path.join(root, 'test/fixtures/functions');
const ACCOUNT = { accountId: '1234567890123456', region: 'cn-hangzhou' };

let emulator: Emulator;
let minter: Minter;
let gateway: Gateway;
let credentials: RoleCredentials;

beforeAll(async () => {
  emulator = await startEmulator();
  minter = stsMinter(emulator.url);
  gateway = await startGateway({ distDir: fixtures, credentials: minter, requireSignature: true });
  credentials = await minter();
});
afterAll(async () => {
  await gateway.close();
  await emulator.close();
});

/** The DispatchError an invocation rejected with. */
async function rejection(call: Promise<unknown>): Promise<DispatchError> {
  const error: unknown = await call.then(
    () => new Error('expected a rejection'),
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DispatchError)) throw error;
  return error;
}

const target = () => ({ ...ACCOUNT, endpoint: gateway.url });

describe('invokeAsync against the local gateway, which requires FC signatures', () => {
  it('hands the exact payload to the function and returns the request id it ran under', async () => {
    const payload = JSON.stringify({ batch: 3, text: 'Grüße ✓', targets: ['u1', 'u2'] });

    const receipt = await invokeAsync('recorder', payload, credentials, target());
    await gateway.runtime.drain();

    // The recorder runs in the gateway's instance (a worker thread): read its memory there.
    const recorder = {
      invocations: (await gateway.runtime.inspect('recorder', 'invocations')) as Array<{
        base64: string;
        requestId: string;
      }>,
    };
    expect(receipt.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(recorder.invocations).toContainEqual({
      base64: Buffer.from(payload, 'utf8').toString('base64'),
      requestId: receipt.requestId,
    });
  });

  it('sends a Buffer payload byte for byte', async () => {
    const payload = Buffer.from([0, 255, 10, 13, 0x80, 0x7f]);

    const receipt = await invokeAsync('recorder', payload, credentials, target());
    await gateway.runtime.drain();

    // The recorder runs in the gateway's instance (a worker thread): read its memory there.
    const recorder = {
      invocations: (await gateway.runtime.inspect('recorder', 'invocations')) as Array<{
        base64: string;
        requestId: string;
      }>,
    };
    expect(recorder.invocations).toContainEqual({
      base64: payload.toString('base64'),
      requestId: receipt.requestId,
    });
  });

  it('rejects a wrong secret as a non-retryable DispatchError whose message names no credential', async () => {
    const wrong = { ...credentials, accessKeySecret: `${credentials.accessKeySecret}x` };

    const error = await rejection(invokeAsync('echo', 'x', wrong, target()));

    expect(error).toMatchObject({ httpStatus: 403, retryable: false, failure: 'http' });
    expect(error.message).toContain('HTTP 403');
    for (const secret of [wrong.accessKeySecret, credentials.securityToken])
      expect(error.message).not.toContain(secret);
    expect(error.message).not.toMatch(/FC \S+:\S+/);
    expect(outcomeOf(error)).toBe('error');
  });

  it('runs an async task once however often its task id is submitted, as FC in task mode does', async () => {
    const payload = JSON.stringify({ batch: 'dedupe', id: Math.random() });

    const first = await invokeAsync('recorder', payload, credentials, target(), {
      taskId: 'push_dedupe_0',
    });
    const second = await invokeAsync('recorder', payload, credentials, target(), {
      taskId: 'push_dedupe_0',
    });
    await gateway.runtime.drain();

    // The recorder runs in the gateway's instance (a worker thread): read its memory there.
    const recorder = {
      invocations: (await gateway.runtime.inspect('recorder', 'invocations')) as Array<{
        base64: string;
        requestId: string;
      }>,
    };
    const base64 = Buffer.from(payload, 'utf8').toString('base64');
    expect(first).toEqual({ requestId: 'push_dedupe_0' });
    expect(second).toMatchObject({ duplicate: true });
    expect(recorder.invocations.filter((call) => call.base64 === base64)).toHaveLength(1);
  });

  it('rejects an unknown function as FunctionNotFound, not retryable', async () => {
    const error = await rejection(invokeAsync('no-such-function', '{}', credentials, target()));

    expect(error).toMatchObject({ code: 'FunctionNotFound', httpStatus: 404, retryable: false });
    expect(error.requestId).toEqual(expect.any(String));
  });

  it('rejects a payload over 128 KB as EntityTooLarge, not retryable', async () => {
    const error = await rejection(
      invokeAsync('echo', 'x'.repeat(128 * 1024 + 1), credentials, target()),
    );

    expect(error).toMatchObject({ code: 'EntityTooLarge', httpStatus: 413, retryable: false });
  });

  it('reports a gateway that is down as a retryable network failure', async () => {
    const closed = await unusedPort();

    const error = await rejection(
      invokeAsync('echo', 'x', credentials, { ...ACCOUNT, endpoint: `http://127.0.0.1:${closed}` }),
    );

    expect(error).toMatchObject({ code: 'ECONNREFUSED', failure: 'network', retryable: true });
    expect(error.statusCode).toBe(502);
  });
});

describe('invokeAsync on the wire', () => {
  let fake: FakeFc;
  beforeAll(async () => {
    fake = await fakeFc(ACCOUNT);
  });
  afterAll(() => fake.close());

  it('POSTs an Async, fc2-signed request to the 2023-03-30 path with the qualifier in the query', async () => {
    fake.answer = (_req, res) => res.writeHead(202, { 'x-fc-request-id': 'req-1' }).end();

    const receipt = await invokeAsync('push-worker', '{"a":1}', credentials, fake.target, {
      qualifier: 'prod',
    });

    const seen = fake.last();
    expect(receipt).toEqual({ requestId: 'req-1' });
    expect(seen.url).toBe('/2023-03-30/functions/push-worker/invocations?qualifier=prod');
    expect(seen.headers).toMatchObject({
      'x-fc-invocation-type': 'Async',
      'x-fc-account-id': ACCOUNT.accountId,
      'x-fc-security-token': credentials.securityToken,
      'content-type': 'application/octet-stream',
    });
    const verdict = verifyFcSignature(
      { method: 'POST', path: seen.url, headers: seen.headers, body: seen.body },
      minter.lookup,
    );
    expect(verdict).toEqual({ ok: true, accessKeyId: credentials.accessKeyId });
  });

  it('sends the async task id and takes FC’s 409 for a known task id as the earlier hand-over', async () => {
    fake.answer = (_req, res) => res.writeHead(202, { 'x-fc-request-id': 'req-t' }).end();
    const first = await invokeAsync('push-worker', '{}', credentials, fake.target, {
      taskId: 'push_abc_0',
    });
    const sent = fake.last();
    fake.answer = (_req, res) => sendFc3Error(res, 409);

    const again = await invokeAsync('push-worker', '{}', credentials, fake.target, {
      taskId: 'push_abc_0',
    });

    expect(first).toEqual({ requestId: 'req-t' });
    expect(sent.headers['x-fc-async-task-id']).toBe('push_abc_0');
    expect(again).toEqual({ requestId: 'fc-req', duplicate: true });
  });

  it('keeps a 409 without a task id an error, and refuses a task id FC would not take', async () => {
    fake.answer = (_req, res) => sendFc3Error(res, 409);
    const count = fake.count();

    const conflict = await rejection(invokeAsync('push-worker', '{}', credentials, fake.target));
    const bad = await rejection(
      invokeAsync('push-worker', '{}', credentials, fake.target, {
        taskId: '9-starts-with-a-digit',
      }),
    );

    expect(conflict).toMatchObject({ httpStatus: 409, retryable: false });
    expect(bad).toMatchObject({
      code: 'InvalidArgument',
      failure: 'refused-locally',
      retryable: false,
      message: 'Async invocation refused: "9-starts-with-a-digit" is not a task id',
    });
    expect(fake.count()).toBe(count + 1);
  });

  it('refuses a task id or a function name with anything after a valid start', async () => {
    const count = fake.count();

    const task = await rejection(
      invokeAsync('push-worker', '{}', credentials, fake.target, { taskId: 'push_abc_0/../x' }),
    );
    const name = await rejection(
      invokeAsync('push-worker/../admin', '{}', credentials, fake.target),
    );

    expect(task).toMatchObject({ code: 'InvalidArgument', failure: 'refused-locally' });
    expect(name).toMatchObject({ code: 'InvalidArgument', failure: 'refused-locally' });
    expect(fake.count()).toBe(count);
  });

  it('answers an empty request id when FC sends none, accepted or known already', async () => {
    fake.answer = (_req, res) => res.writeHead(202).end();
    const accepted = await invokeAsync('push-worker', '{}', credentials, fake.target);
    fake.answer = (_req, res) => sendJson(res, 409, { Code: 'Conflict', Message: 'known task' });
    const known = await invokeAsync('push-worker', '{}', credentials, fake.target, {
      taskId: 'push_abc_1',
    });

    expect(accepted).toEqual({ requestId: '' });
    expect(known).toEqual({ requestId: '', duplicate: true });
  });

  it.each([
    [429, 'TooManyRequests', true, 429],
    [500, 'InternalError', true, 502],
    [503, 'ServiceUnavailable', true, 502],
    [400, 'InvalidArgument', false, 502],
    [418, 'HTTP418', false, 502],
  ])(
    'classifies HTTP %i as %s, retryable %s, inferring the code because fc2 cannot read an FC 3.0 body',
    async (status, code, retryable, ours) => {
      fake.answer = (_req, res) => sendFc3Error(res, status);

      const error = await rejection(invokeAsync('push-worker', '{}', credentials, fake.target));

      expect(error).toMatchObject({ code, retryable, httpStatus: status, requestId: 'fc-req' });
      expect(error.statusCode).toBe(ours);
    },
  );

  it('takes the code and message from an ErrorCode body, the shape fc2 reads', async () => {
    fake.answer = (_req, res) =>
      sendJson(res, 400, { ErrorCode: 'EntityTooLarge', ErrorMessage: 'payload too big' });

    const error = await rejection(invokeAsync('push-worker', '{}', credentials, fake.target));

    expect(error).toMatchObject({ code: 'EntityTooLarge', retryable: false, httpStatus: 400 });
    expect(error.message).toContain('payload too big');
  });

  it('redacts credentials that a server quotes back in its error message', async () => {
    fake.answer = (_req, res) =>
      sendJson(res, 403, {
        ErrorCode: 'InvalidSecurityToken',
        ErrorMessage: `token ${credentials.securityToken} with FC ${credentials.accessKeyId}:c2lnbmF0dXJl`,
      });

    const error = await rejection(invokeAsync('push-worker', '{}', credentials, fake.target));

    expect(error.message).not.toContain(credentials.securityToken);
    expect(error.message).not.toContain('c2lnbmF0dXJl');
    expect(error.message).toContain('[REDACTED]');
  });

  it('gives up after timeoutMs as a retryable timeout', async () => {
    fake.answer = () => undefined;
    const started = Date.now();

    const error = await rejection(
      invokeAsync('push-worker', '{}', credentials, fake.target, { timeoutMs: 200 }),
    );

    expect(error).toMatchObject({ code: 'Timeout', failure: 'timeout', retryable: true });
    // the 200 ms asked for, not the 10 s default
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.statusCode).toBe(504);
  });

  it('treats a JSON answer that is not JSON as a retryable bad response', async () => {
    fake.answer = (_req, res) =>
      res.writeHead(502, { 'content-type': 'application/json' }).end('<html>bad gateway</html>');

    const error = await rejection(invokeAsync('push-worker', '{}', credentials, fake.target));

    expect(error).toMatchObject({ code: 'BadResponse', failure: 'bad-response', retryable: true });
  });

  it('refuses a name that is not a function name without sending anything', async () => {
    const before = fake.count();

    const error = await rejection(invokeAsync('../admin', '{}', credentials, fake.target));

    expect(error).toMatchObject({
      code: 'InvalidArgument',
      failure: 'refused-locally',
      retryable: false,
      message: 'Async invocation refused: "../admin" is not a function name',
    });
    expect(fake.count()).toBe(before);
  });

  it('refuses STS keys without a token, which fc2 cannot sign, without retrying', async () => {
    const noToken = { ...credentials, securityToken: '' };

    const error = await rejection(invokeAsync('push-worker', '{}', noToken, fake.target));

    expect(error).toMatchObject({ failure: 'refused-locally', retryable: false });
    expect(error.message).toContain('securityToken');
  });
});

describe('internalEndpoint', () => {
  it('names the VPC-internal endpoint of the account and region', () => {
    expect(internalEndpoint(ACCOUNT)).toBe(
      'https://1234567890123456.cn-hangzhou-internal.fc.aliyuncs.com',
    );
  });
});

/** FC 3.0's error shape (`Code`, `Message`, `RequestId`); fc2 2.6.6 reads `ErrorCode` instead. */
function sendFc3Error(res: ServerResponse, status: number): void {
  res.setHeader('x-fc-request-id', 'fc-req');
  sendJson(res, status, { Code: 'Fc3Code', Message: 'as FC 3.0 answers', RequestId: 'fc-req' });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
