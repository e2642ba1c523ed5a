import RPCClient from '@alicloud/pop-core';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '#local/emulator/server.ts';
import {
  control,
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

function socketErrorCode(error: unknown): string {
  // fetch rejects with TypeError('fetch failed') whose cause carries the socket error.
  if (!(error instanceof Error) || !(error.cause instanceof Error)) return 'no socket error';
  return 'code' in error.cause ? String(error.cause.code) : error.cause.message;
}

describe('the emulator faults', () => {
  it('answers a queued gateway fault with the standard error body, which pop-core throws', async () => {
    // Prepare
    emulator.setFaults([{ type: 'gateway', code: 'Throttling.User', status: 400 }]);
    const client = new RPCClient({ endpoint: emulator.url, apiVersion: '2019-08-21', ...creds });

    // Act
    const failure = client.request('PushTemplate', {}, { method: 'POST' });

    // Assess
    await expect(failure).rejects.toMatchObject({
      code: 'Throttling.User',
      data: { Code: 'Throttling.User', Message: 'Request was denied due to user flow control.' },
    });
    expect(emulator.faults()).toEqual([]);
  });

  it.each([
    ['ServiceUnavailable', 503],
    ['InternalError', 500],
    ['Forbidden.RAM', 403],
  ])('answers a %s fault with its documented status %i', async (code, status) => {
    // Prepare
    emulator.setFaults([{ type: 'gateway', code }]);

    // Act
    const answer = await signedPush(emulator.url, creds);

    // Assess
    expect(answer.status).toBe(status);
    expect(answer.json).toMatchObject({ Code: code, HostId: 'mpaas.aliyuncs.com' });
    expect(emulator.pushes()).toEqual([]);
  });

  it('lets a gateway fault override the status and message of any code', async () => {
    // Prepare
    emulator.setFaults([
      { type: 'gateway', code: 'Custom.Code', status: 429, message: 'slow down' },
    ]);

    // Act
    const answer = await signedPush(emulator.url, creds);

    // Assess
    expect(answer.status).toBe(429);
    expect(answer.json).toMatchObject({ Code: 'Custom.Code', Message: 'slow down' });
  });

  it('answers an html fault with an nginx 502 page that is not JSON', async () => {
    // Prepare
    emulator.setFaults([{ type: 'html' }]);

    // Act
    const answer = await signedPush(emulator.url, creds);

    // Assess
    expect(answer.status).toBe(502);
    expect(answer.contentType).toBe('text/html');
    expect(answer.text).toContain('<title>502 Bad Gateway</title>');
    expect(() => JSON.parse(answer.text)).toThrow(SyntaxError);
  });

  it('delays the answer by at least the fault’s duration and then handles the call', async () => {
    // Prepare
    emulator.setFaults([{ type: 'delay', ms: 300 }]);
    const started = performance.now();

    // Act
    const answer = await signedPush(emulator.url, creds);

    // Assess
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(answer.json).toMatchObject({ ResultCode: 'OK' });
    expect(emulator.pushes()).toHaveLength(1);
  });

  it('resets the connection without answering or recording the push', async () => {
    // Prepare
    emulator.setFaults([{ type: 'reset' }]);

    // Act
    const error = await signedPush(emulator.url, creds).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(TypeError);
    expect(socketErrorCode(error)).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect(emulator.pushes()).toEqual([]);
  });

  it('records the push and then resets the connection for an afterAccept reset', async () => {
    // Prepare
    emulator.setFaults([{ type: 'reset', afterAccept: true }]);

    // Act
    const error = await signedPush(emulator.url, creds).catch((e: unknown) => e);

    // Assess
    expect(socketErrorCode(error)).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect(emulator.pushes()).toHaveLength(1);
  });

  it('surfaces a reset to pop-core as a rejected request', async () => {
    // Prepare
    emulator.setFaults([{ type: 'reset' }]);
    const client = new RPCClient({ endpoint: emulator.url, apiVersion: '2019-08-21', ...creds });

    // Act
    const failure = client.request('PushTemplate', {}, { method: 'POST' });

    // Assess
    await expect(failure).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('answers a result fault as a business failure after authentication', async () => {
    // Prepare
    emulator.setFaults([
      { type: 'result', resultCode: '8011', resultMessage: 'FLOW_CONTROL_ERROR' },
    ]);

    // Act
    const answer = await signedPush(emulator.url, creds);

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      ResultCode: '8011',
      ResultMessage: 'FLOW_CONTROL_ERROR',
      PushResult: { Success: false, ResultMsg: 'FLOW_CONTROL_ERROR', Data: '' },
    });
    expect(emulator.pushes()).toEqual([]);
  });

  it('names a result fault by its documented name when no message is given', async () => {
    // Prepare
    emulator.setFaults([{ type: 'result', resultCode: '9000' }]);

    // Act
    const answer = await signedPush(emulator.url, creds);

    // Assess
    expect(answer.json).toMatchObject({ ResultCode: '9000', ResultMessage: 'SYSTEM_ERROR' });
  });

  it('still refuses a badly signed call while a result fault is queued', async () => {
    // Prepare
    emulator.setFaults([{ type: 'result', resultCode: '8011' }]);

    // Act
    const answer = await postForm(emulator.url, signed('POST', pushParams(creds), 'wrong'));

    // Assess
    expect(answer.json.Code).toBe('SignatureDoesNotMatch');
  });

  it('consumes one fault per call, honouring times, then answers normally', async () => {
    // Prepare
    emulator.setFaults([
      { type: 'gateway', code: 'Throttling', times: 2 },
      { type: 'gateway', code: 'ServiceUnavailable' },
    ]);

    // Act
    const codes: unknown[] = [];
    for (let call = 0; call < 4; call += 1) {
      const answer = await signedPush(emulator.url, creds);
      codes.push(answer.json.Code ?? answer.json.ResultCode);
    }

    // Assess
    expect(codes).toEqual(['Throttling', 'Throttling', 'ServiceUnavailable', 'OK']);
  });

  it('refuses an invalid fault given in process', () => {
    // Act / Assess
    expect(() => emulator.setFaults([{ type: 'delay', ms: -1 }])).toThrow();
    expect(emulator.faults()).toEqual([]);
  });
});

describe('the emulator fault queue over HTTP', () => {
  it('queues, lists and clears faults through /_faults', async () => {
    // Prepare
    const faults = [
      { type: 'html', status: 504 },
      { type: 'reset', afterAccept: true, times: 3 },
    ];

    // Act
    const put = await control(emulator.url, 'PUT', '/_faults', { faults });
    const listed = await control(emulator.url, 'GET', '/_faults');
    const cleared = await control(emulator.url, 'DELETE', '/_faults');

    // Assess
    const expected = [
      { type: 'html', status: 504, times: 1 },
      { type: 'reset', afterAccept: true, times: 3 },
    ];
    expect(put.status).toBe(200);
    expect(put.json).toEqual({ faults: expected });
    expect(listed.json).toEqual({ faults: expected });
    expect(cleared.status).toBe(204);
    expect(emulator.faults()).toEqual([]);
  });

  it('applies a fault queued over HTTP to the next RPC call', async () => {
    // Prepare
    await control(emulator.url, 'PUT', '/_faults', { faults: [{ type: 'html', status: 504 }] });

    // Act
    const answer = await signedPush(emulator.url, creds);

    // Assess
    expect(answer.status).toBe(504);
    expect(answer.text).toContain('504 Gateway Timeout');
  });

  it.each([
    ['an unknown type', { faults: [{ type: 'explode' }] }],
    ['an unknown field', { faults: [{ type: 'reset', after: true }] }],
    ['a status outside 400-599', { faults: [{ type: 'html', status: 200 }] }],
    ['no faults list', { fault: [] }],
    ['no body', undefined],
    ['a body that is not JSON', 'faults'],
  ])('refuses %s with 400 and leaves the queue alone', async (_case, body) => {
    // Prepare
    emulator.setFaults([{ type: 'delay', ms: 1 }]);

    // Act
    const answer = await control(emulator.url, 'PUT', '/_faults', body);

    // Assess
    expect(answer.status).toBe(400);
    expect(answer.json.Code).toBe('InvalidParameter');
    expect(emulator.faults()).toEqual([{ type: 'delay', ms: 1, times: 1 }]);
  });
});
