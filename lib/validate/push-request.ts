/**
 * The PushTemplate request contract: one zod/mini schema, parsed at the edge, that every
 * trigger's input must pass before anything is signed or sent.
 *
 * Why here: mPaaS answers many mistakes only after the push was accepted, or not at all (a
 * scheduled push sent to an API version without strategies goes out at once; an unknown template
 * placeholder surfaces as 3023). So the rules of the mPaaS template-push doc
 * (help.aliyun.com/document_detail/2871127.html; en:
 * alibabacloud.com/help/en/mobile-platform-as-a-service/latest/template-push), the result codes it
 * implies (reference mpaas-openapi.md §5.4) and this function's own lock on one app and workspace
 * are checked up front, all at once, with messages that name the field and the rule.
 *
 * A request may name up to `options.maxTargets` targets (100,000 by default), as `targetMsgkey`
 * or as `targets` with derived msgKeys; PushTemplate's 10 targets per call (3029) are applied
 * later, by splitting the request into calls (the plan stage, lib/plan/chunks.ts). The output always has `targetMsgkey`.
 *
 * Layout: fields.ts (each parameter), maps.ts and json-map.ts (map parameters), targets.ts (the
 * two target forms), strategy*.ts (scheduled and loop pushes), cross-field.ts (app lock, SMS,
 * Live Activity), api-version.ts.
 * zod/mini rather than classic zod keeps the bundle small for Function Compute cold starts.
 */

import * as z from 'zod/mini';
import { repeatedKeys } from '#lib/shared/json-text.ts';
import { checkApiVersion } from '#lib/validate/api-version.ts';
import { checkApp, checkLiveActivity, checkSms, checkSpelling } from '#lib/validate/cross-field.ts';
import { type PushRequestFields, pushRequestFields } from '#lib/validate/fields.ts';
import {
  capIssues,
  describeValue,
  ROOT_FIELD,
  sentence,
  sortIssues,
  toValidationIssues,
  type ValidationIssue,
} from '#lib/validate/issues.ts';
import {
  isPlainObject,
  PROTOTYPE_KEYS,
  prototypeKeyText,
  REPEATED_KEY,
} from '#lib/validate/json-map.ts';
import { assertOptions, type PushRequestOptions } from '#lib/validate/options.ts';
import { createRuleContext, type RuleContext } from '#lib/validate/rule-context.ts';
import { checkStrategy } from '#lib/validate/strategy.ts';
import { assertSeed, checkTargets, targetMsgkeyOf } from '#lib/validate/target-rules.ts';

export type { JsonObject, JsonValue } from '#lib/validate/json-map.ts';
export type { ApiVersion, PushRequestOptions } from '#lib/validate/options.ts';
export type { StrategyContent } from '#lib/validate/strategy-content.ts';
export type { ValidationIssue };

function withDefaults(optionsOf: () => PushRequestOptions) {
  return (fields: PushRequestFields) => {
    const options = optionsOf();
    const { StrategyContent, strategyContent, targets, targetMsgkey, ...rest } = fields;
    const content = StrategyContent ?? strategyContent;
    return {
      ...rest,
      // the targets rule has already reported a request without one of the two forms
      targetMsgkey: targetMsgkeyOf({ targetMsgkey, targets }, options),
      // never empty: the app rule has already reported a request without appId or configuration
      appId: fields.appId ?? options.appId ?? '',
      workspaceId: fields.workspaceId ?? options.workspaceId ?? '',
      classification: fields.classification ?? '1',
      strategyType: fields.strategyType ?? 0,
      smsStrategy: fields.smsStrategy ?? 0,
      ...(content === undefined ? {} : { strategyContent: content }),
    };
  };
}

/** The schema, its rules reading the options of the parse through `optionsOf`. */
function buildSchema(optionsOf: () => PushRequestOptions) {
  const crossField = z.superRefine(
    (value: PushRequestFields, payload) => {
      const ctx = createRuleContext(value, payload, optionsOf());
      for (const check of [
        checkSpelling,
        checkApp,
        checkTargets,
        checkSms,
        checkLiveActivity,
        checkStrategy,
        checkApiVersion,
        checkWellFormed,
      ]) {
        check(ctx);
      }
    },
    { when: (payload) => isPlainObject(payload.value) },
  );
  return z.pipe(pushRequestFields.check(crossField), z.transform(withDefaults(optionsOf)));
}

/**
 * The full schema for one set of options: fields, then every cross-field rule (run even when
 * some fields failed, so all issues come out at once), then defaults. The rules read the clock,
 * the time zone, the configured app and the API version.
 *
 * @example
 * createPushRequestSchema(options).safeParse(body, { reportInput: true });
 */
export function createPushRequestSchema(options: PushRequestOptions) {
  return buildSchema(() => options);
}

/** The options of the parse under way: set around each synchronous parse of `SHARED`. */
let parsing: PushRequestOptions | undefined;

/**
 * One schema for every request, built once: building it cost each request about 37 µs (a
 * CPU profile of the per-push bench, 2026-12-02). Its rules read the options of the request
 * being parsed; a zod parse without async rules is synchronous, so no other request's options
 * can be read meanwhile.
 */
const SHARED = buildSchema(() => {
  if (parsing === undefined)
    throw new Error('the shared push request schema is parsed only by parsePushRequest');
  return parsing;
});

/**
 * A validated request: camelCase names, `appId`/`workspaceId` filled in, defaults applied, and
 * always `targetMsgkey` (derived from `targets` when the request named those).
 */
export type PushRequest = z.output<ReturnType<typeof createPushRequestSchema>>;

/** The result of {@link parsePushRequest}. */
export type PushRequestResult =
  | { success: true; data: PushRequest }
  | { success: false; issues: ValidationIssue[] };

function rootIssues(input: Record<string, unknown>): ValidationIssue[] {
  const repeated = repeatedKeys(input).map((key) => ({
    field: key,
    rule: 'unique-key',
    message: sentence(key, REPEATED_KEY),
  }));
  const prototype = Object.keys(input)
    .filter((key) => PROTOTYPE_KEYS.has(key))
    .map((key) => ({
      field: key,
      rule: 'prototype-key',
      message: sentence(key, prototypeKeyText(key)),
    }));
  return [...repeated, ...prototype];
}

/** A lone surrogate: legal in a JS string (JSON's `\uD800` escape), but not Unicode text. */
const LONE_SURROGATE = /\p{Cs}/u;

const MALFORMED =
  'must be well-formed Unicode text; it holds a lone surrogate (an unpaired \\uD800-\\uDFFF escape), which cannot be sent to mPaaS';

function malformedText(value: unknown, path: readonly PropertyKey[], ctx: RuleContext): void {
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) ctx.report(path, 'well-formed-text', MALFORMED);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, inner] of Object.entries(value)) {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    malformedText(key, at, ctx);
    malformedText(inner, at, ctx);
  }
}

/**
 * Strings and keys that are not well-formed Unicode, at the place the caller sent them
 * (`targets.1`, not the targetMsgkey derived from it). The signer percent-encodes every
 * parameter, and encodeURIComponent throws on a lone surrogate, so such a request could never be
 * sent; checked on the parsed fields so that map fields sent as JSON strings are covered too.
 * Only fields that parsed are walked: they are bounded in size and depth.
 */
function checkWellFormed(ctx: RuleContext): void {
  for (const [field, value] of Object.entries(ctx.fields)) malformedText(value, [field], ctx);
}

/**
 * Validates one PushTemplate request and applies defaults, reporting every broken rule at once,
 * sorted by field, rule and message.
 *
 * @throws RangeError when `options` cannot be right (unknown time zone, invalid date, empty appId,
 *   `maxTargets` not a positive whole number), or when the request uses `targets` and
 *   `options.msgKeySeed` is missing (the derived msgKeys need the request's idempotency key).
 * @example
 * const result = parsePushRequest(
 *   { taskName: 'order shipped', deliveryType: 3, targetMsgkey: { user1024: 'm-1' }, expiredSeconds: 300, templateName: 'shipped' },
 *   { now: new Date(), timeZone: 'Asia/Shanghai', appId: 'ONEX570DA89211721', workspaceId: 'default', apiVersion: '2020-10-28' },
 * );
 * if (!result.success) console.log(result.issues.map((issue) => issue.message));
 */
export function parsePushRequest(input: unknown, options: PushRequestOptions): PushRequestResult {
  assertOptions(options);
  if (!isPlainObject(input)) {
    const text = `must be a JSON object of PushTemplate parameters; got ${describeValue(input)}`;
    return {
      success: false,
      issues: [{ field: ROOT_FIELD, rule: 'json-object', message: sentence(ROOT_FIELD, text) }],
    };
  }
  assertSeed(input, options);
  const issues = rootIssues(input);
  // the prototype keys are reported above; the copy keeps them away from zod's object parser
  const rest = Object.fromEntries(
    Object.entries(input).filter(([key]) => !PROTOTYPE_KEYS.has(key)),
  );
  parsing = options;
  let result: ReturnType<typeof SHARED.safeParse>;
  try {
    result = SHARED.safeParse(rest, { reportInput: true });
  } finally {
    parsing = undefined;
  }
  if (result.success && issues.length === 0) return { success: true, data: result.data };
  if (!result.success) issues.push(...toValidationIssues(result.error.issues));
  return { success: false, issues: capIssues(sortIssues(issues)) };
}
