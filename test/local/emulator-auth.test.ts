import { describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import {
  mintOverHttp,
  postForm,
  pushParams,
  type RawAnswer,
  signed,
  signedPush,
  type TestCredentials,
  testStringToSign,
  timestamp,
} from '#test/local/helpers/emulator-client.ts';
import { useEmulator } from '#test/local/helpers/use-emulator.ts';

let emulator: Emulator;
let creds: TestCredentials;

useEmulator((started) => {
  emulator = started.emulator;
  creds = started.creds;
});

function expectGatewayError(answer: RawAnswer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.json).toMatchObject({ Code: code, HostId: 'mpaas.aliyuncs.com' });
  expect(Object.keys(answer.json).sort()).toEqual([
    'Code',
    'HostId',
    'Message',
    'Recommend',
    'RequestId',
  ]);
  expect(answer.json.RequestId).toMatch(/^[0-9A-F-]{36}$/);
}

describe('the emulator gateway authentication', () => {
  it('answers SignatureDoesNotMatch with the server string to sign when a parameter is tampered', async () => {
    // Prepare
    const request = signed('POST', pushParams(creds), creds.accessKeySecret);
    const tampered = { ...request, TemplateName: 'template1024' };

    // Act
    const answer = await postForm(emulator.url, tampered);

    // Assess
    expectGatewayError(answer, 400, 'SignatureDoesNotMatch');
    expect(answer.json.Message).toBe(
      `Specified signature is not matched with our calculation. server string to sign is:${testStringToSign('POST', tampered)}`,
    );
    expect(emulator.pushes()).toEqual([]);
  });

  it('answers SignatureDoesNotMatch for a request signed with the wrong secret', async () => {
    // Act
    const answer = await postForm(emulator.url, signed('POST', pushParams(creds), 'wrong'));

    // Assess
    expectGatewayError(answer, 400, 'SignatureDoesNotMatch');
  });

  it('answers IncompleteSignature with the server string to sign for an unsigned request', async () => {
    // Prepare
    const unsigned = pushParams(creds);

    // Act
    const answer = await postForm(emulator.url, unsigned);

    // Assess
    expectGatewayError(answer, 400, 'IncompleteSignature');
    expect(String(answer.json.Message)).toContain(
      `server string to sign is:${testStringToSign('POST', unsigned)}`,
    );
  });

  it('answers IncompleteSignature for a bare request before naming any missing parameter', async () => {
    // Act
    const answer = await postForm(emulator.url, { Action: 'PushTemplate' });

    // Assess
    expectGatewayError(answer, 400, 'IncompleteSignature');
  });

  it.each(['AccessKeyId', 'SignatureNonce', 'SignatureMethod', 'SignatureVersion'])(
    'answers Missing%s when that parameter is absent',
    async (name) => {
      // Act
      const answer = await signedPush(emulator.url, creds, { [name]: undefined });

      // Assess
      expectGatewayError(answer, 400, `Missing${name}`);
      expect(answer.json.Message).toBe(`${name} is mandatory for this action.`);
    },
  );

  it.each([
    ['SignatureMethod', 'HMAC-SHA256'],
    ['SignatureVersion', '2.0'],
  ])('answers IncompleteSignature for %s %s', async (name, value) => {
    // Act
    const answer = await signedPush(emulator.url, creds, { [name]: value });

    // Assess
    expectGatewayError(answer, 400, 'IncompleteSignature');
  });

  it('answers InvalidAccessKeyId.NotFound with 404 for a key it never issued', async () => {
    // Prepare
    const stranger = { ...creds, accessKeyId: 'STS.neverIssued' };

    // Act
    const answer = await signedPush(emulator.url, stranger);

    // Assess
    expectGatewayError(answer, 404, 'InvalidAccessKeyId.NotFound');
  });

  it('answers MissingSecurityToken for an STS key sent without its token', async () => {
    // Act
    const answer = await signedPush(emulator.url, creds, { SecurityToken: undefined });

    // Assess
    expectGatewayError(answer, 400, 'MissingSecurityToken');
  });

  it('answers InvalidSecurityToken.MismatchWithAccessKey for another key’s token', async () => {
    // Prepare
    const other = await mintOverHttp(emulator.url);

    // Act
    const answer = await signedPush(emulator.url, creds, { SecurityToken: other.securityToken });

    // Assess
    expectGatewayError(answer, 400, 'InvalidSecurityToken.MismatchWithAccessKey');
  });

  it('answers InvalidSecurityToken.Expired for credentials past their expiration', async () => {
    // Prepare
    const expired = await mintOverHttp(emulator.url, -1);

    // Act
    const answer = await signedPush(emulator.url, expired);

    // Assess
    expectGatewayError(answer, 400, 'InvalidSecurityToken.Expired');
  });

  it.each([
    ['missing', undefined],
    ['with milliseconds', '2024-05-01T08:00:00.000Z'],
    ['without a zone', '2024-05-01T08:00:00'],
    ['impossible', '2024-13-45T08:00:00Z'],
  ])('answers InvalidTimeStamp.Format for a timestamp that is %s', async (_case, value) => {
    // Act
    const answer = await signedPush(emulator.url, creds, { Timestamp: value });

    // Assess
    expectGatewayError(answer, 400, 'InvalidTimeStamp.Format');
  });

  it.each([
    ['behind', -16],
    ['ahead', 16],
  ])('answers InvalidTimeStamp.Expired for a clock 16 minutes %s', async (_case, minutes) => {
    // Prepare
    const skewed = timestamp(new Date(Date.now() + minutes * 60_000));

    // Act
    const answer = await signedPush(emulator.url, creds, { Timestamp: skewed });

    // Assess
    expectGatewayError(answer, 400, 'InvalidTimeStamp.Expired');
  });

  it('accepts a timestamp 14 minutes behind', async () => {
    // Prepare
    const late = timestamp(new Date(Date.now() - 14 * 60_000));

    // Act
    const answer = await signedPush(emulator.url, creds, { Timestamp: late });

    // Assess
    expect(answer.json).toMatchObject({ ResultCode: 'OK' });
  });

  it('answers SignatureNonceUsed when a signed request is replayed', async () => {
    // Prepare
    const request = signed('POST', pushParams(creds), creds.accessKeySecret);
    const first = await postForm(emulator.url, request);

    // Act
    const replay = await postForm(emulator.url, request);

    // Assess
    expect(first.json).toMatchObject({ ResultCode: 'OK' });
    expectGatewayError(replay, 400, 'SignatureNonceUsed');
  });

  it('does not let a forged request burn the nonce of a genuine one', async () => {
    // Prepare
    const genuine = signed('POST', pushParams(creds), creds.accessKeySecret);
    await postForm(emulator.url, { ...genuine, Signature: 'forged' });

    // Act
    const answer = await postForm(emulator.url, genuine);

    // Assess
    expect(answer.json).toMatchObject({ ResultCode: 'OK' });
  });

  it('answers InvalidVersion for an API version without PushTemplate', async () => {
    // Act
    const answer = await signedPush(emulator.url, creds, { Version: '2014-05-26' });

    // Assess
    expectGatewayError(answer, 400, 'InvalidVersion');
  });

  it('answers InvalidApi.NotFound with 404 for an unknown action', async () => {
    // Act
    const answer = await signedPush(emulator.url, creds, { Action: 'PushEverything' });

    // Assess
    expectGatewayError(answer, 404, 'InvalidApi.NotFound');
  });
});

describe('the emulator gateway check order', () => {
  it('reports an expired token to a caller whose signature is valid, so it refreshes', async () => {
    // Prepare
    const expired = await mintOverHttp(emulator.url, 0);

    // Act
    const answer = await postForm(
      emulator.url,
      signed('POST', pushParams(expired), expired.accessKeySecret),
    );

    // Assess
    expectGatewayError(answer, 400, 'InvalidSecurityToken.Expired');
  });

  it('says nothing about a token to a caller without the key’s secret: the signature comes first', async () => {
    // Prepare: an expired token, and another key's token, each sent with a wrong secret
    const expired = await mintOverHttp(emulator.url, 0);
    const other = await mintOverHttp(emulator.url);

    // Act
    const expiredAnswer = await postForm(
      emulator.url,
      signed('POST', pushParams(expired), 'wrong'),
    );
    const mismatchAnswer = await postForm(
      emulator.url,
      signed('POST', pushParams(creds, { SecurityToken: other.securityToken }), 'wrong'),
    );

    // Assess: the same answer as any bad signature, whether the token is expired, foreign or right
    expectGatewayError(expiredAnswer, 400, 'SignatureDoesNotMatch');
    expectGatewayError(mismatchAnswer, 400, 'SignatureDoesNotMatch');
  });

  it('reports a skewed timestamp before a bad signature', async () => {
    // Prepare
    const skewed = timestamp(new Date(Date.now() - 3_600_000));

    // Act
    const answer = await postForm(
      emulator.url,
      signed('POST', pushParams(creds, { Timestamp: skewed }), 'wrong'),
    );

    // Assess
    expectGatewayError(answer, 400, 'InvalidTimeStamp.Expired');
  });

  it('reports a replayed nonce only for a correctly signed request', async () => {
    // Prepare
    const request = signed('POST', pushParams(creds), creds.accessKeySecret);
    await postForm(emulator.url, request);

    // Act
    const replayTampered = await postForm(emulator.url, { ...request, TaskName: 'other' });

    // Assess
    expectGatewayError(replayTampered, 400, 'SignatureDoesNotMatch');
  });

  it('authenticates before it looks up the action', async () => {
    // Act
    const answer = await postForm(
      emulator.url,
      signed('POST', pushParams(creds, { Action: 'Nope' }), 'wrong'),
    );

    // Assess
    expectGatewayError(answer, 400, 'SignatureDoesNotMatch');
  });
});

describe('the emulator gateway authentication with an injected clock', () => {
  it('judges timestamps and token expiry by the injected clock', async () => {
    // Prepare
    let now = new Date('2030-01-01T00:00:00Z');
    const frozen = await startEmulator({ now: () => now, stsDurationSeconds: 900 });
    const minted = frozen.mintCredentials();
    const at = (date: Date) => ({ Timestamp: timestamp(date) });

    try {
      // Act
      const onTime = await signedPush(frozen.url, minted, at(now));
      const realClock = await signedPush(frozen.url, minted, at(new Date()));
      now = new Date('2030-01-01T00:15:00Z');
      const afterExpiry = await signedPush(frozen.url, minted, at(now));

      // Assess
      expect(minted.expiration).toBe('2030-01-01T00:15:00.000Z');
      expect(onTime.json).toMatchObject({ ResultCode: 'OK' });
      expectGatewayError(realClock, 400, 'InvalidTimeStamp.Expired');
      expectGatewayError(afterExpiry, 400, 'InvalidSecurityToken.Expired');
    } finally {
      await frozen.close();
    }
  });
});
