/**
 * The shape of `StrategyContent`, the push-strategy details of a scheduled or loop push.
 *
 * Source: the mPaaS template-push doc (help.aliyun.com/document_detail/2871127.html; en:
 * alibabacloud.com/help/en/mobile-platform-as-a-service/latest/template-push) gives
 * `{"fixedTime":1630303126000,"startTime":1625673600000,"endTime":1630303126000,"circleType":1,
 * "circleValue":[1, 7],"time":"13:45:11"}` and calls it "推送策略详情 (JSON 字符串)", required when
 * `strategyType` is not 0. Hence:
 * - the three timestamps are Unix **milliseconds** (13 digits, as in the example). A 10-digit value
 *   is seconds by mistake and would land in January 1970, so it is refused with that explanation
 *   rather than reported as "in the past";
 * - `circleType` is 1 daily, 2 weekly, 3 monthly; `circleValue` a JSON array of whole numbers
 *   (days of the week 1–7 or of the month 1–31, checked against `circleType` in strategy.ts);
 * - `time` is the time of day as `HH:mm:ss`, 24-hour.
 * Which keys a strategy needs, and the day window, depend on `strategyType` and the clock: see
 * strategy.ts. Unknown keys are refused, like everywhere else.
 */
import * as z from 'zod/mini';
import { describeValue, rule, typeError, unknownKeysError } from '#lib/validate/issues.ts';
import { integer, integerOf } from '#lib/validate/scalars.ts';

const TIME_OF_DAY = /^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$/;

function millisecondsText(issue: { input?: unknown }): string {
  // the refinement runs after the whole-number check, so the input is a number
  const value = Number(issue.input);
  const hint = value >= 1e9 && value < 1e10 ? '; this one looks like seconds' : '';
  return `must be a Unix timestamp in milliseconds (13 digits, like the docs' 1630303126000); got ${describeValue(value)}${hint}`;
}

/** A Unix timestamp in milliseconds, 2001-09-09 to 2286-11-20 (13 digits). */
const milliseconds = integer([
  z.refine((n: number) => n >= 1e12 && n < 1e13, rule('milliseconds', millisecondsText)),
]);

const circleValue = z
  .array(integer(), { error: typeError("a JSON array of whole numbers, like the docs' [1, 7]") })
  // an empty list is refused by the loop rules (strategy.ts), which know whether the loop is
  // daily, so that a daily loop's empty list gets one message ("must be absent"), not two
  .check(
    z.refine(
      (days: number[]) => new Set(days).size === days.length,
      rule('unique', 'must not list the same day twice'),
    ),
  );

const time = z.string({ error: typeError('a time of day as HH:mm:ss') }).check(
  z.refine(
    (s: string) => TIME_OF_DAY.test(s),
    rule(
      'time-format',
      (issue) =>
        `must be a time of day as HH:mm:ss (24-hour, like the docs' 13:45:11); got ${describeValue(issue.input)}`,
    ),
  ),
);

const shape = {
  fixedTime: z.optional(milliseconds),
  startTime: z.optional(milliseconds),
  endTime: z.optional(milliseconds),
  circleType: z.optional(integerOf([1, 2, 3], '1 (daily), 2 (weekly) or 3 (monthly)')),
  circleValue: z.optional(circleValue),
  time: z.optional(time),
};

/**
 * `StrategyContent` after parsing (either accepted form; see json-map.ts).
 *
 * @example
 * strategyContent.parse({ fixedTime: 1767225600000 });
 */
export const strategyContent = z.strictObject(shape, {
  error: unknownKeysError(
    'a JSON object',
    `StrategyContent takes only ${Object.keys(shape).join(', ')}`,
    Object.keys(shape),
  ),
});

/** Parsed `StrategyContent`. */
export type StrategyContent = z.output<typeof strategyContent>;
