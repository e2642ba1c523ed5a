import { describe, expect, it } from 'vitest';
import {
  type PushRequestOptions,
  type PushRequestResult,
  parsePushRequest,
} from '#lib/validate/push-request.ts';

// 17:30 UTC on 26 November is already 01:30 on 27 November in Shanghai (UTC+8).
const NOW = '2026-11-26T17:30:00Z';
const at = (iso: string): number => Date.parse(iso);

function options(overrides: Partial<PushRequestOptions> = {}): PushRequestOptions {
  return {
    now: new Date(NOW),
    timeZone: 'Asia/Shanghai',
    appId: 'ONEX570DA89211721',
    workspaceId: 'default',
    apiVersion: '2020-10-28',
    ...overrides,
  };
}

function parse(
  overrides: Record<string, unknown>,
  opts?: Partial<PushRequestOptions>,
): PushRequestResult {
  const base = {
    taskName: 'weekly digest',
    deliveryType: 3,
    targetMsgkey: { user1024: '1578807462788' },
    expiredSeconds: 300,
    templateName: 'digest',
  };
  return parsePushRequest({ ...base, ...overrides }, options(opts));
}

function issuesOf(result: PushRequestResult): [string, string][] {
  return result.success ? [] : result.issues.map((issue) => [issue.field, issue.rule]);
}

const scheduled = (content: Record<string, unknown>) =>
  parse({ strategyType: 1, StrategyContent: content });
const loop = (content: Record<string, unknown>, opts?: Partial<PushRequestOptions>) =>
  parse(
    {
      strategyType: 2,
      StrategyContent: {
        startTime: at('2026-11-26T16:00:00Z'),
        endTime: at('2026-12-31T16:00:00Z'),
        circleType: 2,
        circleValue: [1, 5],
        time: '08:00:00',
        ...content,
      },
    },
    opts,
  );

describe('strategyType and StrategyContent', () => {
  it('refuses StrategyContent with the default strategyType 0, since mPaaS would push at once', () => {
    expect(issuesOf(parse({ StrategyContent: { fixedTime: at('2026-11-28T02:00:00Z') } }))).toEqual(
      [['StrategyContent', 'immediate-no-content']],
    );
  });

  it.each([1, 2])('requires StrategyContent when strategyType is %i', (strategyType) => {
    const result = parse({ strategyType });

    expect(issuesOf(result)).toEqual([['StrategyContent', 'required']]);
    expect(result.success || result.issues[0]?.message).toBe(
      `StrategyContent: is required when strategyType is ${strategyType} (the mPaaS docs: required when strategyType is not 0).`,
    );
  });

  it('accepts the docs’ escaped JSON string and the SDK spelling strategyContent, output as strategyContent', () => {
    const content = { fixedTime: at('2026-11-28T02:00:00Z') };
    const asString = parse({ strategyType: 1, StrategyContent: JSON.stringify(content) });
    const lower = parse({ strategyType: '1', strategyContent: content });

    expect(asString.success && asString.data.strategyContent).toEqual(content);
    expect(lower.success && lower.data.strategyContent).toEqual(content);
    expect(lower.success && Object.hasOwn(lower.data, 'StrategyContent')).toBe(false);
  });

  it('refuses the strategy sent under both spellings', () => {
    const content = { fixedTime: at('2026-11-28T02:00:00Z') };

    expect(
      issuesOf(parse({ strategyType: 1, StrategyContent: content, strategyContent: content })),
    ).toEqual([['strategyContent', 'one-spelling']]);
  });

  it('refuses unknown keys inside StrategyContent and still checks the known ones', () => {
    const result = scheduled({ fixedtime: 1, circle: 2 });

    expect(issuesOf(result)).toEqual([
      ['StrategyContent', 'unknown-keys'],
      ['StrategyContent.fixedTime', 'required'],
    ]);
    expect(result.success || result.issues[0]?.message).toBe(
      'StrategyContent: has unknown fields "fixedtime" (did you mean "fixedTime"?), "circle"; StrategyContent takes only fixedTime, startTime, endTime, circleType, circleValue, time.',
    );
  });

  it('stays silent about the content when strategyType itself is invalid', () => {
    expect(issuesOf(parse({ strategyType: 'soon', StrategyContent: {} }))).toEqual([
      ['strategyType', 'integer'],
    ]);
  });
});

describe('scheduled push (strategyType 1)', () => {
  it('accepts a fixedTime later today', () => {
    expect(scheduled({ fixedTime: at('2026-11-27T02:00:00Z') }).success).toBe(true);
  });

  it('requires fixedTime and refuses the loop keys it would ignore', () => {
    expect(
      issuesOf(scheduled({ startTime: at('2026-11-27T00:00:00Z'), time: '08:00:00' })),
    ).toEqual([
      ['StrategyContent.fixedTime', 'required'],
      ['StrategyContent.startTime', 'not-for-scheduled'],
      ['StrategyContent.time', 'not-for-scheduled'],
    ]);
  });

  it('refuses a fixedTime in seconds, saying it looks like seconds', () => {
    const result = scheduled({ fixedTime: 1795708800 });

    expect(issuesOf(result)).toEqual([['StrategyContent.fixedTime', 'milliseconds']]);
    expect(result.success || result.issues[0]?.message).toContain('this one looks like seconds');
  });

  it('accepts fixedTime equal to now and refuses one millisecond earlier', () => {
    expect(scheduled({ fixedTime: at(NOW) }).success).toBe(true);
    expect(issuesOf(scheduled({ fixedTime: at(NOW) - 1 }))).toEqual([
      ['StrategyContent.fixedTime', 'not-in-past'],
    ]);
  });

  it('accepts a fixedTime on the 180th day and refuses the 181st', () => {
    expect(scheduled({ fixedTime: at('2027-05-26T15:59:59.999Z') }).success).toBe(true);
    expect(issuesOf(scheduled({ fixedTime: at('2027-05-26T16:00:00Z') }))).toEqual([
      ['StrategyContent.fixedTime', 'max-180-days'],
    ]);
  });
});

describe('loop push (strategyType 2): keys', () => {
  it('accepts a weekly loop', () => {
    expect(loop({}).success).toBe(true);
  });

  it('requires startTime, endTime, circleType and time, and refuses fixedTime', () => {
    const content = { circleValue: [1], fixedTime: at('2026-11-28T02:00:00Z') };

    expect(issuesOf(parse({ strategyType: 2, StrategyContent: content }))).toEqual([
      ['StrategyContent.circleType', 'required'],
      ['StrategyContent.endTime', 'required'],
      ['StrategyContent.fixedTime', 'not-for-loop'],
      ['StrategyContent.startTime', 'required'],
      ['StrategyContent.time', 'required'],
    ]);
  });

  it('accepts a daily loop without circleValue and refuses one with it', () => {
    expect(loop({ circleType: 1, circleValue: undefined }).success).toBe(true);
    expect(issuesOf(loop({ circleType: 1 }))).toEqual([
      ['StrategyContent.circleValue', 'not-for-daily'],
    ]);
  });

  it.each([2, 3])('requires circleValue when circleType is %i', (circleType) => {
    const content = {
      startTime: at('2026-11-27T00:00:00Z'),
      endTime: at('2026-11-30T00:00:00Z'),
      circleType,
      time: '08:00:00',
    };

    expect(issuesOf(parse({ strategyType: 2, StrategyContent: content }))).toEqual([
      ['StrategyContent.circleValue', 'required'],
    ]);
  });

  it('refuses circleType 4', () => {
    expect(issuesOf(loop({ circleType: 4 }))).toEqual([['StrategyContent.circleType', 'one-of']]);
  });

  it('accepts weekly days 1 to 7 and refuses 0 and 8', () => {
    expect(loop({ circleValue: [1, 7] }).success).toBe(true);
    expect(issuesOf(loop({ circleValue: [0, 3, 8] }))).toEqual([
      ['StrategyContent.circleValue.0', 'weekday-range'],
      ['StrategyContent.circleValue.2', 'weekday-range'],
    ]);
  });

  it('accepts monthly days 1 to 31 and refuses 32', () => {
    expect(loop({ circleType: 3, circleValue: [1, 31] }).success).toBe(true);
    expect(issuesOf(loop({ circleType: 3, circleValue: [32] }))).toEqual([
      ['StrategyContent.circleValue.0', 'month-day-range'],
    ]);
  });

  it('refuses an empty circleValue, a repeated day and a non-array', () => {
    expect(issuesOf(loop({ circleValue: [] }))).toEqual([
      ['StrategyContent.circleValue', 'non-empty'],
    ]);
    expect(issuesOf(loop({ circleValue: [2, 2] }))).toEqual([
      ['StrategyContent.circleValue', 'unique'],
    ]);
    expect(issuesOf(loop({ circleValue: '1,7' }))).toEqual([
      ['StrategyContent.circleValue', 'type'],
    ]);
  });

  it.each(['24:00:00', '9:00:00', '08:00', '08:60:00', 'T08:00:00'])('refuses time %j', (time) => {
    expect(issuesOf(loop({ time }))).toEqual([['StrategyContent.time', 'time-format']]);
  });

  it.each(['00:00:00', '23:59:59'])('accepts time %j', (time) => {
    expect(loop({ time }).success).toBe(true);
  });

  it('reports a bad time and a missing startTime together', () => {
    expect(issuesOf(loop({ time: '8am', startTime: undefined }))).toEqual([
      ['StrategyContent.startTime', 'required'],
      ['StrategyContent.time', 'time-format'],
    ]);
  });
});

describe('loop push (strategyType 2): the day window', () => {
  it('accepts a start at 0:00 of the current day in Asia/Shanghai, already 27 November', () => {
    expect(loop({ startTime: at('2026-11-26T16:00:00Z') }).success).toBe(true);
  });

  it('refuses a start one millisecond before 0:00 of the current day in Asia/Shanghai', () => {
    const result = loop({ startTime: at('2026-11-26T15:59:59.999Z') });

    expect(issuesOf(result)).toEqual([['StrategyContent.startTime', 'not-before-today']]);
    expect(result.success || result.issues[0]?.message).toBe(
      'StrategyContent.startTime: must not be before 0:00 of the current day (2026-11-27 in Asia/Shanghai); got 2026-11-26.',
    );
  });

  it('accepts the same start in UTC, where it is still 26 November, and refuses the day before', () => {
    expect(loop({ startTime: at('2026-11-26T00:00:00Z') }, { timeZone: 'UTC' }).success).toBe(true);
    expect(
      issuesOf(loop({ startTime: at('2026-11-25T23:59:59.999Z') }, { timeZone: 'UTC' })),
    ).toEqual([['StrategyContent.startTime', 'not-before-today']]);
  });

  it('refuses an end before today and an end before the start', () => {
    expect(
      issuesOf(
        loop({ startTime: at('2026-11-27T00:00:00Z'), endTime: at('2026-11-26T12:00:00Z') }),
      ),
    ).toEqual([
      ['StrategyContent.endTime', 'end-before-start'],
      ['StrategyContent.endTime', 'not-before-today'],
    ]);
    expect(
      issuesOf(
        loop({ startTime: at('2026-12-02T00:00:00Z'), endTime: at('2026-12-01T00:00:00Z') }),
      ),
    ).toEqual([['StrategyContent.endTime', 'end-before-start']]);
  });

  it('accepts an end on the last second of the 180th day after the current day', () => {
    expect(loop({ endTime: at('2027-05-26T15:59:59.999Z') }).success).toBe(true);
  });

  it('rejects a loop strategy whose end is more than 180 days away', () => {
    const result = loop({ endTime: at('2027-05-26T16:00:00Z') });

    expect(issuesOf(result)).toEqual([['StrategyContent.endTime', 'max-180-days']]);
    expect(result.success || result.issues[0]?.message).toBe(
      'StrategyContent.endTime: must be at most 180 days after the current day (2026-11-27 in Asia/Shanghai), so on or before 2027-05-26; got 2027-05-27.',
    );
  });
});

describe('loop push: days in zones with daylight saving time', () => {
  const newYork = { timeZone: 'America/New_York', now: new Date('2026-03-08T04:30:00Z') }; // 23:30 EST, 7 March

  it('counts the current day from local midnight before the spring change', () => {
    const start = (iso: string) =>
      loop({ startTime: at(iso), endTime: at('2026-03-20T12:00:00Z') }, newYork);

    expect(start('2026-03-07T05:00:00Z').success).toBe(true);
    expect(issuesOf(start('2026-03-07T04:59:59Z'))).toEqual([
      ['StrategyContent.startTime', 'not-before-today'],
    ]);
  });

  it('counts 180 calendar days across the change, not 180 × 24 hours', () => {
    const end = (iso: string) =>
      loop({ startTime: at('2026-03-07T05:00:00Z'), endTime: at(iso) }, newYork);

    expect(end('2026-09-04T03:59:59Z').success).toBe(true); // 3 September, 23:59:59 EDT
    expect(issuesOf(end('2026-09-04T04:30:00Z'))).toEqual([
      ['StrategyContent.endTime', 'max-180-days'],
    ]); // 4 September, 00:30 EDT
  });

  it('starts the day at 01:00 where midnight is skipped (Santiago, 6 September 2026)', () => {
    const santiago = { timeZone: 'America/Santiago', now: new Date('2026-09-06T12:00:00Z') };
    const start = (iso: string) =>
      loop({ startTime: at(iso), endTime: at('2026-09-30T12:00:00Z') }, santiago);

    expect(start('2026-09-06T04:00:00Z').success).toBe(true);
    expect(issuesOf(start('2026-09-06T03:59:59Z'))).toEqual([
      ['StrategyContent.startTime', 'not-before-today'],
    ]);
  });
});

describe('strategy rules: the sentences a caller reads', () => {
  const issuesWithText = (result: PushRequestResult): [string, string, string][] =>
    result.success ? [] : result.issues.map((issue) => [issue.field, issue.rule, issue.message]);

  it('explains that StrategyContent is ignored with strategyType 0 and how to schedule instead', () => {
    const result = parse({ StrategyContent: { fixedTime: at('2026-11-28T02:00:00Z') } });

    expect(issuesWithText(result)).toEqual([
      [
        'StrategyContent',
        'immediate-no-content',
        'StrategyContent: must be absent when strategyType is 0 (immediate, the default): mPaaS would ignore it and push at once; set strategyType to 1 (scheduled) or 2 (loop).',
      ],
    ]);
  });

  it('names every loop key a scheduled push would ignore, and the missing fixedTime', () => {
    // Prepare: the loop keys not covered elsewhere, without fixedTime
    const content = {
      endTime: at('2026-12-31T00:00:00Z'),
      circleType: 2,
      circleValue: [1],
    };

    // Act
    const result = scheduled(content);

    // Assess
    const absent = (key: string) => [
      `StrategyContent.${key}`,
      'not-for-scheduled',
      `StrategyContent.${key}: must be absent when strategyType is 1 (scheduled): mPaaS would ignore it.`,
    ];
    expect(issuesWithText(result)).toEqual([
      absent('circleType'),
      absent('circleValue'),
      absent('endTime'),
      [
        'StrategyContent.fixedTime',
        'required',
        'StrategyContent.fixedTime: is required when strategyType is 1 (scheduled).',
      ],
    ]);
  });

  it('names the weekday range and the weekly circleType for a day out of range', () => {
    expect(issuesWithText(loop({ circleValue: [1, 8] }))).toEqual([
      [
        'StrategyContent.circleValue.1',
        'weekday-range',
        'StrategyContent.circleValue.1: must be a day of the week, 1 to 7, when circleType is 2 (weekly); got 8.',
      ],
    ]);
  });

  it('names the day-of-month range and the monthly circleType for a day out of range', () => {
    expect(issuesWithText(loop({ circleType: 3, circleValue: [0] }))).toEqual([
      [
        'StrategyContent.circleValue.0',
        'month-day-range',
        'StrategyContent.circleValue.0: must be a day of the month, 1 to 31, when circleType is 3 (monthly); got 0.',
      ],
    ]);
  });

  it('says which circleType needs circleValue', () => {
    expect(issuesWithText(loop({ circleType: 3, circleValue: undefined }))).toEqual([
      [
        'StrategyContent.circleValue',
        'required',
        'StrategyContent.circleValue: is required when circleType is 3.',
      ],
    ]);
  });

  it('refuses circleValue on a daily loop without also judging its days', () => {
    expect(issuesWithText(loop({ circleType: 1, circleValue: [40] }))).toEqual([
      [
        'StrategyContent.circleValue',
        'not-for-daily',
        'StrategyContent.circleValue: must be absent when circleType is 1 (daily): mPaaS would ignore it.',
      ],
    ]);
  });

  it('does not judge the days of circleValue when circleType is invalid or missing', () => {
    expect(issuesOf(loop({ circleType: 4, circleValue: [40] }))).toEqual([
      ['StrategyContent.circleType', 'one-of'],
    ]);
    expect(issuesOf(loop({ circleType: undefined, circleValue: [40] }))).toEqual([
      ['StrategyContent.circleType', 'required'],
    ]);
  });

  it('accepts an end equal to the start and refuses one a millisecond earlier, saying why', () => {
    const start = at('2026-12-01T00:00:00Z');

    expect(loop({ startTime: start, endTime: start }).success).toBe(true);
    expect(issuesWithText(loop({ startTime: start, endTime: start - 1 }))).toEqual([
      [
        'StrategyContent.endTime',
        'end-before-start',
        'StrategyContent.endTime: must not be before startTime.',
      ],
    ]);
  });
});

describe('strategy rules: only options.now counts, never the machine clock', () => {
  it('reports only the missing fixedTime when the injected clock is years before the machine’s', () => {
    const result = parsePushRequest(
      {
        taskName: 'weekly digest',
        deliveryType: 3,
        targetMsgkey: { user1024: '1578807462788' },
        expiredSeconds: 300,
        templateName: 'digest',
        strategyType: 1,
        StrategyContent: {},
      },
      options({ now: new Date('2020-01-01T00:00:00Z') }),
    );

    expect(issuesOf(result)).toEqual([['StrategyContent.fixedTime', 'required']]);
  });

  it('reports only the missing startTime and endTime when the injected clock is decades after the machine’s', () => {
    const result = parsePushRequest(
      {
        taskName: 'weekly digest',
        deliveryType: 3,
        targetMsgkey: { user1024: '1578807462788' },
        expiredSeconds: 300,
        templateName: 'digest',
        strategyType: 2,
        StrategyContent: { circleType: 1, time: '08:00:00' },
      },
      options({ now: new Date('2100-01-01T00:00:00Z') }),
    );

    expect(issuesOf(result)).toEqual([
      ['StrategyContent.endTime', 'required'],
      ['StrategyContent.startTime', 'required'],
    ]);
  });
});
