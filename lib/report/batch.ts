/**
 * The report of an event-triggered invocation (an MNS message, a CloudEvent batch, a timer
 * firing, a dispatch batch): one result per record, and the summary built from them, as
 * Powertools' batch processor returns one result per record and builds the response at the top.
 *
 * - invalid records and permanent mPaaS refusals are reported, not retried: a redelivery would
 *   fail the same way;
 * - retryable failures (throttling, mPaaS unavailable, timeouts, transport errors, a duplicate
 *   still in progress) and operator errors (no role, RAM denies the push) make the invocation
 *   throw once the batch is done ({@link BatchRetryError}), so FC or EventBridge redelivers it
 *   and, after its retries, parks it in the dead-letter queue.
 */
import type { SentPush } from '#lib/send/push.ts';
import {
  IdempotencyMismatchError,
  type Outcome,
  outcomeOf,
  PushError,
} from '#lib/shared/errors.ts';

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
 * The result of a record whose push ran.
 * @example sentRecordResult('mns-1', sent) // { id: 'mns-1', outcome: 'sent' }
 */
export function sentRecordResult(id: string, pushed: SentPush): RecordResult {
  const { summary, chunks } = pushed.result;
  const code = chunks.find((call) => call.code !== undefined && call.status !== 'SENT')?.code;
  const replayed = pushed.replayed ? { replayed: true } : {};
  if (pushed.retryable) {
    // A call that failed for good (RAM denies the push, a bad signature) needs an operator:
    // still redelivered, so nothing is lost while the deployment is fixed, but counted as `error`.
    const operator = chunks.find((call) => call.status === 'FAILED' && call.retryable === false);
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

/**
 * The result of a record whose validation or push threw.
 * @example failedRecordResult('mns-1', new ValidationError([…])) // { id: 'mns-1', outcome: 'invalid', code: 'InvalidPushRequest' }
 */
export function failedRecordResult(id: string, error: unknown): RecordResult {
  // A reused id with another payload can never succeed: counted as refused, not retried.
  const outcome = error instanceof IdempotencyMismatchError ? 'refused' : outcomeOf(error);
  const code = error instanceof PushError ? error.code : 'InternalError';
  return { id, outcome, code };
}

/** Whether a record's outcome makes the platform redeliver the batch. */
export function needsRetry(outcome: RecordResult['outcome']): boolean {
  return outcome === 'throttled' || outcome === 'failed' || outcome === 'error';
}

/**
 * The summary of a batch's results.
 * @example summarizeBatch(results).retryable // records to redeliver
 */
export function summarizeBatch(results: RecordResult[]): BatchSummary {
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
