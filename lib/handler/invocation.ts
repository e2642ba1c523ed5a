/**
 * Per-invocation state: who is asking (FC request id, correlation id), how long is left, the
 * function's configuration, a logger that carries all of it, and the fields and counters of the
 * summary line.
 *
 * It is created by the `invocation()` middleware before the handler runs and is never shared
 * between invocations: FC serves one request per instance at a time, but credentials and ids
 * change on every call. Only the handler layer (this folder) writes it: the stages below return
 * values, from which the handler derives the summary's fields and counters.
 */
import type { Trigger } from '#lib/adapt/record.ts';
import type { PushConfig } from '#lib/handler/config.ts';
import type { Metrics } from '#lib/report/metrics.ts';
import type { Deadline, FcContext } from '#lib/shared/fc-context.ts';
import type { Logger } from '#lib/shared/logger.ts';

export interface Invocation {
  readonly requestId: string;
  readonly functionName: string;
  readonly trigger: Trigger;
  readonly startedAt: number;
  readonly deadline: Deadline;
  readonly config: PushConfig;
  readonly coldStart: boolean;
  /** The logger of this invocation; replaced when `annotate` adds correlation fields. */
  logger: Logger;
  /** Fields of the summary line written when the invocation ends. */
  readonly summary: Record<string, unknown>;
  /** Counters of the summary line. */
  readonly metrics: Metrics;
}

/** FC's context once the `invocation()` middleware has run. */
export interface InvocationContext extends FcContext {
  invocation?: Invocation;
}

/**
 * The invocation state the middleware attached.
 * @throws Error when the handler was composed without the `invocation()` middleware.
 */
export function invocationOf(context: InvocationContext): Invocation {
  if (!context.invocation) {
    throw new Error('The handler must be wrapped with the invocation() middleware.');
  }
  return context.invocation;
}

/**
 * Adds fields to every later log line and to the summary line, e.g. a correlation id.
 * @example annotate(invocation, { correlationId: 'order-42' })
 */
export function annotate(invocation: Invocation, fields: Record<string, unknown>): void {
  Object.assign(invocation.summary, fields);
  invocation.logger = invocation.logger.child(fields);
}

/**
 * Adds to the invocation's counters.
 * @example count(invocation, { records: 1, invalid: 1 })
 */
export function count(invocation: Invocation, delta: Partial<Metrics>): void {
  for (const [name, value] of Object.entries(delta) as Array<[keyof Metrics, number]>) {
    invocation.metrics[name] += value;
  }
}

export type { Metrics, Trigger };
