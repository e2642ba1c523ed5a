/**
 * Sends the push requests of an event-triggered invocation (an MNS message, a CloudEvent batch,
 * a timer firing) so that nothing is lost and no poison message is retried forever:
 *
 * - every record is processed; one record's failure never stops the others;
 * - invalid records and permanent mPaaS refusals are logged with their reasons and counted, not
 *   retried: a redelivery would fail the same way;
 * - retryable failures (throttling, mPaaS unavailable, timeouts, transport errors) and operator
 *   errors (no role, RAM denies the push) make the invocation throw once the batch is done, so
 *   FC or EventBridge redelivers it and, after its retries, parks it in the dead-letter queue.
 */

import {
  MpaasBusinessError,
  MpaasGatewayError,
  MpaasTransportError,
  type Outcome,
  outcomeOf,
  PushError,
  ValidationError,
} from './errors.ts';
import type { PushRecord } from './events/record.ts';
import { annotate, type InvocationContext, invocationOf } from './invocation.ts';
import { clientFor } from './mpaas/shared-client.ts';
import { sendPush } from './push.ts';

/** What happened to one record. */
export interface RecordResult {
  id: string;
  outcome: Outcome | 'ignored';
  code?: string;
}

/** The summary an event function returns and logs. */
export interface BatchSummary {
  records: number;
  sent: number;
  invalid: number;
  refused: number;
  ignored: number;
  /** Throttled, failed or misconfigured records: the invocation throws so they are redelivered. */
  retryable: number;
  results: RecordResult[];
}

/** How many records are pushed at once; small, so a batch cannot trip mPaaS flow control. */
const CONCURRENCY = 4;

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
  const results: RecordResult[] = new Array(records.length);
  let next = 0;
  const worker = async () => {
    while (next < records.length) {
      const index = next++;
      const record = records[index];
      if (record) results[index] = await pushRecord(record, context);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, records.length) }, worker));
  const summary = summarize(results);
  const state = invocationOf(context);
  annotate(state, { outcome: summary.retryable > 0 ? 'failed' : 'done', ...counts(summary) });
  state.logger.info('batch processed', { ...counts(summary), results: summary.results });
  if (summary.retryable > 0) throw new BatchRetryError(summary);
  return summary;
}

async function pushRecord(record: PushRecord, context: InvocationContext): Promise<RecordResult> {
  const state = invocationOf(context);
  const logger = state.logger.child({ recordId: record.id });
  if (record.kind === 'ignored') {
    logger.info('event ignored', { reason: record.reason });
    return { id: record.id, outcome: 'ignored' };
  }
  if (record.kind === 'invalid') {
    logger.warn('record invalid', { outcome: 'invalid', reason: record.reason });
    return { id: record.id, outcome: 'invalid', code: 'UndecodableRecord' };
  }
  try {
    await sendPush(record.request, context, { client: clientFor(state.config), logger });
    return { id: record.id, outcome: 'sent' };
  } catch (error) {
    const outcome = outcomeOf(error);
    const code = error instanceof PushError ? error.code : 'InternalError';
    if (error instanceof ValidationError) {
      logger.warn('record invalid', { outcome, code, issues: error.issues });
    } else if (!isMpaasError(error)) {
      // sendPush logged mPaaS errors already; anything else (no role, a bug) is logged here.
      logger.error('record failed', { outcome, code, error });
    }
    return { id: record.id, outcome, code };
  }
}

function isMpaasError(error: unknown): boolean {
  return (
    error instanceof MpaasBusinessError ||
    error instanceof MpaasGatewayError ||
    error instanceof MpaasTransportError
  );
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
    retryable: results.filter((result) => needsRetry(result.outcome)).length,
    results,
  };
}

function counts(summary: BatchSummary): Omit<BatchSummary, 'results'> {
  const { results: _results, ...rest } = summary;
  return rest;
}
