/**
 * Every field's bound, and the cap on how many issues one answer lists (#9): a field one past its
 * bound gets one issue naming the field and the rule, at its bound it passes; 100,000 bad
 * targets give 101 issues, not 100,000 (nor a stack overflow inside zod).
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#lib/shared/errors.ts';
import {
  FC_SYNC_BODY_BYTES,
  largestRequestBytes,
  MAX_ISSUES,
  MAX_JSON_BYTES,
  MAX_KEYS,
  MAX_LENGTH,
} from '#lib/validate/limits.ts';
import { issuesOf, parse } from '#test/lib/validate/request.ts';

const seed = { msgKeySeed: 'http:bounds' };

function rulesOfRequest(overrides: Record<string, unknown>): string[] {
  return issuesOf(parse(overrides, seed)).map((issue) => `${issue.field} ${issue.rule}`);
}

const rulesOf = rulesOfRequest;

const SMS = { smsStrategy: 1, smsSignName: 'shop', smsTemplateCode: 'SMS_1' };

describe('the bound of every string field', () => {
  const cases: Array<[string, number, Record<string, unknown>]> = [
    ['taskName', MAX_LENGTH.taskName, {}],
    ['templateName', MAX_LENGTH.templateName, {}],
    ['appId', MAX_LENGTH.appId, {}],
    ['workspaceId', MAX_LENGTH.workspaceId, {}],
    ['smsSignName', MAX_LENGTH.smsSignName, SMS],
    ['smsTemplateCode', MAX_LENGTH.smsTemplateCode, SMS],
    ['miChannelId', MAX_LENGTH.miChannelId, {}],
  ];
  it.each(cases)('%s: at most %i characters', (field, max, extra) => {
    // appId and workspaceId are locked to the configured app; unlock them for the length rule
    const options = { ...seed, appId: undefined, workspaceId: undefined };
    const at = issuesOf(
      parse({ ...extra, appId: 'A', workspaceId: 'W', [field]: 'x'.repeat(max) }, options),
    );
    expect(at.filter((issue) => issue.field === field)).toEqual([]);
    const over = issuesOf(
      parse({ ...extra, appId: 'A', workspaceId: 'W', [field]: 'x'.repeat(max + 1) }, options),
    );
    expect(over.map((issue) => [issue.field, issue.rule])).toContainEqual([field, 'max-length']);
    const issue = over.find((found) => found.field === field);
    expect(issue?.message).toContain(`at most ${max} characters`);
  });

  it('target ids, in either form, and msgKeys', () => {
    const longId = 'u'.repeat(MAX_LENGTH.targetId + 1);
    expect(rulesOf({ targetMsgkey: undefined, targets: ['ok', longId] })).toEqual([
      'targets.1 max-length',
    ]);
    expect(rulesOf({ targetMsgkey: { [longId]: 'm-1' } })).toEqual([
      `targetMsgkey.${'u'.repeat(64)}… max-key-length`,
    ]);
    expect(rulesOf({ targetMsgkey: { u1: 'm'.repeat(MAX_LENGTH.msgKey + 1) } })).toEqual([
      'targetMsgkey.u1 max-length',
    ]);
    const atBounds = { ['u'.repeat(MAX_LENGTH.targetId)]: 'm'.repeat(MAX_LENGTH.msgKey) };
    expect(rulesOf({ targetMsgkey: atBounds })).toEqual([]);
  });
});

describe('the bounds of every map field', () => {
  const maps = Object.keys(MAX_KEYS) as Array<keyof typeof MAX_KEYS>;

  it.each(maps)(
    '%s: a bounded number of keys, key and value lengths, and encoded bytes',
    (field) => {
      const sms = field === 'smsTemplateParam' ? SMS : {};
      const rulesOf = (overrides: Record<string, unknown>) =>
        rulesOfRequest({ ...sms, ...overrides });
      const keys = MAX_KEYS[field];
      const many = Object.fromEntries(Array.from({ length: keys + 1 }, (_, i) => [`k${i}`, 'v']));
      expect(rulesOf({ [field]: many })).toContain(`${field} max-keys`);
      const enough = Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, 'v']));
      expect(rulesOf({ [field]: enough })).toEqual([]);

      const atBounds = {
        ['k'.repeat(MAX_LENGTH.mapKey)]: 'v'.repeat(
          Math.min(MAX_LENGTH.mapValue, MAX_JSON_BYTES[field] - MAX_LENGTH.mapKey - 10),
        ),
      };
      expect(rulesOf({ [field]: atBounds })).toEqual([]);
      const longKey = 'k'.repeat(MAX_LENGTH.mapKey + 1);
      expect(rulesOf({ [field]: { [longKey]: 'v' } })).toContain(
        `${field}.${'k'.repeat(64)}… max-key-length`,
      );
      expect(rulesOf({ [field]: { k: 'v'.repeat(MAX_LENGTH.mapValue + 1) } })).toContain(
        `${field}.k max-length`,
      );

      // values at their own bound, enough of them to pass the encoded size
      const bytes = MAX_JSON_BYTES[field];
      const count = Math.min(keys, Math.ceil(bytes / MAX_LENGTH.mapValue) + 1);
      const big = Object.fromEntries(
        Array.from({ length: count }, (_, i) => [`k${i}`, 'v'.repeat(MAX_LENGTH.mapValue)]),
      );
      expect(rulesOf({ [field]: big })).toContain(`${field} max-bytes`);
    },
  );

  it('the same bounds hold for a map sent as a JSON string', () => {
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v']));
    expect(rulesOf({ extendedParams: JSON.stringify(many) })).toEqual(['extendedParams max-keys']);
  });
});

describe('the cap on issues', () => {
  it('lists 100 issues of 125,000 bad targets and counts the rest, in a small answer', () => {
    const targets = Array.from({ length: 125_000 }, (_, i) => i);
    const issues = issuesOf(parse({ targetMsgkey: undefined, targets }, seed));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues.at(-1)).toMatchObject({ field: 'request', rule: 'more-issues' });
    expect(issues.at(-1)?.message).toMatch(/^request: \d+ more issues are not listed/);
    expect(issues.map((issue) => issue.field)).toContain('targets');
    expect(JSON.stringify(issues).length).toBeLessThan(64 * 1024);
  });

  it('counts what it leaves out in the field itself: 100,000 numeric msgKeys', () => {
    const targetMsgkey = Object.fromEntries(
      Array.from({ length: 100_000 }, (_, i) => [`u${i}`, i]),
    );
    const issues = issuesOf(parse({ targetMsgkey }, seed));
    const more = issues.find(
      (issue) => issue.field === 'targetMsgkey' && issue.rule === 'more-issues',
    );
    expect(more?.message).toBe(
      'targetMsgkey: has 99900 more problems of the same kinds, not listed; fix the ones listed and send it again.',
    );
    // 100 listed in all: the field's count sorts first, then 99 of its issues
    expect(issues.filter((issue) => issue.rule === 'type')).toHaveLength(99);
    expect(issues.at(-1)).toMatchObject({ field: 'request', rule: 'more-issues' });
  });

  it('names at most 10 unknown fields, each cut short', () => {
    const unknown = Object.fromEntries(
      Array.from({ length: 5000 }, (_, i) => [`x${i}${'y'.repeat(200)}`, 1]),
    );
    const [issue] = issuesOf(parse(unknown, seed));
    expect(issue?.rule).toBe('unknown-keys');
    expect(issue?.message).toContain('and 4990 more');
    expect(issue?.message.length).toBeLessThan(2000);
  });

  it('keeps the error message short: the first 10 issues, then a count', () => {
    const targets = Array.from({ length: 500 }, (_, i) => i);
    const result = parse({ targetMsgkey: undefined, targets }, seed);
    const error = new ValidationError(issuesOf(result));
    expect(error.message).toMatch(/… and 91 more \(see errors\)\.$/);
    expect(error.message.length).toBeLessThan(2000);
  });
});

describe('the largest valid request', () => {
  it('grows with the targets allowed, and never past FC’s own limit', () => {
    expect(largestRequestBytes(1000)).toBe(1_181_121);
    expect(largestRequestBytes(2000) - largestRequestBytes(1000)).toBe(
      1000 * (3 * (MAX_LENGTH.targetId + MAX_LENGTH.msgKey) + 6),
    );
    expect(largestRequestBytes(100_000)).toBe(FC_SYNC_BODY_BYTES);
  });

  it('holds a request with every field at its bound', () => {
    const targetMsgkey = Object.fromEntries(
      Array.from({ length: 1000 }, (_, i) => [
        `${i}`.padEnd(MAX_LENGTH.targetId, '张'),
        `${i}`.padEnd(MAX_LENGTH.msgKey, '键'),
      ]),
    );
    const body = JSON.stringify({ targetMsgkey, taskName: '任'.repeat(MAX_LENGTH.taskName) });
    expect(Buffer.byteLength(body)).toBeLessThan(largestRequestBytes(1000));
  });
});

describe('where a lone surrogate is reported', () => {
  it('names the target the caller sent, not the targetMsgkey derived from it', () => {
    const issues = issuesOf(parse({ targetMsgkey: undefined, targets: ['ok', 'bad\ud800'] }, seed));
    expect(issues.map((issue) => [issue.field, issue.rule])).toEqual([
      ['targets.1', 'well-formed-text'],
    ]);
  });
});
