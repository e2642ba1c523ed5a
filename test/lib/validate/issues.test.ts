import { describe, expect, it, vi } from 'vitest';
import { ValidationError } from '#lib/shared/errors.ts';
import { addDays, civilDate, daysBetween, formatDate, isTimeZone } from '#lib/validate/calendar.ts';
import { pushRequestFields } from '#lib/validate/fields.ts';
import {
  capIssues,
  cappedSink,
  describeValue,
  type IssueSink,
  quote,
  sentence,
  sortIssues,
  toValidationIssues,
  unknownKeysError,
  type ValidationIssue,
} from '#lib/validate/issues.ts';
import { MAX_ISSUES } from '#lib/validate/limits.ts';

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

  it('knows IANA zones and their aliases, and refuses made-up ones', () => {
    expect(isTimeZone('America/Santiago')).toBe(true);
    // aliases ICU does not list among its canonical zones, but formats with
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Etc/GMT+5')).toBe(true);
    expect(isTimeZone('Asia/Beijing')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it("knows the default zone without asking ICU, so a function on it never lists ICU's zones", async () => {
    vi.resetModules();
    const list = vi.spyOn(Intl, 'supportedValuesOf');
    try {
      const fresh = await import('#lib/validate/calendar.ts');
      expect(fresh.isTimeZone(fresh.DEFAULT_TIME_ZONE)).toBe(true);
      expect(list).not.toHaveBeenCalled();
      expect(fresh.isTimeZone('Asia/Tokyo')).toBe(true);
      expect(list).toHaveBeenCalledTimes(1);
    } finally {
      list.mockRestore();
    }
  });

  it('checks a canonical zone without building a formatter, which costs ICU its start-up', () => {
    const formatter = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      expect(isTimeZone('Africa/Windhoek')).toBe(true);
      expect(formatter).not.toHaveBeenCalled();
      expect(isTimeZone('US/Pacific')).toBe(true);
      expect(formatter).toHaveBeenCalledTimes(1);
    } finally {
      formatter.mockRestore();
    }
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

describe('the bounds of what a message repeats (#9)', () => {
  it('quotes a name of up to 64 characters whole, and cuts a longer one saying its length', () => {
    const at = 'a'.repeat(64);
    expect(quote(at)).toBe(JSON.stringify(at));
    expect(quote(`${at}b`)).toBe(`${JSON.stringify(`${at}…`)} (65 characters)`);
  });

  it('cuts a long key in a field path the same way', () => {
    const issues = toValidationIssues([
      { code: 'custom', path: ['m', 'k'.repeat(64)], message: 'x', input: 1 },
      { code: 'custom', path: ['m', 'k'.repeat(65)], message: 'x', input: 1 },
    ]);
    expect(issues.map((issue) => issue.field)).toEqual([
      `m.${'k'.repeat(64)}`,
      `m.${'k'.repeat(64)}…`,
    ]);
  });

  it('lists up to the cap in one field, then counts the rest in one issue, singular or plural', () => {
    const sink = (count: number, limit: number) => {
      const payload: IssueSink = { issues: [] };
      const capped = cappedSink(payload, limit);
      for (let i = 0; i < count; i += 1) capped.report([i], 'type', 'bad');
      capped.close();
      return payload.issues.map((issue) => issue.message);
    };

    expect(sink(3, 3)).toEqual(['bad', 'bad', 'bad']);
    expect(sink(4, 3).at(-1)).toBe(
      'has 1 more problem of the same kinds, not listed; fix the ones listed and send it again',
    );
    expect(sink(5, 3).at(-1)).toMatch(/^has 2 more problems/);
  });

  it('keeps 100 issues in all and counts the rest, singular or plural', () => {
    const issues = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        field: `f${i}`,
        rule: 'r',
        message: `f${i}: r.`,
      }));

    expect(capIssues(issues(MAX_ISSUES))).toHaveLength(MAX_ISSUES);
    expect(capIssues(issues(MAX_ISSUES + 1)).at(-1)?.message).toBe(
      'request: 1 more issue is not listed; fix the ones listed and send it again.',
    );
    expect(capIssues(issues(MAX_ISSUES + 2)).at(-1)?.message).toMatch(
      /^request: 2 more issues are/,
    );
  });

  it('names up to 10 unknown fields and counts the rest', () => {
    const error = unknownKeysError('an object', 'it takes a, b', ['a', 'b']);
    const keys = (count: number) => Array.from({ length: count }, (_, i) => `x${i}`);

    expect(
      error({ code: 'unrecognized_keys', keys: keys(10), input: {}, path: [] } as never),
    ).not.toContain('more');
    expect(
      error({ code: 'unrecognized_keys', keys: keys(11), input: {}, path: [] } as never),
    ).toContain('"x9", and 1 more; it takes a, b');
  });

  it("names the first 10 issues in a ValidationError's message", () => {
    const issues = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        field: `f${i}`,
        rule: 'r',
        message: `f${i}: r.`,
      }));

    expect(new ValidationError(issues(10)).message).not.toContain('more');
    expect(new ValidationError(issues(11)).message).toMatch(
      /f9: r\. … and 1 more \(see errors\)\.$/,
    );
  });
});
