/**
 * The shape of StrategyContent on its own: timestamps in milliseconds, circleValue, time of day,
 * and the exact sentences a caller reads for each broken rule.
 */
import { describe, expect, it } from 'vitest';
import {
  type PushRequestOptions,
  type PushRequestResult,
  parsePushRequest,
  type ValidationIssue,
} from '#lib/validate/push-request.ts';
import { strategyContent } from '#lib/validate/strategy-content.ts';

const OPTIONS: PushRequestOptions = {
  now: new Date('2026-11-26T17:30:00Z'),
  timeZone: 'Asia/Shanghai',
  appId: 'ONEX570DA89211721',
  workspaceId: 'default',
  apiVersion: '2020-10-28',
};

function parse(strategyType: number, content: Record<string, unknown>): PushRequestResult {
  return parsePushRequest(
    {
      taskName: 'weekly digest',
      deliveryType: 3,
      targetMsgkey: { user1024: '1578807462788' },
      expiredSeconds: 300,
      templateName: 'digest',
      strategyType,
      StrategyContent: content,
    },
    OPTIONS,
  );
}

const scheduled = (fixedTime: unknown) => parse(1, { fixedTime });

function loop(content: Record<string, unknown>): PushRequestResult {
  return parse(2, {
    startTime: Date.parse('2026-11-27T00:00:00Z'),
    endTime: Date.parse('2026-12-31T00:00:00Z'),
    circleType: 2,
    circleValue: [1, 5],
    time: '08:00:00',
    ...content,
  });
}

function issuesOf(result: PushRequestResult): ValidationIssue[] {
  return result.success ? [] : result.issues;
}

const issue = (field: string, rule: string, message: string): ValidationIssue => ({
  field,
  rule,
  message,
});

describe('StrategyContent timestamps', () => {
  it('refuses a fixedTime in seconds with the docs’ example and the hint that it looks like seconds', () => {
    // Prepare: 2026-11-27 in seconds, a common mistake
    const seconds = 1_795_708_800;

    // Act
    const result = scheduled(seconds);

    // Assess
    expect(issuesOf(result)).toEqual([
      issue(
        'StrategyContent.fixedTime',
        'milliseconds',
        "StrategyContent.fixedTime: must be a Unix timestamp in milliseconds (13 digits, like the docs' 1630303126000); got the number 1795708800; this one looks like seconds.",
      ),
    ]);
  });

  it.each([
    [1_000_000_000, true],
    [9_999_999_999, true],
    [999_999_999, false],
    [10_000_000_000, false],
    [999_999_999_999, false],
  ])('says %i looks like seconds only when it has exactly 10 digits (%s)', (value, hint) => {
    const result = scheduled(value);

    expect(issuesOf(result)).toEqual([
      issue(
        'StrategyContent.fixedTime',
        'milliseconds',
        `StrategyContent.fixedTime: must be a Unix timestamp in milliseconds (13 digits, like the docs' 1630303126000); got the number ${value}${hint ? '; this one looks like seconds' : ''}.`,
      ),
    ]);
  });

  it('takes the smallest 13-digit value as milliseconds (then refuses it as long past)', () => {
    // 1e12 ms is 2001-09-09T01:46:40Z
    const result = scheduled(1_000_000_000_000);

    expect(issuesOf(result).map(({ field, rule }) => [field, rule])).toEqual([
      ['StrategyContent.fixedTime', 'not-in-past'],
    ]);
  });

  it('refuses a 14-digit value, which is not a millisecond timestamp', () => {
    const result = scheduled(10_000_000_000_000);

    expect(issuesOf(result)).toEqual([
      issue(
        'StrategyContent.fixedTime',
        'milliseconds',
        "StrategyContent.fixedTime: must be a Unix timestamp in milliseconds (13 digits, like the docs' 1630303126000); got the number 10000000000000.",
      ),
    ]);
  });

  it('takes the largest 13-digit value as milliseconds (then refuses it as too far ahead)', () => {
    const result = scheduled(9_999_999_999_999);

    expect(issuesOf(result).map(({ field, rule }) => [field, rule])).toEqual([
      ['StrategyContent.fixedTime', 'max-180-days'],
    ]);
  });
});

describe('StrategyContent circleType, circleValue and time', () => {
  it('names the three circle types when circleType is unknown', () => {
    expect(issuesOf(loop({ circleType: 4 }))).toEqual([
      issue(
        'StrategyContent.circleType',
        'one-of',
        'StrategyContent.circleType: must be 1 (daily), 2 (weekly) or 3 (monthly); got the number 4.',
      ),
    ]);
  });

  it('refuses a circleValue that is not an array, citing the docs’ [1, 7]', () => {
    expect(issuesOf(loop({ circleValue: '1,7' }))).toEqual([
      issue(
        'StrategyContent.circleValue',
        'type',
        'StrategyContent.circleValue: must be a JSON array of whole numbers, like the docs\' [1, 7]; got the string "1,7".',
      ),
    ]);
  });

  it('gives a daily loop with an empty circleValue one clear message, not two (#9)', () => {
    expect(issuesOf(loop({ circleType: 1, circleValue: [] }))).toEqual([
      issue(
        'StrategyContent.circleValue',
        'not-for-daily',
        'StrategyContent.circleValue: must be absent when circleType is 1 (daily): mPaaS would ignore it.',
      ),
    ]);
    expect(issuesOf(loop({ circleType: 3, circleValue: [] })).map((found) => found.rule)).toEqual([
      'non-empty',
    ]);
  });

  it('refuses an empty circleValue and a repeated day with sentences that say so', () => {
    expect(issuesOf(loop({ circleValue: [] }))).toEqual([
      issue(
        'StrategyContent.circleValue',
        'non-empty',
        'StrategyContent.circleValue: must list at least one day.',
      ),
    ]);
    expect(issuesOf(loop({ circleValue: [3, 3] }))).toEqual([
      issue(
        'StrategyContent.circleValue',
        'unique',
        'StrategyContent.circleValue: must not list the same day twice.',
      ),
    ]);
  });

  it('refuses a time that is not a string, naming the HH:mm:ss shape', () => {
    expect(issuesOf(loop({ time: 800 }))).toEqual([
      issue(
        'StrategyContent.time',
        'type',
        'StrategyContent.time: must be a time of day as HH:mm:ss; got the number 800.',
      ),
    ]);
  });

  it('refuses a time with anything after the seconds, quoting the docs’ 13:45:11', () => {
    expect(issuesOf(loop({ time: '08:00:00Z' }))).toEqual([
      issue(
        'StrategyContent.time',
        'time-format',
        'StrategyContent.time: must be a time of day as HH:mm:ss (24-hour, like the docs\' 13:45:11); got the string "08:00:00Z".',
      ),
    ]);
  });
});

describe('strategyContent schema used directly', () => {
  it('refuses a value that is not an object, saying it must be a JSON object', () => {
    const result = strategyContent.safeParse(42);

    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'must be a JSON object; got the number 42',
    ]);
  });
});
