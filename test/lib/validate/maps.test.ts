import { afterEach, describe, expect, it } from 'vitest';
import {
  type PushRequestOptions,
  type PushRequestResult,
  parsePushRequest,
} from '#lib/validate/push-request.ts';

const OPTIONS: PushRequestOptions = {
  now: new Date('2026-11-26T17:30:00Z'),
  timeZone: 'Asia/Shanghai',
  appId: 'ONEX570DA89211721',
  workspaceId: 'default',
  apiVersion: '2020-10-28',
};

function request(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    taskName: 'order shipped',
    deliveryType: 3,
    targetMsgkey: { user1024: '1578807462788' },
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

function targets(count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`user${i}`, `msg-${i}`]));
}

describe('targetMsgkey', () => {
  it('accepts more than 10 pairs, as an object or a JSON string: the fan-out splits them into calls of 10', () => {
    const object = parse({ targetMsgkey: targets(11) });
    const string = parse({ targetMsgkey: JSON.stringify(targets(1000)) });

    expect(object.success && object.data.targetMsgkey).toEqual(targets(11));
    expect(string.success && Object.keys(string.data.targetMsgkey)).toHaveLength(1000);
  });

  it('refuses more pairs than maxTargets, naming the count, the limit and its setting', () => {
    const result = parse({ targetMsgkey: targets(6) }, { maxTargets: 5 });

    expect(parse({ targetMsgkey: targets(5) }, { maxTargets: 5 }).success).toBe(true);
    expect(result).toEqual({
      success: false,
      issues: [
        {
          field: 'targetMsgkey',
          rule: 'max-targets',
          message:
            'targetMsgkey: names 6 targets; at most 5 are accepted per request (MPAAS_MAX_TARGETS).',
        },
      ],
    });
  });

  it('refuses an empty map', () => {
    expect(issuesOf(parse({ targetMsgkey: {} }))).toEqual([['targetMsgkey', 'min-pairs']]);
  });

  it('refuses a blank target key and a blank msgKey', () => {
    expect(issuesOf(parse({ targetMsgkey: { ' ': 'm1', user2: '' } }))).toEqual([
      ['targetMsgkey', 'non-empty-key'],
      ['targetMsgkey.user2', 'non-empty'],
    ]);
  });

  it('refuses a msgKey that is not a string, since ids past 2^53 lose digits as numbers', () => {
    expect(issuesOf(parse({ targetMsgkey: { user1: 1578807462788 } }))).toEqual([
      ['targetMsgkey.user1', 'type'],
    ]);
  });

  it('refuses a msgKey used twice in one request, naming the second target', () => {
    const result = parse({ targetMsgkey: { user1: 'm-1', user2: 'm-2', user3: 'm-1' } });

    expect(issuesOf(result)).toEqual([['targetMsgkey.user3', 'unique-msgkey']]);
    expect(result.success || result.issues[0]?.message).toBe(
      'targetMsgkey.user3: repeats the msgKey "m-1" of target "user1"; each msgKey must be unique.',
    );
  });

  it('reports too many pairs and a bad value together', () => {
    const result = parse({ targetMsgkey: { ...targets(11), user0: 7 } }, { maxTargets: 10 });

    expect(issuesOf(result)).toEqual([
      ['targetMsgkey', 'max-targets'],
      ['targetMsgkey.user0', 'type'],
    ]);
  });
});

describe('map parameters: accepted forms', () => {
  it.each([
    ['a string that is not JSON', '{user1024:1}', 'the string is not valid JSON'],
    ['a JSON string of an array', '[1,2]', 'got a JSON string of an array'],
    [
      'a JSON string of a JSON string',
      JSON.stringify('{"a":"1"}'),
      'got a JSON string of the string',
    ],
    ['an array', [['user', 'm']], 'got an array'],
    ['a number', 7, 'got the number 7'],
    ['null', null, 'got null'],
  ])(
    'refuses %s with "must be a JSON object or a JSON string of one"',
    (_name, templateKeyValue, detail) => {
      const result = parse({ templateKeyValue });

      expect(issuesOf(result)).toEqual([['templateKeyValue', 'json-object']]);
      expect(result.success || result.issues[0]?.message).toContain(
        'templateKeyValue: must be a JSON object or a JSON string of one',
      );
      expect(result.success || result.issues[0]?.message).toContain(detail);
    },
  );

  it('outputs fresh plain objects, not the caller’s own', () => {
    const templateKeyValue = { name: 'Alice' };
    const result = parse({ templateKeyValue });

    expect(result.success && result.data.templateKeyValue).toEqual({ name: 'Alice' });
    expect(result.success && result.data.templateKeyValue).not.toBe(templateKeyValue);
    expect(result.success && Object.getPrototypeOf(result.data.targetMsgkey)).toBe(
      Object.prototype,
    );
  });

  it('accepts string and number values in templateKeyValue and refuses others', () => {
    expect(parse({ templateKeyValue: { money: 200, name: 'Alice' } }).success).toBe(true);
    expect(
      issuesOf(parse({ templateKeyValue: { a: null, b: true, c: { d: 1 }, e: [1] } })),
    ).toEqual([
      ['templateKeyValue.a', 'value-type'],
      ['templateKeyValue.b', 'value-type'],
      ['templateKeyValue.c', 'value-type'],
      ['templateKeyValue.e', 'value-type'],
    ]);
  });

  it('refuses a blank key in templateKeyValue', () => {
    expect(issuesOf(parse({ templateKeyValue: { '': 'x' } }))).toEqual([
      ['templateKeyValue', 'non-empty-key'],
    ]);
  });

  it('accepts 20 extendedParams and refuses 21, citing mPaaS 3035', () => {
    const params = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
    const result = parse({ extendedParams: params(21) });

    expect(parse({ extendedParams: params(20) }).success).toBe(true);
    expect(issuesOf(result)).toEqual([['extendedParams', 'max-keys']]);
    expect(result.success || result.issues[0]?.message).toContain('3035 EXTEND_PARAM_TO_MUCH');
  });

  it('still reports the cross-field rules when a map value has the wrong type', () => {
    // Prepare: a value mPaaS cannot substitute, and a scheduled push without its details
    const input = { templateKeyValue: { name: true }, strategyType: 1 };

    // Act
    const result = parse(input);

    // Assess: both problems at once, not only the first
    expect(issuesOf(result)).toEqual([
      ['StrategyContent', 'required'],
      ['templateKeyValue.name', 'value-type'],
    ]);
    expect(result.success || result.issues[1]?.message).toBe(
      'templateKeyValue.name: must be a string or a number; got the boolean true.',
    );
  });

  it('checks thirdChannelCategory and notifyLevel values like templateKeyValue', () => {
    expect(
      issuesOf(parse({ thirdChannelCategory: '{"vivo":{}}', notifyLevel: { oppo: false } })),
    ).toEqual([
      ['notifyLevel.oppo', 'value-type'],
      ['thirdChannelCategory.vivo', 'value-type'],
    ]);
  });
});

describe('prototype keys', () => {
  afterEach(() => {
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses %s at the top level of the request',
    (key) => {
      const input = JSON.parse(`{"${key}":{"polluted":true}}`) as Record<string, unknown>;
      const result = parsePushRequest({ ...request(), ...input }, OPTIONS);

      expect(issuesOf(result)).toEqual([[key, 'prototype-key']]);
      expect(result.success || result.issues[0]?.message).toBe(
        `${key}: uses the key "${key}", which is refused anywhere in a request because copying it could change an object's prototype.`,
      );
    },
  );

  it('refuses __proto__ in a JSON-string map, where JSON.parse makes it an own key', () => {
    const result = parse({ templateKeyValue: '{"__proto__":{"polluted":true},"name":"x"}' });

    expect(issuesOf(result)).toEqual([['templateKeyValue.__proto__', 'prototype-key']]);
  });

  it('refuses prototype keys nested deep in activityContentState', () => {
    const activityContentState = JSON.parse(
      '{"a":{"b":[{"constructor":{"prototype":{"polluted":1}}}]}}',
    );
    const result = parse({ deliveryType: 5, activityEvent: 'update', activityContentState });

    expect(issuesOf(result)).toEqual([['activityContentState.a.b.0.constructor', 'prototype-key']]);
  });

  it('refuses __proto__ inside StrategyContent without reporting its other keys as missing', () => {
    const StrategyContent = '{"__proto__":{"polluted":1},"fixedTime":1798761600000}';

    expect(issuesOf(parse({ strategyType: 1, StrategyContent }))).toEqual([
      ['StrategyContent.__proto__', 'prototype-key'],
    ]);
  });
});

describe('non-JSON values passed as objects', () => {
  it.each([
    ['a function', () => 1],
    ['NaN', Number.NaN],
    ['a Date', new Date(0)],
    ['a bigint', 1n],
  ])('refuses %s inside activityContentState', (_name, value) => {
    const result = parse({
      deliveryType: 6,
      activityEvent: 'update',
      activityContentState: { value },
    });

    expect(issuesOf(result)).toEqual([['activityContentState.value', 'json-value']]);
  });

  it('drops a property whose value is undefined, as JSON.stringify does, but refuses undefined in an array', () => {
    const result = parse({ templateKeyValue: { name: 'Alice', title: undefined } });

    expect(result.success && result.data.templateKeyValue).toEqual({ name: 'Alice' });
    expect(result.success && Object.hasOwn(result.data.templateKeyValue ?? {}, 'title')).toBe(
      false,
    );
    expect(
      issuesOf(
        parse({
          deliveryType: 6,
          activityEvent: 'update',
          activityContentState: { list: [undefined] },
        }),
      ),
    ).toEqual([['activityContentState.list.0', 'json-value']]);
  });

  it('refuses a cyclic object by its depth instead of recursing forever', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const result = parse({
      deliveryType: 6,
      activityEvent: 'update',
      activityContentState: cyclic,
    });

    expect(issuesOf(result)).toEqual([[`activityContentState${'.self'.repeat(32)}`, 'max-depth']]);
  });
});

describe('activityContentState', () => {
  const live = { deliveryType: 5, activityEvent: 'update' };

  it('accepts nested JSON, as an object or a JSON string, and outputs a deep copy', () => {
    const state = { driver: { name: 'Li', eta: [5, 'min'] }, done: false, note: null };
    const result = parse({ ...live, activityContentState: state });

    expect(result.success && result.data.activityContentState).toEqual(state);
    expect(result.success && result.data.activityContentState?.driver).not.toBe(state.driver);
    expect(parse({ ...live, activityContentState: JSON.stringify(state) }).success).toBe(true);
  });

  it('accepts 4096 bytes of JSON and refuses 4097, the ActivityKit limit', () => {
    const sized = (bytes: number) => ({ s: 'x'.repeat(bytes - '{"s":""}'.length) });

    expect(parse({ ...live, activityContentState: sized(4096) }).success).toBe(true);
    expect(issuesOf(parse({ ...live, activityContentState: sized(4097) }))).toEqual([
      ['activityContentState', 'max-bytes'],
    ]);
  });

  it('refuses an array', () => {
    expect(issuesOf(parse({ ...live, activityContentState: [1] }))).toEqual([
      ['activityContentState', 'json-object'],
    ]);
  });
});

describe('map parameters: the sentences a caller reads', () => {
  function issuesWithText(result: PushRequestResult): [string, string, string][] {
    return result.success
      ? []
      : result.issues.map((issue) => [issue.field, issue.rule, issue.message]);
  }

  it('refuses an empty targetMsgkey, asking for at least one target', () => {
    expect(issuesWithText(parse({ targetMsgkey: {} }))).toEqual([
      ['targetMsgkey', 'min-pairs', 'targetMsgkey: must name at least one target.'],
    ]);
  });

  it('refuses a msgKey of spaces, like an empty one', () => {
    expect(issuesWithText(parse({ targetMsgkey: { user1: 'm-1', user2: '   ' } }))).toEqual([
      ['targetMsgkey.user2', 'non-empty', 'targetMsgkey.user2: must not be empty or blank.'],
    ]);
  });

  it('refuses a number as msgKey, saying it must be the business message id as a string', () => {
    expect(issuesWithText(parse({ targetMsgkey: { user1: 1578807462788 } }))).toEqual([
      [
        'targetMsgkey.user1',
        'type',
        'targetMsgkey.user1: must be a string (the business message id); got the number 1578807462788.',
      ],
    ]);
  });

  it('does not call two equal non-string msgKeys a repeat: each is already refused as a number', () => {
    expect(issuesOf(parse({ targetMsgkey: { user1: 7, user2: 7 } }))).toEqual([
      ['targetMsgkey.user1', 'type'],
      ['targetMsgkey.user2', 'type'],
    ]);
  });

  it('reports a blank target and a msgKey of the wrong type together', () => {
    expect(issuesWithText(parse({ targetMsgkey: { ' ': 'm-1', user2: 5 } }))).toEqual([
      ['targetMsgkey', 'non-empty-key', 'targetMsgkey: must not have an empty or blank key.'],
      [
        'targetMsgkey.user2',
        'type',
        'targetMsgkey.user2: must be a string (the business message id); got the number 5.',
      ],
    ]);
  });

  it('refuses a blank placeholder name in templateKeyValue', () => {
    expect(issuesWithText(parse({ templateKeyValue: { ' ': 'x' } }))).toEqual([
      [
        'templateKeyValue',
        'non-empty-key',
        'templateKeyValue: must not have an empty or blank key.',
      ],
    ]);
  });

  it('refuses an activityContentState over 4096 bytes, naming the limit and the size', () => {
    const activityContentState = { s: 'x'.repeat(4097 - '{"s":""}'.length) };
    const result = parse({ deliveryType: 5, activityEvent: 'update', activityContentState });

    expect(issuesWithText(result)).toEqual([
      [
        'activityContentState',
        'max-bytes',
        'activityContentState: must encode to at most 4096 bytes of JSON, the ActivityKit limit; got 4097.',
      ],
    ]);
  });
});
