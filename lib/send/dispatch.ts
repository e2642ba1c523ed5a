/**
 * Async dispatch of very large pushes: the targets are split into batches that fit FC's 128 KB
 * async payload, and each batch is handed to the `push-worker` function by an asynchronous
 * invocation (fc2, signed with the role's STS credentials). Each batch then has FC's async retry
 * policy and dead-letter queue of its own, and its own idempotency key (dispatch id + index).
 *
 * The dispatch id is derived from the request's idempotency key, so a caller that retries a
 * dispatch re-sends the same batches under the same keys and no target is pushed twice.
 */
import { randomUUID } from 'node:crypto';
import { credentialsFromContext } from '#lib/handler/credentials.ts';
import type { InvocationContext } from '#lib/handler/invocation.ts';
import { invocationOf } from '#lib/handler/invocation.ts';
import { sortedPairs, TARGETS_PER_CALL } from '#lib/send/fanout.ts';
import { MIN_TIME_FOR_CALL_MS, nextRetryDelay, sleep } from '#lib/send/retry.ts';
import { BadRequestError, PushError, toPushError } from '#lib/shared/errors.ts';
import { deriveMsgKey } from '#lib/shared/msg-key.ts';
import { mapWithConcurrency } from '#lib/shared/pool.ts';
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

/** The answer to a dispatched push (HTTP 202). */
export interface DispatchReport {
  status: 'DISPATCHED';
  dispatchId: string;
  batches: number;
  targets: number;
  worker: string;
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
 * Dispatches `request` to the worker in batches.
 * @throws PushError (503, retryable) naming the batches that could not be handed over.
 * @example const report = await dispatchToWorkers(request, context, 'http:order-42');
 */
export async function dispatchToWorkers(
  request: PushRequest,
  context: InvocationContext,
  idempotencyKey: string | undefined,
  validatedAt: Date,
): Promise<DispatchReport> {
  const state = invocationOf(context);
  const { config } = state;
  const credentials = credentialsFromContext(context);
  const dispatchId = idempotencyKey ? deriveMsgKey('dispatch', idempotencyKey) : randomUUID();
  const batches = splitIntoBatches(request, dispatchId, validatedAt);
  const target = {
    accountId: context.accountId ?? '',
    region: context.region ?? config.region,
    ...(config.fcEndpoint ? { endpoint: config.fcEndpoint } : {}),
  };
  // fc2 is loaded only when a push is large enough to dispatch: most invocations never need it.
  const { invokeAsync } = await import('#lib/send/fc/fc-invoker.ts');
  const failures = await mapWithConcurrency(batches, config.concurrency, async (batch) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        // Bounded by the deadline like every call: fc2's own default is 10 s.
        const timeoutMs = Math.max(
          MIN_TIME_FOR_CALL_MS,
          Math.min(10_000, state.deadline.remaining() - 500),
        );
        await invokeAsync(config.workerFunction, JSON.stringify(batch), credentials, target, {
          timeoutMs,
        });
        return undefined;
      } catch (thrown) {
        const error = toPushError(thrown);
        const delay = error.retryable
          ? nextRetryDelay(attempt, config.retry, state.deadline, 500, Math.random)
          : undefined;
        if (delay === undefined) return { batch: batch.batchIndex, error };
        await sleep(delay);
      }
    }
  });
  const failed = failures.filter((failure) => failure !== undefined);
  state.logger[failed.length ? 'error' : 'info']('dispatch finished', {
    dispatchId,
    batches: batches.length,
    failedBatches: failed.map((f) => f.batch),
  });
  if (failed.length > 0) {
    const first = failed[0]?.error;
    // A retry is safe only with an Idempotency-Key (the same dispatch id and batch keys) and
    // useful only if some failure may pass next time.
    const retryable =
      idempotencyKey !== undefined && failed.some((failure) => failure.error.retryable);
    const advice = retryable
      ? 'retry with the same Idempotency-Key'
      : idempotencyKey === undefined
        ? 'batches already handed over will be sent; send an Idempotency-Key to make such a dispatch safe to retry'
        : 'a retry would fail the same way';
    throw new PushError(
      `${failed.length} of ${batches.length} batches could not be dispatched (${first?.code}); ${advice}.`,
      { statusCode: retryable ? 503 : 502, code: 'DispatchFailed', retryable },
    );
  }
  const targets = Object.keys(request.targetMsgkey).length;
  return {
    status: 'DISPATCHED',
    dispatchId,
    batches: batches.length,
    targets,
    worker: config.workerFunction,
  };
}
