/**
 * The counters of one invocation, derived from the values the pipeline returned: written on its
 * summary line as flat numeric fields so Simple Log Service can sum, chart and alert on them.
 * Records are messages/events/requests; the rest count targets (one target is one device or user
 * of a push). Only the handler adds them up; no stage below it writes a counter.
 */
import { TARGETS_PER_CALL } from '#lib/plan/chunks.ts';
import type { SentPush } from '#lib/send/push.ts';
import { STATUS_COUNTER } from '#lib/send/results.ts';

export interface Metrics {
  /** Messages, CloudEvents, timer requests or HTTP requests seen. */
  records: number;
  /** Records that could not be decoded or broke a rule: never sent. */
  invalid: number;
  /** CloudEvents from other services: not push requests. */
  ignored: number;
  /** Targets of the valid records. */
  targets: number;
  sent: number;
  /** Permanently refused by mPaaS (unknown template, missing placeholders, …). */
  refused: number;
  /** Still throttled after the retries: the platform redelivers them. */
  throttled: number;
  /** Failed after the retries (mPaaS unavailable, network, RAM): the platform redelivers them. */
  failed: number;
  /** PushTemplate calls repeated after a retryable failure. */
  retried: number;
  /** Targets answered from the idempotency store instead of being sent again. */
  replayed: number;
  /** Targets handed to push-worker in batches. */
  dispatched: number;
}

export function emptyMetrics(): Metrics {
  return {
    records: 0,
    invalid: 0,
    ignored: 0,
    targets: 0,
    sent: 0,
    refused: 0,
    throttled: 0,
    failed: 0,
    retried: 0,
    replayed: 0,
    dispatched: 0,
  };
}

/**
 * What this invocation did for one push: what it sent now, not what an earlier delivery sent.
 * A chunk answered from the ledger counts as replayed, as does a whole request replayed.
 * @example pushMetrics(sent) // { targets: 12, sent: 12, refused: 0, …, retried: 1, replayed: 0 }
 */
export function pushMetrics(sent: SentPush): Metrics {
  const { summary, chunks } = sent.result;
  const metrics = { ...emptyMetrics(), targets: summary.targets };
  if (sent.replayed) return { ...metrics, replayed: summary.targets };
  chunks.forEach((outcome, index) => {
    // Chunks are full but the last: the plan's chunks of TARGETS_PER_CALL, in order.
    const size = Math.min(TARGETS_PER_CALL, summary.targets - index * TARGETS_PER_CALL);
    if (outcome.replayed) {
      metrics.replayed += size;
      return;
    }
    metrics[STATUS_COUNTER[outcome.status]] += size;
    metrics.retried += Math.max(0, outcome.attempts - 1);
  });
  return metrics;
}
