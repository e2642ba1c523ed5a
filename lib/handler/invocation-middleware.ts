/**
 * Middleware that opens and closes every invocation: it reads the configuration, computes the
 * deadline, builds the correlated logger, and writes one summary line at the end (outcome,
 * latency, cold start) whether the handler succeeded or threw.
 */
import type { MiddlewareObj, Request } from '@middy/core';
import { configOf } from '#lib/handler/config.ts';
import type { Invocation, InvocationContext, Trigger } from '#lib/handler/invocation.ts';
import { emptyMetrics } from '#lib/report/metrics.ts';
import { deadlineOf } from '#lib/shared/fc-context.ts';
import { createLogger, type LogSink, stdoutSink } from '#lib/shared/logger.ts';

export interface InvocationOptions {
  functionName: string;
  trigger: Trigger;
  /** Where log lines go; stdout (FC's log) by default. */
  sink?: LogSink;
  /** Environment to read the configuration from; `process.env` by default. */
  env?: Record<string, string | undefined>;
  now?: () => number;
}

type AnyRequest = Request<unknown, unknown, Error, InvocationContext>;

let coldStart = true;

/**
 * @example middy(handler).use(invocation({ functionName: 'http-push', trigger: 'http' }))
 */
export function invocation(
  options: InvocationOptions,
): MiddlewareObj<unknown, unknown, Error, InvocationContext> {
  const now = options.now ?? Date.now;
  const sink = options.sink ?? stdoutSink;

  const invocationBefore = (request: AnyRequest): void => {
    const context = request.context;
    const startedAt = now();
    const functionName = context.function?.name ?? options.functionName;
    const base = { requestId: context.requestId, function: functionName, trigger: options.trigger };
    // The logger exists before the configuration is read, so a configuration error is logged too.
    const state: Omit<Invocation, 'config'> & { config?: Invocation['config'] } = {
      requestId: context.requestId,
      functionName,
      trigger: options.trigger,
      startedAt,
      deadline: deadlineOf(context, startedAt, now),
      coldStart,
      logger: createLogger(base, 'info', sink),
      summary: {},
      metrics: emptyMetrics(),
    };
    coldStart = false;
    let config: Invocation['config'];
    try {
      config = configOf(options.env ?? process.env);
    } catch (error) {
      state.logger.error('invalid configuration', { outcome: 'error', error });
      throw error;
    }
    state.logger = createLogger(base, config.logLevel, sink);
    context.invocation = { ...state, config };
  };

  const invocationAfter = (request: AnyRequest): void => {
    writeSummary(request, 'info', now);
  };

  const invocationOnError = (request: AnyRequest): void => {
    writeSummary(request, request.response === undefined ? 'error' : 'info', now);
  };

  return { before: invocationBefore, after: invocationAfter, onError: invocationOnError };
}

function writeSummary(request: AnyRequest, level: 'info' | 'error', now: () => number): void {
  const state = request.context.invocation;
  if (!state) return;
  const error = request.response === undefined ? request.error : null;
  state.logger[level]('invocation finished', {
    outcome: 'success',
    ...state.summary,
    ...(error ? { outcome: 'error', error } : {}),
    ...state.metrics,
    latencyMs: now() - state.startedAt,
    coldStart: state.coldStart,
  });
}
