/**
 * Sends the push requests of an event-triggered invocation (an MNS message, a CloudEvent batch,
 * a timer firing) so that nothing is lost, nothing is sent twice and no poison message is retried
 * forever:
 *
 * - every record is processed; one record's failure never stops the others;
 * - each record is idempotent under its own key (MNS MessageId, CloudEvent source + id, timer
 *   firing): a redelivery replays what completed and re-sends only the chunks that did not;
 * - invalid records and permanent mPaaS refusals are logged with their reasons and counted, not
 *   retried: a redelivery would fail the same way;
 * - retryable failures (throttling, mPaaS unavailable, timeouts, transport errors, a duplicate
 *   still in progress) and operator errors (no role, RAM denies the push) make the invocation
 *   throw once the batch is done, so FC or EventBridge redelivers it and, after its retries,
 *   parks it in the dead-letter queue.
 */

import type { PushRecord } from '#lib/adapt/record.ts';
import {
  annotate,
  count,
  type InvocationContext,
  invocationOf,
  type Trigger,
} from '#lib/handler/invocation.ts';
import { type PushOutcome, pushRequest } from '#lib/send/push.ts';
import {
  IdempotencyMismatchError,
  type Outcome,
  outcomeOf,
  PushError,
  ValidationError,
} from '#lib/shared/errors.ts';
import { mapWithConcurrency } from '#lib/shared/pool.ts';

/** What happened to one record. */
export interface RecordResult {
  id: string;
  outcome: Outcome | 'ignored';
  code?: string;
  /** Completed by an earlier delivery of the same record: nothing was sent again. */
  replayed?: boolean;
}

/** The summary an event function returns and logs. */
export interface BatchSummary {
  records: number;
  sent: number;
  invalid: number;
  refused: number;
  ignored: number;
  replayed: number;
  /** Throttled, failed or misconfigured records: the invocation throws so they are redelivered. */
  retryable: number;
  results: RecordResult[];
}

/** How many records are pushed at once; each fans out with its own bounded concurrency. */
const RECORD_CONCURRENCY = 2;

/** Thrown after a batch when some records must be redelivered; names them. */
export class BatchRetryError extends PushError {
  override name = 'BatchRetryError';
  readonly summary: BatchSummary;

  constructor(summary: BatchSummary) {
    const failed = summary.results.filter((result) => needsRetry(result.outcome));
    const list = failed
      .map((result) => `${result.id} (${result.code ?? result.outcome})`)
      .join(', ');
    super(`${failed.length} of ${summary.records} records must be retried: ${list}`, {
      statusCode: 503,
      code: 'RecordsFailed',
      retryable: true,
    });
    this.summary = summary;
  }
}

/**
 * Pushes every record and returns the summary.
 * @throws BatchRetryError when any record must be redelivered (after all were processed).
 * @example return pushRecords(mnsTopicRecords(event, context.requestId), context);
 */
export async function pushRecords(
  records: PushRecord[],
  context: InvocationContext,
): Promise<BatchSummary> {
  const state = invocationOf(context);
  const results = await mapWithConcurrency(records, RECORD_CONCURRENCY, (record) =>
    pushRecord(record, context, state.trigger),
  );
  const summary = summarize(results);
  const { results: _results, ...counts } = summary;
  count(state, { records: summary.records, invalid: summary.invalid, ignored: summary.ignored });
  annotate(state, { outcome: summary.retryable > 0 ? 'failed' : 'done' });
  state.logger.info('batch processed', { ...counts, results });
  if (summary.retryable > 0) throw new BatchRetryError(summary);
  return summary;
}

async function pushRecord(
  record: PushRecord,
  context: InvocationContext,
  trigger: Trigger,
): Promise<RecordResult> {
  const logger = invocationOf(context).logger.child({ recordId: record.id });
  if (record.kind === 'ignored') {
    logger.info('event ignored', { reason: record.reason });
    return { id: record.id, outcome: 'ignored' };
  }
  if (record.kind === 'invalid') {
    logger.warn('record invalid', { outcome: 'invalid', reason: record.reason });
    return { id: record.id, outcome: 'invalid', code: 'UndecodableRecord' };
  }
  try {
    const validatedAt = record.validatedAt;
    const pushed = await pushRequest(record.request, context, {
      idempotencyKey: `${trigger}:${record.id}`,
      logger,
      ...(validatedAt ? { now: () => validatedAt } : {}),
    });
    return resultOf(record.id, pushed);
  } catch (error) {
    // A reused id with another payload can never succeed: counted as refused, not retried.
    const outcome = error instanceof IdempotencyMismatchError ? 'refused' : outcomeOf(error);
    const code = error instanceof PushError ? error.code : 'InternalError';
    const fields = {
      outcome,
      code,
      ...(error instanceof ValidationError ? { issues: error.issues } : { error }),
    };
    logger[outcome === 'invalid' || outcome === 'refused' ? 'warn' : 'error'](
      'record not sent',
      fields,
    );
    return { id: record.id, outcome, code };
  }
}

function resultOf(id: string, pushed: PushOutcome): RecordResult {
  const { summary, calls } = pushed.report;
  const code = calls.find((call) => call.code !== undefined && call.status !== 'SENT')?.code;
  const replayed = pushed.replayed ? { replayed: true } : {};
  if (pushed.retryable) {
    // A call that failed for good (RAM denies the push, a bad signature) needs an operator:
    // still redelivered, so nothing is lost while the deployment is fixed, but counted as `error`.
    const operator = calls.find((call) => call.status === 'FAILED' && call.retryable === false);
    const outcome = operator ? 'error' : summary.failed > 0 ? 'failed' : 'throttled';
    const failedCode = operator?.code ?? code;
    return { id, outcome, ...(failedCode ? { code: failedCode } : {}), ...replayed };
  }
  return {
    id,
    outcome: summary.sent > 0 ? 'sent' : 'refused',
    ...(code ? { code } : {}),
    ...replayed,
  };
}

function needsRetry(outcome: RecordResult['outcome']): boolean {
  return outcome === 'throttled' || outcome === 'failed' || outcome === 'error';
}

function summarize(results: RecordResult[]): BatchSummary {
  const count = (outcome: RecordResult['outcome']) =>
    results.filter((result) => result.outcome === outcome).length;
  return {
    records: results.length,
    sent: count('sent'),
    invalid: count('invalid'),
    refused: count('refused'),
    ignored: count('ignored'),
    replayed: results.filter((result) => result.replayed).length,
    retryable: results.filter((result) => needsRetry(result.outcome)).length,
    results,
  };
}
