/**
 * event-push — FC 3.0 EventBridge trigger (MNS queue source, or the event bus).
 *
 * Input: one CloudEvent (event-driven mode) or an array of them (event-streaming, elements
 * possibly JSON strings). From an MNS queue, `data.messageBody` is the PushTemplate request
 * (JSON, or base64 of JSON); from the event bus, `data` is. Other services' events are ignored.
 * Output: a batch summary. Any retryable failure throws after the whole batch is processed, so
 * EventBridge retries it (and dead-letters it with `errorsTolerance: ALL`).
 */
import middy from '@middy/core';
import { type BatchSummary, pushRecords } from '#lib/batch.ts';
import { eventBridgeRecords } from '#lib/events/eventbridge.ts';
import type { InvocationContext } from '#lib/invocation.ts';
import { invocation } from '#lib/middleware/invocation.ts';

const pushFromEvents = (event: Buffer, context: InvocationContext) =>
  pushRecords(eventBridgeRecords(event, context.requestId), context);

// FC has no getRemainingTimeInMillis(): the invocation() middleware computes the deadline.
export const handler = middy<Buffer, BatchSummary, Error, InvocationContext>({
  timeoutEarlyInMillis: 0,
})
  .use(invocation({ functionName: 'event-push', trigger: 'eventbridge' }))
  .handler(pushFromEvents);
