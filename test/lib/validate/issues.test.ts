import { describe, expect, it } from 'vitest';
import { addDays, civilDate, daysBetween, formatDate, isTimeZone } from '#lib/validate/calendar.ts';
import { pushRequestFields } from '#lib/validate/fields.ts';
import {
  describeValue,
  sentence,
  sortIssues,
  toValidationIssues,
  type ValidationIssue,
} from '#lib/validate/issues.ts';

describe('issue plumbing', () => {
  it('sorts issues by field, then rule, then message, and drops exact duplicates', () => {
    const issue = (
      field: string,
      rule: string,
      message = `${field}: ${rule}.`,
    ): ValidationIssue => ({
      field,
      rule,
      message,
    });

    expect(
      sortIssues([
        issue('b', 'x'),
        issue('a', 'z'),
        issue('a', 'y', 'a: 2.'),
        issue('a', 'y', 'a: 1.'),
        issue('b', 'x'),
      ]),
    ).toEqual([
      issue('a', 'y', 'a: 1.'),
      issue('a', 'y', 'a: 2.'),
      issue('a', 'z'),
      issue('b', 'x'),
    ]);
  });

  it('maps zod codes it has no rule for to the code itself, and a custom issue without a rule to "invalid"', () => {
    expect(
      toValidationIssues([
        {
          code: 'too_big',
          origin: 'string',
          maximum: 3,
          path: ['taskName'],
          message: 'is too long',
        },
        { code: 'custom', path: [], message: 'is wrong' },
      ]),
    ).toEqual([
      { field: 'taskName', rule: 'too_big', message: 'taskName: is too long.' },
      { field: 'request', rule: 'invalid', message: 'request: is wrong.' },
    ]);
  });

  it('describes values briefly, never echoing long strings', () => {
    expect(describeValue('x'.repeat(33))).toBe('a 33-character string');
    expect(describeValue(Symbol('s'))).toBe('a symbol');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue({})).toBe('an object');
    expect(describeValue(false)).toBe('the boolean false');
  });

  it('names the expected shape when the field schema gets something other than an object', () => {
    const result = pushRequestFields.safeParse(3, { reportInput: true });

    expect(toValidationIssues(result.error?.issues ?? [])).toEqual([
      {
        field: 'request',
        rule: 'type',
        message: 'request: must be a JSON object of PushTemplate parameters; got the number 3.',
      },
    ]);
  });
});

describe('calendar', () => {
  it('gives the civil date of an instant in a zone', () => {
    const instant = Date.parse('2026-11-26T17:30:00Z');

    expect(civilDate(instant, 'Asia/Shanghai')).toEqual({ year: 2026, month: 11, day: 27 });
    expect(civilDate(instant, 'UTC')).toEqual({ year: 2026, month: 11, day: 26 });
    expect(civilDate(instant, 'Pacific/Honolulu')).toEqual({ year: 2026, month: 11, day: 26 });
  });

  it('counts and adds days across month ends and a leap day', () => {
    const start = { year: 2027, month: 12, day: 31 };

    expect(addDays(start, 60)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(daysBetween(start, { year: 2028, month: 2, day: 29 })).toBe(60);
    expect(daysBetween({ year: 2028, month: 3, day: 1 }, start)).toBe(-61);
    expect(formatDate({ year: 2028, month: 2, day: 9 })).toBe('2028-02-09');
  });

  it('knows IANA zones and refuses made-up ones', () => {
    expect(isTimeZone('America/Santiago')).toBe(true);
    expect(isTimeZone('Asia/Beijing')).toBe(false);
  });
});

describe('issue sentences', () => {
  it('quotes a string of 32 characters and only describes a longer one', () => {
    expect(describeValue('x'.repeat(32))).toBe(`the string "${'x'.repeat(32)}"`);
    expect(describeValue('x'.repeat(33))).toBe('a 33-character string');
  });

  it('ends a sentence with one full stop, whether or not the text has one', () => {
    expect(sentence('templateName', 'must not contain a comma')).toBe(
      'templateName: must not contain a comma.',
    );
    expect(sentence('templateName', 'must not contain a comma.')).toBe(
      'templateName: must not contain a comma.',
    );
  });

  it('says a missing required parameter is required by the mPaaS docs', () => {
    const result = pushRequestFields.safeParse({
      taskName: 'order shipped',
      expiredSeconds: 300,
      templateName: 'order_shipped',
    });

    expect(toValidationIssues(result.error?.issues ?? [])).toEqual([
      {
        field: 'deliveryType',
        rule: 'required',
        message: 'deliveryType: is required (the mPaaS docs mark it required).',
      },
    ]);
  });
});
