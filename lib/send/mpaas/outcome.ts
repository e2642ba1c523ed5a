/**
 * Turns whatever a PushTemplate call produced into a receipt or one typed error.
 *
 * Three layers fail differently (reference mpaas-openapi.md §2.2, §8): the transport (timeouts,
 * resets, an HTML 502 that json-bigint throws as a plain object), the OpenAPI gateway (a `Code` in
 * the body, which pop-core throws as an Error with `.code` and `.data`), and mPaaS itself (a
 * `ResultCode` on a body pop-core resolves normally). Each becomes its own error class.
 */
import * as z from 'zod/mini';
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

const idLike = z.optional(z.union([z.string(), z.number(), z.object({})]));
const bodySchema = z.looseObject({
  RequestId: idLike,
  ResultCode: idLike,
  ResultMessage: z.optional(z.string()),
  Code: z.optional(z.string()),
  Message: z.optional(z.string()),
  PushResult: z.optional(
    z.looseObject({
      Success: z.optional(z.boolean()),
      ResultMsg: z.optional(z.string()),
      Data: idLike,
    }),
  ),
});

/**
 * Classifies a body pop-core resolved with. json-bigint turns long numbers into BigNumber objects,
 * so ids are read through `String()`.
 * @throws MpaasBusinessError, MpaasGatewayError or MpaasTransportError.
 */
export function receiptFromBody(body: unknown, httpStatus: number | undefined): PushReceipt {
  const parsed = z.safeParse(bodySchema, body);
  if (!parsed.success) {
    throw new MpaasTransportError('bad-response', `unexpected body (HTTP ${httpStatus ?? '?'})`, {
      outcomeUnknown: true,
    });
  }
  const b = parsed.data;
  const requestId = b.RequestId === undefined ? '' : String(b.RequestId);
  if (b.Code) {
    // pop-core lets codes such as 'OK' through; any other Code is a gateway error.
    throw new MpaasGatewayError(b.Code, b.Message ?? '', httpStatus, { requestId });
  }
  if (b.ResultCode === undefined) {
    throw new MpaasTransportError(
      'bad-response',
      `body without ResultCode (HTTP ${httpStatus ?? '?'})`,
      {
        outcomeUnknown: true,
      },
    );
  }
  const resultCode = String(b.ResultCode);
  const resultMessage = b.ResultMessage ?? b.PushResult?.ResultMsg ?? '';
  if (!SUCCESS_CODES.has(resultCode) || b.PushResult?.Success === false) {
    const message = b.PushResult?.ResultMsg ?? resultMessage;
    throw new MpaasBusinessError(resultCode, message, { requestId });
  }
  const data = b.PushResult?.Data;
  const taskId = data === undefined || data === '' ? undefined : String(data);
  return { requestId, resultCode, resultMessage, ...(taskId === undefined ? {} : { taskId }) };
}

/** Network errors after which the request cannot have reached mPaaS. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Classifies what pop-core threw. It throws Errors for gateway codes and network failures, and a
 * plain `{ name: 'SyntaxError', text }` object for a non-JSON body.
 */
export function errorFromThrown(thrown: unknown): PushError {
  const value = isRecord(thrown) ? thrown : {};
  const name = typeof value.name === 'string' ? value.name : '';
  const code = typeof value.code === 'string' ? value.code : '';
  const message = typeof value.message === 'string' ? value.message : String(thrown);
  if (code && isRecord(value.data)) {
    const data = value.data;
    const status = httpStatusOf(value.entry);
    const requestId = data.RequestId === undefined ? undefined : String(data.RequestId);
    return new MpaasGatewayError(
      code,
      typeof data.Message === 'string' ? data.Message : '',
      status,
      {
        ...(requestId === undefined ? {} : { requestId }),
      },
    );
  }
  if (name === 'RequestTimeoutError') {
    // httpx says "ConnectTimeout" when no connection was made: the push cannot have been sent.
    const connect = message.startsWith('ConnectTimeout');
    return new MpaasTransportError('timeout', message, { outcomeUnknown: !connect, cause: thrown });
  }
  if (name === 'SyntaxError' && !(thrown instanceof Error)) {
    return new MpaasTransportError('bad-response', 'the response body is not JSON', {
      outcomeUnknown: true,
    });
  }
  return new MpaasTransportError('connection', message, {
    outcomeUnknown: !NOT_SENT.has(code),
    cause: thrown,
  });
}

function httpStatusOf(entry: unknown): number | undefined {
  if (!isRecord(entry) || !isRecord(entry.response)) return undefined;
  const status = entry.response.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
