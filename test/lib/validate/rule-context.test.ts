/**
 * What the cross-field rules see: with either spelling of the strategy details, a sub-field that
 * broke its own rule is set aside and the others are still checked, so every issue comes out at once.
 */
import { describe, expect, it } from 'vitest';
import { BASE, issuesOf, parse as parseRequest } from './request.ts';

/** This file's base request: a weekly digest. */
const DIGEST = { ...BASE, taskName: 'weekly digest', templateName: 'digest' };
const parse = (overrides: Record<string, unknown>) => parseRequest(overrides, {}, DIGEST);

// a weekly loop without startTime, and a time of day that breaks its own format
const BROKEN_LOOP = {
  endTime: Date.parse('2026-12-31T00:00:00Z'),
  circleType: 2,
  circleValue: [1, 5],
  time: '8am',
};

describe('rule context: the strategy details under the SDK spelling strategyContent', () => {
  it('reports a bad time and a missing startTime together, under the spelling the caller used', () => {
    // Act
    const result = parse({ strategyType: 2, strategyContent: BROKEN_LOOP });

    // Assess
    expect(issuesOf(result)).toEqual([
      {
        field: 'strategyContent.startTime',
        rule: 'required',
        message: 'strategyContent.startTime: is required when strategyType is 2 (loop).',
      },
      {
        field: 'strategyContent.time',
        rule: 'time-format',
        message:
          'strategyContent.time: must be a time of day as HH:mm:ss (24-hour, like the docs\' 13:45:11); got the string "8am".',
      },
    ]);
  });

  it('checks the day window of a strategyContent scheduled push', () => {
    const result = parse({
      strategyType: 1,
      strategyContent: { fixedTime: Date.parse('2026-11-26T17:29:59Z') },
    });

    expect(issuesOf(result)).toEqual([
      {
        field: 'strategyContent.fixedTime',
        rule: 'not-in-past',
        message:
          'strategyContent.fixedTime: must not be in the past: 2026-11-26T17:29:59.000Z is before now (2026-11-26T17:30:00.000Z).',
      },
    ]);
  });
});
