/**
 * Rules between fields: the configured app, the two StrategyContent spellings, SMS fallback and
 * Live Activity parameters.
 *
 * Principle where the docs are silent: a parameter that mPaaS would ignore in this request is
 * refused, not dropped, so the caller learns that the push will not do what it asked.
 * - App lock: this function pushes for one configured app and workspace; a request naming another
 *   is refused (not silently redirected), and without configuration both are required.
 * - SMS supplement (offered only in the Hangzhou non-finance region, "仅杭州非金融区提供短信补充
 *   服务", alibabacloud.com/help/zh/mobile-platform-as-a-service/latest/server-apis): `smsStrategy`
 *   1 or 2 needs `smsSignName`, `smsTemplateCode` and `smsTemplateParam` (the rule as our brief
 *   relays the docs' table); with `smsStrategy` 0 (the default) they would be ignored, so they are
 *   refused.
 * - Live Activity (deliveryType 5 pushToken, 6 activityId): the request must say `activityEvent`
 *   (update or end); an update carries `activityContentState`, as an ActivityKit update push must
 *   carry `content-state`; `dismissalDate` is only meaningful when ending (Apple's dismissal-date:
 *   "the date at which the system ends a Live Activity and removes it", a UNIX timestamp in
 *   seconds; OneSignal's equivalent is "only allowed if event is end"). With any other
 *   deliveryType these parameters would be ignored, so they are refused.
 */
import type { RuleContext } from '#lib/validate/rule-context.ts';

const LIVE_ACTIVITY_FIELDS = ['activityEvent', 'activityContentState', 'dismissalDate'] as const;
const SMS_FIELDS = ['smsSignName', 'smsTemplateCode', 'smsTemplateParam'] as const;

/**
 * Refuses a request that sends the strategy details under both spellings.
 *
 * @example
 * checkSpelling(ctx); // { StrategyContent: {...}, strategyContent: {...} } → 'one-spelling'
 */
export function checkSpelling(ctx: RuleContext): void {
  if (ctx.supplied('StrategyContent') && ctx.supplied('strategyContent')) {
    ctx.report(
      ['strategyContent'],
      'one-spelling',
      'must not be sent together with StrategyContent; send the strategy once',
    );
  }
}

function checkConfigured(ctx: RuleContext, field: 'appId' | 'workspaceId', noun: string): void {
  const configured = ctx.options[field];
  const requested = ctx.fields[field];
  if (ctx.supplied(field) && requested === undefined) return;
  if (configured === undefined) {
    if (requested === undefined)
      ctx.report([field], 'required', `is required: this function has no ${noun} configured`);
    return;
  }
  if (requested !== undefined && requested !== configured) {
    const text = `this function is configured for ${noun} ${configured}; a request for another ${noun} is refused`;
    ctx.report([field], field === 'appId' ? 'configured-app' : 'configured-workspace', text);
  }
}

/**
 * `appId` and `workspaceId`: default to the configured ones, and may not name others.
 *
 * @example
 * checkApp(ctx); // configured ONEX570DA89211721, request appId ONEXOTHER → 'configured-app'
 */
export function checkApp(ctx: RuleContext): void {
  checkConfigured(ctx, 'appId', 'app');
  checkConfigured(ctx, 'workspaceId', 'workspace');
}

/**
 * `smsStrategy` 1 or 2 needs the SMS parameters; 0 (the default) refuses them.
 *
 * @example
 * checkSms(ctx); // { smsStrategy: 1 } without smsSignName → 'required-with-sms'
 */
export function checkSms(ctx: RuleContext): void {
  const strategy = ctx.fields.smsStrategy;
  if (ctx.supplied('smsStrategy') && strategy === undefined) return;
  for (const field of SMS_FIELDS) {
    if (strategy !== undefined && strategy !== 0 && !ctx.supplied(field)) {
      ctx.report(
        [field],
        'required-with-sms',
        `is required when smsStrategy is ${strategy}: the SMS supplement needs a signature, template code and template parameters`,
      );
    }
    if ((strategy ?? 0) === 0 && ctx.supplied(field)) {
      ctx.report(
        [field],
        'sms-off',
        'must be absent when smsStrategy is 0 (no SMS, the default): mPaaS would send no SMS; set smsStrategy to 1 or 2',
      );
    }
  }
}

/**
 * Live Activity parameters: required shapes with deliveryType 5/6, refused otherwise.
 *
 * @example
 * checkLiveActivity(ctx); // { deliveryType: 3, activityEvent: 'end' } → 'live-activity-only'
 */
export function checkLiveActivity(ctx: RuleContext): void {
  const deliveryType = ctx.fields.deliveryType;
  if (deliveryType === undefined) return;
  if (deliveryType !== 5 && deliveryType !== 6) {
    for (const field of LIVE_ACTIVITY_FIELDS) {
      if (!ctx.supplied(field)) continue;
      const text = `is only for Live Activity pushes (deliveryType 5 pushToken or 6 activityId); with deliveryType ${deliveryType} mPaaS would ignore it`;
      ctx.report([field], 'live-activity-only', text);
    }
    return;
  }
  // under 2019-08-21 the API-version rule refuses the whole Live Activity push instead
  if (ctx.options.apiVersion === '2019-08-21') return;
  if (!ctx.supplied('activityEvent')) {
    ctx.report(
      ['activityEvent'],
      'required-for-live-activity',
      `is required when deliveryType is ${deliveryType}: a Live Activity push either updates ("update") or ends ("end") the activity`,
    );
  }
  const event = ctx.fields.activityEvent;
  if (event === 'update' && !ctx.supplied('activityContentState')) {
    ctx.report(
      ['activityContentState'],
      'required-for-update',
      'is required when activityEvent is "update": an ActivityKit update carries the new content state',
    );
  }
  if (event === 'update' && ctx.supplied('dismissalDate')) {
    ctx.report(
      ['dismissalDate'],
      'end-only',
      'only applies when activityEvent is "end": it says when the system removes an ended Live Activity',
    );
  }
}
