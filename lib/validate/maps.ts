/**
 * What each map parameter may hold, per the mPaaS docs (help.aliyun.com/document_detail/2871127.html)
 * and the result codes they cite (reference mpaas-openapi.md §5.4).
 *
 * - `targetMsgkey`: target id → business message id; at least one pair. PushTemplate takes at
 *   most 10 targets per call ("推送目标不可以超过 10 个", 3029 SINGLE_PUSH_TARGET_TOO_MUCH), but that
 *   limit is no longer a rule here: the service splits a larger request into calls of at most 10
 *   (the plan stage, lib/plan/chunks.ts), and the cross-field rule `max-targets` (targets.ts) caps the request as a whole.
 *   The message id "必须保持唯一" (must be unique), so two targets may not share one; the check
 *   is one pass over a Map, since a request may carry 100,000 pairs. Both sides are non-blank
 *   strings: a msgKey is an id, and a JSON number would lose digits past 2^53.
 * - `templateKeyValue`, `smsTemplateParam`, `thirdChannelCategory`, `notifyLevel`: flat maps whose
 *   values are strings or numbers (the docs' examples: `{"money":"200","name":"张三"}`); nested
 *   values, booleans and null are refused because mPaaS substitutes them as text.
 * - `extendedParams`: the same, with at most 20 keys (3035 EXTEND_PARAM_TO_MUCH).
 * - `activityContentState`: any JSON object (it must match the app's ActivityKit ContentState),
 *   at most 4096 bytes encoded: Apple's ActivityKit refuses larger content ("The size of the
 *   encoded content can't exceed 4KB", developer.apple.com/documentation/activitykit/activity/end(_:dismissalpolicy:)).
 *
 * No map may have an empty or blank key: a placeholder, target or vendor has a name.
 */
import * as z from 'zod/mini';
import { describeValue, report, rule, typeError } from '#lib/validate/issues.ts';
import { isPlainObject, type JsonObject, jsonObject } from '#lib/validate/json-map.ts';

type Keyed = Record<string, unknown>;

const ifObject = { when: (payload: { value: unknown }) => isPlainObject(payload.value) };

const nonBlankKeys = z.superRefine((map: Keyed, ctx) => {
  if (Object.keys(map).some((key) => key.trim() === '')) {
    report(ctx, [], 'non-empty-key', 'must not have an empty or blank key');
  }
}, ifObject);

function maxKeys(limit: number, id: string, text: string) {
  return z.superRefine((map: Keyed, ctx) => {
    const count = Object.keys(map).length;
    if (count > limit) report(ctx, [], id, `${text}; got ${count}`);
  }, ifObject);
}

const scalar = z.custom<string | number>(
  (value) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)),
  {
    ...rule(
      'value-type',
      (issue) => `must be a string or a number; got ${describeValue(issue.input)}`,
    ),
    // z.custom aborts by default, and zod skips the cross-field rules after an aborting issue
    abort: false,
  },
);

/**
 * A flat map of string or number values, in either accepted form.
 *
 * @example
 * scalarMap().parse('{"money":"200","name":"张三"}');
 */
export function scalarMap(...checks: z.core.$ZodCheck<Record<string, string | number>>[]) {
  return jsonObject(z.record(z.string(), scalar).check(nonBlankKeys, ...checks));
}

/** `extendedParams`: a flat map of at most 20 keys (mPaaS 3035 EXTEND_PARAM_TO_MUCH). */
export const extendedParams = scalarMap(
  maxKeys(20, 'max-keys', 'must have at most 20 keys (mPaaS result 3035 EXTEND_PARAM_TO_MUCH)'),
);

const msgKey = z
  .string({ error: typeError('a string (the business message id)') })
  .check(z.refine((s: string) => s.trim() !== '', rule('non-empty', 'must not be empty or blank')));

const atLeastOnePair = z.superRefine((map: Keyed, ctx) => {
  if (Object.keys(map).length === 0) report(ctx, [], 'min-pairs', 'must name at least one target');
}, ifObject);

const uniqueMsgKeys = z.superRefine((map: Keyed, ctx) => {
  const firstTarget = new Map<string, string>();
  for (const [target, key] of Object.entries(map)) {
    if (typeof key !== 'string') continue;
    const earlier = firstTarget.get(key);
    if (earlier === undefined) firstTarget.set(key, target);
    else {
      const text = `repeats the msgKey ${JSON.stringify(key)} of target ${JSON.stringify(earlier)}; each msgKey must be unique`;
      report(ctx, [target], 'unique-msgkey', text);
    }
  }
}, ifObject);

/** `targetMsgkey`: target id → unique business message id, at least one pair. */
export const targetMsgkey = jsonObject(
  z.record(z.string(), msgKey).check(nonBlankKeys, atLeastOnePair, uniqueMsgKeys),
);

const MAX_CONTENT_STATE_BYTES = 4096;

/** `activityContentState`: a JSON object of at most 4096 bytes encoded. */
export const activityContentState = jsonObject(
  z.custom<JsonObject>(isPlainObject).check(
    z.superRefine((state: JsonObject, ctx) => {
      const bytes = Buffer.byteLength(JSON.stringify(state));
      if (bytes > MAX_CONTENT_STATE_BYTES) {
        const text = `must encode to at most ${MAX_CONTENT_STATE_BYTES} bytes of JSON, the ActivityKit limit; got ${bytes}`;
        report(ctx, [], 'max-bytes', text);
      }
    }),
  ),
);
