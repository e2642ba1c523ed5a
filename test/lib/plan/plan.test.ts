/**
 * The plan stage: inline up to the limit, dispatched in batches above it, with a dispatch id
 * that a retry with the same key reproduces; a request that can never be dispatched is refused
 * before anything is claimed.
 */
import { describe, expect, it } from 'vitest';
import { splitIntoBatches } from '#lib/plan/batches.ts';
import { planInline, planPush } from '#lib/plan/plan.ts';
import { BadRequestError } from '#lib/shared/errors.ts';
import type { PushRequest } from '#lib/validate/push-request.ts';
import { docsExample } from '#test/helpers/fc.ts';

function request(targets: number, extra: Record<string, unknown> = {}): PushRequest {
  const targetMsgkey = Object.fromEntries(
    Array.from({ length: targets }, (_, i) => [`user-${String(i).padStart(5, '0')}`, `m-${i}`]),
  );
  return { ...docsExample(), ...extra, targetMsgkey } as unknown as PushRequest;
}

const validatedAt = new Date('2026-12-01T00:00:00Z');

describe('planPush', () => {
  it('plans an inline send in chunks of 10 when the targets fit the inline limit', () => {
    const plan = planPush(request(25), {
      inlineTargets: 25,
      idempotencyKey: undefined,
      validatedAt,
    });

    expect(plan.mode).toBe('inline');
    if (plan.mode !== 'inline') return;
    expect(plan.chunks.map((chunk) => Object.keys(chunk).length)).toEqual([10, 10, 5]);
  });

  it('dispatches above the inline limit, under the same dispatch id for the same key', () => {
    const options = { inlineTargets: 10, idempotencyKey: 'http:order-42', validatedAt };

    const first = planPush(request(11), options);
    const again = planPush(request(11), options);
    const other = planPush(request(11), { ...options, idempotencyKey: 'http:order-43' });

    expect([first.mode, again.mode, other.mode]).toEqual(['dispatch', 'dispatch', 'dispatch']);
    if (first.mode !== 'dispatch' || again.mode !== 'dispatch' || other.mode !== 'dispatch') return;
    expect(first.dispatchId).toMatch(/^[0-9a-f]{32}$/);
    expect(again.dispatchId).toBe(first.dispatchId);
    expect(other.dispatchId).not.toBe(first.dispatchId);
    expect(first.batches.every((batch) => batch.dispatchId === first.dispatchId)).toBe(true);
    expect(first.batches[0]?.validatedAt).toBe(validatedAt.toISOString());
  });

  it('gives a dispatch without a key a fresh random id every time', () => {
    const options = { inlineTargets: 1, idempotencyKey: undefined, validatedAt };

    const a = planPush(request(2), options);
    const b = planPush(request(2), options);

    expect(a.mode === 'dispatch' && b.mode === 'dispatch' && a.dispatchId !== b.dispatchId).toBe(
      true,
    );
  });

  it('refuses with 413 a request whose calls would not fit, inline or dispatched, naming its largest field', () => {
    const huge = request(2, { templateKeyValue: { name: 'x'.repeat(70 * 1024) } });

    for (const inlineTargets of [1, 10]) {
      const plan = () => planPush(huge, { inlineTargets, idempotencyKey: 'http:k', validatedAt });
      expect(plan).toThrow(BadRequestError);
      expect(plan).toThrow(expect.objectContaining({ statusCode: 413, code: 'PayloadTooLarge' }));
      expect(plan).toThrow(/largest field is templateKeyValue/);
    }
  });

  it('refuses a batch that could never fit its payload limit, before anything is handed over', () => {
    const big = request(2, { templateKeyValue: { name: 'x'.repeat(2000) } });

    const split = () => splitIntoBatches(big, 'd-1', validatedAt, 1024);

    expect(split).toThrow(expect.objectContaining({ statusCode: 413, code: 'PayloadTooLarge' }));
    expect(splitIntoBatches(big, 'd-1', validatedAt, 4096)).toHaveLength(1);
  });
});

describe('planInline', () => {
  it('plans every target inline, whatever their number', () => {
    expect(planInline(request(101)).chunks).toHaveLength(11);
  });
});
