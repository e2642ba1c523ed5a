/**
 * A validated push request in mPaaS's wire form: PascalCase names, every value a string.
 *
 * pop-core sends objects as `[object Object]` and `undefined` as the string "undefined"
 * (reference mpaas-openapi.md §2.2), so JSON-valued fields are serialised here and empty ones
 * dropped before the request reaches it.
 */
import type { ApiVersion } from '#lib/validate/options.ts';

/** Parameters the 2019-08-21 PushTemplate model does not have (reference §5.2). */
const ONLY_IN_2020_10_28 = new Set([
  'Classification',
  'StrategyType',
  'StrategyContent',
  'SmsStrategy',
  'SmsSignName',
  'SmsTemplateCode',
  'SmsTemplateParam',
  'ThirdChannelCategory',
  'NotifyLevel',
  'MiChannelId',
  'ActivityEvent',
  'ActivityContentState',
  'DismissalDate',
]);

/**
 * Wire parameters for PushTemplate. Fields that only exist in 2020-10-28 are left out for
 * 2019-08-21: validation has already refused requests that set them, so only defaults remain.
 * @example toWireParams({ appId: 'A', targetMsgkey: { u1: 'm1' } }, '2020-10-28') // { AppId: 'A', TargetMsgkey: '{"u1":"m1"}' }
 */
export function toWireParams(request: object, apiVersion: ApiVersion): Record<string, string> {
  const wire: Record<string, string> = {};
  for (const [key, value] of Object.entries(request)) {
    if (value === undefined || value === null) continue;
    const name = key.charAt(0).toUpperCase() + key.slice(1);
    if (apiVersion === '2019-08-21' && ONLY_IN_2020_10_28.has(name)) continue;
    wire[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return wire;
}
