import RPCClient from '@alicloud/pop-core';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '#local/emulator/server.ts';
import {
  control,
  getQuery,
  mintOverHttp,
  postForm,
  pushParams,
  signed,
  signedPush,
  type TestCredentials,
} from '#test/local/helpers/emulator-client.ts';
import { useEmulator } from '#test/local/helpers/use-emulator.ts';

let emulator: Emulator;
let creds: TestCredentials;

useEmulator((started) => {
  emulator = started.emulator;
  creds = started.creds;
});

function popCoreClient(apiVersion = '2019-08-21'): RPCClient {
  return new RPCClient({
    endpoint: emulator.url,
    apiVersion,
    accessKeyId: creds.accessKeyId,
    accessKeySecret: creds.accessKeySecret,
    securityToken: creds.securityToken,
  });
}

const popCoreParams = {
  appId: 'ONEX570DA89211721',
  workspaceId: 'default',
  deliveryType: 3,
  targetMsgkey: JSON.stringify({ user1024: 'msg-0001', user2048: 'msg-0002' }),
  expiredSeconds: 300,
  templateName: 'template1024',
  taskName: 'pop-core test',
  templateKeyValue: JSON.stringify({ name: '张三', money: 200 }),
  extendedParams: JSON.stringify({ orderId: 'A-1' }),
};

describe('the emulator with a pop-core client', () => {
  it('accepts a PushTemplate signed by pop-core over a POST form body and records it', async () => {
    // Prepare
    const client = popCoreClient();

    // Act
    const body = await client.request<Record<string, unknown>>('PushTemplate', popCoreParams, {
      method: 'POST',
    });

    // Assess
    expect(body).toMatchObject({
      ResultCode: 'OK',
      ResultMessage: 'param is valid',
      PushResult: { Success: true, ResultMsg: 'success', Data: '' },
    });
    const [push, ...others] = emulator.pushes();
    expect(others).toEqual([]);
    expect(push).toMatchObject({
      requestId: body.RequestId,
      action: 'PushTemplate',
      apiVersion: '2019-08-21',
      accessKeyId: creds.accessKeyId,
      title: 'Congratulations 张三',
      text: 'Hello 张三, congratulations on winning 200 yuan',
      params: {
        AppId: 'ONEX570DA89211721',
        WorkspaceId: 'default',
        DeliveryType: '3',
        TargetMsgkey: { user1024: 'msg-0001', user2048: 'msg-0002' },
        TemplateKeyValue: { name: '张三', money: 200 },
        ExtendedParams: { orderId: 'A-1' },
      },
    });
  });

  it('accepts a pop-core GET with everything in the query string on API version 2020-10-28', async () => {
    // Prepare
    const client = popCoreClient('2020-10-28');

    // Act
    const body = await client.request<Record<string, unknown>>('PushTemplate', popCoreParams);

    // Assess
    expect(body).toMatchObject({ ResultCode: 'OK', PushResult: { Success: true } });
    expect(emulator.pushes().map((p) => p.apiVersion)).toEqual(['2020-10-28']);
  });

  it('makes pop-core throw with the gateway code for credentials it never issued', async () => {
    // Prepare
    const client = new RPCClient({
      endpoint: emulator.url,
      apiVersion: '2019-08-21',
      accessKeyId: 'STS.unknown',
      accessKeySecret: 'secret',
      securityToken: 'token',
    });

    // Act
    const failure = client.request('PushTemplate', popCoreParams, { method: 'POST' });

    // Assess
    await expect(failure).rejects.toMatchObject({
      code: 'InvalidAccessKeyId.NotFound',
      data: { Code: 'InvalidAccessKeyId.NotFound', HostId: 'mpaas.aliyuncs.com' },
    });
    expect(emulator.pushes()).toEqual([]);
  });
});

describe('the emulator push record', () => {
  it('lists accepted pushes over GET /_pushes without any token, secret or signature', async () => {
    // Prepare
    const request = signed('POST', pushParams(creds), creds.accessKeySecret);
    await postForm(emulator.url, request);

    // Act
    const answer = await control(emulator.url, 'GET', '/_pushes');

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ pushes: emulator.pushes() });
    expect(emulator.pushes()).toHaveLength(1);
    for (const secret of [creds.securityToken, creds.accessKeySecret, request.Signature ?? '']) {
      expect(answer.text).not.toContain(secret);
      expect(answer.text).not.toContain(encodeURIComponent(secret));
    }
    expect(answer.text).not.toMatch(/SecurityToken|Signature|Timestamp/);
  });

  it('forgets accepted pushes after DELETE /_pushes', async () => {
    // Prepare
    await signedPush(emulator.url, creds);
    expect(emulator.pushes()).toHaveLength(1);

    // Act
    const answer = await control(emulator.url, 'DELETE', '/_pushes');

    // Assess
    expect(answer.status).toBe(204);
    expect((await control(emulator.url, 'GET', '/_pushes')).json).toEqual({ pushes: [] });
  });

  it('records the time of receipt on the emulator clock', async () => {
    // Prepare
    const before = Date.now();

    // Act
    await signedPush(emulator.url, creds);

    // Assess
    const receivedAt = Date.parse(emulator.pushes()[0]?.receivedAt ?? '');
    expect(receivedAt).toBeGreaterThanOrEqual(before);
    expect(receivedAt).toBeLessThanOrEqual(Date.now());
  });

  it('hands out copies, so a test cannot alter the record by accident', async () => {
    // Prepare
    await signedPush(emulator.url, creds);
    const [first] = emulator.pushes();
    if (first === undefined) throw new Error('no push recorded');

    // Act
    first.text = 'changed';

    // Assess
    expect(emulator.pushes()[0]?.text).toBe('Hello Ana, congratulations on winning 200 yuan');
  });
});

describe('the emulator STS endpoint', () => {
  it('mints distinct STS credentials with an expiration one hour ahead by default', async () => {
    // Act
    const [a, b] = await Promise.all([mintOverHttp(emulator.url), mintOverHttp(emulator.url)]);

    // Assess
    expect(a.accessKeyId).toMatch(/^STS\.[A-Za-z0-9]{24}$/);
    expect(a.accessKeyId).not.toBe(b.accessKeyId);
    expect(a.securityToken).not.toBe(b.securityToken);
    const lifetime = Date.parse(a.expiration) - Date.now();
    expect(lifetime).toBeGreaterThan(3590_000);
    expect(lifetime).toBeLessThanOrEqual(3600_000);
  });

  it('honours a requested duration', async () => {
    // Act
    const minted = await mintOverHttp(emulator.url, 60);

    // Assess
    const lifetime = Date.parse(minted.expiration) - Date.now();
    expect(lifetime).toBeGreaterThan(50_000);
    expect(lifetime).toBeLessThanOrEqual(60_000);
  });

  it('refuses a body that is not JSON or has unknown fields', async () => {
    // Act
    const notJson = await control(emulator.url, 'POST', '/_sts', '{durationSeconds');
    const unknownField = await control(emulator.url, 'POST', '/_sts', { duration: 5 });

    // Assess
    expect(notJson.status).toBe(400);
    expect(notJson.json.Code).toBe('InvalidParameter');
    expect(unknownField.status).toBe(400);
    expect(String(unknownField.json.Message)).toContain('duration');
  });
});

describe('the emulator routing', () => {
  it('answers an unknown route with a 404 JSON body', async () => {
    // Act
    const answer = await control(emulator.url, 'GET', '/nowhere');

    // Assess
    expect(answer.status).toBe(404);
    expect(answer.contentType).toContain('application/json');
    expect(answer.json).toMatchObject({ Code: 'NotFound', Message: 'No route for GET /nowhere.' });
  });

  it('refuses a body larger than the limit with 413', async () => {
    // Prepare
    const params = pushParams(creds, { Padding: 'x'.repeat(1024 * 1024) });

    // Act
    const answer = await postForm(emulator.url, params);

    // Assess
    expect(answer.status).toBe(413);
    expect(answer.json.Code).toBe('RequestEntityTooLarge');
  });

  it('accepts a signed GET whose parameters are all in the query string', async () => {
    // Prepare
    const params = signed('GET', pushParams(creds), creds.accessKeySecret);

    // Act
    const answer = await getQuery(emulator.url, params);

    // Assess
    expect(answer.json).toMatchObject({ ResultCode: 'OK' });
    expect(emulator.pushes()).toHaveLength(1);
  });

  it('accepts a POST that splits common parameters into the query and the rest into the body', async () => {
    // Prepare
    const all = signed('POST', pushParams(creds), creds.accessKeySecret);
    const common = ['Action', 'Version', 'Format', 'AccessKeyId', 'SecurityToken', 'Signature'];
    const query = new URLSearchParams(common.map((k): [string, string] => [k, all[k] ?? '']));
    const body = new URLSearchParams(Object.entries(all).filter(([k]) => !common.includes(k)));

    // Act
    const response = await fetch(`${emulator.url}/?${query.toString()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      body: body.toString(),
    });

    // Assess
    expect(await response.json()).toMatchObject({ ResultCode: 'OK' });
  });
});
