/**
 * The progress of a push, as `GET /pushes/{id}` answers it.
 *
 * A dispatched push keeps a progress report in the shared store under its dispatch id: its head
 * (`h`), written by http-push before the first batch is handed over, and one part per batch
 * (`b<index>`), written by push-worker after every attempt of that batch, the last attempt's
 * outcome replacing the one before. So the status follows FC's async retries: a batch whose
 * attempt failed shows its failed targets until a retry sends them; a worker that died mid-batch
 * wrote nothing, and its batch stays pending until the retry completes it.
 *
 * A keyed push sent inline has no report: its ledger record (its state, and once done its result)
 * is the status.
 *
 * Statuses: `DISPATCHED` (no batch has reported), `IN_PROGRESS`, then `SENT` (every target sent),
 * `PARTIAL` (every batch final, some targets refused) or `FAILED` (every batch final, nothing
 * sent; for an inline push, also a push whose key was given up with targets left to send).
 */
import {
  batchPart,
  batchProgressCodec,
  failedTargets,
  HEAD_PART,
  progressHeadCodec,
} from '#lib/send/progress.ts';
import { sendResultCodec } from '#lib/send/results.ts';
import type { ProgressParts, RecordView } from '#lib/send/store/store.ts';

export const PUSH_STATUSES = ['DISPATCHED', 'IN_PROGRESS', 'SENT', 'PARTIAL', 'FAILED'] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];

/** Target counts of a push. */
export interface TargetCounts {
  total: number;
  sent: number;
  refused: number;
  failed: number;
  pending: number;
}

/** The answer of `GET /pushes/{id}`. */
export interface PushProgress {
  /** The id it was asked by: a dispatch id or an Idempotency-Key. */
  id: string;
  kind: 'dispatched' | 'inline';
  status: PushStatus;
  dispatchId?: string;
  /** Batches: `done` final, `failed` waiting for FC's retry, `pending` not reported yet. */
  batches?: { total: number; done: number; failed: number; pending: number };
  targets?: TargetCounts;
  createdAt?: string;
  updatedAt?: string;
  /** When the last batch became final. */
  completedAt?: string;
  detail?: string;
}

/** The status of targets all of whose batches are final. */
function finalStatus(targets: TargetCounts): PushStatus {
  if (targets.sent === targets.total) return 'SENT';
  return targets.sent === 0 ? 'FAILED' : 'PARTIAL';
}

/**
 * The progress of a dispatched push from its report; undefined when the report has no head.
 * @throws IdempotencyStoreError when a part cannot be read (written by something else).
 * @example dispatchProgress('9f86…', await store.readProgress('9f86…'))
 */
export function dispatchProgress(
  id: string,
  parts: ProgressParts | undefined,
): PushProgress | undefined {
  const stored = parts?.[HEAD_PART];
  if (stored === undefined) return undefined;
  const head = progressHeadCodec.decode(stored);
  const targets: TargetCounts = { total: 0, sent: 0, refused: 0, failed: 0, pending: 0 };
  const batches = { total: head.batchTargets.length, done: 0, failed: 0, pending: 0 };
  let updatedAt = head.createdAt;
  for (const [index, planned] of head.batchTargets.entries()) {
    targets.total += planned;
    const part = parts?.[batchPart(index)];
    if (part === undefined) {
      batches.pending += 1;
      targets.pending += planned;
      continue;
    }
    const batch = batchProgressCodec.decode(part);
    targets.sent += batch.sent;
    targets.refused += batch.refused;
    targets.failed += batch.failed;
    batches[batch.final ? 'done' : 'failed'] += 1;
    if (batch.at > updatedAt) updatedAt = batch.at;
  }
  const reported = batches.done + batches.failed;
  const complete = batches.done === batches.total;
  const status: PushStatus = complete
    ? finalStatus(targets)
    : reported === 0
      ? 'DISPATCHED'
      : 'IN_PROGRESS';
  return {
    id,
    kind: 'dispatched',
    status,
    dispatchId: head.dispatchId,
    batches,
    targets,
    createdAt: head.createdAt,
    updatedAt,
    ...(complete ? { completedAt: updatedAt } : {}),
  };
}

/**
 * The progress of a keyed push sent inline, from its ledger record.
 * @throws IdempotencyStoreError when a done record holds no push result.
 * @example inlineProgress('order-42', { state: 'done', result })
 */
export function inlineProgress(id: string, view: RecordView): PushProgress {
  if (view.state === 'in-progress') return { id, kind: 'inline', status: 'IN_PROGRESS' };
  if (view.state === 'abandoned') {
    return {
      id,
      kind: 'inline',
      status: 'FAILED',
      detail:
        'Not every target was sent, and the push is not retried by itself: the same request with the same Idempotency-Key sends only the targets that were not sent.',
    };
  }
  const { summary } = sendResultCodec.decode(view.result ?? null);
  const targets: TargetCounts = {
    total: summary.targets,
    sent: summary.sent,
    refused: summary.refused,
    failed: failedTargets(summary),
    pending: 0,
  };
  return { id, kind: 'inline', status: finalStatus(targets), targets };
}
