import { describe, expect, it } from 'vitest';
import {
  type PushRequestOptions,
  type PushRequestResult,
  parsePushRequest,
} from '#lib/validate/push-request.ts';

const NOW = new Date('2026-11-26T17:30:00Z');

function options(overrides: Partial<PushRequestOptions> = {}): PushRequestOptions {
  return {
    now: NOW,
    timeZone: 'Asia/Shanghai',
    appId: 'ONEX570DA89211721',
    workspaceId: 'default',
    apiVersion: '2020-10-28',
    ...overrides,
  };
}

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

/** [field, rule] pairs, in the order reported. */
function issuesOf(result: PushRequestResult): [string, string][] {
  return result.success ? [] : result.issues.map((issue) => [issue.field, issue.rule]);
}

function parse(overrides: Record<string, unknown>, opts?: Partial<PushRequestOptions>) {
  return parsePushRequest(request(overrides), options(opts));
}

describe('parsePushRequest: a valid request', () => {
  it('leaves strategyContent out of a request that sent no strategy details', () => {
    const result = parse({});

    expect(result.success && Object.hasOwn(result.data, 'strategyContent')).toBe(false);
  });

  it('accepts a minimal request and applies the documented defaults and the configured app', () => {
    const result = parse({});

    expect(result).toEqual({
      success: true,
      data: {
        taskName: 'order shipped',
        deliveryType: 3,
        targetMsgkey: { user1024: '1578807462788' },
        expiredSeconds: 300,
        templateName: 'order_shipped',
        appId: 'ONEX570DA89211721',
        workspaceId: 'default',
        classification: '1',
        strategyType: 0,
        smsStrategy: 0,
      },
    });
  });

  it('accepts the docs example with every map sent as a JSON string and outputs objects', () => {
    const result = parse({
      targetMsgkey: '{"user1024":"1578807462788"}',
      templateKeyValue: '{"money":"200","name":"张三"}',
      extendedParams: '{"key1":"value1"}',
      notifyType: 'notify',
      classification: '0',
      thirdChannelCategory: '{"vivo":"1"}',
      notifyLevel: '{"oppo":2}',
      miChannelId: 'high_system',
    });

    expect(result.success && result.data).toMatchObject({
      targetMsgkey: { user1024: '1578807462788' },
      templateKeyValue: { money: '200', name: '张三' },
      extendedParams: { key1: 'value1' },
      notifyType: 'notify',
      classification: '0',
      thirdChannelCategory: { vivo: '1' },
      notifyLevel: { oppo: 2 },
      miChannelId: 'high_system',
    });
  });

  it('takes appId and workspaceId from the request when the function has none configured', () => {
    const result = parse(
      { appId: 'ONEXAPP', workspaceId: 'test' },
      { appId: undefined, workspaceId: undefined },
    );

    expect(result.success && [result.data.appId, result.data.workspaceId]).toEqual([
      'ONEXAPP',
      'test',
    ]);
  });

  it('accepts a request whose appId and workspaceId repeat the configured ones', () => {
    expect(parse({ appId: 'ONEX570DA89211721', workspaceId: 'default' }).success).toBe(true);
  });

  it('accepts a null-prototype object, as json-bigint builds them', () => {
    const input = Object.assign(Object.create(null) as Record<string, unknown>, request());

    expect(parsePushRequest(input, options()).success).toBe(true);
  });
});

describe('parsePushRequest: well-formed text', () => {
  it('explains that a lone surrogate cannot be sent to mPaaS', () => {
    expect(parse({ taskName: 'a\ud800' })).toEqual({
      success: false,
      issues: [
        {
          field: 'taskName',
          rule: 'well-formed-text',
          message:
            'taskName: must be well-formed Unicode text; it holds a lone surrogate (an unpaired \\uD800-\\uDFFF escape), which cannot be sent to mPaaS.',
        },
      ],
    });
  });

  it('refuses a lone surrogate in any string or key, which the signer could never encode', () => {
    const result = parse({
      taskName: 'a\ud800',
      templateKeyValue: '{"name":"\\udc00","money":"1"}',
      targetMsgkey: { 'u\ud83d': 'm-1' },
    });

    expect(issuesOf(result)).toEqual([
      ['targetMsgkey.u\ud83d', 'well-formed-text'],
      ['taskName', 'well-formed-text'],
      ['templateKeyValue.name', 'well-formed-text'],
    ]);
  });

  it('accepts paired surrogates (emoji) everywhere', () => {
    expect(
      parse({
        taskName: 'Sale \ud83c\udf89',
        templateKeyValue: { name: '\ud83d\ude00', money: '1' },
      }).success,
    ).toBe(true);
  });
});

describe('parsePushRequest: the request as a whole', () => {
  it.each([
    ['an array', [request()], 'an array'],
    ['a string', JSON.stringify(request()), 'a 1'],
    ['null', null, 'null'],
    ['a number', 3, 'the number 3'],
    ['undefined', undefined, 'nothing'],
  ])('refuses %s with one clear issue', (_name, input, described) => {
    const result = parsePushRequest(input, options());

    expect(issuesOf(result)).toEqual([['request', 'json-object']]);
    expect(result.success || result.issues[0]?.message).toContain(
      'request: must be a JSON object of PushTemplate parameters; got ',
    );
    expect(result.success || result.issues[0]?.message).toContain(described);
  });

  it('refuses unknown keys, listing them and suggesting a known key that differs in case', () => {
    const result = parse({ TargetMsgkey: 'x', title: 'hi' });

    expect(issuesOf(result)).toEqual([['request', 'unknown-keys']]);
    expect(result.success || result.issues[0]?.message).toBe(
      'request: has unknown fields "TargetMsgkey" (did you mean "targetMsgkey"?), "title"; PushTemplate takes only the parameters named in the mPaaS docs, and this function also takes targets (target ids whose msgKeys it derives).',
    );
  });

  it('names every missing required parameter, taskName with the mPaaS code', () => {
    const result = parsePushRequest({}, options());

    expect(issuesOf(result)).toEqual([
      ['deliveryType', 'required'],
      ['expiredSeconds', 'required'],
      ['targetMsgkey', 'required'],
      ['taskName', 'required'],
      ['templateName', 'required'],
    ]);
    expect(result.success || result.issues[3]?.message).toBe(
      'taskName: is required (the mPaaS docs mark taskName required; mPaaS answers 3019 TASKNAME_NULL).',
    );
  });

  it('reports all issues at once, sorted by field and rule, and every message starts with its field', () => {
    const result = parse({
      templateName: 'a,b',
      expiredSeconds: 0,
      deliveryType: 4,
      taskName: ' ',
      notifyType: 'push',
    });

    expect(issuesOf(result)).toEqual([
      ['deliveryType', 'one-of'],
      ['expiredSeconds', 'positive'],
      ['notifyType', 'one-of'],
      ['taskName', 'non-empty'],
      ['templateName', 'no-comma'],
    ]);
    for (const issue of result.success ? [] : result.issues) {
      expect(issue.message.startsWith(`${issue.field}: `)).toBe(true);
    }
  });

  it('gives the same issues in the same order whatever the key order of the input', () => {
    const input = request({ templateName: 'a,b', expiredSeconds: -1, deliveryType: 0, extra: 1 });
    const reversed = Object.fromEntries(Object.entries(input).reverse());

    expect(parsePushRequest(reversed, options())).toEqual(parsePushRequest(input, options()));
  });
});

describe('parsePushRequest: whole-number parameters', () => {
  it.each([1, 2, 3, 7])('accepts deliveryType %i', (deliveryType) => {
    expect(parse({ deliveryType }).success).toBe(true);
  });

  it.each([0, 4, 8])('refuses deliveryType %i, listing the documented values', (deliveryType) => {
    const result = parse({ deliveryType });

    expect(issuesOf(result)).toEqual([['deliveryType', 'one-of']]);
    expect(result.success || result.issues[0]?.message).toContain('7 (HarmonyOS device)');
  });

  it('accepts a string of decimal digits, as form triggers send, and outputs a number', () => {
    const result = parse({ deliveryType: '3', expiredSeconds: '300' });

    expect(result.success && [result.data.deliveryType, result.data.expiredSeconds]).toEqual([
      3, 300,
    ]);
  });

  it.each(['3.5', ' 3', '+3', '03', '3e0', '0x3', '', 3.5, true, null, 2 ** 53])(
    'refuses %j as deliveryType, as it is not a plain whole number',
    (deliveryType) => {
      expect(issuesOf(parse({ deliveryType }))).toEqual([['deliveryType', 'integer']]);
    },
  );

  it.each([0, -300])(
    'refuses expiredSeconds %i: the validity period must be positive',
    (expiredSeconds) => {
      expect(issuesOf(parse({ expiredSeconds }))).toEqual([['expiredSeconds', 'positive']]);
    },
  );

  it('refuses strategyType and smsStrategy outside 0, 1 and 2', () => {
    expect(issuesOf(parse({ strategyType: 3, smsStrategy: -1 }))).toEqual([
      ['smsStrategy', 'one-of'],
      ['strategyType', 'one-of'],
    ]);
  });
});

describe('parsePushRequest: text parameters', () => {
  it('refuses a templateName with a comma, as the mPaaS docs forbid', () => {
    const result = parse({ templateName: 'shipped,paid' });

    expect(issuesOf(result)).toEqual([['templateName', 'no-comma']]);
    expect(result.success || result.issues[0]?.message).toBe(
      'templateName: must not contain a comma (the mPaaS docs: template names cannot contain commas).',
    );
  });

  it('accepts a 200-character templateName and refuses 201 characters', () => {
    expect(parse({ templateName: 't'.repeat(200) }).success).toBe(true);
    expect(issuesOf(parse({ templateName: 't'.repeat(201) }))).toEqual([
      ['templateName', 'max-length'],
    ]);
  });

  it('refuses blank text and non-string text', () => {
    expect(issuesOf(parse({ templateName: '   ', taskName: 42, smsSignName: '' }))).toEqual([
      ['smsSignName', 'non-empty'],
      ['smsSignName', 'sms-off'],
      ['taskName', 'type'],
      ['templateName', 'non-empty'],
    ]);
  });

  it('accepts both notifyType values and refuses others', () => {
    expect(parse({ notifyType: 'transparent' }).success).toBe(true);
    expect(issuesOf(parse({ notifyType: 'Notify' }))).toEqual([['notifyType', 'one-of']]);
  });

  it.each([
    ['0', '0'],
    [0, '0'],
    ['1', '1'],
    [1, '1'],
  ])('accepts classification %j and outputs the wire string %j', (classification, wire) => {
    const result = parse({ classification });

    expect(result.success && result.data.classification).toBe(wire);
  });

  it.each(['2', 2, true, ''])('refuses classification %j', (classification) => {
    expect(issuesOf(parse({ classification }))).toEqual([['classification', 'one-of']]);
  });
});

describe('parsePushRequest: the configured app and workspace', () => {
  it('refuses a request for another app, naming the configured one', () => {
    const result = parse({ appId: 'ONEXOTHER' });

    expect(result).toEqual({
      success: false,
      issues: [
        {
          field: 'appId',
          rule: 'configured-app',
          message:
            'appId: this function is configured for app ONEX570DA89211721; a request for another app is refused.',
        },
      ],
    });
  });

  it('refuses a request for another workspace', () => {
    const result = parse({ workspaceId: 'prod' });

    expect(issuesOf(result)).toEqual([['workspaceId', 'configured-workspace']]);
    expect(result.success || result.issues[0]?.message).toBe(
      'workspaceId: this function is configured for workspace default; a request for another workspace is refused.',
    );
  });

  it('requires appId and workspaceId when the function has none configured', () => {
    const result = parse({}, { appId: undefined, workspaceId: undefined });

    expect(issuesOf(result)).toEqual([
      ['appId', 'required'],
      ['workspaceId', 'required'],
    ]);
  });

  it('reports a blank appId as blank, not as another app', () => {
    expect(issuesOf(parse({ appId: ' ' }))).toEqual([['appId', 'non-empty']]);
  });
});

describe('parsePushRequest: API version 2019-08-21', () => {
  const newer: [string, unknown][] = [
    ['classification', '1'],
    ['strategyType', 0],
    ['StrategyContent', { fixedTime: 1798761600000 }],
    ['smsStrategy', 0],
    ['smsSignName', 'mPaaS'],
    ['smsTemplateCode', 'SMS_1'],
    ['smsTemplateParam', { code: '1' }],
    ['thirdChannelCategory', { vivo: '1' }],
    ['notifyLevel', { oppo: 2 }],
    ['miChannelId', 'high_system'],
    ['activityEvent', 'end'],
    ['activityContentState', { eta: 5 }],
    ['dismissalDate', 1798761600],
  ];

  it.each(newer)('refuses %s, which its PushTemplate model lacks', (field, value) => {
    const result = parse({ [field]: value }, { apiVersion: '2019-08-21' });

    expect(issuesOf(result)).toContainEqual([field, 'api-version']);
    const issue = result.success ? undefined : result.issues.find((i) => i.rule === 'api-version');
    expect(issue?.message).toBe(
      `${field}: is not a PushTemplate parameter in API version 2019-08-21 (the docs' code-sample version), where mPaaS would ignore it; the request is refused: use API version 2020-10-28.`,
    );
  });

  it('refuses a Live Activity push, which cannot be expressed without those parameters', () => {
    expect(issuesOf(parse({ deliveryType: 5 }, { apiVersion: '2019-08-21' }))).toEqual([
      ['deliveryType', 'api-version'],
    ]);
    expect(issuesOf(parse({ deliveryType: 6 }, { apiVersion: '2020-10-28' }))).toEqual([
      ['activityEvent', 'required-for-live-activity'],
    ]);
  });

  it('accepts a request that sets none of them, even though defaults fill some in', () => {
    const result = parse({ templateKeyValue: { name: 'Alice' } }, { apiVersion: '2019-08-21' });

    expect(result.success && result.data.strategyType).toBe(0);
  });

  it('accepts the same newer parameters under 2020-10-28', () => {
    expect(parse({ classification: '0', miChannelId: 'x', notifyLevel: { oppo: 2 } }).success).toBe(
      true,
    );
  });
});

describe('parsePushRequest: options', () => {
  it.each<[string, Partial<PushRequestOptions>]>([
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }],
    ['an invalid date', { now: new Date(Number.NaN) }],
    ['an empty configured appId', { appId: '' }],
    ['an empty configured workspaceId', { workspaceId: ' ' }],
    ['an unknown API version', { apiVersion: '2021-01-01' as PushRequestOptions['apiVersion'] }],
  ])('throws a RangeError for %s, a configuration bug', (_name, overrides) => {
    expect(() => parsePushRequest(request(), options(overrides))).toThrow(RangeError);
  });
});

describe('one schema for every request', () => {
  it('reads the options of each parse, one after another: the app and the msgKey seed', () => {
    const named = request({ appId: 'ONEX570DA89211721' });
    const ours = parsePushRequest(named, options());
    const other = parsePushRequest(named, options({ appId: 'ONEXOTHER' }));
    const defaulted = parsePushRequest(
      request({ appId: undefined }),
      options({ appId: 'ONEXTHIRD' }),
    );
    const seeded = (seed: string) =>
      parsePushRequest(request({ targetMsgkey: undefined, targets: ['u1'] }), {
        ...options(),
        msgKeySeed: seed,
      });

    expect(ours.success).toBe(true);
    expect(other.success).toBe(false);
    expect(defaulted.success && defaulted.data.appId).toBe('ONEXTHIRD');
    const [a, b] = [seeded('http:a'), seeded('http:b')];
    expect(a.success && b.success && a.data.targetMsgkey.u1 !== b.data.targetMsgkey.u1).toBe(true);
  });

  it('parses with the next options after a parse that threw', () => {
    const targets = request({ targetMsgkey: undefined, targets: ['u1'] });

    expect(() => parsePushRequest(targets, options())).toThrow(RangeError);
    const named = request({ appId: 'ONEX570DA89211721' });
    expect(parsePushRequest(named, options({ appId: 'ONEXOTHER' })).success).toBe(false);
    expect(parsePushRequest(named, options()).success).toBe(true);
  });
});
