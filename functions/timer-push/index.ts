/**
 * timer-push — FC 3.0 timer trigger, for recurring sends.
 *
 * Input: `{triggerName, triggerTime, payload}`; `payload` is one PushTemplate request or an array
 * of them, as JSON. The msgKeys of each firing are derived from triggerName + triggerTime +
 * target, so a retry of the same firing reuses them and two firings never share one.
 * Output: a batch summary; a retryable failure throws, so FC's async retry policy retries it.
 */
import middy from '@middy/core';
import { type BatchSummary, pushRecords } from '#lib/batch.ts';
import { timerRecords } from '#lib/events/timer.ts';
import type { InvocationContext } from '#lib/invocation.ts';
import { invocation } from '#lib/middleware/invocation.ts';

const pushFromTimer = (event: Buffer, context: InvocationContext) =>
  pushRecords(timerRecords(event, context.requestId), context);

// FC has no getRemainingTimeInMillis(): the invocation() middleware computes the deadline.
export const handler = middy<Buffer, BatchSummary, Error, InvocationContext>({
  timeoutEarlyInMillis: 0,
})
  .use(invocation({ functionName: 'timer-push', trigger: 'timer' }))
  .handler(pushFromTimer);
