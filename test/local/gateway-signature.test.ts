import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import Fc2Client from '@alicloud/fc2/lib/client.js';
import * as $Fc3 from '@alicloud/fc20230330';
import * as $OpenApi from '@alicloud/openapi-client';
import * as $Util from '@alicloud/tea-util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import {
  type CredentialLookup,
  fcContentMd5,
  type SignedRequest,
  verifyFcSignature,
} from '#local/gateway/fc-signature.ts';
import type { RoleCredentials } from '#local/gateway/runtime.ts';
import { type Gateway, type GatewayOptions, startGateway } from '#local/gateway/server.ts';
import { type Minter, stsMinter } from '#local/sts-client.ts';

const fixtures = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/functions',
);
const INVOKE_PATH = '/2023-03-30/functions/echo/invocations';

/** The FC 3.0 client class: a CommonJS default export (`.default` under vitest, `.default.default` in Node). */
type Fc3ClientClass = typeof $Fc3.default.default;
const fc3Export: unknown = $Fc3.default;
const Fc3Client = (
  typeof fc3Export === 'function' ? fc3Export : Reflect.get(Object(fc3Export), 'default')
) as Fc3ClientClass;

async function streamText(body: unknown): Promise<string> {
  if (!(body instanceof Readable)) return String(body);
  let text = '';
  for await (const chunk of body) text += String(chunk);
  return text;
}

interface Fc2Response {
  headers: Record<string, string>;
  data: unknown;
}
interface Fc2 {
  version: string;
  post(path: string, body: string, headers: Record<string, string>, q: null): Promise<Fc2Response>;
}
// The parts of fc2 2.6.6 these tests drive: its signer, and a client as fc-invoker builds one.
const Fc2Class = Fc2Client as unknown as {
  new (accountId: string, config: Record<string, unknown>): Fc2;
  getSignature(
    id: string,
    secret: string,
    method: string,
    signedPath: string,
    headers: Record<string, string>,
    queries: Record<string, string> | null,
  ): string;
};

const KEY = {
  accessKeyId: 'STS.unit',
  accessKeySecret: 'unit-secret',
  securityToken: 'CAIS+unit/token=',
};
const lookup: CredentialLookup = (id) => (id === KEY.accessKeyId ? KEY : undefined);
const NOW = Date.parse('2026-03-01T08:00:00Z');

/** A request with the headers fc2's `request` sets, signed by fc2's own `getSignature`. */
function fc2Signed(
  options: {
    body?: string;
    path?: string;
    queries?: Record<string, string>;
    key?: RoleCredentials;
    now?: number;
  } = {},
) {
  const key = options.key ?? KEY;
  const body = Buffer.from(options.body ?? '{"hello":"world"}');
  const md5Hex = createHash('md5').update(body).digest('hex');
  const headers: Record<string, string> = {
    accept: 'application/json',
    date: new Date(options.now ?? NOW).toUTCString(),
    host: '1234567890123456.cn-hangzhou-internal.fc.aliyuncs.com',
    'x-fc-account-id': '1234567890123456',
    'x-fc-security-token': key.securityToken,
    'x-fc-invocation-type': 'Async',
    'content-type': 'application/octet-stream',
    'content-length': String(body.length),
    'content-md5': Buffer.from(md5Hex).toString('base64'),
  };
  const signedPath = options.path ?? INVOKE_PATH;
  headers.authorization = Fc2Class.getSignature(
    key.accessKeyId,
    key.accessKeySecret,
    'POST',
    signedPath,
    headers,
    options.queries ?? null,
  );
  return { method: 'POST', path: signedPath, headers, body } satisfies SignedRequest;
}

const verify = (req: SignedRequest, now = NOW) => verifyFcSignature(req, lookup, { now });

describe('verifyFcSignature', () => {
  it('accepts a request signed by fc2 getSignature and names its key', () => {
    expect(verify(fc2Signed())).toEqual({ ok: true, accessKeyId: KEY.accessKeyId });
  });

  it('accepts header names in any letter case', () => {
    const req = fc2Signed();
    const upper = Object.fromEntries(
      Object.entries(req.headers).map(([name, value]) => [name.toUpperCase(), value]),
    );

    expect(verify({ ...req, headers: upper }).ok).toBe(true);
  });

  it('leaves the qualifier query out of an invocation signature, as fc2 does', () => {
    const req = fc2Signed();

    expect(verify({ ...req, path: `${INVOKE_PATH}?qualifier=prod` }).ok).toBe(true);
  });

  it('signs the sorted query of /proxy/ paths, as fc2 does', () => {
    const proxyPath = '/2016-08-15/proxy/svc/fn/path';
    const req = fc2Signed({ path: proxyPath, queries: { b: '2', a: 'x y' } });

    expect(verify({ ...req, path: `${proxyPath}?b=2&a=x%20y` }).ok).toBe(true);
    expect(verify({ ...req, path: `${proxyPath}?b=3&a=x%20y` })).toMatchObject({
      code: 'SignatureNotMatch',
    });
  });

  it('signs the decoded path, as FC documents, and keeps a path that does not decode', () => {
    const spaced = fc2Signed({ path: '/2016-08-15/proxy/svc/fn/a b', queries: {} });
    const broken = fc2Signed({ path: '/2016-08-15/proxy/svc/fn/%E0%A4%A', queries: {} });

    expect(verify({ ...spaced, path: '/2016-08-15/proxy/svc/fn/a%20b' }).ok).toBe(true);
    expect(verify(broken).ok).toBe(true);
  });

  it('refuses a body that does not match content-md5', () => {
    const req = fc2Signed({ body: '{"amount":1}' });

    const verdict = verify({ ...req, body: Buffer.from('{"amount":9}') });

    expect(verdict).toMatchObject({ ok: false, status: 403, code: 'InvalidDigest' });
  });

  it('refuses a body without content-md5, which is all that ties it to the signature', () => {
    const { 'content-md5': _dropped, ...headers } = fc2Signed().headers;

    expect(verify({ ...fc2Signed(), headers })).toMatchObject({ code: 'MissingRequiredHeader' });
  });

  it.each([
    ['an x-fc header', { 'x-fc-invocation-type': 'Sync' }, {}],
    ['the content-type', { 'content-type': 'application/json' }, {}],
    ['the path', {}, { path: '/2023-03-30/functions/flaky/invocations' }],
    ['the method', {}, { method: 'PUT' }],
  ])('refuses a request whose %s changed after signing', (_what, headerChange, requestChange) => {
    const req = fc2Signed();

    const verdict = verify({
      ...req,
      ...requestChange,
      headers: { ...req.headers, ...headerChange },
    });

    expect(verdict).toMatchObject({ ok: false, status: 403, code: 'SignatureNotMatch' });
  });

  it('refuses a date more than 15 minutes away, either way, and accepts one within', () => {
    const req = fc2Signed();
    const minutes = (n: number) => NOW + n * 60_000;

    expect(verify(req, minutes(16))).toMatchObject({ status: 403, code: 'RequestTimeTooSkewed' });
    expect(verify(req, minutes(-16))).toMatchObject({ code: 'RequestTimeTooSkewed' });
    expect(verify(req, minutes(14)).ok).toBe(true);
  });

  it('refuses a missing or unreadable date', () => {
    const { date: _dropped, ...headers } = fc2Signed().headers;

    expect(verify({ ...fc2Signed(), headers })).toMatchObject({ code: 'MissingRequiredHeader' });
    expect(verify({ ...fc2Signed(), headers: { ...headers, date: 'yesterday' } })).toMatchObject({
      code: 'InvalidArgument',
    });
  });

  it('refuses a key it never issued', () => {
    const verdict = verifyFcSignature(fc2Signed(), () => undefined, { now: NOW });

    expect(verdict).toMatchObject({ status: 403, code: 'InvalidAccessKeyID' });
  });

  it('refuses a security token that is missing or belongs to another key', () => {
    const { 'x-fc-security-token': _dropped, ...headers } = fc2Signed().headers;
    const other = { ...fc2Signed().headers, 'x-fc-security-token': 'CAISother' };

    expect(verify({ ...fc2Signed(), headers })).toMatchObject({ code: 'MissingSecurityToken' });
    expect(verify({ ...fc2Signed(), headers: other })).toMatchObject({
      status: 403,
      code: 'InvalidSecurityToken',
    });
  });

  it('refuses a signature made with another secret, quoting neither secret nor token', () => {
    const verdict = verifyFcSignature(
      fc2Signed(),
      () => ({ accessKeySecret: 'the-real-secret', securityToken: KEY.securityToken }),
      { now: NOW },
    );

    expect(verdict).toMatchObject({ ok: false, status: 403, code: 'SignatureNotMatch' });
    const text = JSON.stringify(verdict);
    for (const secret of ['the-real-secret', KEY.accessKeySecret, KEY.securityToken])
      expect(text).not.toContain(secret);
  });

  it('refuses an unsigned request and an authorization of another scheme', () => {
    const { authorization, ...headers } = fc2Signed().headers;
    const acs3 = `ACS3-HMAC-SHA256 Credential=${KEY.accessKeyId},Signature=${authorization}`;

    expect(verify({ ...fc2Signed(), headers })).toMatchObject({ code: 'AccessDenied' });
    expect(verify({ ...fc2Signed(), headers: { ...headers, authorization: acs3 } })).toMatchObject({
      status: 403,
      code: 'InvalidSignature',
    });
  });

  it('computes content-md5 as fc2 does: base64 of the hex digest', () => {
    expect(fcContentMd5(Buffer.alloc(0))).toBe(
      Buffer.from('d41d8cd98f00b204e9800998ecf8427e').toString('base64'),
    );
  });
});

describe('stsMinter', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('remembers what it minted, up to `remember`, forgetting the oldest first', async () => {
    const mint = stsMinter(emulator.url, { remember: 2 });

    const first = await mint();
    const second = await mint();
    const third = await mint();

    expect(mint.lookup(first.accessKeyId)).toBeUndefined();
    expect(mint.lookup(second.accessKeyId)).toEqual({
      accessKeySecret: second.accessKeySecret,
      securityToken: second.securityToken,
    });
    expect(mint.lookup(third.accessKeyId)?.accessKeySecret).toBe(third.accessKeySecret);
    expect(mint.lookup('STS.never')).toBeUndefined();
  });

  it('fails loudly when STS answers an error or no keys', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/bad/_sts') res.writeHead(500).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    await expect(stsMinter(`${base}/bad`)()).rejects.toThrow('HTTP 500');
    await expect(stsMinter(base)()).rejects.toThrow('lacks keys');
    server.close();
  });
});

describe('local gateway: signatures on the invoke API', () => {
  let emulator: Emulator;
  let minter: Minter;
  const gateways: Gateway[] = [];
  beforeAll(async () => {
    emulator = await startEmulator();
    minter = stsMinter(emulator.url);
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.close();
    await emulator.close();
  });

  async function gatewayWith(options: Partial<GatewayOptions> = {}): Promise<Gateway> {
    const gateway = await startGateway({
      distDir: fixtures,
      credentials: minter,
      httpFunction: 'echo',
      ...options,
    });
    gateways.push(gateway);
    return gateway;
  }

  /** A sync invocation of `echo` through fc2 itself, as fc-invoker configures it. */
  async function fc2Invoke(gateway: Gateway, credentials: RoleCredentials) {
    const client = new Fc2Class('1234567890123456', {
      accessKeyID: credentials.accessKeyId,
      accessKeySecret: credentials.accessKeySecret,
      securityToken: credentials.securityToken,
      region: 'cn-hangzhou',
      endpoint: gateway.url,
    });
    client.version = '2023-03-30';
    return client.post('/functions/echo/invocations', 'signed event', {}, null);
  }

  /** What the gateway answers to an fc2-signed request, its refusal readable (fc2 drops it). */
  async function signedFetch(gateway: Gateway, key: RoleCredentials) {
    const req = fc2Signed({ key, now: Date.now() });
    const response = await fetch(`${gateway.url}${req.path}`, {
      method: req.method,
      headers: req.headers,
      body: req.body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const unsigned = (gateway: Gateway, url = `${gateway.url}${INVOKE_PATH}`) =>
    fetch(url, { method: 'POST', body: 'plain' });

  it('lets unsigned requests through by default and still verifies signed ones', async () => {
    const gateway = await gatewayWith();
    const credentials = await minter();

    const plain = await unsigned(gateway);
    const signed = await fc2Invoke(gateway, credentials);
    const forged = await signedFetch(gateway, { ...credentials, accessKeySecret: 'guess' });

    expect(plain.status).toBe(200);
    expect(signed.data).toMatchObject({ event: 'signed event', functionName: 'echo' });
    expect(forged).toEqual({
      status: 403,
      body: { Code: 'SignatureNotMatch', Message: expect.any(String) },
    });
  });

  it('answers a stale signed request with 403 and FC-style JSON', async () => {
    const gateway = await gatewayWith();
    const credentials = await minter();
    const headers = fc2Signed().headers;

    const response = await fetch(`${gateway.url}${INVOKE_PATH}`, {
      method: 'POST',
      headers: { ...headers, authorization: `FC ${credentials.accessKeyId}:bm90LWl0` },
      body: '{"hello":"world"}',
    });

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      Code: 'RequestTimeTooSkewed',
      Message: expect.any(String),
    });
  });

  it('refuses unsigned invoke-API requests when signatures are required, but not the HTTP trigger', async () => {
    const gateway = await gatewayWith({ requireSignature: true });

    const invoke = await unsigned(gateway);
    const trigger = await unsigned(gateway, `${gateway.url}/anything`);
    const signed = await fc2Invoke(gateway, await minter());

    expect(invoke.status).toBe(403);
    expect(((await invoke.json()) as { Code: string }).Code).toBe('AccessDenied');
    expect(trigger.status).toBe(200);
    expect(signed.data).toMatchObject({ event: 'signed event' });
  });

  it('takes an invocation signed ACS3-HMAC-SHA256 by the official FC 3.0 client, and refuses a wrong secret (#13)', async () => {
    const gateway = await gatewayWith({ requireSignature: true });
    const credentials = await minter();
    const invoke = (key: RoleCredentials) => {
      const client = new Fc3Client(
        new $OpenApi.Config({
          ...key,
          endpoint: new URL(gateway.url).host,
          protocol: 'http',
          regionId: 'cn-hangzhou',
        }),
      );
      return client.invokeFunctionWithOptions(
        'echo',
        new $Fc3.InvokeFunctionRequest({ body: Readable.from([Buffer.from('v3 event')]) }),
        new $Fc3.InvokeFunctionHeaders({}),
        new $Util.RuntimeOptions({}),
      );
    };

    const answer = await invoke(credentials);
    const wrong = await invoke({ ...credentials, accessKeySecret: 'not-the-secret' }).catch(
      (error: unknown) => error,
    );

    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(await streamText(answer.body))).toMatchObject({ event: 'v3 event' });
    expect(wrong).toMatchObject({ code: 'SignatureNotMatch' });
  });

  it('uses credentialLookup when given, and knows no key without one or a minter', async () => {
    const explicit = await gatewayWith({ requireSignature: true, credentialLookup: lookup });
    const keyless = await gatewayWith({ credentials: async () => minter() });
    const minted = await minter();

    const byExplicitKey = await fc2Invoke(explicit, KEY);
    const byMintedKey = await signedFetch(explicit, minted);
    const byKeyless = await signedFetch(keyless, minted);

    expect(byExplicitKey.data).toMatchObject({ event: 'signed event' });
    const unknownKey = {
      status: 403,
      body: expect.objectContaining({ Code: 'InvalidAccessKeyID' }),
    };
    expect(byMintedKey).toEqual(unknownKey);
    expect(byKeyless).toEqual(unknownKey);
  });
});
