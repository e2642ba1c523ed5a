/**
 * Every PushTemplate parameter this function accepts, each with its own rules.
 *
 * Names and meanings follow the mPaaS template-push doc (help.aliyun.com/document_detail/2871127.html;
 * en: alibabacloud.com/help/en/mobile-platform-as-a-service/latest/template-push) and the
 * 2020-10-28 request model (github.com/aliyun/alibabacloud-typescript-sdk
 * `mpaas-20201028/src/models/PushTemplateRequest.ts`). Rules that involve two fields, the
 * configured app, the clock or the API version live in cross-field.ts, strategy.ts and
 * api-version.ts; defaults are applied after them, so those rules see only what the caller sent.
 *
 * Choices where the doc is silent:
 * - `taskName` is required: the doc marks it 是 (yes), and mPaaS has 3019 TASKNAME_NULL.
 * - `templateName`: no comma ("模板名称不能包含逗号"), at most 200 characters (the console's
 *   template-name limit, mPaaS "创建模板" doc).
 * - `StrategyContent` is the doc's spelling; `strategyContent` (the SDK's) is accepted too.
 * - `targets` is not a PushTemplate parameter but this function's own: a list of target ids whose
 *   msgKeys are derived (targets.ts). `targetMsgkey` or `targets` is required, exactly one of them,
 *   so both are optional here and the rule lives in targets.ts.
 * - Not accepted yet: `pushAction`, `silent`, `tenantId`, `channelId`, `vendorTemplate`,
 *   `transparentMessagePayload`, `transparentMessageUrgency` (not in this function's contract).
 */
import * as z from 'zod/mini';
import { describeValue, REQUIRED, rule, unknownKeysError } from '#lib/validate/issues.ts';
import { jsonObject } from '#lib/validate/json-map.ts';
import { MAX_LENGTH } from '#lib/validate/limits.ts';
import {
  activityContentState,
  extendedParams,
  scalarMap,
  targetMsgkey,
} from '#lib/validate/maps.ts';
import {
  classification,
  integer,
  integerOf,
  nonBlank,
  positive,
  stringEnum,
} from '#lib/validate/scalars.ts';
import { strategyContent } from '#lib/validate/strategy-content.ts';
import { targets } from '#lib/validate/targets.ts';

const DELIVERY_TYPES =
  '1 (Android device), 2 (iOS device), 3 (user), 5 (Live Activity pushToken), 6 (Live Activity activityId) or 7 (HarmonyOS device)';

const templateName = nonBlank().check(
  z.refine(
    (s: string) => !s.includes(','),
    rule(
      'no-comma',
      'must not contain a comma (the mPaaS docs: template names cannot contain commas)',
    ),
  ),
  z.refine(
    (s: string) => s.length <= MAX_LENGTH.templateName,
    rule('max-length', 'must be at most 200 characters, the console limit for template names'),
  ),
);

function secondsText(issue: { input?: unknown }): string {
  const value = issue.input;
  const hint =
    typeof value === 'number' && value >= 1e12 ? '; this one looks like milliseconds' : '';
  return `must be a Unix timestamp in seconds (10 digits, as Apple's dismissal-date); got ${describeValue(value)}${hint}`;
}

const shape = {
  taskName: nonBlank(
    'is required (the mPaaS docs mark taskName required; mPaaS answers 3019 TASKNAME_NULL)',
    MAX_LENGTH.taskName,
  ),
  appId: z.optional(nonBlank(REQUIRED, MAX_LENGTH.appId)),
  workspaceId: z.optional(nonBlank(REQUIRED, MAX_LENGTH.workspaceId)),
  deliveryType: integerOf([1, 2, 3, 5, 6, 7], DELIVERY_TYPES),
  targetMsgkey: z.optional(targetMsgkey),
  targets: z.optional(targets),
  expiredSeconds: integer([
    positive('must be a positive number of seconds (the message validity period)'),
  ]),
  templateName,
  templateKeyValue: z.optional(scalarMap('templateKeyValue')),
  extendedParams: z.optional(extendedParams),
  notifyType: z.optional(
    stringEnum(
      ['transparent', 'notify'],
      '"transparent" (MPS own channel) or "notify" (default channel)',
    ),
  ),
  classification: z.optional(classification),
  strategyType: z.optional(integerOf([0, 1, 2], '0 (immediate), 1 (scheduled) or 2 (loop)')),
  StrategyContent: z.optional(jsonObject(strategyContent)),
  strategyContent: z.optional(jsonObject(strategyContent)),
  smsStrategy: z.optional(integerOf([0, 1, 2], '0 (no SMS), 1 or 2 (an SMS supplement)')),
  smsSignName: z.optional(nonBlank(REQUIRED, MAX_LENGTH.smsSignName)),
  smsTemplateCode: z.optional(nonBlank(REQUIRED, MAX_LENGTH.smsTemplateCode)),
  smsTemplateParam: z.optional(scalarMap('smsTemplateParam')),
  thirdChannelCategory: z.optional(scalarMap('thirdChannelCategory')),
  notifyLevel: z.optional(scalarMap('notifyLevel')),
  miChannelId: z.optional(nonBlank(REQUIRED, MAX_LENGTH.miChannelId)),
  activityEvent: z.optional(stringEnum(['update', 'end'], '"update" or "end"')),
  activityContentState: z.optional(activityContentState),
  dismissalDate: z.optional(
    integer([z.refine((n: number) => n >= 1e9 && n < 1e10, rule('seconds', secondsText))]),
  ),
};

/** The names of all accepted parameters, in the docs' order (`targets` beside `targetMsgkey`). */
export const FIELD_NAMES: readonly string[] = Object.keys(shape);

/**
 * All parameters, each checked on its own; unknown keys are refused.
 *
 * @example
 * pushRequestFields.safeParse(body, { reportInput: true });
 */
export const pushRequestFields = z.strictObject(shape, {
  error: unknownKeysError(
    'a JSON object of PushTemplate parameters',
    'PushTemplate takes only the parameters named in the mPaaS docs, and this function also takes targets (target ids whose msgKeys it derives)',
    FIELD_NAMES,
  ),
});

/** The parameters as parsed, before cross-field rules and defaults. */
export type PushRequestFields = z.output<typeof pushRequestFields>;
