/**
 * push-worker — invoked asynchronously by http-push for pushes above the inline limit.
 *
 * Input: one dispatch batch `{dispatchId, batchIndex, batchCount, request}` (at most 128 KB, FC's
 * async payload limit). Output: a batch summary. The batch is idempotent under its dispatch id and
 * index: a retry re-sends only the chunks that did not complete. A retryable failure throws, so
 * FC's async retry policy retries the batch and then hands it to the dead-letter queue.
 */

import { dispatchAdapter } from '#lib/adapt/dispatch.ts';
import { eventFunction } from '#lib/handler/event-function.ts';

export const handler = eventFunction('push-worker', dispatchAdapter);
