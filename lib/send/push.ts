/**
 * Sends one push request end to end: validate, take the role's credentials, fan out to all
 * targets in PushTemplate calls of at most 10, idempotently when the request has a key, and log
 * the outcome. Every trigger's handler (and the dispatch worker) calls this, so each rule is
 * enforced in one place.
 *
 * Validation runs before credentials are read or anything is sent: a bad request never costs a
 * push, and its error names every broken rule at once.
 */
import { credentialsFromContext } from '#lib/handler/credentials.ts';
import {
  count,
  type Invocation,
  type InvocationContext,
  invocationOf,
  type Metrics,
} from '#lib/handler/invocation.ts';
import {
  type FanoutResult,
  fanOut,
  STATUS_COUNTER,
  TARGETS_PER_CALL,
  type TargetResult,
} from '#lib/send/fanout.ts';
import { onceIfKeyed, scopedKey } from '#lib/send/ledger.ts';
import { clientFor } from '#lib/send/mpaas/shared-client.ts';
import type { StoredJson } from '#lib/send/store/store.ts';
import { type PushError, ValidationError } from '#lib/shared/errors.ts';
import type { Logger } from '#lib/shared/logger.ts';
import { type PushRequest, parsePushRequest } from '#lib/validate/push-request.ts';

/** The report of one push request, as answered and as stored for idempotent replays. */
export interface PushReport {
  /** SENT: every target; PARTIAL: some; NOT_SENT: none. */
  status: 'SENT' | 'PARTIAL' | 'NOT_SENT';
  summary: FanoutResult['summary'];
  targets: TargetResult[];
  calls: Array<{
    chunk: number;
    status: string;
    attempts: number;
    inDoubt: boolean;
    mpaasRequestId?: string;
    taskId?: string;
    code?: string;
    retryable?: boolean;
  }>;
}

export interface PushOutcome {
  report: PushReport;
  /** True when the report was stored by an earlier delivery of the same key. */
  replayed: boolean;
  /** Targets whose chunk must be retried (throttled, failed): the platform should redeliver. */
  retryable: boolean;
  /** The first chunk's error when nothing was sent by this invocation. */
  firstError?: PushError;
}

export interface PushOptions {
  /** The request's idempotency key, namespaced by trigger (`http:…`, `mns:…`); none = no dedupe. */
  idempotencyKey?: string;
  /** The logger of this push (a record's child logger in a batch). */
  logger?: Logger;
  /** The clock of the time rules (strategy windows); tests pin it. */
  now?: () => Date;
}

/**
 * Validates `input` against the PushTemplate contract; `targets` get msgKeys derived from `seed`.
 * @throws ValidationError listing every broken rule.
 * @example validatePush(body, invocation, 'http:order-42')
 */
export function validatePush(
  input: unknown,
  state: Invocation,
  seed: string,
  now: Date = new Date(),
): PushRequest {
  const { appId, workspaceId, apiVersion, timeZone, maxTargets } = state.config;
  const result = parsePushRequest(input, {
    now,
    timeZone,
    apiVersion,
    maxTargets,
    msgKeySeed: seed,
    ...(appId ? { appId } : {}),
    ...(workspaceId ? { workspaceId } : {}),
  });
  if (!result.success) throw new ValidationError(result.issues);
  return result.data;
}

/**
 * Validates and sends an already-validated request to all its targets with the invocation's role.
 * @throws ConfigurationError (no role) | IdempotencyConflictError | IdempotencyMismatchError
 * @example const { report } = await pushValidated(request, context, { idempotencyKey: 'mns:42' });
 */
export async function pushValidated(
  request: PushRequest,
  context: InvocationContext,
  options: PushOptions = {},
): Promise<PushOutcome> {
  const state = invocationOf(context);
  const credentials = credentialsFromContext(context);
  const logger = options.logger ?? state.logger;
  const { config } = state;
  const key = options.idempotencyKey;
  const client = clientFor(config);
  let fresh: FanoutResult | undefined;
  const work = async () => {
    fresh = await fanOut(request, {
      client,
      credentials,
      deadline: state.deadline,
      logger,
      concurrency: config.concurrency,
      retry: config.retry,
      safetyMarginMs: client.options.safetyMarginMs,
      ...(key === undefined ? {} : { ledger: scopedKey(state, key) }),
    });
    const report = toReport(fresh);
    return { value: report as unknown as StoredJson, complete: !needsRetry(report) };
  };
  const { value, replayed } = await onceIfKeyed(state, key, request, work);
  const report = value as unknown as PushReport;
  count(state, metricsOf(report, replayed ? undefined : fresh));
  logger[report.status === 'SENT' ? 'info' : 'warn']('push finished', {
    templateName: request.templateName,
    ...report.summary,
    requestReplayed: replayed,
  });
  const firstError = fresh?.firstError;
  return {
    report,
    replayed,
    retryable: needsRetry(report),
    ...(firstError && report.summary.sent === 0 ? { firstError } : {}),
  };
}

/**
 * Validates `input`, then sends it (see {@link pushValidated}).
 * @throws ValidationError and everything pushValidated throws.
 */
export async function pushRequest(
  input: unknown,
  context: InvocationContext,
  options: PushOptions = {},
): Promise<PushOutcome> {
  const state = invocationOf(context);
  const seed = options.idempotencyKey ?? context.requestId;
  const request = validatePush(input, state, seed, options.now?.() ?? new Date());
  return pushValidated(request, context, options);
}

function needsRetry(report: PushReport): boolean {
  return report.summary.throttled + report.summary.failed > 0;
}

function toReport(result: FanoutResult): PushReport {
  const { summary } = result;
  const status =
    summary.sent === summary.targets ? 'SENT' : summary.sent > 0 ? 'PARTIAL' : 'NOT_SENT';
  const calls = result.chunks.map((outcome, chunk) => ({
    chunk,
    status: outcome.status,
    attempts: outcome.attempts,
    inDoubt: outcome.inDoubt,
    ...(outcome.mpaasRequestId ? { mpaasRequestId: outcome.mpaasRequestId } : {}),
    ...(outcome.taskId ? { taskId: outcome.taskId } : {}),
    ...(outcome.code ? { code: outcome.code } : {}),
    ...(outcome.retryable === undefined ? {} : { retryable: outcome.retryable }),
  }));
  return { status, summary, targets: result.targets, calls };
}

/** This invocation's counters: what it sent now, not what an earlier delivery sent. */
function metricsOf(report: PushReport, fresh: FanoutResult | undefined): Partial<Metrics> {
  const { summary } = report;
  if (!fresh) return { targets: summary.targets, replayed: summary.targets };
  const metrics = {
    targets: summary.targets,
    sent: 0,
    refused: 0,
    throttled: 0,
    failed: 0,
    retried: summary.retries,
    replayed: summary.replayed,
  };
  for (const outcome of fresh.chunks) {
    if (outcome.replayed) metrics.retried -= Math.max(0, outcome.attempts - 1);
  }
  for (const target of fresh.targets) metrics[STATUS_COUNTER[target.status]] += 1;
  for (const [index, outcome] of fresh.chunks.entries()) {
    if (outcome.replayed) metrics[STATUS_COUNTER[outcome.status]] -= chunkSize(fresh, index);
  }
  return metrics;
}

function chunkSize(result: FanoutResult, index: number): number {
  return Math.min(TARGETS_PER_CALL, result.summary.targets - index * TARGETS_PER_CALL);
}
