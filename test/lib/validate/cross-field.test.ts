/**
 * Rules between fields: the configured app, the two strategy spellings, the SMS supplement and
 * Live Activity parameters, with the sentences a caller reads; and API version 2019-08-21.
 */
import { describe, expect, it } from 'vitest';
import type { PushRequestResult } from '#lib/validate/push-request.ts';
import { parse } from './request.ts';

/** [field, rule, message] triples, in the order reported. */
function issuesOf(result: PushRequestResult): [string, string, string][] {
  return result.success ? [] : result.issues.map((i) => [i.field, i.rule, i.message]);
}

const unconfigured = { appId: undefined, workspaceId: undefined };

describe('cross-field rules: the sentences a caller reads', () => {
  it('asks for the strategy once when both spellings are sent', () => {
    const content = { fixedTime: Date.parse('2026-11-28T02:00:00Z') };

    expect(
      issuesOf(parse({ strategyType: 1, StrategyContent: content, strategyContent: content })),
    ).toEqual([
      [
        'strategyContent',
        'one-spelling',
        'strategyContent: must not be sent together with StrategyContent; send the strategy once.',
      ],
    ]);
  });

  it('requires appId and workspaceId when the function has none configured, saying so', () => {
    expect(issuesOf(parse({}, unconfigured))).toEqual([
      ['appId', 'required', 'appId: is required: this function has no app configured.'],
      [
        'workspaceId',
        'required',
        'workspaceId: is required: this function has no workspace configured.',
      ],
    ]);
  });

  it('reports only the type of an appId that is not a string, not that it is missing', () => {
    expect(issuesOf(parse({ appId: 5, workspaceId: 'test' }, unconfigured))).toEqual([
      ['appId', 'type', 'appId: must be a string; got the number 5.'],
    ]);
  });

  it('explains that SMS parameters are ignored without an SMS strategy', () => {
    expect(issuesOf(parse({ smsSignName: 'mPaaS测试' }))).toEqual([
      [
        'smsSignName',
        'sms-off',
        'smsSignName: must be absent when smsStrategy is 0 (no SMS, the default): mPaaS would send no SMS; set smsStrategy to 1 or 2.',
      ],
    ]);
  });

  it('asks a Live Activity push whether it updates or ends the activity', () => {
    expect(issuesOf(parse({ deliveryType: 5 }))).toEqual([
      [
        'activityEvent',
        'required-for-live-activity',
        'activityEvent: is required when deliveryType is 5: a Live Activity push either updates ("update") or ends ("end") the activity.',
      ],
    ]);
  });

  it('asks an update for its content state and refuses a dismissalDate on it, saying why', () => {
    const result = parse({ deliveryType: 6, activityEvent: 'update', dismissalDate: 1795766400 });

    expect(issuesOf(result)).toEqual([
      [
        'activityContentState',
        'required-for-update',
        'activityContentState: is required when activityEvent is "update": an ActivityKit update carries the new content state.',
      ],
      [
        'dismissalDate',
        'end-only',
        'dismissalDate: only applies when activityEvent is "end": it says when the system removes an ended Live Activity.',
      ],
    ]);
  });
});

describe('API version 2019-08-21', () => {
  it.each([5, 6])(
    'refuses a Live Activity push (deliveryType %i), naming the version to use',
    (deliveryType) => {
      const result = parse({ deliveryType }, { apiVersion: '2019-08-21' });

      expect(issuesOf(result)).toEqual([
        [
          'deliveryType',
          'api-version',
          `deliveryType: is ${deliveryType}, a Live Activity push, which needs activityEvent and activityContentState; API version 2019-08-21 has neither, so the request is refused: use API version 2020-10-28.`,
        ],
      ]);
    },
  );
});
