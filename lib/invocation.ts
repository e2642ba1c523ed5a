/**
 * Per-invocation state: who is asking (FC request id, correlation id), how long is left, the
 * function's configuration, and a logger that carries all of it.
 *
 * It is created by the `invocation()` middleware before the handler runs and is never shared
 * between invocations: FC serves one request per instance at a time, but credentials and ids
 * change on every call.
 */
import type { PushConfig } from './config.ts';
import type { Deadline, FcContext } from './fc/context.ts';
import type { Logger } from './logger.ts';

export type Trigger = 'http' | 'mns' | 'eventbridge' | 'timer' | 'dispatch';

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
