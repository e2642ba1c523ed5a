/**
 * What a scheduled or loop push becomes when it is delivered again after its time (#9): sent at
 * once when its fixedTime passed, started now when its loop's first day passed (days in the
 * configured zone, across midnight too), and an error when the loop is over.
 */
import { describe, expect, it } from 'vitest';
import { catchUp } from '#lib/plan/catch-up.ts';
import type { PushRequest } from '#lib/validate/push-request.ts';
import { SENDABLE } from '#test/helpers/push-request.ts';

const ZONE = 'Asia/Shanghai';
const BASE = SENDABLE;

function scheduled(fixedTime: number): PushRequest {
  return { ...BASE, strategyType: 1, strategyContent: { fixedTime } } as PushRequest;
}

function loop(startTime: number, endTime: number): PushRequest {
  return {
    ...BASE,
    strategyType: 2,
    strategyContent: { startTime, endTime, circleType: 1, time: '08:00:00' },
  } as PushRequest;
}

/** 2026-12-02 00:00:30 in Shanghai: just after midnight there. */
const AFTER_MIDNIGHT = new Date('2026-12-01T16:00:30Z');
/** 2026-12-01 23:59:59 in Shanghai: the day before, a second before midnight. */
const BEFORE_MIDNIGHT = Date.parse('2026-12-01T15:59:59Z');
const DAY = 86_400_000;

describe('catchUp', () => {
  it('sends a scheduled push whose fixedTime passed at once, saying so', () => {
    const { request, change } = catchUp(
      scheduled(AFTER_MIDNIGHT.getTime() - 1),
      AFTER_MIDNIGHT,
      ZONE,
    );

    expect(request.strategyType).toBe(0);
    expect(request.strategyContent).toBeUndefined();
    expect(request.targetMsgkey).toEqual(BASE.targetMsgkey);
    expect(change).toMatch(
      /^fixedTime 2026-12-01T16:00:29.999Z passed before this delivery; sent now/,
    );
  });

  it('sends at once a scheduled push whose fixedTime is this very millisecond', () => {
    expect(
      catchUp(scheduled(AFTER_MIDNIGHT.getTime()), AFTER_MIDNIGHT, ZONE).request.strategyType,
    ).toBe(0);
  });

  it('leaves a scheduled push whose time is still ahead, and an immediate push, as they are', () => {
    const ahead = scheduled(AFTER_MIDNIGHT.getTime() + 1);
    const now = { ...BASE, strategyType: 0 } as PushRequest;

    expect(catchUp(ahead, AFTER_MIDNIGHT, ZONE)).toEqual({ request: ahead });
    expect(catchUp(now, AFTER_MIDNIGHT, ZONE)).toEqual({ request: now });
  });

  it('starts now a loop whose first day passed, across midnight in the configured zone', () => {
    const original = loop(BEFORE_MIDNIGHT, BEFORE_MIDNIGHT + 10 * DAY);

    const { request, change } = catchUp(original, AFTER_MIDNIGHT, ZONE);

    expect(request.strategyContent).toEqual({
      ...original.strategyContent,
      startTime: AFTER_MIDNIGHT.getTime(),
    });
    expect(change).toMatch(/startTime .* passed before this delivery; it starts now$/);
    // the same instants a day apart in UTC are the same day in UTC: nothing to change there
    expect(catchUp(original, AFTER_MIDNIGHT, 'UTC')).toEqual({ request: original });
  });

  it('refuses to send a loop whose last day is over: an error, retried and dead-lettered', () => {
    const over = loop(BEFORE_MIDNIGHT - DAY, BEFORE_MIDNIGHT);

    expect(() => catchUp(over, AFTER_MIDNIGHT, ZONE)).toThrow(
      expect.objectContaining({ code: 'ScheduleExpired', retryable: false, statusCode: 500 }),
    );
    expect(() => catchUp(over, AFTER_MIDNIGHT, 'UTC')).not.toThrow();
  });
});
