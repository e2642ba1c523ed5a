/**
 * Every reply and every throw the client classifies, each checked to the field: class, message,
 * code, status, retryability, whether the push may have gone out, and the ids kept for support.
 */
import { describe, expect, it } from 'vitest';
import { errorFromThrown, receiptFromBody } from '#lib/send/mpaas/outcome.ts';
import { MpaasBusinessError, MpaasGatewayError, MpaasTransportError } from '#lib/shared/errors.ts';
import { thrownBy } from '#test/helpers/thrown.ts';

describe('receiptFromBody, to the field', () => {
  it.each([
    [
      'a body that is not an object, with its status',
      'x',
      502,
      MpaasTransportError,
      {
        message: 'mPaaS call failed (bad-response): unexpected body (HTTP 502)',
        outcomeUnknown: true,
        statusCode: 502,
      },
    ],
    [
      'an array, without a status',
      [],
      undefined,
      MpaasTransportError,
      {
        message: 'mPaaS call failed (bad-response): unexpected body (HTTP ?)',
        failure: 'bad-response',
      },
    ],
    [
      'a body without ResultCode',
      { RequestId: 'R' },
      200,
      MpaasTransportError,
      {
        message: 'mPaaS call failed (bad-response): body without ResultCode (HTTP 200)',
        outcomeUnknown: true,
      },
    ],
    [
      'a Code, with its Message and RequestId',
      { RequestId: 'R7', Code: 'Throttling.User', Message: 'slow' },
      400,
      MpaasGatewayError,
      {
        message: 'mPaaS gateway error Throttling.User: slow',
        requestId: 'R7',
        httpStatus: 400,
        statusCode: 429,
      },
    ],
    [
      'a Code without a Message',
      { Code: 'Forbidden.RAM' },
      403,
      MpaasGatewayError,
      { message: 'mPaaS gateway error Forbidden.RAM: ', requestId: '', retryable: false },
    ],
    [
      'a refusal that says why in PushResult.ResultMsg',
      {
        RequestId: 'R',
        ResultCode: '3023',
        ResultMessage: 'outer',
        PushResult: { ResultMsg: 'inner' },
      },
      200,
      MpaasBusinessError,
      { message: 'mPaaS refused the push: 3023 inner', resultCode: '3023', requestId: 'R' },
    ],
    [
      'a refusal that says why only in ResultMessage',
      { ResultCode: '3022', ResultMessage: 'TEMPLATE_NOT_EXIST' },
      200,
      MpaasBusinessError,
      { message: 'mPaaS refused the push: 3022 TEMPLATE_NOT_EXIST', requestId: '' },
    ],
    [
      'a refusal that says nothing',
      { ResultCode: 3026 },
      200,
      MpaasBusinessError,
      { message: 'mPaaS refused the push: 3026 ', resultCode: '3026' },
    ],
  ])('classifies %s', (_, body, status, type, fields) => {
    const error = thrownBy(() => receiptFromBody(body, status));

    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject(fields);
  });

  it('returns the receipt with the messages it found, in order of preference', () => {
    expect(
      receiptFromBody({ RequestId: 7, ResultCode: 'OK', PushResult: { ResultMsg: 'ok' } }, 200),
    ).toEqual({
      requestId: '7',
      resultCode: 'OK',
      resultMessage: 'ok',
    });
    expect(
      receiptFromBody(
        { ResultCode: '100', ResultMessage: 'SUCCESS', PushResult: { ResultMsg: 'x', Data: '' } },
        200,
      ),
    ).toEqual({
      requestId: '',
      resultCode: '100',
      resultMessage: 'SUCCESS',
    });
  });

  it('reads ids from numbers, bigints and BigNumber-like objects, and nothing else', () => {
    const big = { toString: () => '-12345678901234567890' };
    const notDigits = { toString: () => '12ab' };

    expect(receiptFromBody({ ResultCode: 'OK', PushResult: { Data: 7n } }, 200).taskId).toBe('7');
    expect(receiptFromBody({ ResultCode: 'OK', PushResult: { Data: big } }, 200).taskId).toBe(
      '-12345678901234567890',
    );
    expect(
      receiptFromBody({ ResultCode: 'OK', PushResult: { Data: notDigits } }, 200).taskId,
    ).toBeUndefined();
    expect(
      receiptFromBody({ ResultCode: 'OK', PushResult: { Data: ['1'] } }, 200).taskId,
    ).toBeUndefined();
    expect(
      receiptFromBody({ ResultCode: 'OK', PushResult: { Data: true } }, 200).taskId,
    ).toBeUndefined();
  });
});

describe('errorFromThrown, to the field', () => {
  it('keeps a gateway error’s RequestId as text and its status from the entry', () => {
    const error = errorFromThrown(
      Object.assign(new Error('x'), {
        code: 'SignatureDoesNotMatch',
        data: { RequestId: 42, Message: 7 },
        entry: { response: { statusCode: 400 } },
      }),
    );

    expect(error).toBeInstanceOf(MpaasGatewayError);
    expect(error).toMatchObject({
      requestId: '42',
      httpStatus: 400,
      message: 'mPaaS gateway error SignatureDoesNotMatch: ',
    });
  });

  it('reads no status from an entry without a numeric one', () => {
    for (const entry of [undefined, {}, { response: 'x' }, { response: { statusCode: '400' } }]) {
      const error = errorFromThrown(
        Object.assign(new Error('x'), { code: 'Forbidden', data: {}, entry }),
      );
      expect(error).toMatchObject({ httpStatus: undefined });
    }
  });

  it('classifies a non-JSON body by the status the agent saw: 429 is throttling, with its retry-after', () => {
    const syntax = { name: 'SyntaxError', text: '<html>429</html>' };

    const throttled = errorFromThrown(syntax, {
      statusCode: 429,
      headers: { 'x-acs-retry-after': '1500' },
    });
    const bare = errorFromThrown(syntax, { statusCode: 429, headers: {} });
    const other = errorFromThrown(syntax, { statusCode: 503 });

    expect(throttled).toBeInstanceOf(MpaasGatewayError);
    expect(throttled).toMatchObject({
      message: 'mPaaS gateway error Throttling: HTTP 429 with a body that is not JSON',
      statusCode: 429,
      retryAfterMs: 1500,
      retryable: true,
    });
    expect(bare).not.toHaveProperty('retryAfterMs', 1500);
    expect(bare).toMatchObject({ statusCode: 429 });
    expect(other).toBeInstanceOf(MpaasTransportError);
    expect(other).toMatchObject({ failure: 'bad-response', outcomeUnknown: true });
  });

  it('treats a code without a data object as a connection failure, not a gateway answer', () => {
    const error = errorFromThrown(
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    );

    expect(error).toBeInstanceOf(MpaasTransportError);
    expect(error).toMatchObject({
      message: 'mPaaS call failed (connection): socket hang up',
      outcomeUnknown: true,
      code: 'Transport.connection',
    });
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])(
    'knows that after %s nothing was sent',
    (code) => {
      expect(errorFromThrown(Object.assign(new Error(code), { code }))).toMatchObject({
        outcomeUnknown: false,
      });
    },
  );

  it('names a timeout, and a plain object that is not a SyntaxError is a connection failure', () => {
    const timeout = errorFromThrown(
      Object.assign(new Error('ReadTimeout(10)'), { name: 'RequestTimeoutError' }),
    );
    const plain = errorFromThrown({ name: 'Weird', message: 'odd' });
    const syntaxError = errorFromThrown(new SyntaxError('Unexpected token'));

    expect(timeout).toMatchObject({
      message: 'mPaaS call failed (timeout): ReadTimeout(10)',
      code: 'Transport.timeout',
      statusCode: 504,
    });
    expect(plain).toMatchObject({
      failure: 'connection',
      message: 'mPaaS call failed (connection): odd',
    });
    // A real SyntaxError thrown by code, not json-bigint's object, is not a body problem.
    expect(syntaxError).toMatchObject({ failure: 'connection' });
  });
});
