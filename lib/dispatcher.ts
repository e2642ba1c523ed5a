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
import { credentialsFromContext } from './credentials.ts';
import { PushError, toPushError } from './errors.ts';
import { TARGETS_PER_CALL } from './fanout.ts';
import type { InvocationContext } from './invocation.ts';
import { invocationOf } from './invocation.ts';
import { deriveMsgKey } from './msg-key.ts';
import { mapWithConcurrency } from './pool.ts';
import type { PushRequest } from './push-request.ts';
import { nextRetryDelay, sleep } from './retry.ts';

/** FC's async payload limit is 128 KB; the rest is room for the envelope and headers. */
export const MAX_BATCH_BYTES = 120 * 1024;

/** What `push-worker` receives. */
export interface DispatchEnvelope {
  dispatchId: string;
  batchIndex: number;
  batchCount: number;
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
  maxBytes = MAX_BATCH_BYTES,
): DispatchEnvelope[] {
  const pairs = Object.entries(request.targetMsgkey);
  const overhead =
    Buffer.byteLength(
      JSON.stringify({
        dispatchId,
        batchIndex: 0,
        batchCount: 0,
        request: { ...request, targetMsgkey: {} },
      }),
    ) + 32;
  const batches: Array<Array<[string, string]>> = [];
  let current: Array<[string, string]> = [];
  let size = overhead;
  for (let i = 0; i < pairs.length; i += TARGETS_PER_CALL) {
    const chunk = pairs.slice(i, i + TARGETS_PER_CALL);
    const bytes = chunk.reduce(
      (sum, [target, key]) =>
        sum + Buffer.byteLength(JSON.stringify(target) + JSON.stringify(key)) + 2,
      0,
    );
    if (current.length > 0 && size + bytes > maxBytes) {
      batches.push(current);
      current = [];
      size = overhead;
    }
    current.push(...chunk);
    size += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches.map((batch, batchIndex) => ({
    dispatchId,
    batchIndex,
    batchCount: batches.length,
    request: { ...request, targetMsgkey: Object.fromEntries(batch) },
  }));
}

/**
 * Dispatches `request` to the worker in batches.
 * @throws PushError (503, retryable) naming the batches that could not be handed over.
 * @example const report = await dispatchToWorkers(request, context, 'http:order-42');
 */
export async function dispatchToWorkers(
  request: PushRequest,
  context: InvocationContext,
  idempotencyKey?: string,
): Promise<DispatchReport> {
  const state = invocationOf(context);
  const { config } = state;
  const credentials = credentialsFromContext(context);
  const dispatchId = idempotencyKey ? deriveMsgKey('dispatch', idempotencyKey) : randomUUID();
  const batches = splitIntoBatches(request, dispatchId);
  const target = {
    accountId: context.accountId ?? '',
    region: context.region ?? config.region,
    ...(config.fcEndpoint ? { endpoint: config.fcEndpoint } : {}),
  };
  // fc2 is loaded only when a push is large enough to dispatch: most invocations never need it.
  const { invokeAsync } = await import('./dispatch/fc-invoker.ts');
  const failures = await mapWithConcurrency(batches, config.concurrency, async (batch) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await invokeAsync(config.workerFunction, JSON.stringify(batch), credentials, target);
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
    throw new PushError(
      `${failed.length} of ${batches.length} batches could not be dispatched (${first?.code}: ${first?.message}); retry with the same Idempotency-Key`,
      {
        statusCode: 503,
        code: 'DispatchFailed',
        retryable: true,
      },
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
