/**
 * HTTP answers: the response struct FC 3.0 turns into the HTTP response, built from a push's
 * report, a dispatch's result, or an error as RFC 9457 problem+json.
 *
 * Errors this service raises on purpose (PushError) keep their status, code and message, which
 * are written for clients and already redacted. Anything else is a bug: it becomes a 500 that
 * names only the request id, so internals never leak.
 */
import { type PushReport, pushStatusCode } from '#lib/report/push-report.ts';
import type { DispatchResult } from '#lib/send/results.ts';
import {
  MethodNotAllowedError,
  PushError,
  ReplayedRefusalError,
  ValidationError,
} from '#lib/shared/errors.ts';

/**
 * The reason phrase of every status a problem is answered with (RFC 9110 §15), for `title`.
 * A table of its own rather than `node:http`'s STATUS_CODES: importing `node:http` at load brings
 * Node's net, streams and HTTP parser into every cold start (#11); a test holds it equal to
 * Node's for every status the function answers.
 */
export const REASON_PHRASES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The response struct FC turns into the HTTP answer. */
export interface FcHttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  isBase64Encoded: boolean;
  body: string;
}

/** The problem+json body. */
export interface Problem {
  type: 'about:blank';
  title: string;
  status: number;
  detail: string;
  code: string;
  retryable: boolean;
  requestId: string;
  errors?: ValidationError['issues'];
  mpaasRequestId?: string;
  /** The answer stored by an earlier request with the same Idempotency-Key. */
  replayed?: true;
  /** A 405's methods the path does answer, also sent as `Allow`. */
  allow?: readonly string[];
}

/** A JSON response struct. */
export function jsonResponse(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): FcHttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    isBase64Encoded: false,
    body: JSON.stringify(body),
  };
}

/** What every answer to one request carries: its request id, correlation and replay headers. */
export interface AnswerContext {
  requestId: string;
  correlationId: string;
  /** True when the answer was stored by an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/**
 * The answer to an inline push: 200, 207 or 422 with the report.
 * @example pushAnswer(report, { requestId, correlationId, replayed: false }).statusCode // 200
 */
export function pushAnswer(report: PushReport, answer: AnswerContext): FcHttpResponse {
  return jsonResponse(
    pushStatusCode(report),
    { requestId: answer.requestId, ...report },
    answerHeaders(answer),
  );
}

/**
 * The answer to a dispatched push: 202 with the dispatch id.
 * @example dispatchAnswer(result, { requestId, correlationId, replayed: false }).statusCode // 202
 */
export function dispatchAnswer(result: DispatchResult, answer: AnswerContext): FcHttpResponse {
  return jsonResponse(
    202,
    {
      status: 'DISPATCHED',
      ...result,
      progress: `/pushes/${result.dispatchId}`,
      requestId: answer.requestId,
    },
    { ...answerHeaders(answer), location: `/pushes/${result.dispatchId}` },
  );
}

/** The headers of a push's answer: its correlation id, and whether it was replayed. */
export function answerHeaders(answer: AnswerContext): Record<string, string> {
  const headers: Record<string, string> = { 'x-correlation-id': answer.correlationId };
  if (answer.replayed) headers['idempotent-replayed'] = 'true';
  return headers;
}

/**
 * The problem an error stands for.
 * @example problemOf(new ValidationError([...]), 'req-1').status // 400
 */
export function problemOf(error: unknown, requestId: string): Problem {
  if (!(error instanceof PushError)) {
    return {
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: `Unexpected error; the function log has the details under requestId ${requestId}.`,
      code: 'InternalError',
      retryable: false,
      requestId,
    };
  }
  const mpaasRequestId =
    'requestId' in error && typeof error.requestId === 'string' ? error.requestId : undefined;
  return {
    type: 'about:blank',
    title: REASON_PHRASES[error.statusCode] ?? 'Error',
    status: error.statusCode,
    // Below 500 the message is written for the client; from 500 on it may name hosts, URLs or
    // settings, so it stays in the log and the client gets the code and the request id.
    detail:
      error.statusCode < 500
        ? error.message
        : `${error.code}: see the function log under requestId ${requestId}.`,
    code: error.code,
    retryable: error.retryable,
    requestId,
    ...(error instanceof ValidationError ? { errors: error.issues } : {}),
    ...(mpaasRequestId ? { mpaasRequestId } : {}),
    ...(error instanceof ReplayedRefusalError ? { replayed: true } : {}),
    ...(error instanceof MethodNotAllowedError ? { allow: error.allow } : {}),
  };
}

/**
 * The problem+json answer: `Retry-After` when a retry may help soon, `Allow` for a 405.
 * @example problemResponse(problemOf(error, 'req-1')).headers['content-type'] // 'application/problem+json; charset=utf-8'
 */
export function problemResponse(problem: Problem, correlationId?: string): FcHttpResponse {
  const headers: Record<string, string> = {
    'content-type': 'application/problem+json; charset=utf-8',
  };
  if (correlationId !== undefined) headers['x-correlation-id'] = correlationId;
  if (problem.replayed) headers['idempotent-replayed'] = 'true';
  if (problem.status === 429 || problem.status === 503) headers['retry-after'] = '1';
  if (problem.allow !== undefined) headers.allow = problem.allow.join(', ');
  return jsonResponse(problem.status, problem, headers);
}
