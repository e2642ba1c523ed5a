/**
 * Middleware that answers every error of an HTTP function as RFC 9457 problem+json (built by
 * the report stage's `problemOf`), and records the failure on the invocation's summary line.
 */
import type { MiddlewareObj, Request } from '@middy/core';
import { annotate, count, type InvocationContext } from '#lib/handler/invocation.ts';
import { type FcHttpResponse, problemOf, problemResponse } from '#lib/report/http-answer.ts';
import { outcomeOf } from '#lib/shared/errors.ts';

type HttpRequest = Request<unknown, FcHttpResponse, Error, InvocationContext>;

/** @example middy(handler).use(invocation(...)).use(httpProblem()) */
export function httpProblem(): MiddlewareObj<unknown, FcHttpResponse, Error, InvocationContext> {
  const httpProblemOnError = (request: HttpRequest): void => {
    if (request.response !== undefined && request.response !== null) return;
    const problem = problemOf(request.error, request.context.requestId);
    const state = request.context.invocation;
    if (state) {
      const outcome = outcomeOf(request.error);
      annotate(state, { outcome, statusCode: problem.status });
      // `invalid` counts push records refused; a request no route took was never one
      if (outcome === 'invalid' && state.metrics.records > 0) count(state, { invalid: 1 });
      const level = problem.status >= 500 ? 'error' : 'warn';
      state.logger[level]('request failed', { ...problem, error: request.error });
    }
    // echoed on every answer, errors too; unknown only when the event could not be read at all
    const correlation = state?.summary.correlationId;
    request.response = problemResponse(
      problem,
      typeof correlation === 'string' ? correlation : undefined,
    );
  };
  return { onError: httpProblemOnError };
}
