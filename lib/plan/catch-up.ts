/**
 * What a scheduled or loop push becomes when it is delivered again after its time.
 *
 * Why: an event function judges a record's time rules as of when the record first arrived (its
 * publish time, event time or firing; lib/handler/event-function.ts), so a message whose first
 * delivery failed retryably is still valid when it comes back. But by then its `fixedTime` may
 * have passed, or its loop may start on a day that is over, and mPaaS refuses a time in the past
 * (the same rules as strategy.ts). Rather than drop a record that was valid when it arrived:
 *
 * - a scheduled push (`strategyType` 1) whose `fixedTime` has passed is sent now, as an immediate
 *   push, with a warning line;
 * - a loop (`strategyType` 2) that started on an earlier day starts now instead, and keeps its
 *   end, days and time (the firings it missed are in the past either way), with a warning line;
 * - a loop whose last day is over has nothing left to send: that is an error, so the platform
 *   retries the record and finally dead-letters it, where an operator sees it.
 *
 * "Day" is the calendar day in `MPAAS_TIME_ZONE`, as in the validation rules, so a loop whose
 * first delivery was at 23:59 and whose redelivery is at 0:01 starts anew at 0:01.
 */
import { PushError } from '#lib/shared/errors.ts';
import { civilDate, daysBetween } from '#lib/validate/calendar.ts';
import type { PushRequest } from '#lib/validate/push-request.ts';

/** The request to send now, and a sentence for the log when it had to change. */
export interface CaughtUp {
  request: PushRequest;
  change?: string;
}

/**
 * `request` as it can still be sent at `now`.
 *
 * @throws PushError `ScheduleExpired` (not retryable, counted as an error) for a loop that ended.
 * @example catchUp(request, new Date(), 'Asia/Shanghai').change // undefined when nothing passed
 */
export function catchUp(request: PushRequest, now: Date, timeZone: string): CaughtUp {
  const content = request.strategyContent;
  if (content === undefined) return { request };
  const nowMs = now.getTime();
  if (request.strategyType === 1 && content.fixedTime !== undefined && content.fixedTime <= nowMs) {
    const { strategyContent: _passed, ...rest } = request;
    return {
      request: { ...rest, strategyType: 0 },
      change: `fixedTime ${new Date(content.fixedTime).toISOString()} passed before this delivery; sent now as an immediate push`,
    };
  }
  if (request.strategyType !== 2) return { request };
  const today = civilDate(nowMs, timeZone);
  const daysFromToday = (ms: number) => daysBetween(today, civilDate(ms, timeZone));
  if (content.endTime !== undefined && daysFromToday(content.endTime) < 0) {
    throw new PushError(
      `The loop push ended on ${new Date(content.endTime).toISOString()}, before this delivery; nothing is left to send.`,
      { statusCode: 500, code: 'ScheduleExpired', retryable: false },
    );
  }
  if (content.startTime !== undefined && daysFromToday(content.startTime) < 0) {
    return {
      request: { ...request, strategyContent: { ...content, startTime: nowMs } },
      change: `the loop's startTime ${new Date(content.startTime).toISOString()} is on a day that passed before this delivery; it starts now`,
    };
  }
  return { request };
}
