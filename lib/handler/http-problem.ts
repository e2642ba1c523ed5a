/**
 * Middleware that answers every error of an HTTP function as RFC 9457 problem+json.
 *
 * Errors this service raises on purpose (PushError) keep their status, code and message, which
 * are written for clients and already redacted. Anything else is a bug: it becomes a 500 that
 * names only the request id, so internals never leak.
 */
import { STATUS_CODES } from 'node:http';
import type { MiddlewareObj, Request } from '@middy/core';
import { type FcHttpResponse, jsonResponse } from '#lib/adapt/http.ts';
import { annotate, count, type InvocationContext } from '#lib/handler/invocation.ts';
import { outcomeOf, PushError, ValidationError } from '#lib/shared/errors.ts';

type HttpRequest = Request<unknown, FcHttpResponse, Error, InvocationContext>;

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
    title: STATUS_CODES[error.statusCode] ?? 'Error',
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
  };
}

/** @example middy(handler).use(invocation(...)).use(httpProblem()) */
export function httpProblem(): MiddlewareObj<unknown, FcHttpResponse, Error, InvocationContext> {
  const httpProblemOnError = (request: HttpRequest): void => {
    if (request.response !== undefined && request.response !== null) return;
    const problem = problemOf(request.error, request.context.requestId);
    const headers: Record<string, string> = {
      'content-type': 'application/problem+json; charset=utf-8',
    };
    if (problem.status === 429 || problem.status === 503) headers['retry-after'] = '1';
    if (problem.status === 405) headers.allow = 'POST';
    const state = request.context.invocation;
    if (state) {
      const outcome = outcomeOf(request.error);
      annotate(state, { outcome, statusCode: problem.status });
      if (outcome === 'invalid') count(state, { invalid: 1 });
      const level = problem.status >= 500 ? 'error' : 'warn';
      state.logger[level]('request failed', { ...problem, error: request.error });
    }
    request.response = jsonResponse(problem.status, problem, headers);
  };
  return { onError: httpProblemOnError };
}
