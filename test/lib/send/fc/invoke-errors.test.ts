/**
 * What each failure of an async invocation becomes: the errors are built here as fc2 2.6.6
 * (lib/client.js `request`), httpx and Node's sockets throw them, so every branch of the
 * classification is pinned down without a server.
 */
import { describe, expect, it } from 'vitest';
import { DispatchError, toDispatchError } from '#lib/send/fc/invoke-errors.ts';

/** fc2's error for a non-2xx answer: the status is only in the message. */
function fc2HttpError(
  status: number,
  answer: { requestId?: string; message?: string; errorCode?: string } = {},
): Error {
  const error = new Error(
    `POST /2023-03-30/functions/push-worker/invocations failed with ${status}. requestid: ${answer.requestId}, message: ${answer.message}.`,
  );
  error.name = `FC${answer.errorCode}Error`;
  (error as Error & { code?: string }).code = answer.errorCode;
  return error;
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 10.0.0.1:443`), { code });
}

const classify = (thrown: unknown) => toDispatchError(thrown, 'push-worker', ['s3cr3t']);

describe('toDispatchError for an HTTP answer', () => {
  it('names FC’s request id and message in a DispatchError', () => {
    // Act
    const error = classify(
      fc2HttpError(503, { requestId: 'req-9', message: 'try later', errorCode: 'Busy' }),
    );

    // Assess
    expect(error).toBeInstanceOf(DispatchError);
    expect(error.name).toBe('DispatchError');
    expect(error.message).toBe(
      'Async invocation of push-worker failed: HTTP 503 Busy (request req-9): try later',
    );
    expect(error).toMatchObject({ requestId: 'req-9', httpStatus: 503, failure: 'http' });
  });

  it('leaves out the request id and message that FC did not send, rather than writing “undefined”', () => {
    // Act
    const error = classify(fc2HttpError(502));

    // Assess
    expect(error.message).toBe('Async invocation of push-worker failed: HTTP 502 BadGateway');
    expect(error.requestId).toBeUndefined();
  });

  it('infers the code from the status when fc2 found an empty ErrorCode', () => {
    const error = classify(fc2HttpError(503, { requestId: 'req-1', errorCode: '' }));

    expect(error.code).toBe('ServiceUnavailable');
  });

  it.each([
    [400, 'InvalidArgument', false],
    [403, 'AccessDenied', false],
    [404, 'FunctionNotFound', false],
    [413, 'EntityTooLarge', false],
    [429, 'TooManyRequests', true],
    [500, 'InternalError', true],
    [502, 'BadGateway', true],
    [503, 'ServiceUnavailable', true],
    [504, 'GatewayTimeout', true],
  ])('calls HTTP %i without an fc2 code %s, retryable %s', (status, code, retryable) => {
    const error = classify(fc2HttpError(status, { requestId: 'req-1' }));

    expect(error).toMatchObject({ code, retryable, httpStatus: status });
  });
});

describe('toDispatchError without an HTTP answer', () => {
  it('reports a call that got no answer in time as a retryable timeout', () => {
    // Prepare
    const thrown = Object.assign(new Error('ReadTimeout(200)'), { name: 'RequestTimeoutError' });

    // Act
    const error = classify(thrown);

    // Assess
    expect(error.message).toBe(
      'Async invocation of push-worker failed: no answer in time (ReadTimeout(200))',
    );
    expect(error).toMatchObject({ code: 'Timeout', failure: 'timeout', retryable: true });
  });

  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EPIPE',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
  ])('reports the socket error %s as a retryable network failure', (code) => {
    const error = classify(socketError(code));

    expect(error.message).toBe(
      `Async invocation of push-worker failed: ${code} (connect ${code} 10.0.0.1:443)`,
    );
    expect(error).toMatchObject({ code, failure: 'network', retryable: true });
  });

  it('does not retry a Node error whose code is not a network failure', () => {
    // Prepare: what Node throws for a header value it will not send
    const thrown = Object.assign(new TypeError('Invalid character in header content'), {
      code: 'ERR_INVALID_CHAR',
    });

    // Act
    const error = classify(thrown);

    // Assess
    expect(error).toMatchObject({
      code: 'InvalidArgument',
      failure: 'refused-locally',
      retryable: false,
    });
    expect(error.message).toBe(
      'Async invocation of push-worker failed: Invalid character in header content',
    );
  });

  it('reports an answer that was not JSON as a retryable bad response', () => {
    const error = classify(new SyntaxError('Unexpected token < in JSON at position 0'));

    expect(error.message).toBe(
      'Async invocation of push-worker failed: the answer was not valid JSON (Unexpected token < in JSON at position 0)',
    );
    expect(error).toMatchObject({ code: 'BadResponse', failure: 'bad-response', retryable: true });
  });

  it('removes every credential value from the message', () => {
    const error = classify(new Error('signature over s3cr3t refused'));

    expect(error.message).not.toContain('s3cr3t');
    expect(error.message).toContain('[REDACTED]');
  });
});
