/**
 * Turns whatever a PushTemplate call produced into a receipt or one typed error.
 *
 * Three layers fail differently (reference mpaas-openapi.md §2.2, §8): the transport (timeouts,
 * resets, an HTML 502 that json-bigint throws as a plain object), the OpenAPI gateway (a `Code` in
 * the body, which pop-core throws as an Error with `.code` and `.data`), and mPaaS itself (a
 * `ResultCode` on a body pop-core resolves normally). Each becomes its own error class.
 */
import {
  MpaasBusinessError,
  MpaasGatewayError,
  MpaasTransportError,
  type PushError,
} from '#lib/shared/errors.ts';

/** What a successful PushTemplate call returns. */
export interface PushReceipt {
  /** The mPaaS RequestId, for support tickets. */
  requestId: string;
  resultCode: string;
  resultMessage: string;
  /** `PushResult.Data`: the task id of a scheduled or loop push. */
  taskId?: string;
}

const SUCCESS_CODES = new Set(['OK', '100', 'SUCCESS']);

/**
 * Classifies a body pop-core resolved with. Only `Code`, `ResultCode` and `PushResult.Success`
 * decide the outcome; every other field may be missing, `null`, of another type or unknown
 * (mPaaS answers `Data: null` for an immediate push), and is read only if it is usable, so a
 * success is never mistaken for a bad response and sent again. json-bigint turns long numbers
 * into BigNumber objects, so ids are read through `String()`.
 * @throws MpaasBusinessError, MpaasGatewayError or MpaasTransportError.
 */
export function receiptFromBody(body: unknown, httpStatus: number | undefined): PushReceipt {
  const { record, requestId, resultCode } = answerOf(body, httpStatus);
  const pushResult = isRecord(record.PushResult) ? record.PushResult : {};
  const resultMsg = textOf(pushResult.ResultMsg);
  const resultMessage = textOf(record.ResultMessage) ?? resultMsg ?? '';
  if (!SUCCESS_CODES.has(resultCode) || pushResult.Success === false) {
    throw new MpaasBusinessError(resultCode, resultMsg ?? resultMessage, { requestId });
  }
  const data = idOf(pushResult.Data);
  const taskId = data === undefined || data === '' ? undefined : data;
  return { requestId, resultCode, resultMessage, ...(taskId === undefined ? {} : { taskId }) };
}

/** What a successful call of another action answered: its RequestId and `ResultContent`. */
export interface ActionResult {
  requestId: string;
  /** `ResultContent` as sent, or parsed when it was JSON text (the docs call it a JSON string). */
  content: unknown;
}

/**
 * Classifies the body of an action without `PushResult` (QueryPushSchedulerList,
 * CancelPushScheduler): a gateway `Code`, a missing or unsuccessful `ResultCode` fail as they do
 * for PushTemplate.
 * @param action what was asked, for a refusal's message ("mPaaS refused QueryPushSchedulerList: …")
 * @throws MpaasBusinessError, MpaasGatewayError or MpaasTransportError.
 * @example resultFromBody({ RequestId: 'R', ResultCode: 'OK', ResultContent: '{"Data":{}}' }, 200, 'CancelPushScheduler').content // { Data: {} }
 */
export function resultFromBody(
  body: unknown,
  httpStatus: number | undefined,
  action: string,
): ActionResult {
  const { record, requestId, resultCode } = answerOf(body, httpStatus);
  if (!SUCCESS_CODES.has(resultCode)) {
    const message = textOf(record.ResultMessage) ?? '';
    throw new MpaasBusinessError(resultCode, message, { requestId, refused: action });
  }
  let content: unknown = record.ResultContent;
  if (typeof content === 'string' && /^\s*[{[]/.test(content)) {
    try {
      content = JSON.parse(content);
    } catch {
      // text that only looks like JSON stays text
    }
  }
  return { requestId, content };
}

/** The checks every mPaaS answer goes through: a JSON object, no gateway `Code`, a `ResultCode`. */
function answerOf(body: unknown, httpStatus: number | undefined) {
  if (!isRecord(body) || Array.isArray(body)) {
    throw new MpaasTransportError('bad-response', `unexpected body (HTTP ${httpStatus ?? '?'})`, {
      outcomeUnknown: true,
    });
  }
  const requestId = idOf(body.RequestId) ?? '';
  const code = textOf(body.Code);
  if (code) {
    // pop-core lets codes such as 'OK' through; any other Code is a gateway error.
    throw new MpaasGatewayError(code, textOf(body.Message) ?? '', httpStatus, { requestId });
  }
  const resultCode = idOf(body.ResultCode);
  if (resultCode === undefined) {
    throw new MpaasTransportError(
      'bad-response',
      `body without ResultCode (HTTP ${httpStatus ?? '?'})`,
      { outcomeUnknown: true },
    );
  }
  return { record: body, requestId, resultCode };
}

/** A string field, or undefined when it is missing, null or not a string. */
function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** An id: a string, a number, or a json-bigint BigNumber; undefined when missing or null. */
function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  // json-bigint's BigNumber: toFixed() gives every digit (toString() switches to exponent
  // notation from 22 digits on); a plain object's toString() is tried too
  if (isRecord(value) && !Array.isArray(value) && typeof value.toString === 'function') {
    const fixed: unknown = typeof value.toFixed === 'function' ? value.toFixed() : undefined;
    const text = typeof fixed === 'string' ? fixed : String(value);
    return /^-?\d+$/.test(text) ? text : undefined;
  }
  return undefined;
}

/** Network errors after which the request cannot have reached mPaaS. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The status and headers of the answer a failed call got, as the client's agent saw them. */
export interface SeenResponse {
  statusCode?: number;
  headers?: Record<string, string | string[] | undefined>;
}

/**
 * Classifies what pop-core threw. It throws Errors for gateway codes and network failures, and a
 * plain `{ name: 'SyntaxError', text }` object for a non-JSON body, without the status: `seen`
 * is the answer as the client's agent saw it, so a proxy's non-JSON 429 is still throttling.
 */
export function errorFromThrown(thrown: unknown, seen: SeenResponse = {}): PushError {
  const value = isRecord(thrown) ? thrown : {};
  const name = typeof value.name === 'string' ? value.name : '';
  const code = typeof value.code === 'string' ? value.code : '';
  const message = typeof value.message === 'string' ? value.message : String(thrown);
  if (code && isRecord(value.data)) {
    const data = value.data;
    const status = httpStatusOf(value.entry);
    const requestId = data.RequestId === undefined ? undefined : String(data.RequestId);
    const retryAfterMs = retryAfterOf(value.entry);
    return new MpaasGatewayError(
      code,
      typeof data.Message === 'string' ? data.Message : '',
      status,
      {
        ...(requestId === undefined ? {} : { requestId }),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      },
    );
  }
  if (name === 'RequestTimeoutError') {
    // httpx says "ConnectTimeout" when no connection was made: the push cannot have been sent.
    const connect = message.startsWith('ConnectTimeout');
    return new MpaasTransportError('timeout', message, { outcomeUnknown: !connect, cause: thrown });
  }
  if (name === 'SyntaxError' && !(thrown instanceof Error)) {
    if (seen.statusCode === 429) {
      // Refused before mPaaS took it (a WAF or load balancer in front): nothing was sent.
      const retryAfterMs = retryAfterOf({ response: seen });
      return new MpaasGatewayError('Throttling', 'HTTP 429 with a body that is not JSON', 429, {
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    }
    return new MpaasTransportError('bad-response', 'the response body is not JSON', {
      outcomeUnknown: true,
    });
  }
  return new MpaasTransportError('connection', message, {
    outcomeUnknown: !NOT_SENT.has(code),
    cause: thrown,
  });
}

/**
 * The `x-acs-retry-after` header of a gateway answer, in milliseconds (the unit the official
 * SDKs read it in: github.com/aliyun/darabonba-openapi `getThrottlingTimeLeft`); only a positive
 * whole number counts.
 */
function retryAfterOf(entry: unknown): number | undefined {
  if (!isRecord(entry) || !isRecord(entry.response) || !isRecord(entry.response.headers)) {
    return undefined;
  }
  const header = entry.response.headers['x-acs-retry-after'];
  const text = Array.isArray(header) ? header[0] : header;
  const ms = typeof text === 'string' && /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  return Number.isSafeInteger(ms) && ms > 0 ? ms : undefined;
}

function httpStatusOf(entry: unknown): number | undefined {
  if (!isRecord(entry) || !isRecord(entry.response)) return undefined;
  const status = entry.response.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
