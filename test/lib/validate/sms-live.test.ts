import { describe, expect, it } from 'vitest';
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

function parse(overrides: Record<string, unknown>): PushRequestResult {
  const base = {
    taskName: 'delivery',
    deliveryType: 3,
    targetMsgkey: { user1024: '1578807462788' },
    expiredSeconds: 300,
    templateName: 'delivery',
  };
  return parsePushRequest({ ...base, ...overrides }, OPTIONS);
}

function issuesOf(result: PushRequestResult): [string, string][] {
  return result.success ? [] : result.issues.map((issue) => [issue.field, issue.rule]);
}

const SMS = {
  smsSignName: 'mPaaS测试',
  smsTemplateCode: 'SMS_216070269',
  smsTemplateParam: '{"code":"1234"}',
};

describe('SMS supplement', () => {
  it.each([1, 2])(
    'accepts smsStrategy %i with signature, template code and parameters',
    (smsStrategy) => {
      const result = parse({ smsStrategy, ...SMS });

      expect(result.success && result.data).toMatchObject({
        smsStrategy,
        smsTemplateParam: { code: '1234' },
      });
    },
  );

  it.each([1, 2])('requires all three SMS parameters when smsStrategy is %i', (smsStrategy) => {
    const result = parse({ smsStrategy });

    expect(issuesOf(result)).toEqual([
      ['smsSignName', 'required-with-sms'],
      ['smsTemplateCode', 'required-with-sms'],
      ['smsTemplateParam', 'required-with-sms'],
    ]);
    expect(result.success || result.issues[0]?.message).toBe(
      `smsSignName: is required when smsStrategy is ${smsStrategy}: the SMS supplement needs a signature, template code and template parameters.`,
    );
  });

  it('refuses SMS parameters with smsStrategy 0, sent or defaulted, since no SMS would go out', () => {
    expect(issuesOf(parse({ smsStrategy: 0, smsSignName: 'mPaaS' }))).toEqual([
      ['smsSignName', 'sms-off'],
    ]);
    expect(issuesOf(parse({ smsTemplateCode: 'SMS_1', smsTemplateParam: { code: '1' } }))).toEqual([
      ['smsTemplateCode', 'sms-off'],
      ['smsTemplateParam', 'sms-off'],
    ]);
  });

  it('does not guess when smsStrategy itself is invalid', () => {
    expect(issuesOf(parse({ smsStrategy: 'yes', smsSignName: 'mPaaS' }))).toEqual([
      ['smsStrategy', 'integer'],
    ]);
  });

  it('checks smsTemplateParam as a map', () => {
    expect(issuesOf(parse({ smsStrategy: 1, ...SMS, smsTemplateParam: '{"code":[1]}' }))).toEqual([
      ['smsTemplateParam.code', 'value-type'],
    ]);
  });
});

describe('Live Activity pushes (deliveryType 5 and 6)', () => {
  it.each([5, 6])('accepts an update with a content state for deliveryType %i', (deliveryType) => {
    const result = parse({
      deliveryType,
      activityEvent: 'update',
      activityContentState: '{"eta":5}',
    });

    expect(result.success && result.data).toMatchObject({
      activityEvent: 'update',
      activityContentState: { eta: 5 },
    });
  });

  it('accepts an end with a dismissalDate in seconds', () => {
    const result = parse({ deliveryType: 6, activityEvent: 'end', dismissalDate: '1795766400' });

    expect(result.success && result.data.dismissalDate).toBe(1795766400);
  });

  it('requires activityEvent', () => {
    const result = parse({ deliveryType: 5, activityContentState: { eta: 5 } });

    expect(issuesOf(result)).toEqual([['activityEvent', 'required-for-live-activity']]);
  });

  it('requires a content state for an update', () => {
    expect(issuesOf(parse({ deliveryType: 5, activityEvent: 'update' }))).toEqual([
      ['activityContentState', 'required-for-update'],
    ]);
  });

  it('refuses a dismissalDate on an update, where it means nothing', () => {
    expect(
      issuesOf(
        parse({
          deliveryType: 5,
          activityEvent: 'update',
          activityContentState: {},
          dismissalDate: 1795766400,
        }),
      ),
    ).toEqual([['dismissalDate', 'end-only']]);
  });

  it('refuses a dismissalDate in milliseconds, saying so', () => {
    const result = parse({ deliveryType: 5, activityEvent: 'end', dismissalDate: 1795766400000 });

    expect(issuesOf(result)).toEqual([['dismissalDate', 'seconds']]);
    expect(result.success || result.issues[0]?.message).toBe(
      "dismissalDate: must be a Unix timestamp in seconds (10 digits, as Apple's dismissal-date); got the number 1795766400000; this one looks like milliseconds.",
    );
  });

  it.each([
    [1.5, 'integer'],
    ['1795766400.0', 'integer'],
    [-1, 'seconds'],
    [0, 'seconds'],
    [12345, 'seconds'],
    [99999999999, 'seconds'],
  ])('refuses dismissalDate %j (rule %s)', (dismissalDate, rule) => {
    expect(issuesOf(parse({ deliveryType: 5, activityEvent: 'end', dismissalDate }))).toEqual([
      ['dismissalDate', rule],
    ]);
  });

  it('refuses an activityEvent other than update or end', () => {
    expect(issuesOf(parse({ deliveryType: 5, activityEvent: 'start' }))).toEqual([
      ['activityEvent', 'one-of'],
    ]);
  });

  it('refuses Live Activity parameters with any other deliveryType, since mPaaS would ignore them', () => {
    const result = parse({
      deliveryType: 2,
      activityEvent: 'end',
      activityContentState: {},
      dismissalDate: 1795766400,
    });

    expect(issuesOf(result)).toEqual([
      ['activityContentState', 'live-activity-only'],
      ['activityEvent', 'live-activity-only'],
      ['dismissalDate', 'live-activity-only'],
    ]);
    expect(result.success || result.issues[1]?.message).toBe(
      'activityEvent: is only for Live Activity pushes (deliveryType 5 pushToken or 6 activityId); with deliveryType 2 mPaaS would ignore it.',
    );
  });

  it('says nothing about Live Activity parameters when deliveryType itself is invalid', () => {
    expect(issuesOf(parse({ deliveryType: 9, activityEvent: 'end' }))).toEqual([
      ['deliveryType', 'one-of'],
    ]);
  });
});
