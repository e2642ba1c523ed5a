/**
 * Push-strategy rules: which StrategyContent keys each `strategyType` needs, and the day window.
 *
 * Read in the mPaaS docs (template push, help.aliyun.com/document_detail/2871127.html, and batch
 * push, document_detail/2871128.html): strategyType 0 immediate (default), 1 scheduled, 2 loop;
 * StrategyContent "strategyType 不等于 0 时必填" (required when strategyType is not 0).
 * From the docs' "StrategyContent 字段说明" table as our brief relays it (the stored copy we could
 * search ends before that table): scheduled needs `fixedTime`; loop needs `startTime`, `endTime`,
 * `circleType`, `time`, and `circleValue` unless daily (weekly 1–7, monthly 1–31); a loop's start
 * and end may not be before 0:00 of the current day, the end not before the start, and the end at
 * most 180 days after the current day. "Current day" is `options.now` seen in `options.timeZone`
 * (see calendar.ts).
 *
 * Choices where the docs are silent (the demanding reading, each with its own rule id):
 * - StrategyContent with strategyType 0 is refused: mPaaS would ignore it and push at once.
 * - Keys the chosen strategy does not use are refused (loop keys on a scheduled push, `fixedTime`
 *   on a loop, `circleValue` on a daily loop). The docs' example sends all six keys only to show
 *   their shapes.
 * - `fixedTime` may not be in the past (before `options.now`) and, like a loop's end, may be at
 *   most 180 days after the current day.
 * - The 180 days count calendar days: an end anywhere on day 180 is accepted, day 181 is not.
 */
import {
  addDays,
  type CivilDate,
  civilDate,
  daysBetween,
  formatDate,
} from '#lib/validate/calendar.ts';
import type { RuleContext } from '#lib/validate/rule-context.ts';
import type { StrategyContent } from '#lib/validate/strategy-content.ts';

const MAX_DAYS = 180;
type Content = Partial<StrategyContent>;

function today(ctx: RuleContext): CivilDate {
  return civilDate(ctx.options.now.getTime(), ctx.options.timeZone);
}

function dayText(ctx: RuleContext, day: CivilDate): string {
  return `${formatDate(day)} in ${ctx.options.timeZone}`;
}

function requireKeys(ctx: RuleContext, keys: readonly (keyof StrategyContent)[], why: string) {
  for (const key of keys) {
    if (!ctx.contentKeys.has(key))
      ctx.report([ctx.contentKey, key], 'required', `is required ${why}`);
  }
}

function refuseKeys(
  ctx: RuleContext,
  keys: readonly (keyof StrategyContent)[],
  id: string,
  why: string,
) {
  for (const key of keys) {
    if (ctx.contentKeys.has(key))
      ctx.report([ctx.contentKey, key], id, `must be absent ${why}: mPaaS would ignore it`);
  }
}

function checkHorizon(ctx: RuleContext, key: keyof StrategyContent, epochMs: number): void {
  const now = today(ctx);
  const day = civilDate(epochMs, ctx.options.timeZone);
  if (daysBetween(now, day) > MAX_DAYS) {
    const text = `must be at most ${MAX_DAYS} days after the current day (${dayText(ctx, now)}), so on or before ${formatDate(addDays(now, MAX_DAYS))}; got ${formatDate(day)}`;
    ctx.report([ctx.contentKey, key], 'max-180-days', text);
  }
}

function checkScheduled(ctx: RuleContext, content: Content): void {
  requireKeys(ctx, ['fixedTime'], 'when strategyType is 1 (scheduled)');
  refuseKeys(
    ctx,
    ['startTime', 'endTime', 'circleType', 'circleValue', 'time'],
    'not-for-scheduled',
    'when strategyType is 1 (scheduled)',
  );
  if (content.fixedTime === undefined) return;
  if (content.fixedTime < ctx.options.now.getTime()) {
    const text = `must not be in the past: ${new Date(content.fixedTime).toISOString()} is before now (${ctx.options.now.toISOString()})`;
    ctx.report([ctx.contentKey, 'fixedTime'], 'not-in-past', text);
  }
  checkHorizon(ctx, 'fixedTime', content.fixedTime);
}

function checkWindowStart(ctx: RuleContext, key: 'startTime' | 'endTime', epochMs: number): void {
  const now = today(ctx);
  const day = civilDate(epochMs, ctx.options.timeZone);
  if (daysBetween(now, day) < 0) {
    const text = `must not be before 0:00 of the current day (${dayText(ctx, now)}); got ${formatDate(day)}`;
    ctx.report([ctx.contentKey, key], 'not-before-today', text);
  }
}

function checkCircleValue(ctx: RuleContext, content: Content): void {
  const { circleType, circleValue } = content;
  if (circleType === undefined || circleType === 1 || circleValue === undefined) return;
  if (circleValue.length === 0) {
    ctx.report([ctx.contentKey, 'circleValue'], 'non-empty', 'must list at least one day');
  }
  const [max, what] =
    circleType === 2 ? [7, 'a day of the week, 1 to 7,'] : [31, 'a day of the month, 1 to 31,'];
  circleValue.forEach((value, index) => {
    if (value < 1 || value > max) {
      const id = circleType === 2 ? 'weekday-range' : 'month-day-range';
      ctx.report(
        [ctx.contentKey, 'circleValue', index],
        id,
        `must be ${what} when circleType is ${circleType === 2 ? '2 (weekly)' : '3 (monthly)'}; got ${value}`,
      );
    }
  });
}

function checkLoop(ctx: RuleContext, content: Content): void {
  const why = 'when strategyType is 2 (loop)';
  requireKeys(ctx, ['startTime', 'endTime', 'circleType', 'time'], why);
  refuseKeys(ctx, ['fixedTime'], 'not-for-loop', why);
  if (content.circleType === 2 || content.circleType === 3)
    requireKeys(ctx, ['circleValue'], `when circleType is ${content.circleType}`);
  if (content.circleType === 1)
    refuseKeys(ctx, ['circleValue'], 'not-for-daily', 'when circleType is 1 (daily)');
  checkCircleValue(ctx, content);
  const { startTime, endTime } = content;
  if (startTime !== undefined) checkWindowStart(ctx, 'startTime', startTime);
  if (endTime !== undefined) {
    checkWindowStart(ctx, 'endTime', endTime);
    checkHorizon(ctx, 'endTime', endTime);
  }
  if (startTime !== undefined && endTime !== undefined && endTime < startTime) {
    ctx.report([ctx.contentKey, 'endTime'], 'end-before-start', 'must not be before startTime');
  }
}

/**
 * Applies the strategy rules for `strategyType` (default 0) to the usable StrategyContent.
 *
 * @example
 * checkStrategy(createRuleContext(value, payload, options));
 */
export function checkStrategy(ctx: RuleContext): void {
  const type = ctx.fields.strategyType;
  if (ctx.supplied('strategyType') && type === undefined) return;
  const sent = ctx.supplied('StrategyContent') || ctx.supplied('strategyContent');
  if ((type ?? 0) === 0) {
    if (sent)
      ctx.report(
        [ctx.contentKey],
        'immediate-no-content',
        'must be absent when strategyType is 0 (immediate, the default): mPaaS would ignore it and push at once; set strategyType to 1 (scheduled) or 2 (loop)',
      );
    return;
  }
  if (!sent) {
    ctx.report(
      ['StrategyContent'],
      'required',
      `is required when strategyType is ${type} (the mPaaS docs: required when strategyType is not 0)`,
    );
    return;
  }
  if (ctx.content === undefined) return;
  if (type === 1) checkScheduled(ctx, ctx.content);
  else checkLoop(ctx, ctx.content);
}
