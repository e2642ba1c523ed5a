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
import { cappedSink, describeValue, type IssueSink, quote, report } from '#lib/validate/issues.ts';
import { isPlainObject, type JsonObject, jsonObject } from '#lib/validate/json-map.ts';
import { type BoundedMap, MAX_JSON_BYTES, MAX_KEYS, MAX_LENGTH } from '#lib/validate/limits.ts';

type Keyed = Record<string, unknown>;

const ifObject = { when: (payload: { value: unknown }) => isPlainObject(payload.value) };

function hasBlankKey(map: Keyed): boolean {
  return Object.keys(map).some((key) => key.trim() === '');
}

const BLANK_KEY = 'must not have an empty or blank key';

function tooLong(what: string, max: number, length: number): string {
  return `must be at most ${max} characters (${what}); got ${length}`;
}

function valueProblem(value: unknown): [string, string] | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return undefined;
  if (typeof value !== 'string') {
    return ['value-type', `must be a string or a number; got ${describeValue(value)}`];
  }
  if (value.length > MAX_LENGTH.mapValue) {
    return ['max-length', tooLong('a map value', MAX_LENGTH.mapValue, value.length)];
  }
  return undefined;
}

const KEY_LIMIT_TEXT: Record<BoundedMap, string> = {
  templateKeyValue: 'placeholders per template',
  extendedParams: 'mPaaS result 3035 EXTEND_PARAM_TO_MUCH',
  smsTemplateParam: 'SMS template parameters',
  thirdChannelCategory: 'vendor channels',
  notifyLevel: 'vendor channels',
};

/**
 * The bounds of one flat map: its keys (non-blank, at most 128 characters, at most
 * `MAX_KEYS[field]` of them), its values (strings or numbers, strings of at most 1024
 * characters), its encoded size. One pass, at most 100 issues listed.
 */
function scalarEntries(field: BoundedMap) {
  return z.superRefine((map: Keyed, ctx) => {
    if (hasBlankKey(map)) report(ctx, [], 'non-empty-key', BLANK_KEY);
    const entries = Object.entries(map);
    const maxKeys = MAX_KEYS[field];
    if (entries.length > maxKeys) {
      const text = `must have at most ${maxKeys} keys (${KEY_LIMIT_TEXT[field]}); got ${entries.length}`;
      report(ctx, [], 'max-keys', text);
    }
    const capped = cappedSink(ctx);
    for (const [key, value] of entries) {
      if (key.length > MAX_LENGTH.mapKey) {
        capped.report([key], 'max-key-length', tooLong('a key', MAX_LENGTH.mapKey, key.length));
      }
      const problem = valueProblem(value);
      if (problem !== undefined) capped.report([key], ...problem);
    }
    capped.close();
    if (entries.length <= maxKeys) maxBytes(ctx, map, MAX_JSON_BYTES[field], 'of JSON');
  }, ifObject);
}

function maxBytes(ctx: IssueSink, map: Keyed, limit: number, why: string): void {
  const bytes = Buffer.byteLength(JSON.stringify(map));
  if (bytes > limit) {
    report(ctx, [], 'max-bytes', `must encode to at most ${limit} bytes ${why}; got ${bytes}`);
  }
}

/** Only reached when every value is a string or a number: the checks have refused any other. */
function asScalars(map: Keyed): Record<string, string | number> {
  const scalars: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(map)) {
    if (typeof value === 'string' || typeof value === 'number') scalars[key] = value;
  }
  return scalars;
}

/**
 * A flat map of string or number values, in either accepted form, within the bounds of `field`
 * (limits.ts).
 *
 * @example
 * scalarMap('templateKeyValue').parse('{"money":"200","name":"张三"}');
 */
export function scalarMap(field: BoundedMap) {
  return jsonObject(
    z.pipe(z.record(z.string(), z.unknown()).check(scalarEntries(field)), z.transform(asScalars)),
  );
}

/** `extendedParams`: a flat map of at most 20 keys (mPaaS 3035 EXTEND_PARAM_TO_MUCH). */
export const extendedParams = scalarMap('extendedParams');

function msgKeyProblem(key: unknown): [string, string] | undefined {
  if (typeof key !== 'string') {
    const text = `must be a string (the business message id); got ${describeValue(key)}`;
    return [key === undefined ? 'required' : 'type', text];
  }
  if (key.trim() === '') return ['non-empty', 'must not be empty or blank'];
  if (key.length > MAX_LENGTH.msgKey) {
    return ['max-length', tooLong('a msgKey', MAX_LENGTH.msgKey, key.length)];
  }
  return undefined;
}

/**
 * Every pair in one pass: the target id's length, the msgKey's type and length, and that no two
 * targets share a msgKey; at most 100 issues listed, the rest counted.
 */
const validPairs = z.superRefine((map: Keyed, ctx) => {
  const entries = Object.entries(map);
  if (entries.length === 0) report(ctx, [], 'min-pairs', 'must name at least one target');
  if (hasBlankKey(map)) report(ctx, [], 'non-empty-key', BLANK_KEY);
  const capped = cappedSink(ctx);
  const firstTarget = new Map<string, string>();
  for (const [target, key] of entries) {
    if (target.length > MAX_LENGTH.targetId) {
      const text = tooLong('a target id', MAX_LENGTH.targetId, target.length);
      capped.report([target], 'max-key-length', text);
    }
    const problem = msgKeyProblem(key);
    if (problem !== undefined) capped.report([target], ...problem);
    if (typeof key !== 'string') continue;
    const earlier = firstTarget.get(key);
    if (earlier === undefined) firstTarget.set(key, target);
    else {
      const text = `repeats the msgKey ${quote(key)} of target ${quote(earlier)}; each msgKey must be unique`;
      capped.report([target], 'unique-msgkey', text);
    }
  }
  capped.close();
}, ifObject);

/** Only reached when every msgKey is a string: the checks have refused any other. */
function asPairs(map: Keyed): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const [target, key] of Object.entries(map)) if (typeof key === 'string') pairs[target] = key;
  return pairs;
}

/** `targetMsgkey`: target id → unique business message id, at least one pair. */
export const targetMsgkey = jsonObject(
  z.pipe(z.record(z.string(), z.unknown()).check(validPairs), z.transform(asPairs)),
);

/** `activityContentState`: a JSON object of at most 4096 bytes encoded. */
export const activityContentState = jsonObject(
  z.custom<JsonObject>(isPlainObject).check(
    z.superRefine((state: JsonObject, ctx) => {
      maxBytes(ctx, state, MAX_JSON_BYTES.activityContentState, 'of JSON, the ActivityKit limit');
    }),
  ),
);
