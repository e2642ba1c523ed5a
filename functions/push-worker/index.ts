/**
 * push-worker — invoked asynchronously by http-push for pushes above the inline limit.
 *
 * Input: one dispatch batch `{dispatchId, batchIndex, batchCount, request}` (at most 128 KB, FC's
 * async payload limit). Output: a batch summary. The batch is idempotent under its dispatch id and
 * index: a retry re-sends only the chunks that did not complete. A retryable failure throws, so
 * FC's async retry policy retries the batch and then hands it to the dead-letter queue.
 */
import middy from '@middy/core';
import { type BatchSummary, pushRecords } from '#lib/batch.ts';
import { dispatchRecords } from '#lib/events/dispatch.ts';
import type { InvocationContext } from '#lib/invocation.ts';
import { invocation } from '#lib/middleware/invocation.ts';

const pushBatch = (event: Buffer, context: InvocationContext) =>
  pushRecords(dispatchRecords(event, context.requestId), context);

// FC has no getRemainingTimeInMillis(): the invocation() middleware computes the deadline.
export const handler = middy<Buffer, BatchSummary, Error, InvocationContext>({
  timeoutEarlyInMillis: 0,
})
  .use(invocation({ functionName: 'push-worker', trigger: 'dispatch' }))
  .handler(pushBatch);
