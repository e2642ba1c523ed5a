import { describe, expect, expectTypeOf, it } from 'vitest';
import { deriveMsgKey } from '#lib/shared/msg-key.ts';
import {
  type PushRequest,
  type PushRequestOptions,
  type PushRequestResult,
  parsePushRequest,
} from '#lib/validate/push-request.ts';

const SEED = 'idem-7f3c';

const OPTIONS: PushRequestOptions = {
  now: new Date('2026-11-26T17:30:00Z'),
  timeZone: 'Asia/Shanghai',
  appId: 'ONEX570DA89211721',
  workspaceId: 'default',
  apiVersion: '2020-10-28',
  msgKeySeed: SEED,
};

/** A valid request without targetMsgkey: each test adds the target form it is about. */
function request(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    taskName: 'order shipped',
    deliveryType: 3,
    expiredSeconds: 300,
    templateName: 'order_shipped',
    ...overrides,
  };
}

function parse(
  overrides: Record<string, unknown>,
  opts: Partial<PushRequestOptions> = {},
): PushRequestResult {
  return parsePushRequest(request(overrides), { ...OPTIONS, ...opts });
}

function issuesOf(result: PushRequestResult): [string, string][] {
  return result.success ? [] : result.issues.map((issue) => [issue.field, issue.rule]);
}

function messagesOf(result: PushRequestResult): string[] {
  return result.success ? [] : result.issues.map((issue) => issue.message);
}

const ids = (count: number): string[] => Array.from({ length: count }, (_, i) => `user${i}`);

describe('targets: a list of target ids with derived msgKeys', () => {
  it('outputs a targetMsgkey mapping each target to the msgKey derived from the seed and the target', () => {
    const result = parse({ targets: ['user1024', 'user2048'] });

    expect(result).toMatchObject({ success: true });
    expect(result.success && result.data.targetMsgkey).toEqual({
      user1024: deriveMsgKey(SEED, 'user1024'),
      user2048: deriveMsgKey(SEED, 'user2048'),
    });
    expect(result.success && Object.hasOwn(result.data, 'targets')).toBe(false);
    expectTypeOf<PushRequest['targetMsgkey']>().toEqualTypeOf<Record<string, string>>();
    expectTypeOf<PushRequest>().not.toHaveProperty('targets');
  });

  it('derives the same msgKeys for the same seed, other ones for another seed, and one per target', () => {
    const keysFor = (msgKeySeed: string): Record<string, string> => {
      const result = parse({ targets: ['user1024', 'user2048'] }, { msgKeySeed });
      return result.success ? result.data.targetMsgkey : {};
    };

    const first = keysFor(SEED);
    const retry = keysFor(SEED);
    const other = keysFor('idem-other');

    expect(retry).toEqual(first);
    expect(first.user1024).not.toBe(first.user2048);
    expect(other.user1024).not.toBe(first.user1024);
    expect(other.user2048).not.toBe(first.user2048);
  });

  it('accepts targets as a JSON string of an array, like the map parameters', () => {
    const result = parse({ targets: '["user1024"]' });

    expect(result.success && result.data.targetMsgkey).toEqual({
      user1024: deriveMsgKey(SEED, 'user1024'),
    });
  });

  it('accepts more than 10 targets: the fan-out splits them into calls of 10', () => {
    const result = parse({ targets: ids(25) });

    expect(result.success && Object.keys(result.data.targetMsgkey)).toEqual(ids(25));
  });

  it('refuses a target named twice, naming it and where it first appeared', () => {
    const result = parse({ targets: ['user1', 'user2', 'user1'] });

    expect(issuesOf(result)).toEqual([['targets.2', 'unique-target']]);
    expect(messagesOf(result)).toEqual([
      'targets.2: repeats the target "user1" of targets.0; name each target once.',
    ]);
  });

  it('refuses an empty array', () => {
    const result = parse({ targets: [] });

    expect(issuesOf(result)).toEqual([['targets', 'min-targets']]);
    expect(messagesOf(result)).toEqual(['targets: must name at least one target.']);
  });

  it.each([
    ['an object', { user1024: 'm-1' }, 'got an object'],
    ['a single id', 'user1024', 'the string is not valid JSON'],
    ['a JSON string of an object', '{"user1024":"m-1"}', 'got a JSON string of an object'],
    ['null', null, 'got null'],
  ])('refuses %s, which is not a list of ids', (_name, targets, detail) => {
    const result = parse({ targets });

    expect(issuesOf(result)).toEqual([['targets', 'json-array']]);
    expect(messagesOf(result)[0]).toBe(
      `targets: must be a JSON array of target id strings or a JSON string of one; ${detail}.`,
    );
  });

  it('refuses ids that are not non-blank strings, each at its index', () => {
    const result = parse({ targets: ['user1', 1024, null, ' ', { id: 'u' }, '__proto__'] });

    expect(issuesOf(result)).toEqual([
      ['targets.1', 'type'],
      ['targets.2', 'type'],
      ['targets.3', 'non-empty'],
      ['targets.4', 'type'],
      ['targets.5', 'prototype-key'],
    ]);
    expect(messagesOf(result)[0]).toBe(
      'targets.1: must be a target id string; got the number 1024.',
    );
  });
});

describe('targetMsgkey or targets: exactly one', () => {
  it('refuses a request with both, once, on targets', () => {
    const result = parse({ targetMsgkey: { user1: 'm-1' }, targets: ['user1'] });

    expect(result).toEqual({
      success: false,
      issues: [
        {
          field: 'targets',
          rule: 'one-target-form',
          message:
            'targets: must not be sent together with targetMsgkey; give targetMsgkey (target → msgKey) or targets ([ids], msgKeys derived), not both.',
        },
      ],
    });
  });

  it('requires targetMsgkey when neither is sent, pointing to targets', () => {
    const result = parse({});

    expect(result).toEqual({
      success: false,
      issues: [
        {
          field: 'targetMsgkey',
          rule: 'required',
          message:
            'targetMsgkey: is required (or give targets: [ids] and the msgKeys are derived).',
        },
      ],
    });
  });

  it('reads a form set to undefined as absent, as JSON.stringify drops it', () => {
    expect(issuesOf(parse({ targetMsgkey: undefined }))).toEqual([['targetMsgkey', 'required']]);
    expect(parse({ targetMsgkey: undefined, targets: ['user1'] }).success).toBe(true);
  });

  it('throws a RangeError for targets without a msgKeySeed, a caller bug, even if targets is invalid', () => {
    const noSeed = { msgKeySeed: undefined };

    expect(() => parse({ targets: ['user1'] }, noSeed)).toThrow(RangeError);
    expect(() => parse({ targets: 'not json' }, noSeed)).toThrow(/msgKeySeed is required/);
    expect(parse({ targetMsgkey: { user1: 'm-1' } }, noSeed).success).toBe(true);
  });
});

describe('maxTargets: the most targets one request may name', () => {
  it('refuses more targets than maxTargets, on the targets field', () => {
    const result = parse({ targets: ids(4) }, { maxTargets: 3 });

    expect(parse({ targets: ids(3) }, { maxTargets: 3 }).success).toBe(true);
    expect(issuesOf(result)).toEqual([['targets', 'max-targets']]);
    expect(messagesOf(result)).toEqual([
      'targets: names 4 targets; at most 3 are accepted per request (MPAAS_MAX_TARGETS).',
    ]);
  });

  it('counts a list that has bad ids too, so both problems are reported at once', () => {
    const result = parse({ targets: ['a', 'a', '__proto__'] }, { maxTargets: 2 });

    expect(issuesOf(result)).toEqual([
      ['targets', 'max-targets'],
      ['targets.1', 'unique-target'],
      ['targets.2', 'prototype-key'],
    ]);
  });

  it('accepts 100,000 targets by default, in well under a second, and refuses 100,001 pairs', () => {
    const started = performance.now();
    const accepted = parse({ targets: ids(100_000) });
    const elapsed = performance.now() - started;
    const pairs = Object.fromEntries(ids(100_001).map((id, i) => [id, `m-${i}`]));
    const refused = parse({ targetMsgkey: pairs });

    expect(accepted.success && Object.keys(accepted.data.targetMsgkey)).toHaveLength(100_000);
    // generous for slow CI; a quadratic check would take minutes at this size
    expect(elapsed).toBeLessThan(2000);
    expect(messagesOf(refused)).toEqual([
      'targetMsgkey: names 100001 targets; at most 100000 are accepted per request (MPAAS_MAX_TARGETS).',
    ]);
  });

  it.each([0, -1, 1.5, Number.NaN])('throws a RangeError for maxTargets %d', (maxTargets) => {
    expect(() => parse({ targets: ['user1'] }, { maxTargets })).toThrow(RangeError);
  });

  it('throws a RangeError for an empty msgKeySeed, which would give every request the same msgKeys', () => {
    expect(() => parse({ targets: ['user1'] }, { msgKeySeed: ' ' })).toThrow(RangeError);
  });
});

describe('the unknown-keys message', () => {
  it('mentions targets and suggests it for a key that differs only in case', () => {
    const result = parse({ Targets: ['user1'], targetMsgkey: { user1: 'm-1' } });

    expect(messagesOf(result)).toEqual([
      'request: has unknown field "Targets" (did you mean "targets"?); PushTemplate takes only the parameters named in the mPaaS docs, and this function also takes targets (target ids whose msgKeys it derives).',
    ]);
  });
});

describe('targets: the sentences a caller reads', () => {
  function issuesWithText(result: PushRequestResult): [string, string, string][] {
    return result.success ? [] : result.issues.map((i) => [i.field, i.rule, i.message]);
  }

  it('refuses a number as a target id, saying it must be a string', () => {
    expect(issuesWithText(parse({ targets: [5] }))).toEqual([
      ['targets.0', 'type', 'targets.0: must be a target id string; got the number 5.'],
    ]);
  });

  it('refuses a hole in the list, an undefined id, saying nothing was given', () => {
    expect(issuesWithText(parse({ targets: ['user1', undefined] }))).toEqual([
      ['targets.1', 'required', 'targets.1: must be a target id string; got nothing.'],
    ]);
  });

  it('refuses a target id of spaces', () => {
    expect(issuesWithText(parse({ targets: ['user1', '  '] }))).toEqual([
      ['targets.1', 'non-empty', 'targets.1: must not be empty or blank.'],
    ]);
  });

  it('refuses __proto__ as a target id, explaining that it would become a key of targetMsgkey', () => {
    expect(issuesWithText(parse({ targets: ['__proto__'] }))).toEqual([
      [
        'targets.0',
        'prototype-key',
        'targets.0: is the string "__proto__", which is refused as a target id: it becomes a key of targetMsgkey, and copying that key could change an object\'s prototype.',
      ],
    ]);
  });

  it('reports a repeated target beside an id of the wrong type', () => {
    expect(issuesWithText(parse({ targets: ['user1', 5, 'user1'] }))).toEqual([
      ['targets.1', 'type', 'targets.1: must be a target id string; got the number 5.'],
      [
        'targets.2',
        'unique-target',
        'targets.2: repeats the target "user1" of targets.0; name each target once.',
      ],
    ]);
  });

  it('does not call two equal ids of the wrong type a repeat', () => {
    expect(issuesOf(parse({ targets: [5, 5] }))).toEqual([
      ['targets.0', 'type'],
      ['targets.1', 'type'],
    ]);
  });
});
