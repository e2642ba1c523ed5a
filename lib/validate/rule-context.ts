/**
 * What a cross-field rule sees: the fields that parsed, what the caller supplied, the options.
 *
 * Why: to report every issue at once, the object-level rules run even when some fields failed
 * (zod's `when`). zod then keeps a failed field's raw input in the value, so rules must not read
 * it: this module hands them only the fields that parsed cleanly and, for `StrategyContent`, the
 * sub-fields that did (a bad `time` should not hide a missing `startTime`), unless the JSON stage
 * itself failed (not an object, a prototype key), which leaves no usable value. A rule that needs a
 * field which failed stays silent; the field's own issue already explains the request.
 * `supplied` says whether the caller sent a field at all, valid or not; defaults are applied only
 * after these rules, so "must be absent" and API-version rules never mistake a default for input.
 * `sent` is stricter: a property set to `undefined` does not count, as JSON.stringify drops it.
 * `count` sizes a list or map even when some of its entries broke their own rules (only a
 * failed JSON stage, e.g. a string that is not JSON, leaves nothing to count), so a request with a
 * bad msgKey and too many targets hears about both at once.
 */
import * as z from 'zod/mini';
import type { PushRequestFields } from '#lib/validate/fields.ts';
import { type IssueSink, report } from '#lib/validate/issues.ts';
import { isPlainObject, JSON_STAGE_RULES } from '#lib/validate/json-map.ts';
import type { PushRequestOptions } from '#lib/validate/options.ts';
import type { StrategyContent } from '#lib/validate/strategy-content.ts';

/** The two accepted spellings of the strategy details. */
export type ContentKey = 'StrategyContent' | 'strategyContent';

/** The view a cross-field rule works on. */
export interface RuleContext {
  /** Fields that parsed without issues. */
  readonly fields: Partial<PushRequestFields>;
  /** The usable part of the strategy details, under either spelling; undefined when absent or unusable. */
  readonly content: Partial<StrategyContent> | undefined;
  /** Keys the caller sent in the strategy details, valid or not (empty when unusable). */
  readonly contentKeys: ReadonlySet<string>;
  /** The spelling the caller used (`StrategyContent` when both were sent). */
  readonly contentKey: ContentKey;
  readonly options: PushRequestOptions;
  /** Whether the caller sent `field`, valid or not. */
  supplied(field: string): boolean;
  /** Whether the caller sent `field` with a value other than `undefined`, valid or not. */
  sent(field: string): boolean;
  /** Entries of a list or map field as sent, valid or not; undefined when absent or unusable. */
  count(field: string): number | undefined;
  /** Reports an issue at `path` (top-level field first). */
  report(path: readonly PropertyKey[], rule: string, text: string): void;
}

function failedPaths(sink: IssueSink): { top: Set<string>; sub: Set<string> } {
  const top = new Set<string>();
  const sub = new Set<string>();
  for (const issue of sink.issues) {
    const path = issue.path ?? [];
    const [key, child] = path;
    if (typeof key !== 'string') continue;
    // unknown keys inside StrategyContent do not spoil the keys it does know
    if (issue.code === 'unrecognized_keys' && path.length === 1) continue;
    const jsonStage = issue.code === 'custom' && JSON_STAGE_RULES.has(String(issue.params?.rule));
    if (
      (key === 'StrategyContent' || key === 'strategyContent') &&
      typeof child === 'string' &&
      !jsonStage
    ) {
      sub.add(`${key}.${child}`);
    } else top.add(key);
  }
  return { top, sub };
}

function counter(value: PushRequestFields) {
  return (field: string): number | undefined => {
    const sent: unknown = Reflect.get(value, field);
    // z.NEVER is what a failed JSON stage leaves: an object, but not the caller's map
    if (sent === z.NEVER) return undefined;
    if (Array.isArray(sent)) return sent.length;
    return isPlainObject(sent) ? Object.keys(sent).length : undefined;
  };
}

/**
 * Builds the rule context for one parse.
 *
 * @example
 * z.superRefine((value, payload) => checkSms(createRuleContext(value, payload, options)), { when: () => true });
 */
export function createRuleContext(
  value: PushRequestFields,
  sink: IssueSink,
  options: PushRequestOptions,
): RuleContext {
  const failed = failedPaths(sink);
  const fields: Partial<PushRequestFields> = { ...value };
  for (const key of failed.top) Reflect.deleteProperty(fields, key);
  const contentKey: ContentKey = Object.hasOwn(value, 'StrategyContent')
    ? 'StrategyContent'
    : 'strategyContent';
  const parsed = fields[contentKey];
  let content: Partial<StrategyContent> | undefined;
  if (parsed !== undefined) {
    content = { ...parsed };
    for (const child of Object.keys(parsed)) {
      if (failed.sub.has(`${contentKey}.${child}`)) Reflect.deleteProperty(content, child);
    }
  }
  return {
    fields,
    content,
    contentKeys: new Set(parsed === undefined ? [] : Object.keys(parsed)),
    contentKey,
    options,
    supplied: (field) => Object.hasOwn(value, field),
    sent: (field) => Object.hasOwn(value, field) && Reflect.get(value, field) !== undefined,
    count: counter(value),
    report: (path, rule, text) => report(sink, path, rule, text),
  };
}
