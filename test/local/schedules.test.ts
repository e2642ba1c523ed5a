/**
 * The mPaaS emulator's schedule book: the firings a loop push makes (in China Standard Time),
 * and the listing and cancelling that QueryPushSchedulerList and CancelPushScheduler answer.
 */
import { describe, expect, it } from 'vitest';
import { loopFirings, ScheduleBook, type ScheduledPush } from '#local/emulator/schedules.ts';

const at = (iso: string) => Date.parse(iso);
/** 2026-12-07 is a Monday. */
const MONDAY = '2026-12-07';

describe('loopFirings', () => {
  it('fires daily at the time of day in UTC+8, from the start day to the end day', () => {
    const firings = loopFirings({
      startTime: at(`${MONDAY}T00:00:00+08:00`),
      endTime: at('2026-12-09T23:00:00+08:00'),
      circleType: 1,
      time: '08:30:00',
    });

    expect(firings.map((ms) => new Date(ms).toISOString())).toEqual([
      '2026-12-07T00:30:00.000Z',
      '2026-12-08T00:30:00.000Z',
      '2026-12-09T00:30:00.000Z',
    ]);
  });

  it('fires weekly on the listed days, 1 Monday to 7 Sunday, and monthly on the listed dates', () => {
    const week = {
      startTime: at(`${MONDAY}T00:00:00+08:00`),
      endTime: at('2026-12-20T23:59:59+08:00'),
    };
    const weekly = loopFirings({ ...week, circleType: 2, circleValue: [1, 7], time: '09:00:00' });
    const monthly = loopFirings({
      startTime: at('2026-12-01T00:00:00+08:00'),
      endTime: at('2027-02-28T23:59:59+08:00'),
      circleType: 3,
      circleValue: [31],
      time: '23:59:59',
    });

    expect(weekly.map((ms) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10))).toEqual([
      '2026-12-07',
      '2026-12-13',
      '2026-12-14',
      '2026-12-20',
    ]);
    expect(monthly.map((ms) => new Date(ms).toISOString())).toEqual([
      '2026-12-31T15:59:59.000Z',
      '2027-01-31T15:59:59.000Z',
    ]);
  });

  it('leaves out a firing before the start or after the end instant, and malformed loops', () => {
    const firings = loopFirings({
      startTime: at(`${MONDAY}T09:00:00+08:00`),
      endTime: at('2026-12-08T07:00:00+08:00'),
      circleType: 1,
      time: '08:00:00',
    });

    expect(firings).toEqual([]);
    expect(loopFirings({ startTime: 1, endTime: 2, circleType: 1, time: '8:00' })).toEqual([]);
    // a weekly loop on no day, to the end of time, walks a bounded number of days
    const never = { startTime: 0, endTime: 8e15, circleType: 2, circleValue: [], time: '08:00:00' };
    expect(loopFirings(never)).toEqual([]);
  });
});

describe('ScheduleBook', () => {
  const push = (overrides: Partial<ScheduledPush> = {}): ScheduledPush => ({
    taskId: '1000',
    appId: 'app',
    workspaceId: 'ws',
    deliveryType: 3,
    strategyType: 2,
    content: {
      startTime: at(`${MONDAY}T00:00:00+08:00`),
      endTime: at('2026-12-11T23:00:00+08:00'),
      circleType: 1,
      time: '08:00:00',
    },
    title: 'Hi',
    text: 'Hello',
    createdAt: at('2026-12-01T00:00:00Z'),
    ...overrides,
  });
  const all = {
    appId: 'app',
    workspaceId: 'ws',
    startTime: 0,
    endTime: at('2027-12-31T00:00:00Z'),
  };

  it('lists the firings of its pushes by time, in pages, for their app only', () => {
    const book = new ScheduleBook();
    book.add(push());
    book.add(
      push({ taskId: '2000', strategyType: 1, content: { fixedTime: at('2026-12-08T01:00:00Z') } }),
    );

    const first = book.query({ ...all, pageNumber: 1, pageSize: 4 });
    const second = book.query({ ...all, pageNumber: 2, pageSize: 4 });

    expect(first.totalCount).toBe(6);
    expect(first.list.map((task) => task.parentId)).toEqual(['1000', '1000', '2000', '1000']);
    expect(second.list).toHaveLength(2);
    expect(book.query({ ...all, appId: 'other', pageNumber: 1, pageSize: 10 }).totalCount).toBe(0);
    const scheduled = first.list.find((task) => task.parentId === '2000');
    expect(scheduled).toMatchObject({
      uniqueId: '2000',
      strategyType: 1,
      type: 1,
      deliveryType: 3,
    });
  });

  it('selects a loop by its id and a firing by its own, within the time window', () => {
    const book = new ScheduleBook();
    book.add(push());
    const [firing] = book.query({ ...all, uniqueId: '1000', pageNumber: 1, pageSize: 1 }).list;

    expect(book.query({ ...all, uniqueId: '1000', pageNumber: 1, pageSize: 10 }).totalCount).toBe(
      5,
    );
    expect(
      book.query({ ...all, uniqueId: firing?.uniqueId ?? '', pageNumber: 1, pageSize: 10 }).list,
    ).toEqual([firing]);
    const window = {
      ...all,
      startTime: at('2026-12-09T00:00:00Z'),
      endTime: at('2026-12-10T23:00:00Z'),
    };
    expect(book.query({ ...window, pageNumber: 1, pageSize: 10 }).totalCount).toBe(2);
  });

  it('cancels the firings not yet due, hides them, and refuses what it cannot cancel', () => {
    const book = new ScheduleBook();
    book.add(push());
    const now = at('2026-12-09T12:00:00Z');

    expect(book.cancel('app', 'ws', ['1000'], now)).toEqual([]);
    expect(book.cancel('app', 'ws', ['1000', 'nope'], now)).toEqual(['1000', 'nope']);
    expect(book.query({ ...all, pageNumber: 1, pageSize: 10 }).totalCount).toBe(3);
    expect(book.list().filter((task) => task.cancelled)).toHaveLength(2);
  });
});
