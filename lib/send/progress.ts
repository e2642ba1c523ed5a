/**
 * What a dispatched push records of its progress in the shared store, under its dispatch id:
 * the head (`h`), written by http-push before the first batch is handed over, and each batch's
 * latest outcome (`b<index>`), written by push-worker after every attempt of it.
 * lib/report/progress.ts reads them back into the status `GET /pushes/{id}` answers.
 */
import * as z from 'zod/mini';
import type { FanoutSummary } from '#lib/send/results.ts';
import { type Codec, schemaCodec } from '#lib/send/store/codec.ts';

/** The part of a report that holds its head. */
export const HEAD_PART = 'h';

/** The part of a report that holds batch `index`'s latest outcome. */
export function batchPart(index: number): string {
  return `b${index}`;
}

const count = z.int().check(z.nonnegative());

const headSchema = z.object({
  dispatchId: z.string(),
  /** Targets of each batch, by index. */
  batchTargets: z.array(count),
  createdAt: z.string(),
});

/** What http-push records of a dispatch before handing its batches over. */
export type ProgressHead = z.infer<typeof headSchema>;

const batchSchema = z.object({
  targets: count,
  sent: count,
  refused: count,
  /** Targets whose last attempt failed (throttled, timed out, 5xx): FC retries the batch. */
  failed: count,
  /** True when no target is left to retry: every one was sent or refused. */
  final: z.boolean(),
  at: z.string(),
});

/** One batch's latest outcome, as push-worker records it. */
export type BatchProgress = z.infer<typeof batchSchema>;

export const progressHeadCodec: Codec<ProgressHead> = schemaCodec('progress head', headSchema);
export const batchProgressCodec: Codec<BatchProgress> = schemaCodec('batch progress', batchSchema);

/**
 * The targets a fan-out left to retry: failed and throttled alike.
 * @example failedTargets(summary) // summary.failed + summary.throttled
 */
export function failedTargets(summary: FanoutSummary): number {
  return summary.failed + summary.throttled;
}

/**
 * A batch's progress from what its attempt produced.
 * @example batchProgress(sent.result.summary, new Date()) // { targets: 10, sent: 10, …, final: true }
 */
export function batchProgress(summary: FanoutSummary, at: Date): BatchProgress {
  const failed = failedTargets(summary);
  return {
    targets: summary.targets,
    sent: summary.sent,
    refused: summary.refused,
    failed,
    final: failed === 0,
    at: at.toISOString(),
  };
}

/**
 * A batch's progress when its attempt ended before anything was sent: `refused` (it can never
 * be sent: final) or failed (FC retries it).
 */
export function unsentBatchProgress(targets: number, refused: boolean, at: Date): BatchProgress {
  return {
    targets,
    sent: 0,
    refused: refused ? targets : 0,
    failed: refused ? 0 : targets,
    final: refused,
    at: at.toISOString(),
  };
}
