/**
 * Exponential backoff with full jitter (delay = random(0, min(cap, base · 2^attempt))), bounded
 * by the invocation's deadline: a retry is only scheduled when, after the delay, there is still
 * time for a call and the safety margin. Full jitter spreads the retries of concurrent chunks so
 * they do not hit a throttled mPaaS again at the same instant.
 */
import type { Deadline } from '#lib/shared/fc-context.ts';

export interface RetryPolicy {
  /** First delay's upper bound, ms. */
  baseMs: number;
  /** Largest delay, ms. */
  capMs: number;
  /** Attempts in all, the first included (1 = no retry). */
  attempts: number;
}

/** Time that must remain after a backoff for another call to be worth starting. */
export const MIN_TIME_FOR_CALL_MS = 100;

/**
 * The delay before retry number `attempt` (1 for the first retry).
 * @example backoffDelay(1, { baseMs: 200, capMs: 5000, attempts: 5 }, Math.random) // somewhere in [0, 400)
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * The delay to wait before retry `attempt`, or `undefined` when no retry may start: attempts used
 * up, or the delay plus a call would run past the deadline minus `marginMs`. A server that asked
 * for a wait (`minDelayMs`) gets at least that.
 * @example const delay = nextRetryDelay(1, policy, deadline, 500, Math.random);
 */
export function nextRetryDelay(
  attempt: number,
  policy: RetryPolicy,
  deadline: Deadline,
  marginMs: number,
  random: () => number,
  minDelayMs = 0,
): number | undefined {
  if (attempt >= policy.attempts) return undefined;
  const delay = Math.max(minDelayMs, backoffDelay(attempt, policy, random));
  if (deadline.remaining() - delay - marginMs < MIN_TIME_FOR_CALL_MS) return undefined;
  return delay;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
