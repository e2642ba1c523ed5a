/**
 * The report of one push request: the plain value a caller is answered with and a record's
 * result is derived from. It is computed from the send stage's result, the same way for a fresh
 * send and for a replay, so a replayed answer is the answer that was first given.
 */
import type { SendResult } from '#lib/send/results.ts';

/** The report of one push request, as answered. */
export interface PushReport {
  /** SENT: every target; PARTIAL: some; NOT_SENT: none. */
  status: 'SENT' | 'PARTIAL' | 'NOT_SENT';
  summary: SendResult['summary'];
  targets: SendResult['targets'];
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

/**
 * The report of a push's result.
 * @example pushReport(sent.result).status // 'SENT'
 */
export function pushReport(result: SendResult): PushReport {
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

/**
 * The HTTP status of a push: 200 all sent, 207 some; a replayed request that sent nothing was
 * refused by mPaaS (422).
 * @example pushStatusCode(report) // 207
 */
export function pushStatusCode(report: PushReport): number {
  if (report.status === 'SENT') return 200;
  return report.status === 'PARTIAL' ? 207 : 422;
}
