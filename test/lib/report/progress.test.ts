/**
 * A push's status from its progress report or ledger record (lib/report/progress.ts), and the
 * batch parts push-worker writes (lib/send/progress.ts).
 */
import { describe, expect, it } from 'vitest';
import { dispatchProgress, inlineProgress } from '#lib/report/progress.ts';
import {
  type BatchProgress,
  batchProgress,
  progressHeadCodec,
  unsentBatchProgress,
} from '#lib/send/progress.ts';
import type { FanoutSummary } from '#lib/send/results.ts';
import { IdempotencyStoreError } from '#lib/send/store/store-error.ts';

const AT = new Date('2026-12-02T10:00:00.000Z');
const head = progressHeadCodec.encode({
  dispatchId: 'd-1',
  batchTargets: [10, 20, 30],
  createdAt: '2026-12-02T09:00:00.000Z',
});

function summary(counts: Partial<FanoutSummary>): FanoutSummary {
  return {
    targets: 0,
    calls: 0,
    sent: 0,
    throttled: 0,
    failed: 0,
    refused: 0,
    inDoubt: 0,
    replayed: 0,
    retries: 0,
    ...counts,
  };
}

function batch(counts: Partial<BatchProgress>, at = AT.toISOString()): BatchProgress {
  return { targets: 0, sent: 0, refused: 0, failed: 0, final: true, at, ...counts };
}

describe('batchProgress', () => {
  it('counts throttled targets as failed, and is final only with none left to retry', () => {
    expect(
      batchProgress(summary({ targets: 30, sent: 10, throttled: 10, failed: 10 }), AT),
    ).toEqual({
      targets: 30,
      sent: 10,
      refused: 0,
      failed: 20,
      final: false,
      at: AT.toISOString(),
    });
    expect(batchProgress(summary({ targets: 30, sent: 20, refused: 10 }), AT)).toEqual({
      targets: 30,
      sent: 20,
      refused: 10,
      failed: 0,
      final: true,
      at: AT.toISOString(),
    });
  });

  it('reports a batch that sent nothing as refused (final) or failed (to retry)', () => {
    expect(unsentBatchProgress(10, true, AT)).toMatchObject({
      refused: 10,
      failed: 0,
      final: true,
    });
    expect(unsentBatchProgress(10, false, AT)).toMatchObject({
      refused: 0,
      failed: 10,
      final: false,
    });
  });
});

describe('dispatchProgress', () => {
  it('is undefined without a head: nothing is known of the dispatch', () => {
    expect(dispatchProgress('d-1', undefined)).toBeUndefined();
    expect(dispatchProgress('d-1', { b0: batch({ targets: 10, sent: 10 }) })).toBeUndefined();
  });

  it('is IN_PROGRESS once a batch reported and others are pending or failed, updated at the latest report', () => {
    const progress = dispatchProgress('d-1', {
      h: head,
      b0: batch({ targets: 10, sent: 10 }, '2026-12-02T09:30:00.000Z'),
      b1: batch({ targets: 20, sent: 10, failed: 10, final: false }, '2026-12-02T09:20:00.000Z'),
    });

    expect(progress).toEqual({
      id: 'd-1',
      kind: 'dispatched',
      status: 'IN_PROGRESS',
      dispatchId: 'd-1',
      batches: { total: 3, done: 1, failed: 1, pending: 1 },
      targets: { total: 60, sent: 20, refused: 0, failed: 10, pending: 30 },
      createdAt: '2026-12-02T09:00:00.000Z',
      updatedAt: '2026-12-02T09:30:00.000Z',
    });
  });

  it('is SENT, PARTIAL or FAILED once every batch is final, completed at its last report', () => {
    const final = (b0: BatchProgress, b1: BatchProgress, b2: BatchProgress) =>
      dispatchProgress('d-1', { h: head, b0, b1, b2 });
    const sent = final(
      batch({ targets: 10, sent: 10 }),
      batch({ targets: 20, sent: 20 }),
      batch({ targets: 30, sent: 30 }),
    );
    expect(sent).toMatchObject({ status: 'SENT', completedAt: AT.toISOString() });
    expect(
      final(
        batch({ targets: 10, sent: 10 }),
        batch({ targets: 20, refused: 20 }),
        batch({ targets: 30, sent: 30 }),
      ),
    ).toMatchObject({ status: 'PARTIAL', targets: { sent: 40, refused: 20 } });
    expect(
      final(
        batch({ targets: 10, refused: 10 }),
        batch({ targets: 20, refused: 20 }),
        batch({ targets: 30, refused: 30 }),
      ),
    ).toMatchObject({ status: 'FAILED', batches: { done: 3 } });
  });

  it('refuses a part it cannot read as a store error, not as a status', () => {
    expect(() => dispatchProgress('d-1', { h: head, b0: { sent: 'ten' } })).toThrow(
      /stored batch progress/,
    );
    expect(() => dispatchProgress('d-1', { h: { batches: 3 } })).toThrow(/stored progress head/);
    expect(() => dispatchProgress('d-1', { h: { batches: 3 } })).toThrow(IdempotencyStoreError);
  });
});

describe('inlineProgress', () => {
  const result = (counts: Partial<FanoutSummary>) => ({
    summary: summary(counts),
    targets: [],
    chunks: [],
  });

  it('reads a finished record as SENT, PARTIAL or FAILED with its counts', () => {
    expect(inlineProgress('k', { state: 'done', result: result({ targets: 3, sent: 3 }) })).toEqual(
      {
        id: 'k',
        kind: 'inline',
        status: 'SENT',
        targets: { total: 3, sent: 3, refused: 0, failed: 0, pending: 0 },
      },
    );
    expect(
      inlineProgress('k', { state: 'done', result: result({ targets: 3, sent: 1, refused: 2 }) }),
    ).toMatchObject({ status: 'PARTIAL' });
    expect(
      inlineProgress('k', { state: 'done', result: result({ targets: 3, refused: 3 }) }),
    ).toMatchObject({ status: 'FAILED' });
  });

  it('counts throttled targets as failed, as a batch does', () => {
    expect(
      inlineProgress('k', {
        state: 'done',
        result: result({ targets: 10, sent: 4, throttled: 3, failed: 2, refused: 1 }),
      }),
    ).toMatchObject({ targets: { total: 10, sent: 4, refused: 1, failed: 5, pending: 0 } });
  });

  it('refuses a finished record that holds no push result', () => {
    expect(() => inlineProgress('k', { state: 'done', result: { dispatchId: 'd' } })).toThrow(
      IdempotencyStoreError,
    );
  });
});
