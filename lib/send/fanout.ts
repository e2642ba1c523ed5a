/**
 * Fan-out: one push request to any number of targets, as PushTemplate calls of at most 10
 * targets each (mPaaS refuses more with 3029), sent with bounded concurrency, each retried with
 * backoff while the deadline allows, and each recorded in the idempotency store so that a
 * redelivered request re-sends only the chunks that did not complete, with the same msgKeys.
 *
 * One chunk's failure never stops the others; the result lists every target with its status.
 */

import type { MpaasClient } from '#lib/send/mpaas/client.ts';
import { nextRetryDelay, type RetryPolicy, sleep } from '#lib/send/retry.ts';
import type { ClaimResult, IdempotencyStore, StoredJson } from '#lib/send/store/store.ts';
import {
  IdempotencyConflictError,
  MpaasBusinessError,
  type PushError,
  toPushError,
} from '#lib/shared/errors.ts';
import type { Deadline, FcCredentials } from '#lib/shared/fc-context.ts';
import type { Logger } from '#lib/shared/logger.ts';
import { mapWithConcurrency } from '#lib/shared/pool.ts';
import type { PushRequest } from '#lib/validate/push-request.ts';

/** PushTemplate's limit of targets per call. */
export const TARGETS_PER_CALL = 10;

export type TargetStatus = 'SENT' | 'THROTTLED' | 'FAILED' | 'REFUSED';

/** The summary counter each status adds to. */
export const STATUS_COUNTER = {
  SENT: 'sent',
  THROTTLED: 'throttled',
  FAILED: 'failed',
  REFUSED: 'refused',
} as const;

/** The outcome of one PushTemplate call (a chunk), as stored for idempotent replays. */
export interface ChunkOutcome {
  status: TargetStatus;
  attempts: number;
  /** A call of this chunk may have been delivered although it failed (timeout, reset, 5xx). */
  inDoubt: boolean;
  code?: string;
  message?: string;
  retryable?: boolean;
  mpaasRequestId?: string;
  taskId?: string;
  /** Served from the idempotency store: not sent again by this invocation. */
  replayed?: boolean;
}

/** One target's line in the result. */
export interface TargetResult {
  target: string;
  msgKey: string;
  status: TargetStatus;
  code?: string;
  message?: string;
  inDoubt?: boolean;
}

export interface FanoutSummary {
  targets: number;
  calls: number;
  sent: number;
  throttled: number;
  failed: number;
  refused: number;
  inDoubt: number;
  replayed: number;
  /** Attempts beyond the first, over all chunks. */
  retries: number;
}

export interface FanoutResult {
  summary: FanoutSummary;
  targets: TargetResult[];
  chunks: ChunkOutcome[];
  /** The error of the first chunk that was not sent, for callers that answer with one status. */
  firstError?: PushError;
}

/** Idempotency of the chunks: the request's key and how long its records live. */
export interface ChunkLedger {
  store: IdempotencyStore;
  key: string;
  /** How long a claim may hold a chunk, computed at each claim (the time left plus a margin). */
  leaseMs: () => number;
  ttlMs: number;
}

export interface FanoutOptions {
  client: MpaasClient;
  credentials: FcCredentials;
  deadline: Deadline;
  logger: Logger;
  concurrency: number;
  retry: RetryPolicy;
  /** Kept back before the deadline, ms (the client keeps the same margin). */
  safetyMarginMs: number;
  ledger?: ChunkLedger;
  random?: () => number;
}

/**
 * Splits the targets into PushTemplate-sized chunks, sorted by target: chunk i of a redelivered
 * request must hold the same targets whatever order the caller (or a JSON parser) listed them
 * in, since the idempotency record of chunk i says whether those targets were sent.
 */
export function chunkTargets(targetMsgkey: Record<string, string>): Array<Record<string, string>> {
  const pairs = sortedPairs(targetMsgkey);
  const chunks: Array<Record<string, string>> = [];
  for (let i = 0; i < pairs.length; i += TARGETS_PER_CALL) {
    chunks.push(Object.fromEntries(pairs.slice(i, i + TARGETS_PER_CALL)));
  }
  return chunks;
}

/** The target → msgKey pairs in code-unit order of the target, the one order every caller shares. */
export function sortedPairs(targetMsgkey: Record<string, string>): Array<[string, string]> {
  return Object.entries(targetMsgkey).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Sends `request` to all its targets.
 * @example const { summary, targets } = await fanOut(request, { client, credentials, deadline, logger, concurrency: 4, retry, safetyMarginMs: 500 });
 */
export async function fanOut(request: PushRequest, options: FanoutOptions): Promise<FanoutResult> {
  const chunks = chunkTargets(request.targetMsgkey);
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
    try {
      claim = await ledger.store.claimChunk(ledger.key, index, ledger.leaseMs(), ledger.ttlMs);
    } catch (thrown) {
      // Without a claim the chunk is not sent: sending it could duplicate another invocation's.
      const error = toPushError(thrown);
      return {
        outcome: { ...failedOutcome(error, 0, false), status: 'FAILED', retryable: true },
        error,
      };
    }
    if (claim.state === 'done') {
      return { outcome: { ...(claim.result as unknown as ChunkOutcome), replayed: true } };
    }
    if (claim.state === 'in-progress') {
      const message = 'another invocation is sending this chunk right now';
      return {
        outcome: {
          status: 'FAILED',
          attempts: 0,
          inDoubt: false,
          code: 'ChunkInProgress',
          message,
          retryable: true,
        },
        error: new IdempotencyConflictError(ledger.key),
      };
    }
    inDoubt = claim.inDoubt;
  }
  const run = await sendWithRetries(chunk, index, inDoubt, options);
  if (ledger) await record(ledger, index, run.outcome, options.logger);
  return run;
}

/** Completed chunks are never sent again; failed ones are released for a redelivery. */
async function record(
  ledger: ChunkLedger,
  index: number,
  outcome: ChunkOutcome,
  logger: Logger,
): Promise<void> {
  try {
    await store(ledger, index, outcome);
  } catch (error) {
    // The chunk's outcome stands (it was sent, or not); only its record is missing, so a
    // redelivery may send it again. Logged for the operator, never thrown: the other chunks
    // must finish before the invocation answers.
    logger.error('idempotency record not written', { chunk: index, status: outcome.status, error });
  }
}

async function store(ledger: ChunkLedger, index: number, outcome: ChunkOutcome): Promise<void> {
  if (outcome.status === 'SENT' || outcome.status === 'REFUSED') {
    await ledger.store.completeChunk(
      ledger.key,
      index,
      outcome as unknown as StoredJson,
      ledger.ttlMs,
    );
  } else {
    await ledger.store.releaseChunk(ledger.key, index, outcome.inDoubt, ledger.ttlMs);
  }
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
        ? nextRetryDelay(attempt, options.retry, options.deadline, options.safetyMarginMs, random)
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
  const permanentRefusal = error instanceof MpaasBusinessError && !error.retryable;
  const status: TargetStatus = permanentRefusal
    ? 'REFUSED'
    : error.statusCode === 429
      ? 'THROTTLED'
      : 'FAILED';
  return {
    status,
    attempts,
    inDoubt,
    code: error.code,
    message: error.message,
    retryable: error.retryable,
  };
}

function targetResults(
  chunks: Array<Record<string, string>>,
  outcomes: ChunkOutcome[],
): TargetResult[] {
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

function summarize(chunks: Array<Record<string, string>>, outcomes: ChunkOutcome[]): FanoutSummary {
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
