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
import { cappedSink, describeValue, type IssueSink, quote, report } from '#lib/validate/issues.ts';
import { PROTOTYPE_KEYS } from '#lib/validate/json-map.ts';
import { MAX_LENGTH } from '#lib/validate/limits.ts';

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

/** What is wrong with one target id, as a rule id and its text, or nothing. */
function targetIdProblem(id: unknown): [string, string] | undefined {
  if (typeof id !== 'string') {
    const text = `must be a target id string; got ${describeValue(id)}`;
    return [id === undefined ? 'required' : 'type', text];
  }
  if (id.trim() === '') return ['non-empty', 'must not be empty or blank'];
  if (PROTOTYPE_KEYS.has(id)) {
    const text = `is ${describeValue(id)}, which is refused as a target id: it becomes a key of targetMsgkey, and copying that key could change an object's prototype`;
    return ['prototype-key', text];
  }
  if (id.length > MAX_LENGTH.targetId) {
    const text = `must be at most ${MAX_LENGTH.targetId} characters (device ids, user ids and Live Activity tokens are far shorter); got ${id.length}`;
    return ['max-length', text];
  }
  return undefined;
}

/**
 * Every id on its own, then every repeat, in one pass: at most 100 issues are listed (the rest
 * are counted), so 100,000 bad ids make a small answer.
 */
const validTargets = z.superRefine((ids: readonly unknown[], ctx) => {
  if (ids.length === 0) report(ctx, [], 'min-targets', 'must name at least one target');
  const capped = cappedSink(ctx);
  const first = new Map<string, number>();
  ids.forEach((id, index) => {
    const problem = targetIdProblem(id);
    if (problem !== undefined) capped.report([index], ...problem);
    if (typeof id !== 'string') return;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, index);
    else {
      const text = `repeats the target ${quote(id)} of targets.${earlier}; name each target once`;
      capped.report([index], 'unique-target', text);
    }
  });
  capped.close();
});

/** Only reached when every id is a string: the check above has refused any other. */
const asIds = (ids: unknown[]): string[] =>
  ids.filter((id): id is string => typeof id === 'string');

/**
 * `targets`: at least one unique, non-blank target id, as an array or a JSON string of one.
 *
 * @example
 * targets.parse('["user1024","user2048"]'); // ['user1024', 'user2048']
 */
export const targets = z.pipe(
  z.transform(toList),
  z.pipe(z.array(z.unknown()).check(validTargets), z.transform(asIds)),
);
