/**
 * The send stage of a dispatched push: each planned batch handed to the `push-worker` function
 * by an asynchronous invocation (fc2, signed with the role's STS credentials), under the
 * request's ledger when it has an idempotency key. Each batch then has FC's async retry policy and
 * dead-letter queue of its own, and its own idempotency key (dispatch id + index).
 */
import type { DispatchPlan } from '#lib/plan/plan.ts';
import type { InvokeTarget } from '#lib/send/fc/fc-invoker.ts';
import { type KeyLedger, onceIfKeyed } from '#lib/send/ledger.ts';
import { type DispatchResult, dispatchResultCodec } from '#lib/send/results.ts';
import { MIN_TIME_FOR_CALL_MS, nextRetryDelay, type RetryPolicy, sleep } from '#lib/send/retry.ts';
import { PushError, toPushError } from '#lib/shared/errors.ts';
import type { Deadline, FcCredentials } from '#lib/shared/fc-context.ts';
import type { Logger } from '#lib/shared/logger.ts';
import { mapWithConcurrency } from '#lib/shared/pool.ts';

/** What handing batches over needs from the invocation. */
export interface DispatchOptions {
  credentials: FcCredentials;
  deadline: Deadline;
  logger: Logger;
  /** The function that sends the batches, and where it lives. */
  worker: string;
  target: InvokeTarget;
  concurrency: number;
  retry: RetryPolicy;
}

/** The margin kept before the deadline for dispatch calls, ms. */
const MARGIN_MS = 500;

/**
 * Dispatches the plan's batches, once per key: a replay answers with the stored result.
 * @throws PushError (503 retryable with a key, else 502) naming the batches not handed over.
 * @example const { value, replayed } = await sendDispatch(plan, options, ledger);
 */
export async function sendDispatch(
  plan: DispatchPlan,
  options: DispatchOptions,
  ledger: KeyLedger | undefined,
): Promise<{ value: DispatchResult; replayed: boolean }> {
  return onceIfKeyed(ledger, plan.request, dispatchResultCodec, async () => ({
    value: await dispatchBatches(plan, options, ledger !== undefined),
    complete: true,
  }));
}

async function dispatchBatches(
  plan: DispatchPlan,
  options: DispatchOptions,
  keyed: boolean,
): Promise<DispatchResult> {
  const { batches, dispatchId } = plan;
  // fc2 is loaded only when a push is large enough to dispatch: most invocations never need it.
  const { invokeAsync } = await import('#lib/send/fc/fc-invoker.ts');
  const failures = await mapWithConcurrency(batches, options.concurrency, async (batch) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        // Bounded by the deadline like every call: fc2's own default is 10 s.
        const timeoutMs = Math.max(
          MIN_TIME_FOR_CALL_MS,
          Math.min(10_000, options.deadline.remaining() - MARGIN_MS),
        );
        await invokeAsync(
          options.worker,
          JSON.stringify(batch),
          options.credentials,
          options.target,
          {
            timeoutMs,
          },
        );
        return undefined;
      } catch (thrown) {
        const error = toPushError(thrown);
        const delay = error.retryable
          ? nextRetryDelay(attempt, options.retry, options.deadline, MARGIN_MS, Math.random)
          : undefined;
        if (delay === undefined) return { batch: batch.batchIndex, error };
        await sleep(delay);
      }
    }
  });
  const failed = failures.filter((failure) => failure !== undefined);
  options.logger[failed.length ? 'error' : 'info']('dispatch finished', {
    dispatchId,
    batches: batches.length,
    failedBatches: failed.map((f) => f.batch),
  });
  if (failed.length > 0) {
    const first = failed[0]?.error;
    // A retry is safe only with an Idempotency-Key (the same dispatch id and batch keys) and
    // useful only if some failure may pass next time.
    const retryable = keyed && failed.some((failure) => failure.error.retryable);
    const advice = retryable
      ? 'retry with the same Idempotency-Key'
      : !keyed
        ? 'batches already handed over will be sent; send an Idempotency-Key to make such a dispatch safe to retry'
        : 'a retry would fail the same way';
    throw new PushError(
      `${failed.length} of ${batches.length} batches could not be dispatched (${first?.code}); ${advice}.`,
      { statusCode: retryable ? 503 : 502, code: 'DispatchFailed', retryable },
    );
  }
  return {
    dispatchId,
    batches: batches.length,
    targets: Object.keys(plan.request.targetMsgkey).length,
    worker: options.worker,
  };
}
