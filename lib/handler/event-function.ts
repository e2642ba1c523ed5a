/**
 * The shape every event-triggered function shares: parse the trigger's event into records with
 * its adapter, push them as one batch, and run inside the invocation middleware. Adding a
 * trigger means adding a parser in `lib/events/` and a three-line function.
 */
import middy from '@middy/core';
import type { PushRecord } from '#lib/adapt/record.ts';
import type { InvocationContext, Trigger } from '#lib/handler/invocation.ts';
import { invocation } from '#lib/handler/invocation-middleware.ts';
import { type BatchSummary, pushRecords } from '#lib/report/batch.ts';

/** Turns the raw FC event into records; `fallbackId` (the FC request id) names an id-less one. */
export type RecordParser = (event: Buffer, fallbackId: string) => PushRecord[];

/**
 * An FC 3.0 handler for an event trigger.
 * @example export const handler = eventFunction('mns-push', 'mns', mnsTopicRecords);
 */
export function eventFunction(functionName: string, trigger: Trigger, parse: RecordParser) {
  const pushEvent = (event: Buffer, context: InvocationContext): Promise<BatchSummary> =>
    pushRecords(parse(event, context.requestId), context);
  // FC has no getRemainingTimeInMillis(): middy's early timeout stays off and the deadline is
  // computed from context.function.timeout by the invocation() middleware instead.
  return middy<Buffer, BatchSummary, Error, InvocationContext>({ timeoutEarlyInMillis: 0 })
    .use(invocation({ functionName, trigger }))
    .handler(pushEvent);
}
