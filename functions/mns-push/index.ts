/**
 * mns-push — FC 3.0 MNS topic trigger.
 *
 * Input: one MNS message whose body is a PushTemplate request (JSON, or base64 of JSON), in
 * either `notifyContentFormat`: JSON (`{TopicOwner, Message, MessageId, …}`, attributes merged)
 * or STREAM (the raw body, or `{body, attrs}` when the message has attributes).
 * Output: a batch summary. Invalid messages and permanent mPaaS refusals are logged and counted;
 * a retryable failure throws, so FC's async retry policy redelivers it and then dead-letters it.
 */
import middy from '@middy/core';
import { type BatchSummary, pushRecords } from '#lib/batch.ts';
import { mnsTopicRecords } from '#lib/events/mns-topic.ts';
import type { InvocationContext } from '#lib/invocation.ts';
import { invocation } from '#lib/middleware/invocation.ts';

const pushFromTopic = (event: Buffer, context: InvocationContext) =>
  pushRecords(mnsTopicRecords(event, context.requestId), context);

// FC has no getRemainingTimeInMillis(): the invocation() middleware computes the deadline.
export const handler = middy<Buffer, BatchSummary, Error, InvocationContext>({
  timeoutEarlyInMillis: 0,
})
  .use(invocation({ functionName: 'mns-push', trigger: 'mns' }))
  .handler(pushFromTopic);
