/**
 * Backoff with full jitter, capped, bounded by the deadline, and never shorter than a wait the
 * server asked for.
 */
import { describe, expect, it } from 'vitest';
import { backoffDelay, MIN_TIME_FOR_CALL_MS, nextRetryDelay } from '#lib/send/retry.ts';

const policy = { baseMs: 200, capMs: 5_000, attempts: 5 };
const plenty = { at: 0, remaining: () => 60_000 };

describe('backoffDelay', () => {
  it('draws from [0, base · 2^attempt), the ceiling capped', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(0);
    expect(backoffDelay(1, policy, () => 0.5)).toBe(200);
    expect(backoffDelay(2, policy, () => 0.999)).toBe(799);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(800);
    // 200 · 2^10 is far above the cap: the ceiling is the cap
    expect(backoffDelay(10, policy, () => 0.5)).toBe(2_500);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(4_995);
  });
});

describe('nextRetryDelay', () => {
  it('retries until the attempts are used up', () => {
    expect(nextRetryDelay(1, policy, plenty, 500, () => 0.5)).toBe(200);
    expect(nextRetryDelay(4, policy, plenty, 500, () => 0.5)).toBe(1_600);
    expect(nextRetryDelay(5, policy, plenty, 500, () => 0.5)).toBeUndefined();
  });

  it('starts no retry whose wait, margin and call would pass the deadline', () => {
    const left = (ms: number) => ({ at: 0, remaining: () => ms });
    const needed = 200 + 500 + MIN_TIME_FOR_CALL_MS;

    expect(nextRetryDelay(1, policy, left(needed), 500, () => 0.5)).toBe(200);
    expect(nextRetryDelay(1, policy, left(needed - 1), 500, () => 0.5)).toBeUndefined();
  });

  it('waits at least as long as the server asked, within the deadline', () => {
    expect(nextRetryDelay(1, policy, plenty, 500, () => 0.5, 3_000)).toBe(3_000);
    expect(nextRetryDelay(1, policy, plenty, 500, () => 0.5, 10)).toBe(200);
    expect(
      nextRetryDelay(1, policy, { at: 0, remaining: () => 3_000 }, 500, () => 0.5, 3_000),
    ).toBeUndefined();
  });
});
