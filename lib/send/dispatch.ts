/**
 * The send stage of a dispatched push: each planned batch handed to the `push-worker` function
 * by an asynchronous invocation (fc2, signed with the role's STS credentials), under the
 * request's ledger when it has an idempotency key. Each batch then has FC's async retry policy and
 * dead-letter queue of its own, and its own idempotency key (dispatch id + index).
 *
 * A batch is handed over at most once per dispatch: each is claimed in the request's ledger
 * before its invocation and completed once FC accepted it, so a retry of a partial dispatch with
 * the same key hands over only the batches that did not get through; and each invocation carries
 * an async task id derived from the dispatch id and index, so FC itself refuses a second copy
 * (a hand-over that timed out after FC accepted it).
 */

import type { DispatchEnvelope } from '#lib/plan/batches.ts';
import type { DispatchPlan } from '#lib/plan/plan.ts';
import type { InvokeTarget } from '#lib/send/fc/fc-invoker.ts';
import { DispatchError } from '#lib/send/fc/invoke-errors.ts';
import {
  claimPart,
  type KeyLedger,
  type OwnedKey,
  onceIfKeyed,
  settleWrite,
} from '#lib/send/ledger.ts';
import { HEAD_PART, progressHeadCodec } from '#lib/send/progress.ts';
import { type DispatchResult, dispatchResultCodec } from '#lib/send/results.ts';
import { MIN_TIME_FOR_CALL_MS, nextRetryDelay, type RetryPolicy, sleep } from '#lib/send/retry.ts';
import type { ClaimResult, IdempotencyStore } from '#lib/send/store/store.ts';
import { IdempotencyConflictError, PushError, toPushError } from '#lib/shared/errors.ts';
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
  /** Where the dispatch's progress report goes (lib/send/progress.ts), and for how long. */
  progress: { store: IdempotencyStore; ttlMs: number };
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
  return onceIfKeyed(ledger, plan.request, dispatchResultCodec, async (owned) => ({
    value: await dispatchBatches(plan, options, owned),
    complete: true,
  }));
}

/**
 * The async task id of a batch: the same for every hand-over of it, unique to the batch.
 * @example taskIdOf('9f86d081884c7d659a2feaa0c55ad015', 3) // 'push_9f86d081884c7d659a2feaa0c55ad015_3'
 */
export function taskIdOf(dispatchId: string, batchIndex: number): string {
  return `push_${dispatchId}_${batchIndex}`;
}

type BatchFailure = { batch: number; error: PushError };

async function dispatchBatches(
  plan: DispatchPlan,
  options: DispatchOptions,
  owned: OwnedKey | undefined,
): Promise<DispatchResult> {
  const keyed = owned !== undefined;
  const { batches, dispatchId } = plan;
  // fc2 is loaded only when a push is large enough to dispatch: most invocations never need it.
  const { invokeAsync } = await import('#lib/send/fc/fc-invoker.ts');
  // The head goes first: once a batch is handed over, its status can be asked for. A head that
  // cannot be written fails the dispatch before anything was handed over (a retryable 503).
  const head = progressHeadCodec.encode({
    dispatchId,
    batchTargets: batches.map((batch) => Object.keys(batch.request.targetMsgkey).length),
    createdAt: new Date().toISOString(),
  });
  await options.progress.store.putProgress(dispatchId, HEAD_PART, head, options.progress.ttlMs);
  const handOver = async (batch: DispatchEnvelope): Promise<BatchFailure | undefined> => {
    const taskId = taskIdOf(dispatchId, batch.batchIndex);
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
            taskId,
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
  };
  const failures = await mapWithConcurrency(batches, options.concurrency, (batch) =>
    owned ? recordedHandOver(owned, batch, handOver, options.logger) : handOver(batch),
  );
  const failed = failures.filter((failure) => failure !== undefined);
  options.logger[failed.length ? 'error' : 'info']('dispatch finished', {
    dispatchId,
    batches: batches.length,
    failedBatches: failed.map((f) => f.batch),
  });
  if (failed.length > 0) {
    const refused = failed.find((failure) => isOperatorRefusal(failure.error));
    if (refused) {
      // Names the cause and the fix: every batch will be refused alike until the role is fixed.
      // ("Function Compute", not "FC": log redaction reads "FC <word>" as an FC signature.)
      throw new PushError(
        `Function Compute refused the dispatch to ${options.worker} (${refused.error.code}): give the function's role fc:InvokeFunction on ${options.worker} (README, "Deploy"); if it has it, Function Compute did not accept fc2's signature for this endpoint (FC_ENDPOINT). ${failed.length} of ${batches.length} batches were not handed over; the same Idempotency-Key sends them once fixed.`,
        { statusCode: 502, code: 'DispatchRefused', retryable: false },
      );
    }
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

/**
 * A hand-over under the request's ledger: a batch already handed over by an earlier delivery is
 * skipped, one being handed over by another invocation is left to it (a retryable failure here).
 */
async function recordedHandOver(
  owned: OwnedKey,
  batch: DispatchEnvelope,
  handOver: (batch: DispatchEnvelope) => Promise<BatchFailure | undefined>,
  logger: Logger,
): Promise<BatchFailure | undefined> {
  const { store, key, token, ttlMs } = owned;
  const index = batch.batchIndex;
  let claim: ClaimResult;
  try {
    claim = await claimPart(owned, index);
  } catch (thrown) {
    return { batch: index, error: toPushError(thrown) };
  }
  if (claim.state === 'done') return undefined;
  if (claim.state !== 'claimed') return { batch: index, error: new IdempotencyConflictError(key) };
  const failure = await handOver(batch);
  // FC has the batch, or not; with the task id, handing it over again is harmless.
  await settleWrite(logger, 'batch taken over', { batch: index }, () =>
    failure
      ? store.releaseChunk(key, token, index, false, ttlMs)
      : store.completeChunk(key, token, index, { handedOver: true }, ttlMs),
  );
  return failure;
}

/** A hand-over FC refused for the deployment (see DispatchError.operator). */
function isOperatorRefusal(error: PushError): boolean {
  return error instanceof DispatchError && error.operator;
}
