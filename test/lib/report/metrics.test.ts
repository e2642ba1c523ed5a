/**
 * The counters of a push, derived from what the send stage returned: what this invocation sent,
 * refused, retried, and what it answered from the ledger instead.
 */
import { describe, expect, it } from 'vitest';
import { emptyMetrics, pushMetrics } from '#lib/report/metrics.ts';
import type { SentPush } from '#lib/send/push.ts';
import type { ChunkOutcome, SendResult } from '#lib/send/results.ts';

const counters = ['sent', 'throttled', 'failed', 'refused', 'inDoubt', 'replayed', 'retries'];
const noCounts = Object.fromEntries(counters.map((name) => [name, 0])) as Omit<
  SendResult['summary'],
  'targets' | 'calls'
>;

function sent(targets: number, chunks: ChunkOutcome[], replayed = false): SentPush {
  const result: SendResult = {
    // pushMetrics reads only the number of targets; the other counts are the fan-out's own
    summary: { ...noCounts, targets, calls: chunks.length },
    targets: [],
    chunks,
  };
  return { result, replayed, retryable: false };
}

describe('pushMetrics', () => {
  it('counts every target of a chunk by its status, and the attempts beyond the first', () => {
    const metrics = pushMetrics(
      sent(25, [
        { status: 'SENT', attempts: 3, inDoubt: false },
        { status: 'REFUSED', attempts: 1, inDoubt: false },
        { status: 'THROTTLED', attempts: 5, inDoubt: false },
      ]),
    );

    expect(metrics).toEqual({
      ...emptyMetrics(),
      targets: 25,
      sent: 10,
      refused: 10,
      throttled: 5,
      failed: 0,
      retried: 2 + 0 + 4,
      replayed: 0,
    });
  });

  it('counts a chunk answered from the ledger as replayed, not as sent or retried again', () => {
    const metrics = pushMetrics(
      sent(12, [
        { status: 'SENT', attempts: 4, inDoubt: false, replayed: true },
        { status: 'FAILED', attempts: 2, inDoubt: true },
      ]),
    );

    expect(metrics).toEqual({
      ...emptyMetrics(),
      targets: 12,
      sent: 0,
      refused: 0,
      throttled: 0,
      failed: 2,
      retried: 1,
      replayed: 10,
    });
  });

  it('counts every target of a request replayed whole as replayed and nothing else', () => {
    const metrics = pushMetrics(sent(7, [{ status: 'SENT', attempts: 2, inDoubt: false }], true));

    expect(metrics).toEqual({ ...emptyMetrics(), targets: 7, replayed: 7 });
  });
});
