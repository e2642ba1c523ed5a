/**
 * Validation issues: the one shape every PushTemplate rule reports in.
 *
 * Why: callers (the HTTP layer, queue consumers, logs) need a stable, machine-readable `rule` id
 * beside a sentence a person can act on, and they need every problem at once, in a fixed order,
 * so that responses and tests are reproducible. The rules in `lib/validate/*` are zod/mini
 * checks; each one attaches its id as `params.rule` and writes its text without the field name.
 * This module turns zod's issues into {@link ValidationIssue}s, putting the field (the issue's
 * path, e.g. `StrategyContent.circleValue`) in front of the text, so a message always names the
 * field exactly as the caller spelled it.
 */
import type * as z from 'zod/mini';
import type { ValidationIssue } from '#lib/shared/errors.ts';
import { MAX_ISSUES } from '#lib/validate/limits.ts';

export type { ValidationIssue };

/** Field name used for problems with the request as a whole (not an object, unknown keys). */
export const ROOT_FIELD = 'request';

/** The text for a missing required parameter. */
export const REQUIRED = 'is required (the mPaaS docs mark it required)';

/** Where rules put issues: zod's parse payload and refinement context both fit. */
export interface IssueSink {
  issues: z.core.$ZodRawIssue[];
}

/** zod/mini refinement parameters carrying a rule id and its text. */
export interface RuleParams {
  error: string | ((issue: { input?: unknown }) => string);
  params: { rule: string };
}

/**
 * Parameters for `z.refine(...)`: the stable rule id and the text (without the field name).
 *
 * @example
 * z.string().check(z.refine((s) => !s.includes(','), rule('no-comma', 'must not contain a comma')));
 */
export function rule(id: string, text: RuleParams['error']): RuleParams {
  return { error: text, params: { rule: id } };
}

/**
 * Adds one issue to a zod payload, at `path` relative to the schema being parsed.
 *
 * @example
 * report(ctx, ['smsSignName'], 'required-with-sms', 'is required when smsStrategy is 1');
 */
export function report(
  sink: IssueSink,
  path: readonly PropertyKey[],
  id: string,
  text: string,
  input?: unknown,
): void {
  sink.issues.push({ code: 'custom', input, path: [...path], message: text, params: { rule: id } });
}

/**
 * Describes a value for a message without echoing much of it (values can be long or private).
 *
 * @example
 * describeValue([1]); // 'an array'
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return value.length > 32
        ? `a ${value.length}-character string`
        : `the string ${JSON.stringify(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `the boolean ${value}`;
    case 'undefined':
      return 'nothing';
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** Longest part of a caller's name (a key, a target id) that a message repeats. */
const MAX_QUOTED = 64;

/**
 * A name the caller sent, quoted for a message, cut to its first 64 characters: names come from
 * the caller and may be any length, while a message must stay short.
 *
 * @example
 * quote('user1024'); // '"user1024"'
 * quote('x'.repeat(1000)); // '"xxx…x…" (1000 characters)'
 */
export function quote(name: string): string {
  if (name.length <= MAX_QUOTED) return JSON.stringify(name);
  return `${JSON.stringify(`${name.slice(0, MAX_QUOTED)}…`)} (${name.length} characters)`;
}

/** One step of a field path, as a message shows it: long keys are cut like {@link quote}. */
function pathStep(step: PropertyKey): string {
  const text = String(step);
  return text.length <= MAX_QUOTED ? text : `${text.slice(0, MAX_QUOTED)}…`;
}

/**
 * Reports into `sink` at most `limit` issues, then counts the rest; {@link CappedSink.close}
 * adds one issue saying how many were left out. For the fields that hold a problem per element
 * (`targets`, `targetMsgkey`): 100,000 bad targets give 101 issues, not 100,000.
 */
export interface CappedSink {
  report(path: readonly PropertyKey[], id: string, text: string): void;
  close(): void;
}

/**
 * @example
 * const capped = cappedSink(ctx); ids.forEach((id, i) => capped.report([i], 'type', '…')); capped.close();
 */
export function cappedSink(sink: IssueSink, limit = MAX_ISSUES): CappedSink {
  let reported = 0;
  let left = 0;
  return {
    report(path, id, text) {
      if (reported < limit) {
        reported += 1;
        report(sink, path, id, text);
      } else left += 1;
    },
    close() {
      if (left > 0) report(sink, [], 'more-issues', moreText(left));
    },
  };
}

function moreText(left: number): string {
  return `has ${left} more problem${left === 1 ? '' : 's'} of the same kinds, not listed; fix the ones listed and send it again`;
}

/**
 * At most {@link MAX_ISSUES} issues, in their order, and one more that counts the rest.
 *
 * @example
 * capIssues(sorted).length; // at most 101
 */
export function capIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  if (issues.length <= MAX_ISSUES) return [...issues];
  const left = issues.length - MAX_ISSUES;
  const text = `${left} more issue${left === 1 ? ' is' : 's are'} not listed; fix the ones listed and send it again`;
  return [
    ...issues.slice(0, MAX_ISSUES),
    { field: ROOT_FIELD, rule: 'more-issues', message: sentence(ROOT_FIELD, text) },
  ];
}

/**
 * Error map for zod's own type checks: "is required" when the value is absent, else the type.
 *
 * @example
 * z.string({ error: typeError('a string') });
 */
export function typeError(expected: string, required = REQUIRED) {
  return (issue: { input?: unknown }): string =>
    issue.input === undefined ? required : `must be ${expected}; got ${describeValue(issue.input)}`;
}

/** Most unknown keys one message names. */
const MAX_NAMED_KEYS = 10;

/**
 * Error map for `z.strictObject`: lists unknown keys, suggesting a known key that differs only
 * in case (`TargetMsgkey` → `targetMsgkey`), then says what the object accepts.
 *
 * @example
 * z.strictObject(shape, { error: unknownKeysError('a JSON object', 'PushTemplate takes only its documented parameters', Object.keys(shape)) });
 */
export function unknownKeysError(expected: string, accepts: string, known: readonly string[]) {
  return (issue: z.core.$ZodRawIssue): string => {
    if (issue.code !== 'unrecognized_keys')
      return `must be ${expected}; got ${describeValue(issue.input)}`;
    const names = issue.keys.slice(0, MAX_NAMED_KEYS).map((key) => {
      const near = known.find((name) => name.toLowerCase() === key.toLowerCase());
      return near === undefined ? quote(key) : `${quote(key)} (did you mean ${quote(near)}?)`;
    });
    const left = issue.keys.length - names.length;
    if (left > 0) names.push(`and ${left} more`);
    return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${names.join(', ')}; ${accepts}`;
  };
}

function ruleOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'custom':
      return typeof issue.params?.rule === 'string' ? issue.params.rule : 'invalid';
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'type';
    case 'invalid_value':
      return 'one-of';
    case 'unrecognized_keys':
      return 'unknown-keys';
    default:
      return issue.code;
  }
}

/**
 * Builds the message for a field: `<field>: <text>.`
 *
 * @example
 * sentence('templateName', 'must not contain a comma'); // 'templateName: must not contain a comma.'
 */
export function sentence(field: string, text: string): string {
  return `${field}: ${text.endsWith('.') ? text : `${text}.`}`;
}

/**
 * Converts zod issues (parsed with `reportInput: true`) into {@link ValidationIssue}s.
 *
 * @example
 * toValidationIssues(schema.safeParse(input, { reportInput: true }).error?.issues ?? []);
 */
export function toValidationIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  return issues.map((issue) => {
    const field = issue.path.map(pathStep).join('.') || ROOT_FIELD;
    return { field, rule: ruleOf(issue), message: sentence(field, issue.message) };
  });
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Removes duplicates and sorts by field, then rule, then message (code-unit order, so the result
 * does not depend on the runtime's locale data).
 *
 * @example
 * sortIssues([{ field: 'b', rule: 'x', message: 'b: x.' }, { field: 'a', rule: 'y', message: 'a: y.' }]);
 */
export function sortIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const unique = new Map<string, ValidationIssue>();
  for (const issue of issues) unique.set(`${issue.field}\0${issue.rule}\0${issue.message}`, issue);
  return [...unique.values()].sort(
    (a, b) => compare(a.field, b.field) || compare(a.rule, b.rule) || compare(a.message, b.message),
  );
}
