/**
 * Every reply shape the client reads: only Code, ResultCode and PushResult.Success decide the
 * outcome; null, missing and unknown fields never turn a success into a retried "bad response"
 * (issue #15, defect 1), and the deployment's refusals are told from the request's (defect 3).
 */
import { describe, expect, it } from 'vitest';
import { errorFromThrown, receiptFromBody } from '#lib/send/mpaas/outcome.ts';
import {
  gatewayCodeKind,
  MpaasBusinessError,
  MpaasGatewayError,
  MpaasTransportError,
  outcomeOf,
} from '#lib/shared/errors.ts';
import { thrownBy } from '#test/helpers/thrown.ts';

describe('receiptFromBody with null, missing and unknown fields', () => {
  it.each([
    ['PushResult.Data null', { PushResult: { Success: true, Data: null } }],
    ['ResultMessage null', { ResultMessage: null, PushResult: { Success: true } }],
    ['PushResult null', { PushResult: null }],
    ['PushResult.ResultMsg null', { PushResult: { Success: true, ResultMsg: null, Data: '' } }],
    ['RequestId null', { RequestId: null }],
    ['Code null', { Code: null }],
    ['Code empty', { Code: '' }],
    ['Message and unknown fields', { Message: null, Extra: { nested: [1] }, HostId: 7 }],
    ['ResultMessage a number', { ResultMessage: 12 }],
  ])('accepts a success with %s', (_, fields) => {
    const receipt = receiptFromBody({ RequestId: 'R', ResultCode: 'OK', ...fields }, 200);

    expect(receipt.resultCode).toBe('OK');
    expect(receipt.taskId).toBeUndefined();
  });

  it('keeps the task id of a scheduled push however the id is written', () => {
    const asNumber = receiptFromBody({ ResultCode: 'OK', PushResult: { Data: 90210 } }, 200);
    const big = { toString: () => '123456789012345678901234567890' };
    const asBigNumber = receiptFromBody({ ResultCode: 'OK', PushResult: { Data: big } }, 200);

    expect(asNumber.taskId).toBe('90210');
    expect(asBigNumber.taskId).toBe('123456789012345678901234567890');
  });

  it('still refuses when Success is false, whatever else is null', () => {
    const error = thrownBy(() =>
      receiptFromBody(
        { ResultCode: 'OK', ResultMessage: null, PushResult: { Success: false, ResultMsg: null } },
        200,
      ),
    );

    expect(error).toBeInstanceOf(MpaasBusinessError);
  });

  it.each([
    ['no ResultCode', { RequestId: 'R' }],
    ['a null ResultCode', { ResultCode: null }],
    ['an array', [{ ResultCode: 'OK' }]],
  ])('treats a body with %s as a bad response whose outcome is unknown', (_, body) => {
    const error = thrownBy(() => receiptFromBody(body, 200));

    expect(error).toBeInstanceOf(MpaasTransportError);
    expect(error).toMatchObject({ failure: 'bad-response', outcomeUnknown: true });
  });
});

describe('result codes that refuse the deployment', () => {
  it.each(['-1', '3032', '8012', '8013', '8014'])(
    'makes %s an operator error (502, not retryable, outcome error), never a refusal of the request',
    (resultCode) => {
      const error = thrownBy(() =>
        receiptFromBody({ RequestId: 'R', ResultCode: resultCode, ResultMessage: 'x' }, 200),
      );

      expect(error).toBeInstanceOf(MpaasBusinessError);
      expect(error).toMatchObject({ operator: true, retryable: false, statusCode: 502 });
      expect(outcomeOf(error)).toBe('error');
    },
  );

  it('keeps 3022 and 3023 refusals of the request', () => {
    for (const resultCode of ['3022', '3023']) {
      const error = thrownBy(() => receiptFromBody({ ResultCode: resultCode }, 200));
      expect(error).toMatchObject({ operator: false, statusCode: 422 });
      expect(outcomeOf(error)).toBe('refused');
    }
  });
});

describe('gateway codes this function does not know', () => {
  it('retries an unknown 5xx code (ServiceTimeout) and counts its push in doubt', () => {
    const error = new MpaasGatewayError('ServiceTimeout', 'timed out', 504, { requestId: 'R' });

    expect(gatewayCodeKind('ServiceTimeout', 504)).toBe('transient');
    expect(error).toMatchObject({ retryable: true, outcomeUnknown: true, statusCode: 503 });
  });

  it('treats an unknown code answered with 429 as throttling', () => {
    expect(new MpaasGatewayError('TooMany', '', 429, {})).toMatchObject({
      retryable: true,
      statusCode: 429,
      outcomeUnknown: false,
    });
  });

  it('keeps a known refusal permanent even when it comes with a 5xx, and unknown 4xx codes too', () => {
    expect(gatewayCodeKind('Forbidden.RAM', 503)).toBe('permanent');
    expect(gatewayCodeKind('SomethingNew', 400)).toBe('permanent');
    expect(gatewayCodeKind('SomethingNew')).toBe('permanent');
  });

  it('does not mark a known transient code in doubt: ServiceUnavailable was not accepted', () => {
    expect(new MpaasGatewayError('ServiceUnavailable', '', 503, {})).toMatchObject({
      retryable: true,
      outcomeUnknown: false,
    });
  });
});

describe('x-acs-retry-after', () => {
  const gatewayError = (headers: Record<string, unknown>, code = 'Throttling.User') =>
    Object.assign(new Error('slow down'), {
      code,
      data: { RequestId: 'R', Code: code, Message: 'slow down' },
      entry: { response: { statusCode: 400, headers } },
    });

  it('keeps the wait the gateway asked for, in milliseconds, and counts the call as throttled', () => {
    const error = errorFromThrown(gatewayError({ 'x-acs-retry-after': '1500' }, 'SomethingNew'));

    expect(error).toBeInstanceOf(MpaasGatewayError);
    expect(error).toMatchObject({ retryAfterMs: 1_500, retryable: true, statusCode: 429 });
  });

  it.each([
    ['absent', {}],
    ['zero', { 'x-acs-retry-after': '0' }],
    ['not a number', { 'x-acs-retry-after': 'soon' }],
    ['negative', { 'x-acs-retry-after': '-5' }],
  ])('ignores a header that is %s', (_, headers) => {
    const error = errorFromThrown(gatewayError(headers, 'Forbidden.RAM'));

    expect(error).toMatchObject({ retryable: false, statusCode: 502 });
    expect(error).toHaveProperty('retryAfterMs', undefined);
  });
});
