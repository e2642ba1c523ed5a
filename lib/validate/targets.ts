/**
 * Who a request goes to: `targetMsgkey` (target → msgKey, maps.ts) or `targets`, a plain list of
 * target ids for callers that have no msgKeys of their own, and the rules between the two.
 *
 * Why `targets`: mPaaS needs a unique business message id per target, but a caller sending one
 * message to many users has none to give. For such a request the msgKeys are derived from the
 * request's idempotency key (`options.msgKeySeed`) and the target (lib/shared/msg-key.ts): a retry of
 * the same request derives the same msgKeys, and two requests never share one. Without a seed
 * there is nothing stable to derive from, so that is a caller bug (a thrown RangeError), not a bad
 * request. The output always carries `targetMsgkey` and never `targets`, so code after validation
 * knows only one form.
 *
 * Rules: the list is a JSON array or a JSON string of one (the same symmetry as the map
 * parameters); each id is a non-blank string, named once (ids become targetMsgkey keys, where a
 * repeat would silently collapse two targets into one), and not a prototype key (json-map.ts).
 * Exactly one of the two forms is required. PushTemplate's limit of 10 targets per call (3029
 * SINGLE_PUSH_TARGET_TOO_MUCH) is applied by splitting the request into calls (the plan stage, lib/plan/chunks.ts); what
 * remains here is `max-targets`, `options.maxTargets` per request, whichever form it uses. Each
 * check is one pass with a Set or Map: a request may name 100,000 targets.
 */
import * as z from 'zod/mini';
import { describeValue, type IssueSink, report, rule, typeError } from '#lib/validate/issues.ts';
import { PROTOTYPE_KEYS } from '#lib/validate/json-map.ts';

const EXPECTED = 'must be a JSON array of target id strings or a JSON string of one';

function toList(input: unknown, ctx: IssueSink): unknown[] {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      report(ctx, [], 'json-array', `${EXPECTED}; the string is not valid JSON`);
      return z.NEVER;
    }
  }
  if (Array.isArray(value)) return value;
  const what =
    typeof input === 'string' ? `a JSON string of ${describeValue(value)}` : describeValue(input);
  report(ctx, [], 'json-array', `${EXPECTED}; got ${what}`);
  return z.NEVER;
}

const targetId = z
  .string({ error: typeError('a target id string', 'must be a target id string; got nothing') })
  .check(
    z.refine((s: string) => s.trim() !== '', rule('non-empty', 'must not be empty or blank')),
    z.refine(
      (s: string) => !PROTOTYPE_KEYS.has(s),
      rule(
        'prototype-key',
        (issue) =>
          `is ${describeValue(issue.input)}, which is refused as a target id: it becomes a key of targetMsgkey, and copying that key could change an object's prototype`,
      ),
    ),
  );

// `when`: runs even if some ids failed, so every duplicate is reported with the bad ids
const uniqueTargets = z.superRefine(
  (ids: readonly unknown[], ctx) => {
    if (ids.length === 0) report(ctx, [], 'min-targets', 'must name at least one target');
    const first = new Map<string, number>();
    ids.forEach((id, index) => {
      if (typeof id !== 'string') return;
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, index);
      else {
        const text = `repeats the target ${JSON.stringify(id)} of targets.${earlier}; name each target once`;
        report(ctx, [index], 'unique-target', text);
      }
    });
  },
  { when: (payload) => Array.isArray(payload.value) },
);

/**
 * `targets`: at least one unique, non-blank target id, as an array or a JSON string of one.
 *
 * @example
 * targets.parse('["user1024","user2048"]'); // ['user1024', 'user2048']
 */
export const targets = z.pipe(z.transform(toList), z.array(targetId).check(uniqueTargets));
