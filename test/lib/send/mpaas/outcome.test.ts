import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { errorFromThrown, receiptFromBody } from '#lib/send/mpaas/outcome.ts';
import {
  MpaasBusinessError,
  MpaasGatewayError,
  MpaasTransportError,
  outcomeOf,
} from '#lib/shared/errors.ts';
import { thrownBy } from '#test/helpers/thrown.ts';

// pop-core's own JSON parser (reference mpaas-openapi.md): it turns long integers into BigNumbers.
const JSONbig = createRequire(import.meta.url)('json-bigint') as { parse(text: string): unknown };

describe('receiptFromBody', () => {
  it('returns the receipt of a successful push, with the task id of a scheduled push', () => {
    const body = {
      RequestId: 'R1',
      ResultCode: 'OK',
      ResultMessage: 'param is valid',
      PushResult: { Success: true, ResultMsg: 'success', Data: 'task-9' },
    };

    expect(receiptFromBody(body, 200)).toEqual({
      requestId: 'R1',
      resultCode: 'OK',
      resultMessage: 'param is valid',
      taskId: 'task-9',
    });
  });

  it('accepts the documented success codes and a body without PushResult (2019-08-21)', () => {
    expect(
      receiptFromBody({ RequestId: 'R', ResultCode: '100', ResultMessage: 'SUCCESS' }, 200)
        .resultCode,
    ).toBe('100');
    expect(receiptFromBody({ RequestId: 'R', ResultCode: 'SUCCESS' }, 200).taskId).toBeUndefined();
  });

  it('treats ResultCode OK with PushResult.Success false as a refusal', () => {
    const error = thrownBy(() =>
      receiptFromBody(
        {
          RequestId: 'R',
          ResultCode: 'OK',
          PushResult: { Success: false, ResultMsg: 'no device' },
        },
        200,
      ),
    );

    expect(error).toBeInstanceOf(MpaasBusinessError);
    expect((error as MpaasBusinessError).message).toContain('no device');
  });

  it('classifies 3022 as a permanent refusal and 8011 as retryable flow control', () => {
    const notFound = thrownBy(() =>
      receiptFromBody(
        { RequestId: 'R', ResultCode: '3022', ResultMessage: 'TEMPLATE_NOT_EXIST' },
        200,
      ),
    ) as MpaasBusinessError;
    const throttled = thrownBy(() =>
      receiptFromBody(
        { RequestId: 'R', ResultCode: 8011, ResultMessage: 'FLOW_CONTROL_ERROR' },
        200,
      ),
    ) as MpaasBusinessError;

    expect(notFound).toMatchObject({
      resultCode: '3022',
      retryable: false,
      statusCode: 422,
      requestId: 'R',
    });
    expect(outcomeOf(notFound)).toBe('refused');
    expect(throttled).toMatchObject({ resultCode: '8011', retryable: true, statusCode: 429 });
    expect(outcomeOf(throttled)).toBe('throttled');
  });

  it('treats a Code body that pop-core let through as a gateway error', () => {
    const error = thrownBy(() =>
      receiptFromBody({ RequestId: 'R', Code: 'Throttling.User', Message: 'slow down' }, 400),
    );

    expect(error).toBeInstanceOf(MpaasGatewayError);
    expect(error).toMatchObject({
      code: 'Throttling.User',
      retryable: true,
      statusCode: 429,
      httpStatus: 400,
    });
  });

  it('treats a JSON body with neither ResultCode nor Code as a bad response whose outcome is unknown', () => {
    const error = thrownBy(() => receiptFromBody({ message: 'upstream failed' }, 500));

    expect(error).toBeInstanceOf(MpaasTransportError);
    expect(error).toMatchObject({ failure: 'bad-response', outcomeUnknown: true, retryable: true });
    expect((error as Error).message).toContain('HTTP 500');
  });

  it('treats a body that is not an object as a bad response', () => {
    expect(thrownBy(() => receiptFromBody('<html>', undefined))).toMatchObject({
      failure: 'bad-response',
    });
  });
});

describe('errorFromThrown', () => {
  it('maps a pop-core gateway error and keeps the RequestId and HTTP status, not the URL', () => {
    const thrown = Object.assign(
      new Error('Specified signature is not matched, URL: https://x/?SecurityToken=t'),
      {
        name: 'SignatureDoesNotMatchError',
        code: 'SignatureDoesNotMatch',
        data: {
          RequestId: 'R2',
          Code: 'SignatureDoesNotMatch',
          Message: 'server string to sign is:POST&%2F&SecurityToken%3Dt',
        },
        entry: { response: { statusCode: 400 } },
      },
    );

    const error = errorFromThrown(thrown);

    expect(error).toBeInstanceOf(MpaasGatewayError);
    expect(error).toMatchObject({
      code: 'SignatureDoesNotMatch',
      retryable: false,
      statusCode: 502,
      httpStatus: 400,
      requestId: 'R2',
    });
    expect(error.message).not.toContain('SecurityToken%3Dt');
    expect(outcomeOf(error)).toBe('error');
  });

  it('marks InternalError as retryable with an unknown outcome, ServiceUnavailable as transient', () => {
    const internal = errorFromThrown(
      Object.assign(new Error('x'), { code: 'InternalError', data: { Message: 'x' } }),
    );
    const unavailable = errorFromThrown(
      Object.assign(new Error('x'), { code: 'ServiceUnavailable', data: {} }),
    );

    expect(internal).toMatchObject({ retryable: true, outcomeUnknown: true, statusCode: 503 });
    expect(unavailable).toMatchObject({ retryable: true, outcomeUnknown: false, statusCode: 503 });
    expect(outcomeOf(unavailable)).toBe('failed');
  });

  it('tells a connect timeout (not sent) from a read timeout (outcome unknown)', () => {
    const connect = errorFromThrown(
      Object.assign(new Error('ConnectTimeout: Connect http://x failed.'), {
        name: 'RequestTimeoutError',
      }),
    );
    const read = errorFromThrown(
      Object.assign(new Error('ReadTimeout(3000). POST http://x/ failed.'), {
        name: 'RequestTimeoutError',
      }),
    );

    expect(connect).toMatchObject({ failure: 'timeout', outcomeUnknown: false, statusCode: 504 });
    expect(read).toMatchObject({ failure: 'timeout', outcomeUnknown: true });
  });

  it("maps json-bigint's plain SyntaxError object for an HTML body to a bad response", () => {
    const error = errorFromThrown({
      name: 'SyntaxError',
      message: 'Unexpected <',
      at: 1,
      text: '<html>502</html>',
    });

    expect(error).toMatchObject({ failure: 'bad-response', retryable: true, statusCode: 502 });
    expect(error.message).not.toContain('<html>');
  });

  it('tells a refused connection (not sent) from a reset (outcome unknown)', () => {
    const refused = errorFromThrown(
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    );
    const reset = errorFromThrown(
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    );

    expect(refused).toMatchObject({ failure: 'connection', outcomeUnknown: false });
    expect(reset).toMatchObject({ failure: 'connection', outcomeUnknown: true });
    expect(errorFromThrown('weird')).toMatchObject({ failure: 'connection' });
  });
});

describe('receiptFromBody reading only usable fields', () => {
  it('reads an immediate push (Data null, a ResultMessage of another type) as a receipt without a task id', () => {
    // Prepare
    const body = {
      RequestId: 'R',
      ResultCode: 'OK',
      ResultMessage: 42,
      PushResult: { Success: true, ResultMsg: 'success', Data: null },
    };

    // Act
    const receipt = receiptFromBody(body, 200);

    // Assess
    expect(receipt).toStrictEqual({ requestId: 'R', resultCode: 'OK', resultMessage: 'success' });
  });

  it('reads a RequestId object that has a toString field but no method as no id, not as a crash', () => {
    const body = JSON.parse('{"RequestId":{"toString":1},"ResultCode":"OK"}') as unknown;

    expect(receiptFromBody(body, 200)).toStrictEqual({
      requestId: '',
      resultCode: 'OK',
      resultMessage: '',
    });
  });

  it('keeps every digit of an id of 22 digits or more, as json-bigint parses it', () => {
    // Prepare: json-bigint's BigNumber writes such integers as 1.23…e+26 with toString()
    const body = JSONbig.parse(
      '{"ResultCode":"OK","RequestId":1234567890123456789012345,"PushResult":{"Data":123456789012345678901234567}}',
    );

    // Act
    const receipt = receiptFromBody(body, 200);

    // Assess
    expect(receipt.taskId).toBe('123456789012345678901234567');
    expect(receipt.requestId).toBe('1234567890123456789012345');
  });

  it('drops an id that can only be written in exponent notation, rather than keep a wrong one', () => {
    const big = { toString: () => '1.23456789012345678901234567e+26' };

    const receipt = receiptFromBody({ ResultCode: 'OK', PushResult: { Data: big } }, 200);

    expect(receipt.taskId).toBeUndefined();
  });

  it('says the status is unknown when a body without ResultCode came without one', () => {
    const error = thrownBy(() => receiptFromBody({ RequestId: 'R' }, undefined)) as Error;

    expect(error.message).toBe(
      'mPaaS call failed (bad-response): body without ResultCode (HTTP ?)',
    );
  });
});

describe('errorFromThrown reading only usable fields', () => {
  it('keeps the gateway’s message and leaves the RequestId unset when the gateway sent none', () => {
    // Prepare
    const thrown = Object.assign(new Error('Throttling.User: slow down'), {
      code: 'Throttling.User',
      data: { Code: 'Throttling.User', Message: 'slow down' },
    });

    // Act
    const error = errorFromThrown(thrown);

    // Assess
    expect(error).toBeInstanceOf(MpaasGatewayError);
    expect(error.message).toBe('mPaaS gateway error Throttling.User: slow down');
    expect((error as MpaasGatewayError).requestId).toBeUndefined();
  });

  it.each([
    ['no code', {}],
    ['a numeric code', { code: 42 }],
  ])(
    'treats an error with data but %s as a connection failure, not a gateway answer',
    (_, extra) => {
      // Prepare
      const thrown = Object.assign(new Error('socket closed'), { data: { Message: 'x' } }, extra);

      // Act
      const error = errorFromThrown(thrown);

      // Assess
      expect(error).toBeInstanceOf(MpaasTransportError);
      expect(error).toMatchObject({ failure: 'connection', outcomeUnknown: true });
    },
  );

  it('names what was thrown when it was not an error', () => {
    expect(errorFromThrown('weird').message).toBe('mPaaS call failed (connection): weird');
  });

  it('says a non-JSON body was not JSON, without quoting it', () => {
    const error = errorFromThrown({ name: 'SyntaxError', message: 'Unexpected <', text: '<html>' });

    expect(error.message).toBe('mPaaS call failed (bad-response): the response body is not JSON');
  });

  it.each([
    ['an exponent', '1e3'],
    ['hexadecimal', '0x10'],
    ['a fraction', '1.5'],
    ['a number followed by text', '5 seconds'],
  ])(
    'ignores an x-acs-retry-after written as %s: only a whole number of ms counts',
    (_, header) => {
      // Prepare
      const thrown = Object.assign(new Error('denied'), {
        code: 'Forbidden.RAM',
        data: { RequestId: 'R', Message: 'denied' },
        entry: { response: { statusCode: 403, headers: { 'x-acs-retry-after': header } } },
      });

      // Act
      const error = errorFromThrown(thrown);

      // Assess
      expect(error).toMatchObject({ retryable: false, statusCode: 502, retryAfterMs: undefined });
    },
  );

  it('reads an x-acs-retry-after padded with spaces', () => {
    const thrown = Object.assign(new Error('slow down'), {
      code: 'Throttling.User',
      data: { RequestId: 'R', Message: 'slow down' },
      entry: { response: { statusCode: 400, headers: { 'x-acs-retry-after': ' 250 ' } } },
    });

    expect(errorFromThrown(thrown)).toMatchObject({ retryAfterMs: 250, statusCode: 429 });
  });
});
