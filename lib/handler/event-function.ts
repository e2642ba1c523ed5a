/**
 * The shape every event-triggered function shares: the trigger's adapter turns the event into
 * records, and each record goes through validate → plan → send on its own, so one record's
 * failure never stops the others; the report stage gives one result per record, from which this
 * handler — and only it — builds the batch summary, the invocation's counters and its summary
 * line. Adding a trigger means adding an adapter in `lib/adapt/` and a three-line function.
 *
 * Nothing is lost and nothing is sent twice: each record is idempotent under its own key (MNS
 * MessageId, CloudEvent source + id, timer firing, dispatch batch), and any record that must be
 * redelivered makes the invocation throw once the whole batch is done.
 */
import middy from '@middy/core';
import type { DispatchedBatch, EventAdapter, KeyedRecord, Trigger } from '#lib/adapt/record.ts';
import {
  annotate,
  count,
  type Invocation,
  type InvocationContext,
  invocationOf,
} from '#lib/handler/invocation.ts';
import { invocation } from '#lib/handler/invocation-middleware.ts';
import { sendOptions, validationRules } from '#lib/handler/scope.ts';
import { ledgerFor, sharedStore } from '#lib/handler/store-scope.ts';
import { catchUp } from '#lib/plan/catch-up.ts';
import { planInline } from '#lib/plan/plan.ts';
import {
  BatchRetryError,
  type BatchSummary,
  failedRecordResult,
  needsRetry,
  type RecordResult,
  sentRecordResult,
  summarizeBatch,
} from '#lib/report/batch.ts';
import { type Metrics, pushMetrics } from '#lib/report/metrics.ts';
import {
  batchPart,
  batchProgress,
  batchProgressCodec,
  unsentBatchProgress,
} from '#lib/send/progress.ts';
import { sendPush } from '#lib/send/push.ts';
import type { FanoutSummary } from '#lib/send/results.ts';
import { PushError, ValidationError } from '#lib/shared/errors.ts';
import type { Logger } from '#lib/shared/logger.ts';
import { mapWithConcurrency } from '#lib/shared/pool.ts';
import { validatePush } from '#lib/validate/validate.ts';

/** How many records are pushed at once; each fans out with its own bounded concurrency. */
const RECORD_CONCURRENCY = 2;

/**
 * An FC 3.0 handler for an event trigger.
 * @example export const handler = eventFunction('mns-push', mnsTopicAdapter);
 */
export function eventFunction(functionName: string, adapter: EventAdapter) {
  const pushEvent = async (event: Buffer, context: InvocationContext): Promise<BatchSummary> => {
    const state = invocationOf(context);
    // 1. adapt
    const records = adapter.records(event, context.requestId);
    // 2–4. validate, plan and send each record
    const pushed = await mapWithConcurrency(records, RECORD_CONCURRENCY, (record) =>
      pushRecord(record, state, context, adapter.trigger),
    );
    // 5. report
    for (const { metrics } of pushed) count(state, metrics);
    const summary = summarizeBatch(pushed.map(({ result }) => result));
    const { results, ...counts } = summary;
    count(state, { records: summary.records, invalid: summary.invalid, ignored: summary.ignored });
    annotate(state, { outcome: summary.retryable > 0 ? 'failed' : 'done' });
    state.logger.info('batch processed', { ...counts, results });
    if (summary.retryable > 0) throw new BatchRetryError(summary);
    return summary;
  };
  // FC has no getRemainingTimeInMillis(): middy's early timeout stays off and the deadline is
  // computed from context.function.timeout by the invocation() middleware instead.
  return middy<Buffer, BatchSummary, Error, InvocationContext>({ timeoutEarlyInMillis: 0 })
    .use(invocation({ functionName, trigger: adapter.trigger }))
    .handler(pushEvent);
}

/** One record's result, and what it adds to the invocation's counters. */
interface PushedRecord {
  result: RecordResult;
  metrics: Partial<Metrics>;
  /** What its fan-out did, when it ran. */
  summary?: FanoutSummary;
}

/**
 * The instant a record's time rules are judged at: when it first arrived, so that a redelivery
 * is judged as its first delivery was (a scheduled time may have passed since; catchUp decides
 * what is then sent). An arrival in the future (a publisher's clock) counts as now. An arrival
 * older than the idempotency TTL counts as now too, since its ledger record may be gone; a
 * dispatch batch that old is not sent, as its request's ledger surely is gone and a send could
 * repeat one: it is an error, so FC retries it and then dead-letters it for an operator (it was
 * valid when it was dispatched, so it is not dropped as invalid).
 *
 * @throws PushError `StaleBatch` for a dispatch batch validated longer ago than the TTL.
 */
function timeRulesAt(arrived: Date | undefined, now: Date, ttlMs: number, trigger: Trigger): Date {
  if (arrived === undefined || arrived > now) return now;
  if (now.getTime() - arrived.getTime() <= ttlMs) return arrived;
  if (trigger === 'dispatch') {
    throw new PushError(
      `The batch was validated at ${arrived.toISOString()}, longer ago than the idempotency TTL (${ttlMs / 1000} s): its request's ledger has expired, so it is not sent; it goes to the dead-letter queue.`,
      { statusCode: 500, code: 'StaleBatch', retryable: false },
    );
  }
  return now;
}

async function pushRecord(
  record: KeyedRecord,
  state: Invocation,
  context: InvocationContext,
  trigger: Trigger,
): Promise<PushedRecord> {
  const logger = state.logger.child({ recordId: record.id });
  const pushed = await sendRecord(record, state, context, trigger, logger);
  if (record.kind !== 'push' || record.batch === undefined) return pushed;
  // Another invocation is sending this batch right now: its report is the one to keep.
  if (pushed.result.code === 'IdempotencyKeyInProgress') return pushed;
  return reportBatch(record.batch, pushed, state, context, logger);
}

/**
 * Records a dispatch batch's outcome in its push's progress report (lib/send/progress.ts), after
 * every attempt. A report that cannot be written makes the record retryable: FC's retry replays
 * the batch from the ledger without sending anything again, and writes the report.
 */
async function reportBatch(
  batch: DispatchedBatch,
  pushed: PushedRecord,
  state: Invocation,
  context: InvocationContext,
  logger: Logger,
): Promise<PushedRecord> {
  const now = new Date();
  const progress = pushed.summary
    ? batchProgress(pushed.summary, now)
    : unsentBatchProgress(batch.targets, !needsRetry(pushed.result.outcome), now);
  try {
    const store = sharedStore(state, context, logger);
    const part = batchPart(batch.batchIndex);
    const value = batchProgressCodec.encode(progress);
    await store.putProgress(batch.dispatchId, part, value, state.config.idempotencyTtlMs);
    return pushed;
  } catch (error) {
    logger.error('batch progress not written', { dispatchId: batch.dispatchId, error });
    if (needsRetry(pushed.result.outcome)) return pushed;
    return { ...pushed, result: failedRecordResult(pushed.result.id, error) };
  }
}

async function sendRecord(
  record: KeyedRecord,
  state: Invocation,
  context: InvocationContext,
  trigger: Trigger,
  logger: Logger,
): Promise<PushedRecord> {
  if (record.kind === 'ignored') {
    logger.info('event ignored', { reason: record.reason });
    return { result: { id: record.id, outcome: 'ignored' }, metrics: {} };
  }
  if (record.kind === 'invalid') {
    logger.warn('record invalid', { outcome: 'invalid', reason: record.reason });
    return {
      result: { id: record.id, outcome: 'invalid', code: 'UndecodableRecord' },
      metrics: {},
    };
  }
  try {
    const { idempotencyKey } = record;
    const now = new Date();
    const asOf = timeRulesAt(record.validatedAt, now, state.config.idempotencyTtlMs, trigger);
    const valid = validatePush(record.request, validationRules(state), idempotencyKey, asOf);
    const { request, change } = catchUp(valid, now, state.config.timeZone);
    if (change !== undefined) logger.warn('schedule caught up', { change });
    const options = sendOptions(state, context, logger);
    const ledger = ledgerFor(state, context, idempotencyKey, logger);
    const sent = await sendPush(planInline(valid, request), options, ledger);
    return {
      result: sentRecordResult(record.id, sent),
      metrics: pushMetrics(sent),
      summary: sent.result.summary,
    };
  } catch (error) {
    const result = failedRecordResult(record.id, error);
    const fields = {
      outcome: result.outcome,
      code: result.code,
      ...(error instanceof ValidationError ? { issues: error.issues } : { error }),
    };
    const quiet = result.outcome === 'invalid' || result.outcome === 'refused';
    logger[quiet ? 'warn' : 'error']('record not sent', fields);
    return { result, metrics: {} };
  }
}
