/**
 * Why handing an event to another function failed, and whether trying again can help.
 *
 * fc2 2.6.6 throws three kinds of errors: an HTTP error for any non-2xx answer, whose message is
 * the only place that carries the status (`POST /functions/x/invocations failed with 404.
 * requestid: …, message: ….`); a Node socket error (`ECONNREFUSED`, `ECONNRESET`, …); and httpx's
 * `RequestTimeoutError`. The status decides retryability: 429 and 5xx are worth retrying, other
 * 4xx (EntityTooLarge, FunctionNotFound, a refused signature) are not.
 *
 * The code is fc2's `err.code` when it found one, else inferred from the status: fc2 reads it
 * from an `ErrorCode` field, but FC 3.0 answers `{ Code, Message, RequestId }`
 * (help.aliyun.com api-fc-2023-03-30-struct-error), so against FC 3.0 fc2's `err.code` is
 * undefined. Messages go through `redactText` and lose every credential value passed in.
 */
import { PushError } from '#lib/shared/errors.ts';
import { REDACTED, redactText } from '#lib/shared/redact.ts';

/** How the call failed: an HTTP answer, no answer, no answer in time, garbage, or never sent. */
export type DispatchFailure = 'http' | 'network' | 'timeout' | 'bad-response' | 'refused-locally';

interface DispatchErrorOptions {
  code: string;
  failure: DispatchFailure;
  retryable: boolean;
  httpStatus?: number;
  requestId?: string;
  cause?: unknown;
}

/** An asynchronous invocation of another function that FC did not accept. */
export class DispatchError extends PushError {
  override name = 'DispatchError';
  readonly failure: DispatchFailure;
  /** FC's HTTP status, when it answered. */
  readonly httpStatus: number | undefined;
  /** FC's `x-fc-request-id`, when it answered with one. */
  readonly requestId: string | undefined;
  /**
   * True when FC refused the role's signed call (403, a signature or key code): the deployment
   * is wrong, not the request, and no retry helps until an operator fixes it.
   */
  readonly operator: boolean;

  constructor(message: string, options: DispatchErrorOptions) {
    super(message, {
      statusCode: statusCodeFor(options),
      code: options.code,
      retryable: options.retryable,
      cause: options.cause,
    });
    this.failure = options.failure;
    this.httpStatus = options.httpStatus;
    this.requestId = options.requestId;
    this.operator =
      options.failure === 'http' && (options.httpStatus === 403 || REFUSED_CODES.has(options.code));
  }
}

/**
 * FC's answers that refuse the caller rather than the call (FC 3.0 InvokeFunction errors; the
 * POP gateway's signature and key codes): the role lacks `fc:InvokeFunction`, or FC does not take
 * fc2's signature for this endpoint (README, "Deploy": unverified on FC 3.0).
 */
const REFUSED_CODES = new Set([
  'AccessDenied',
  'SignatureNotMatch',
  'SignatureDoesNotMatch',
  'InvalidAccessKeyId',
  'InvalidAccessKeyId.NotFound',
  'InvalidAccessKeyId.Inactive',
  'InvalidSecurityToken.Expired',
  'InvalidSecurityToken.Malformed',
]);

/** Our own HTTP layer's answer: throttling stays 429, a timeout is 504, anything else 502. */
function statusCodeFor(options: DispatchErrorOptions): number {
  if (options.httpStatus === 429) return 429;
  return options.failure === 'timeout' ? 504 : 502;
}

/** fc2's message for a non-2xx answer (lib/client.js `request`). */
const FC2_HTTP_ERROR = /failed with (\d{3})\. requestid: ([^,]*), message: (.*)\.$/s;

/** Socket errors after which the same call may well succeed. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** FC 3.0's codes for the statuses InvokeFunction answers with; used when fc2 found none. */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'InvalidArgument',
  403: 'AccessDenied',
  // With a qualifier, a 404 may also be a missing alias or version.
  404: 'FunctionNotFound',
  413: 'EntityTooLarge',
  429: 'TooManyRequests',
  500: 'InternalError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/**
 * Turns whatever fc2 threw into a DispatchError whose message holds none of `secrets`.
 * @example throw toDispatchError(thrown, 'push-worker', [creds.accessKeySecret, creds.securityToken]);
 */
export function toDispatchError(
  thrown: unknown,
  functionName: string,
  secrets: readonly string[],
): DispatchError {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const clean = (text: string) => scrub(text, secrets);
  const prefix = `Async invocation of ${functionName} failed`;
  const http = FC2_HTTP_ERROR.exec(error.message);
  return http ? fromHttpAnswer(prefix, http, error, clean) : fromNoAnswer(prefix, error, clean);
}

/** A failure without an HTTP answer: a timeout, a socket error, garbage, or fc2 refusing. */
function fromNoAnswer(prefix: string, error: Error, clean: (text: string) => string) {
  const systemCode = (error as { code?: unknown }).code;
  const detail = clean(error.message);
  const base = { cause: error, retryable: true };
  if (error.name.includes('RequestTimeout')) {
    return new DispatchError(`${prefix}: no answer in time (${detail})`, {
      ...base,
      code: 'Timeout',
      failure: 'timeout',
    });
  }
  if (typeof systemCode === 'string' && NETWORK_CODES.has(systemCode)) {
    return new DispatchError(`${prefix}: ${systemCode} (${detail})`, {
      ...base,
      code: systemCode,
      failure: 'network',
    });
  }
  if (error instanceof SyntaxError) {
    return new DispatchError(`${prefix}: the answer was not valid JSON (${detail})`, {
      ...base,
      code: 'BadResponse',
      failure: 'bad-response',
    });
  }
  // fc2's own TypeErrors (missing key, region, …) and anything unforeseen: a retry cannot help.
  return new DispatchError(`${prefix}: ${detail}`, {
    ...base,
    code: 'InvalidArgument',
    failure: 'refused-locally',
    retryable: false,
  });
}

function fromHttpAnswer(
  prefix: string,
  match: RegExpExecArray,
  error: Error,
  clean: (text: string) => string,
): DispatchError {
  const httpStatus = Number(match[1]);
  const requestId = match[2] && match[2] !== 'undefined' ? match[2] : undefined;
  const serverMessage = match[3] && match[3] !== 'undefined' ? `: ${clean(match[3])}` : '';
  const fc2Code = (error as { code?: unknown }).code;
  const code =
    typeof fc2Code === 'string' && fc2Code !== ''
      ? fc2Code
      : (CODE_BY_STATUS[httpStatus] ?? `HTTP${httpStatus}`);
  const request = requestId ? ` (request ${requestId})` : '';
  return new DispatchError(`${prefix}: HTTP ${httpStatus} ${code}${request}${serverMessage}`, {
    code,
    failure: 'http',
    retryable: httpStatus === 429 || httpStatus >= 500,
    httpStatus,
    ...(requestId ? { requestId } : {}),
    cause: error,
  });
}

/** `redactText`, and every literal credential value replaced, wherever it appears. */
function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join(REDACTED);
  return redactText(out);
}
