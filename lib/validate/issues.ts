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
    const names = issue.keys.map((key) => {
      const near = known.find((name) => name.toLowerCase() === key.toLowerCase());
      return near === undefined
        ? JSON.stringify(key)
        : `${JSON.stringify(key)} (did you mean ${JSON.stringify(near)}?)`;
    });
    return `has unknown field${names.length > 1 ? 's' : ''} ${names.join(', ')}; ${accepts}`;
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
    const field = issue.path.map(String).join('.') || ROOT_FIELD;
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
