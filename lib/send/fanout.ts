/**
 * Fan-out: one push request to all its targets, as the PushTemplate calls (chunks) the plan
 * made, sent with bounded concurrency, each retried with backoff while the deadline allows, and
 * each recorded in the ledger so that a redelivered request re-sends only the chunks that did not
 * complete, with the same msgKeys.
 *
 * One chunk's failure never stops the others; the result lists every target with its status.
 */
import type { Chunk } from '#lib/plan/chunks.ts';
import { claimPart, type OwnedKey, settleWrite } from '#lib/send/ledger.ts';
import type { CallContext } from '#lib/send/mpaas/client.ts';
import type { PushReceipt } from '#lib/send/mpaas/outcome.ts';
import {
  type ChunkOutcome,
  chunkOutcomeCodec,
  type FanoutSummary,
  type SendResult,
  STATUS_COUNTER,
  type TargetResult,
  type TargetStatus,
} from '#lib/send/results.ts';
import { nextRetryDelay, type RetryPolicy, sleep } from '#lib/send/retry.ts';
import type { ClaimResult } from '#lib/send/store/store.ts';
import {
  IdempotencyConflictError,
  isRequestRefusal,
  MpaasBusinessError,
  MpaasGatewayError,
  type PushError,
  toPushError,
} from '#lib/shared/errors.ts';
import type { Deadline, FcCredentials } from '#lib/shared/fc-context.ts';
import type { Logger } from '#lib/shared/logger.ts';
import { mapWithConcurrency } from '#lib/shared/pool.ts';
import type { PushRequest } from '#lib/validate/push-request.ts';

export interface FanoutResult extends SendResult {
  /** The error of the first chunk that was not sent, for callers that answer with one status. */
  firstError?: PushError;
}

/** What sends one PushTemplate call: the mPaaS client, or a stand-in in tests. */
export interface PushSender {
  pushTemplate(request: PushRequest, call: CallContext): Promise<PushReceipt>;
}

export interface FanoutOptions {
  client: PushSender;
  credentials: FcCredentials;
  deadline: Deadline;
  logger: Logger;
  concurrency: number;
  retry: RetryPolicy;
  /** Kept back before the deadline, ms (the client keeps the same margin). */
  safetyMarginMs: number;
  /** The request's key, owned by this invocation; without one (no key) chunks go unrecorded. */
  ledger?: OwnedKey;
  random?: () => number;
}

/**
 * Sends `request` to the targets of `chunks` (the plan's chunks of at most 10).
 * @example const { summary, targets } = await fanOut(request, chunkTargets(request.targetMsgkey), { client, credentials, deadline, logger, concurrency: 4, retry, safetyMarginMs: 500 });
 */
export async function fanOut(
  request: PushRequest,
  chunks: readonly Chunk[],
  options: FanoutOptions,
): Promise<FanoutResult> {
  const errors: Array<PushError | undefined> = new Array(chunks.length);
  const outcomes = await mapWithConcurrency(
    chunks,
    options.concurrency,
    async (targetMsgkey, index) => {
      const { outcome, error } = await runChunk({ ...request, targetMsgkey }, index, options);
      errors[index] = error;
      return outcome;
    },
  );
  // The error that speaks for the request: a retryable one if any chunk can still be retried, so
  // a caller is not told "do not retry" while part of the request is waiting for a retry.
  const firstError =
    errors.find((error) => error?.retryable) ?? errors.find((error) => error !== undefined);
  return {
    summary: summarize(chunks, outcomes),
    targets: targetResults(chunks, outcomes),
    chunks: outcomes,
    ...(firstError ? { firstError } : {}),
  };
}

interface ChunkRun {
  outcome: ChunkOutcome;
  error?: PushError;
}

async function runChunk(
  chunk: PushRequest,
  index: number,
  options: FanoutOptions,
): Promise<ChunkRun> {
  const ledger = options.ledger;
  let inDoubt = false;
  if (ledger) {
    let claim: ClaimResult;
    let replay: ChunkOutcome | undefined;
    try {
      claim = await claimPart(ledger, index);
      if (claim.state === 'done') replay = chunkOutcomeCodec.decode(claim.result);
    } catch (thrown) {
      // Without a claim the chunk is not sent: sending it could duplicate another invocation's.
      const error = toPushError(thrown);
      return {
        outcome: { ...failedOutcome(error, 0, false), status: 'FAILED', retryable: true },
        error,
      };
    }
    if (replay) return { outcome: { ...replay, replayed: true } };
    if (claim.state === 'in-progress' || claim.state === 'lost') {
      // Not sent: another invocation is sending the chunk, or has taken the request over.
      const lost = claim.state === 'lost';
      return {
        outcome: {
          status: 'FAILED',
          attempts: 0,
          inDoubt: false,
          code: lost ? 'RequestTakenOver' : 'ChunkInProgress',
          message: lost
            ? 'another invocation took this request over after this one’s lease ended'
            : 'another invocation is sending this chunk right now',
          retryable: true,
        },
        error: new IdempotencyConflictError(ledger.key),
      };
    }
    if (claim.state === 'claimed') inDoubt = claim.inDoubt;
  }
  const run = await sendWithRetries(chunk, index, inDoubt, options);
  if (ledger) await record(ledger, index, run.outcome, options.logger);
  return run;
}

/**
 * Completed chunks are never sent again; failed ones are released for a redelivery. A write
 * that takes no effect means another invocation claimed the chunk since: it is sending it again,
 * in doubt. Neither that nor a store failure is thrown: the chunk's outcome stands (it was sent,
 * or not), only its record is missing, and the other chunks must finish before the invocation
 * answers.
 */
async function record(
  ledger: OwnedKey,
  index: number,
  outcome: ChunkOutcome,
  logger: Logger,
): Promise<void> {
  const fields = { chunk: index, status: outcome.status };
  await settleWrite(logger, 'chunk taken over', fields, () => store(ledger, index, outcome));
}

function store(ledger: OwnedKey, index: number, outcome: ChunkOutcome): Promise<boolean> {
  const { key, token, ttlMs } = ledger;
  if (outcome.status === 'SENT' || outcome.status === 'REFUSED') {
    return ledger.store.completeChunk(key, token, index, chunkOutcomeCodec.encode(outcome), ttlMs);
  }
  return ledger.store.releaseChunk(key, token, index, outcome.inDoubt, ttlMs);
}

async function sendWithRetries(
  chunk: PushRequest,
  index: number,
  priorDoubt: boolean,
  options: FanoutOptions,
): Promise<ChunkRun> {
  const random = options.random ?? Math.random;
  let inDoubt = priorDoubt;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const receipt = await options.client.pushTemplate(chunk, {
        credentials: options.credentials,
        deadline: options.deadline,
      });
      const outcome: ChunkOutcome = {
        status: 'SENT',
        attempts: attempt,
        inDoubt,
        mpaasRequestId: receipt.requestId,
      };
      if (receipt.taskId !== undefined) outcome.taskId = receipt.taskId;
      return { outcome };
    } catch (thrown) {
      const error = toPushError(thrown);
      inDoubt ||= 'outcomeUnknown' in error && error.outcomeUnknown === true;
      const delay = retriesHelp(error)
        ? nextRetryDelay(
            attempt,
            options.retry,
            options.deadline,
            options.safetyMarginMs,
            random,
            error instanceof MpaasGatewayError ? error.retryAfterMs : undefined,
          )
        : undefined;
      if (delay === undefined) return { outcome: failedOutcome(error, attempt, inDoubt), error };
      options.logger.debug('chunk retry', {
        chunk: index,
        attempt,
        code: error.code,
        delayMs: delay,
      });
      await sleep(delay);
    }
  }
}

/**
 * Whether retrying within this invocation can help. An expired security token is retryable by
 * the platform (the next invocation gets fresh role credentials) but not here: this invocation's
 * credentials cannot change.
 */
function retriesHelp(error: PushError): boolean {
  return error.retryable && error.code !== 'InvalidSecurityToken.Expired';
}

function failedOutcome(error: PushError, attempts: number, inDoubt: boolean): ChunkOutcome {
  // Only a refusal of the request is final; one of the deployment is released for a redelivery.
  const permanentRefusal = isRequestRefusal(error);
  const status: TargetStatus = permanentRefusal
    ? 'REFUSED'
    : error.statusCode === 429
      ? 'THROTTLED'
      : 'FAILED';
  const mpaasRequestId =
    error instanceof MpaasBusinessError || error instanceof MpaasGatewayError
      ? error.requestId
      : undefined;
  return {
    status,
    attempts,
    inDoubt,
    code: error.code,
    message: error.message,
    retryable: error.retryable,
    // kept so that a replay of the refusal answers as it did, naming the same mPaaS request
    ...(mpaasRequestId === undefined ? {} : { mpaasRequestId }),
    ...(permanentRefusal ? { statusCode: error.statusCode } : {}),
  };
}

function targetResults(chunks: readonly Chunk[], outcomes: ChunkOutcome[]): TargetResult[] {
  const results: TargetResult[] = [];
  chunks.forEach((chunk, index) => {
    const outcome = outcomes[index];
    if (!outcome) return;
    for (const [target, msgKey] of Object.entries(chunk)) {
      const result: TargetResult = { target, msgKey, status: outcome.status };
      if (outcome.code !== undefined) result.code = outcome.code;
      if (outcome.message !== undefined) result.message = outcome.message;
      if (outcome.inDoubt) result.inDoubt = true;
      results.push(result);
    }
  });
  return results;
}

function summarize(chunks: readonly Chunk[], outcomes: ChunkOutcome[]): FanoutSummary {
  const summary: FanoutSummary = {
    targets: 0,
    calls: chunks.length,
    sent: 0,
    throttled: 0,
    failed: 0,
    refused: 0,
    inDoubt: 0,
    replayed: 0,
    retries: 0,
  };
  chunks.forEach((chunk, index) => {
    const outcome = outcomes[index];
    const size = Object.keys(chunk).length;
    summary.targets += size;
    if (!outcome) return;
    summary[STATUS_COUNTER[outcome.status]] += size;
    if (outcome.inDoubt) summary.inDoubt += size;
    if (outcome.replayed) summary.replayed += size;
    summary.retries += Math.max(0, outcome.attempts - 1);
  });
  return summary;
}
