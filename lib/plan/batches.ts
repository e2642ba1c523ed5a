/**
 * Batches of a dispatched push: the targets of a request too large for one invocation, split so
 * that each batch fits FC's 128 KB async payload, in whole PushTemplate chunks of 10, each handed
 * to `push-worker` by its own asynchronous invocation.
 *
 * The dispatch id is derived from the request's idempotency key, so a caller that retries a
 * dispatch plans the same batches under the same keys and no target is pushed twice.
 */
import { randomUUID } from 'node:crypto';
import { checkCallSizes } from '#lib/plan/call-size.ts';
import { sortedPairs, TARGETS_PER_CALL } from '#lib/plan/chunks.ts';
import { BadRequestError } from '#lib/shared/errors.ts';
import { deriveMsgKey } from '#lib/shared/msg-key.ts';
import type { PushRequest } from '#lib/validate/push-request.ts';

/** FC's async payload limit is 128 KB; the rest is room for the envelope and headers. */
export const MAX_BATCH_BYTES = 120 * 1024;

/** What `push-worker` receives. */
export interface DispatchEnvelope {
  dispatchId: string;
  batchIndex: number;
  batchCount: number;
  /** When http-push validated the request: the worker checks the time rules as of then, so a
   * retried batch of a scheduled push is not refused once its fixedTime has passed. */
  validatedAt: string;
  request: PushRequest;
}

/**
 * Splits the targets into batches whose envelope stays under `maxBytes`, in whole PushTemplate
 * chunks of 10 so the worker's calls stay full.
 * @example splitIntoBatches(request, 'd-1').length
 */
export function splitIntoBatches(
  request: PushRequest,
  dispatchId: string,
  validatedAt: Date,
  maxBytes = MAX_BATCH_BYTES,
): DispatchEnvelope[] {
  // Sorted, so a re-dispatch of the same targets in another order fills the same batches.
  const pairs = sortedPairs(request.targetMsgkey);
  const envelope = {
    dispatchId,
    batchIndex: 0,
    batchCount: 0,
    validatedAt: validatedAt.toISOString(),
  };
  const empty = { ...envelope, request: { ...request, targetMsgkey: {} } };
  const overhead = Buffer.byteLength(JSON.stringify(empty)) + 32;
  const chunks: Array<{ pairs: Array<[string, string]>; bytes: number }> = [];
  for (let i = 0; i < pairs.length; i += TARGETS_PER_CALL) {
    const chunk = pairs.slice(i, i + TARGETS_PER_CALL);
    chunks.push({ pairs: chunk, bytes: chunk.reduce((sum, pair) => sum + pairBytes(pair), 0) });
  }
  // the worker sends these very chunks: each must fit one PushTemplate call (call-size.ts)
  checkCallSizes(
    request,
    chunks.map((chunk) => Object.fromEntries(chunk.pairs)),
  );
  if (chunks.some((chunk) => overhead + chunk.bytes > maxBytes)) {
    // No batch could ever be invoked: a permanent error, not one to retry.
    throw new BadRequestError(
      `The request's other parameters leave no room for targets in FC's async payload (${maxBytes} bytes per batch); shorten templateKeyValue or extendedParams.`,
      413,
      'PayloadTooLarge',
    );
  }
  const batches: Array<Array<[string, string]>> = [];
  let current: Array<[string, string]> = [];
  let size = overhead;
  for (const chunk of chunks) {
    if (current.length > 0 && size + chunk.bytes > maxBytes) {
      batches.push(current);
      current = [];
      size = overhead;
    }
    current.push(...chunk.pairs);
    size += chunk.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches.map((batch, batchIndex) => ({
    ...envelope,
    batchIndex,
    batchCount: batches.length,
    request: { ...request, targetMsgkey: Object.fromEntries(batch) },
  }));
}

/** Bytes one target → msgKey pair adds to the envelope's JSON (quotes, colon and comma). */
function pairBytes([target, msgKey]: [string, string]): number {
  return Buffer.byteLength(JSON.stringify(target) + JSON.stringify(msgKey)) + 2;
}

/**
 * The dispatch id of a request: derived from its idempotency key, so a retry reuses it; random
 * without one (such a dispatch cannot be retried safely, and the 202 says so).
 * @example dispatchIdFor('http:order-42') === dispatchIdFor('http:order-42') // true
 */
export function dispatchIdFor(idempotencyKey: string | undefined): string {
  return idempotencyKey ? deriveMsgKey('dispatch', idempotencyKey) : randomUUID();
}
