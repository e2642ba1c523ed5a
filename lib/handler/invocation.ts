/**
 * Per-invocation state: who is asking (FC request id, correlation id), how long is left, the
 * function's configuration, and a logger that carries all of it.
 *
 * It is created by the `invocation()` middleware before the handler runs and is never shared
 * between invocations: FC serves one request per instance at a time, but credentials and ids
 * change on every call.
 */
import type { PushConfig } from '#lib/handler/config.ts';
import type { Deadline, FcContext } from '#lib/shared/fc-context.ts';
import type { Logger } from '#lib/shared/logger.ts';

export type Trigger = 'http' | 'mns' | 'eventbridge' | 'timer' | 'dispatch';

/**
 * Counters of one invocation, written on its summary line as flat numeric fields so Simple Log
 * Service can sum, chart and alert on them. Records are messages/events/requests; the rest
 * count targets (one target is one device or user of a push).
 */
export interface Metrics {
  /** Messages, CloudEvents, timer requests or HTTP requests seen. */
  records: number;
  /** Records that could not be decoded or broke a rule: never sent. */
  invalid: number;
  /** CloudEvents from other services: not push requests. */
  ignored: number;
  /** Targets of the valid records. */
  targets: number;
  sent: number;
  /** Permanently refused by mPaaS (unknown template, missing placeholders, …). */
  refused: number;
  /** Still throttled after the retries: the platform redelivers them. */
  throttled: number;
  /** Failed after the retries (mPaaS unavailable, network, RAM): the platform redelivers them. */
  failed: number;
  /** PushTemplate calls repeated after a retryable failure. */
  retried: number;
  /** Targets answered from the idempotency store instead of being sent again. */
  replayed: number;
  /** Targets handed to push-worker in batches. */
  dispatched: number;
}

export function emptyMetrics(): Metrics {
  return {
    records: 0,
    invalid: 0,
    ignored: 0,
    targets: 0,
    sent: 0,
    refused: 0,
    throttled: 0,
    failed: 0,
    retried: 0,
    replayed: 0,
    dispatched: 0,
  };
}

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
