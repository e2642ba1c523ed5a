/**
 * mns-push — FC 3.0 MNS topic trigger.
 *
 * Input: one MNS message whose body is a PushTemplate request (JSON, or base64 of JSON), in
 * either `notifyContentFormat`: JSON (`{TopicOwner, Message, MessageId, …}`, attributes merged)
 * or STREAM (the raw body, or `{body, attrs}` when the message has attributes).
 * Output: a batch summary. Invalid messages and permanent mPaaS refusals are logged and counted;
 * a retryable failure throws, so FC's async retry policy redelivers it and then dead-letters it.
 */

import { mnsTopicAdapter } from '#lib/adapt/mns-topic.ts';
import { eventFunction } from '#lib/handler/event-function.ts';

export const handler = eventFunction('mns-push', mnsTopicAdapter);
