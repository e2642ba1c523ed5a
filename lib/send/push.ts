/**
 * The send stage of an inline push: the plan's chunks fanned out over the mPaaS client with the
 * invocation's role credentials, under the request's ledger when it has an idempotency key, so a
 * redelivery replays what completed and re-sends only what did not.
 *
 * It returns what happened as a plain value; it writes no invocation state. The report stage
 * turns the value into an answer, and the handler derives the counters from it.
 */
import type { InlinePlan } from '#lib/plan/plan.ts';
import { type FanoutOptions, type FanoutResult, fanOut } from '#lib/send/fanout.ts';
import { type KeyLedger, type OwnedKey, onceIfKeyed } from '#lib/send/ledger.ts';
import { type SendResult, sendResultCodec } from '#lib/send/results.ts';
import { type PushError, ReplayedRefusalError } from '#lib/shared/errors.ts';

/** What sending needs, but the ledger: the client, credentials, deadline, logger and limits. */
export type SendOptions = Omit<FanoutOptions, 'ledger'>;

/** What became of one push request. */
export interface SentPush {
  /** Every target's line and every call's outcome: this invocation's, or the replayed ones. */
  result: SendResult;
  /** True when the whole result was stored by an earlier delivery of the same key. */
  replayed: boolean;
  /** Targets whose chunk must be retried (throttled, failed): the platform should redeliver. */
  retryable: boolean;
  /** The first chunk's error when nothing was sent. */
  firstError?: PushError;
}

/**
 * Sends an inline plan.
 * @throws IdempotencyConflictError | IdempotencyMismatchError | IdempotencyStoreError (from the ledger)
 * @example const sent = await sendPush(planInline(request), options, keyLedger(scope, 'mns:42'));
 */
export async function sendPush(
  plan: InlinePlan,
  options: SendOptions,
  ledger: KeyLedger | undefined,
): Promise<SentPush> {
  const { request } = plan;
  let fresh: FanoutResult | undefined;
  const work = async (owned: OwnedKey | undefined) => {
    const sending = plan.sending ?? request;
    fresh = await fanOut(sending, plan.chunks, { ...options, ...(owned ? { ledger: owned } : {}) });
    const { firstError: _error, ...result } = fresh;
    return { value: result, complete: !needsRetry(result) };
  };
  const { value: result, replayed } = await onceIfKeyed(ledger, request, sendResultCodec, work);
  const { summary } = result;
  options.logger[summary.sent === summary.targets ? 'info' : 'warn']('push finished', {
    templateName: request.templateName,
    ...summary,
    requestReplayed: replayed,
  });
  const firstError = replayed ? replayedRefusal(result) : fresh?.firstError;
  return {
    result,
    replayed,
    retryable: needsRetry(result),
    ...(firstError && summary.sent === 0 ? { firstError } : {}),
  };
}

/**
 * The error a replay of a request that sent nothing answers with: the refusal its first delivery
 * answered with, rebuilt from the stored chunk (only refusals are stored as final, so a result
 * with nothing sent and nothing to retry is all refusals).
 */
function replayedRefusal(result: SendResult): PushError | undefined {
  const refused = result.chunks.find((chunk) => chunk.status === 'REFUSED');
  if (refused?.code === undefined || refused.message === undefined) return undefined;
  return new ReplayedRefusalError(
    refused.code,
    refused.message,
    refused.mpaasRequestId,
    refused.statusCode,
  );
}

function needsRetry(result: SendResult): boolean {
  return result.summary.throttled + result.summary.failed > 0;
}
