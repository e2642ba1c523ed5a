/**
 * API version 2019-08-21: parameters its PushTemplate model does not have are refused.
 *
 * Why: 2019-08-21 is the version of the docs' code samples, but its request model
 * (github.com/aliyun/alibabacloud-sdk `mpaas-20190821/main.tea`, Python
 * `aliyunsdkmpaas/request/v20190821/PushTemplateRequest.py`) has no Classification, StrategyType,
 * StrategyContent, Sms*, ThirdChannelCategory, NotifyLevel, MiChannelId or Live Activity
 * parameters; they exist only in 2020-10-28 (reference mpaas-openapi.md §5.2). Sent to
 * 2019-08-21 they would at best be ignored: a "scheduled" push would go out now, a Live Activity
 * update would lose its state. So a request that uses them is refused, telling the caller to
 * use 2020-10-28; so is a Live Activity push (deliveryType 5 or 6), which cannot be expressed
 * without them. Only parameters the caller supplied count: defaults (`classification` "1",
 * `strategyType` 0, `smsStrategy` 0) are applied after this rule and are not sent to 2019-08-21.
 */
import type { RuleContext } from '#lib/validate/rule-context.ts';

/** Parameters of PushTemplate 2020-10-28 that 2019-08-21 lacks. */
export const ONLY_IN_2020_10_28 = [
  'classification',
  'strategyType',
  'StrategyContent',
  'strategyContent',
  'smsStrategy',
  'smsSignName',
  'smsTemplateCode',
  'smsTemplateParam',
  'thirdChannelCategory',
  'notifyLevel',
  'miChannelId',
  'activityEvent',
  'activityContentState',
  'dismissalDate',
] as const;

/**
 * Refuses, under 2019-08-21, every supplied parameter that version does not have.
 *
 * @example
 * checkApiVersion(createRuleContext(value, payload, { ...options, apiVersion: '2019-08-21' }));
 */
export function checkApiVersion(ctx: RuleContext): void {
  if (ctx.options.apiVersion !== '2019-08-21') return;
  const { deliveryType } = ctx.fields;
  if (deliveryType === 5 || deliveryType === 6) {
    const text = `is ${deliveryType}, a Live Activity push, which needs activityEvent and activityContentState; API version 2019-08-21 has neither, so the request is refused: use API version 2020-10-28`;
    ctx.report(['deliveryType'], 'api-version', text);
  }
  for (const field of ONLY_IN_2020_10_28) {
    if (!ctx.supplied(field)) continue;
    const text =
      "is not a PushTemplate parameter in API version 2019-08-21 (the docs' code-sample version), where mPaaS would ignore it; the request is refused: use API version 2020-10-28";
    ctx.report([field], 'api-version', text);
  }
}
