/**
 * Each PushTemplate parameter on its own: the exact sentence a caller reads when one breaks its
 * rule, and the edges of the numeric ranges.
 */
import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '#lib/validate/push-request.ts';
import { issuesOf, parse } from './request.ts';

const issue = (field: string, rule: string, message: string): ValidationIssue => ({
  field,
  rule,
  message,
});

describe('fields: the sentences for broken rules', () => {
  it('refuses a 201-character templateName, citing the console limit', () => {
    expect(issuesOf(parse({ templateName: 't'.repeat(201) }))).toEqual([
      issue(
        'templateName',
        'max-length',
        'templateName: must be at most 200 characters, the console limit for template names.',
      ),
    ]);
  });

  it('refuses expiredSeconds 0, explaining it is the validity period', () => {
    expect(issuesOf(parse({ expiredSeconds: 0 }))).toEqual([
      issue(
        'expiredSeconds',
        'positive',
        'expiredSeconds: must be a positive number of seconds (the message validity period).',
      ),
    ]);
  });

  it.each([
    [
      'notifyType',
      'push',
      'notifyType: must be "transparent" (MPS own channel) or "notify" (default channel); got the string "push".',
    ],
    [
      'strategyType',
      3,
      'strategyType: must be 0 (immediate), 1 (scheduled) or 2 (loop); got the number 3.',
    ],
    [
      'smsStrategy',
      3,
      'smsStrategy: must be 0 (no SMS), 1 or 2 (an SMS supplement); got the number 3.',
    ],
  ])('names the allowed values of %s', (field, value, message) => {
    expect(issuesOf(parse({ [field]: value }))).toEqual([issue(field, 'one-of', message)]);
  });

  it('names the two Live Activity events when activityEvent is unknown', () => {
    const result = parse({ deliveryType: 5, activityEvent: 'start' });

    expect(issuesOf(result)).toEqual([
      issue(
        'activityEvent',
        'one-of',
        'activityEvent: must be "update" or "end"; got the string "start".',
      ),
    ]);
  });
});

describe('fields: dismissalDate in seconds', () => {
  const end = (dismissalDate: unknown) =>
    parse({ deliveryType: 5, activityEvent: 'end', dismissalDate });
  const secondsText = (value: number, hint = '') =>
    `dismissalDate: must be a Unix timestamp in seconds (10 digits, as Apple's dismissal-date); got the number ${value}${hint}.`;

  it('accepts the smallest and the largest 10-digit timestamp', () => {
    // Act
    const first = end(1_000_000_000);
    const last = end(9_999_999_999);

    // Assess
    expect(first.success && first.data.dismissalDate).toBe(1_000_000_000);
    expect(last.success && last.data.dismissalDate).toBe(9_999_999_999);
  });

  it('refuses an 11-digit timestamp without calling it milliseconds', () => {
    expect(issuesOf(end(10_000_000_000))).toEqual([
      issue('dismissalDate', 'seconds', secondsText(10_000_000_000)),
    ]);
  });

  it('refuses a short number without calling it milliseconds', () => {
    expect(issuesOf(end(12345))).toEqual([issue('dismissalDate', 'seconds', secondsText(12345))]);
  });

  it('calls a 13-digit value milliseconds from 1e12 up, but not a 12-digit one', () => {
    expect(issuesOf(end(999_999_999_999))).toEqual([
      issue('dismissalDate', 'seconds', secondsText(999_999_999_999)),
    ]);
    expect(issuesOf(end(1_000_000_000_000))).toEqual([
      issue(
        'dismissalDate',
        'seconds',
        secondsText(1_000_000_000_000, '; this one looks like milliseconds'),
      ),
    ]);
  });
});
