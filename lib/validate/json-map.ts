/**
 * Map-valued PushTemplate parameters: "a JSON object, or a JSON string of one".
 *
 * Why both forms: the mPaaS docs type `targetMsgkey`, `templateKeyValue`, `extendedParams` and
 * `StrategyContent` as String and their examples send JSON strings
 * (`{\"fixedTime\":1630303126000,...}`, help.aliyun.com/document_detail/2871127.html), while JSON
 * callers naturally send objects. Either way the output is a fresh plain object, built with
 * `Object.fromEntries`, never the caller's own.
 *
 * Why the key scan: `JSON.parse('{"__proto__":{...}}')` creates an own property named
 * `__proto__`; copying it with `target[key] = value` (as zod's record and object parsers do) would
 * set the copy's prototype instead. So `__proto__`, `constructor` and `prototype` are refused at
 * any depth before any copy is made, and values that JSON cannot carry (functions, `NaN`, class
 * instances, cycles, `undefined` in an array) are refused for callers that pass objects directly;
 * a property whose value is `undefined` is dropped, as `JSON.stringify` drops it. Nesting is
 * capped at {@link MAX_DEPTH}: no documented map nests deeper, and the cap bounds recursion.
 */
import * as z from 'zod/mini';
import { parseJsonText, repeatedKeys } from '#lib/shared/json-text.ts';
import { describeValue, type IssueSink, REQUIRED, report } from '#lib/validate/issues.ts';

/** Keys that could reach an object's prototype chain when copied. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Rule ids of the JSON stage: when one fires, the map has no usable value at all. */
export const JSON_STAGE_RULES: ReadonlySet<string> = new Set([
  'required',
  'json-object',
  'json-value',
  'prototype-key',
  'max-depth',
]);

/**
 * The text for a key the caller's JSON named twice: JSON.parse keeps one of the two values, so
 * the request is refused rather than sent with a guess (lib/shared/json-text.ts).
 */
export const REPEATED_KEY =
  'is named more than once in its JSON object; name each key once (a JSON parser keeps only one of the values)';

/** Deepest nesting accepted inside a map parameter. */
export const MAX_DEPTH = 32;

/** A JSON object as this module outputs it. */
export type JsonObject = { [key: string]: JsonValue };
/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/**
 * True for `{...}` objects whose prototype is `Object.prototype` or `null` (json-bigint builds
 * null-prototype objects); false for arrays, class instances and everything else.
 *
 * @example
 * isPlainObject(JSON.parse('{}')); // true
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The rule text for a prototype key; shared so every report of the same key reads the same.
 *
 * @example
 * prototypeKeyText('__proto__');
 */
export function prototypeKeyText(key: string): string {
  return `uses the key "${key}", which is refused anywhere in a request because copying it could change an object's prototype`;
}

function toJson(value: unknown, path: PropertyKey[], depth: number, sink: IssueSink): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (depth > MAX_DEPTH) {
    report(sink, path, 'max-depth', `nests deeper than ${MAX_DEPTH} levels`);
    return null;
  }
  if (Array.isArray(value))
    return value.map((item, i) => toJson(item, [...path, i], depth + 1, sink));
  if (isPlainObject(value)) return toJsonObject(value, path, depth, sink);
  const text = `must hold only JSON values (strings, numbers, booleans, null, arrays, objects); got ${describeValue(value)}`;
  report(sink, path, 'json-value', text);
  return null;
}

function toJsonObject(
  value: Record<string, unknown>,
  path: PropertyKey[],
  depth: number,
  sink: IssueSink,
) {
  const entries: [string, JsonValue][] = [];
  for (const key of repeatedKeys(value)) report(sink, [...path, key], 'unique-key', REPEATED_KEY);
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_KEYS.has(key)) {
      report(sink, [...path, key], 'prototype-key', prototypeKeyText(key));
    } else if (value[key] !== undefined) {
      // an undefined property means "absent", as JSON.stringify reads it
      entries.push([key, toJson(value[key], [...path, key], depth + 1, sink)]);
    }
  }
  return Object.fromEntries(entries);
}

function parseJsonString(input: string, sink: IssueSink): unknown {
  try {
    return parseJsonText(input);
  } catch {
    report(
      sink,
      [],
      'json-object',
      'must be a JSON object or a JSON string of one; the string is not valid JSON',
    );
    return undefined;
  }
}

function toObject(input: unknown, sink: IssueSink): Record<string, unknown> {
  const before = sink.issues.length;
  if (input === undefined) {
    report(sink, [], 'required', REQUIRED);
    return z.NEVER;
  }
  const value = typeof input === 'string' ? parseJsonString(input, sink) : input;
  if (isPlainObject(value)) {
    const copy = toJsonObject(value, [], 1, sink);
    return sink.issues.length === before ? copy : z.NEVER;
  }
  if (sink.issues.length === before) {
    const what =
      typeof input === 'string' ? `a JSON string of ${describeValue(value)}` : describeValue(input);
    report(sink, [], 'json-object', `must be a JSON object or a JSON string of one; got ${what}`);
  }
  return z.NEVER;
}

/**
 * A map parameter: accepts an object or a JSON string of one, refuses prototype keys and
 * non-JSON values at any depth, then hands a fresh plain copy to `inner`.
 *
 * @example
 * jsonObject(z.record(z.string(), z.string())).parse('{"user1024":"1578807462788"}');
 */
export function jsonObject<T extends z.core.$ZodType<unknown, Record<string, unknown>>>(inner: T) {
  return z.pipe(
    z.transform((input: unknown, ctx: IssueSink) => toObject(input, ctx)),
    inner,
  );
}
