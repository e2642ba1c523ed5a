/**
 * Derived msgKeys: the business message id mPaaS needs for each target, computed rather than
 * supplied.
 *
 * Why derive them: mPaaS requires every msgKey to be unique ("必须保持唯一"), yet many callers have
 * no message ids of their own (a timer repeats one payload at every firing; an HTTP caller
 * sends `targets: [ids]`), and Function Compute delivers async events at least once. A key
 * computed from what identifies the message (the request's idempotency key, or the timer firing,
 * plus the target) gives a retry of the same request the same msgKeys, so mPaaS and our
 * idempotency store see a repeat rather than a new message, while two requests or two targets
 * never share one. The timer (lib/adapt/timer.ts) and the PushTemplate schema
 * (lib/validate/push-request.ts, `targets`) both derive their keys here, so they cannot drift apart.
 */
import { createHash } from 'node:crypto';

/**
 * A msgKey derived from `parts`: the first 32 hex digits (128 bits) of the SHA-256 of the parts
 * encoded as a JSON array. A JSON array rather than a separator, because a separator can occur
 * inside a part (`a:b` + `c` and `a` + `b:c` would both join to `a:b:c`); the JSON encoding of two
 * different lists of parts always differs. 128 bits make an accidental collision between two
 * messages negligible, and 32 characters stay well within what mPaaS accepts as a msgKey.
 *
 * The same parts always give the same key: a retry of the same request reuses its msgKeys.
 * Different parts give different keys: two requests, or two targets, never share one.
 *
 * @throws RangeError for a number that is not finite: JSON would encode NaN and Infinity as
 *   `null`, so two different parts would give the same key.
 * @example
 * deriveMsgKey('daily-push', '2023-12-26T07:49:00Z', 0, 'user1024'); // 32 hex digits
 * deriveMsgKey('idem-7f3c', 'user1024'); // 32 hex digits, the same on every retry of idem-7f3c
 */
export function deriveMsgKey(...parts: Array<string | number>): string {
  for (const part of parts) {
    if (typeof part === 'number' && !Number.isFinite(part)) {
      throw new RangeError(`deriveMsgKey: part ${part} is not a finite number`);
    }
  }
  return createHash('sha256').update(JSON.stringify(parts), 'utf8').digest('hex').slice(0, 32);
}
