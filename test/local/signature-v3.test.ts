/**
 * Signature V3 (ACS3-HMAC-SHA256) in the mPaaS emulator (#13): the signer checked against the
 * published example, the emulator heard by the official client (`@alicloud/openapi-client`, the
 * core of every generated Alibaba Cloud SDK for Node.js) and refusing what the gateway refuses,
 * by the same rules as V1: replayed nonces, a stale clock, another body, another token.
 */
import { randomUUID } from 'node:crypto';
import * as $OpenApi from '@alicloud/openapi-client';
import * as $Util from '@alicloud/tea-util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import { canonicalRequest, sha256Hex, signV3 } from '#local/emulator/signature-v3.ts';

/**
 * The client class: a CommonJS module's `default` export, which Node's ESM interop puts at
 * `.default.default` and vitest's at `.default`.
 */
type ClientClass = typeof $OpenApi.default.default;
const exported: unknown = $OpenApi.default;
const OpenApiClient = (
  typeof exported === 'function' ? exported : Reflect.get(Object(exported), 'default')
) as ClientClass;

const BUSINESS = {
  AppId: 'ONEX570DA89211721',
  WorkspaceId: 'default',
  DeliveryType: '3',
  TargetMsgkey: JSON.stringify({ user1024: 'v3-0001' }),
  ExpiredSeconds: '300',
  TemplateName: 'Test template',
  TaskName: 'v3 test',
  TemplateKeyValue: JSON.stringify({ name: 'Ana', money: '200' }),
};

describe('signV3 and canonicalRequest', () => {
  it("reproduce the signature of Alibaba Cloud's published V3 example", () => {
    // help.aliyun.com/zh/model-studio/roa-style-request-body-signature-mechanism (and the V3
    // document's request-structure example): RunInstances, POST, the query below, empty body,
    // AccessKeySecret "YourAccessKeySecret"
    const request = {
      method: 'POST',
      path: '/',
      query: new URLSearchParams({
        ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd',
        RegionId: 'cn-shanghai',
      }),
      headers: {
        host: 'ecs.cn-shanghai.aliyuncs.com',
        'x-acs-action': 'RunInstances',
        'x-acs-content-sha256': sha256Hex(''),
        'x-acs-date': '2023-10-26T09:01:01Z',
        'x-acs-signature-nonce': 'd410180a5abf7fe235dd9b74aca91fc0',
        'x-acs-version': '2014-05-26',
      },
      body: Buffer.alloc(0),
    };
    const signed = Object.keys(request.headers);

    expect(signV3('YourAccessKeySecret', canonicalRequest(request, signed))).toBe(
      'e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804',
    );
  });
});

describe('the mPaaS emulator with V3-signed calls', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.clearPushes());

  const host = () => new URL(emulator.url).host;

  it('takes a PushTemplate from the official client, signed with STS credentials', async () => {
    const credentials = emulator.mintCredentials();
    const client = new OpenApiClient(
      new $OpenApi.Config({ ...credentials, endpoint: host(), protocol: 'http' }),
    );
    const params = new $OpenApi.Params({
      action: 'PushTemplate',
      version: '2020-10-28',
      protocol: 'HTTP',
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    });

    const answer = await client.callApi(
      params,
      new $OpenApi.OpenApiRequest({ body: BUSINESS }),
      new $Util.RuntimeOptions({}),
    );

    expect(answer.body).toMatchObject({ ResultCode: 'OK', PushResult: { Success: true } });
    expect(emulator.pushes()).toMatchObject([
      {
        apiVersion: '2020-10-28',
        accessKeyId: credentials.accessKeyId,
        params: { TaskName: 'v3 test' },
      },
    ]);
  });

  /** A V3-signed PushTemplate, as a fetch init, with `change` applied after signing. */
  function signedInit(
    credentials: { accessKeyId: string; accessKeySecret: string; securityToken: string },
    options: { date?: string; secret?: string; nonce?: string } = {},
  ) {
    const body = Buffer.from(new URLSearchParams(BUSINESS).toString());
    const headers: Record<string, string> = {
      host: host(),
      'content-type': 'application/x-www-form-urlencoded',
      'x-acs-action': 'PushTemplate',
      'x-acs-version': '2020-10-28',
      'x-acs-date': options.date ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      'x-acs-signature-nonce': options.nonce ?? randomUUID(),
      'x-acs-content-sha256': sha256Hex(body),
      'x-acs-security-token': credentials.securityToken,
    };
    const names = Object.keys(headers);
    const request = { method: 'POST', path: '/', query: new URLSearchParams(), headers, body };
    const signature = signV3(
      options.secret ?? credentials.accessKeySecret,
      canonicalRequest(request, names),
    );
    return {
      body,
      headers: {
        ...headers,
        authorization: `ACS3-HMAC-SHA256 Credential=${credentials.accessKeyId},SignedHeaders=${names.sort().join(';')},Signature=${signature}`,
      },
    };
  }

  async function send(init: { body: Buffer | string; headers: Record<string, string> }) {
    const { host: _host, ...headers } = init.headers;
    const response = await fetch(`${emulator.url}/`, { method: 'POST', headers, body: init.body });
    return (await response.json()) as Record<string, unknown>;
  }

  it('takes a call signed by this module, and refuses the same nonce twice', async () => {
    const init = signedInit(emulator.mintCredentials());

    expect(await send(init)).toMatchObject({ ResultCode: 'OK' });
    expect(await send(init)).toMatchObject({ Code: 'SignatureNonceUsed' });
  });

  it('refuses another secret, a stale date, a changed body and another token', async () => {
    const credentials = emulator.mintCredentials();
    const stale = new Date(Date.now() - 20 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const changed = signedInit(credentials);
    const tokenSwap = signedInit({
      ...credentials,
      securityToken: emulator.mintCredentials().securityToken,
    });

    expect(await send(signedInit(credentials, { secret: 'not-the-secret' }))).toMatchObject({
      Code: 'SignatureDoesNotMatch',
    });
    expect(await send(signedInit(credentials, { date: stale }))).toMatchObject({
      Code: 'InvalidTimeStamp.Expired',
    });
    expect(
      await send({ ...changed, body: `${changed.body.toString()}&TaskName=other` }),
    ).toMatchObject({
      Code: 'IncompleteSignature',
    });
    expect(await send(tokenSwap)).toMatchObject({
      Code: 'InvalidSecurityToken.MismatchWithAccessKey',
    });
    expect(emulator.pushes()).toHaveLength(0);
  });

  it('refuses a call whose x-acs headers are not all signed', async () => {
    const init = signedInit(emulator.mintCredentials());
    const authorization = init.headers.authorization.replace(';x-acs-version', '');

    expect(await send({ ...init, headers: { ...init.headers, authorization } })).toMatchObject({
      Code: 'IncompleteSignature',
    });
  });
});
