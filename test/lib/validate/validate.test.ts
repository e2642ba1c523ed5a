/**
 * The validate stage: the function's rules in, a validated request or a ValidationError out.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#lib/shared/errors.ts';
import { type ValidationRules, validatePush } from '#lib/validate/validate.ts';

const RULES: ValidationRules = {
  appId: 'ONEX570DA89211721',
  workspaceId: 'default',
  apiVersion: '2020-10-28',
  timeZone: 'Asia/Shanghai',
  maxTargets: 100,
};

const NOW = new Date('2026-11-26T17:30:00Z');

const BODY = {
  taskName: 'order shipped',
  deliveryType: 3,
  targetMsgkey: { user1024: '1578807462788' },
  expiredSeconds: 300,
  templateName: 'order_shipped',
};

describe('validatePush', () => {
  it('returns the request with the configured app and workspace and the documented defaults', () => {
    // Act
    const request = validatePush(BODY, RULES, 'http:order-42', NOW);

    // Assess
    expect(request).toStrictEqual({
      ...BODY,
      appId: 'ONEX570DA89211721',
      workspaceId: 'default',
      classification: '1',
      strategyType: 0,
      smsStrategy: 0,
    });
  });

  it('reads an empty configured appId and workspaceId as not configured, so the request names them', () => {
    const rules = { ...RULES, appId: '', workspaceId: '' };

    const request = validatePush(
      { ...BODY, appId: 'ONEXAPP', workspaceId: 'test' },
      rules,
      'http:order-42',
      NOW,
    );

    expect([request.appId, request.workspaceId]).toEqual(['ONEXAPP', 'test']);
  });

  it('derives the msgKeys of targets from the seed, the same for the same seed', () => {
    const { targetMsgkey: _, ...body } = BODY;
    const first = validatePush({ ...body, targets: ['user1'] }, RULES, 'http:order-42', NOW);
    const again = validatePush({ ...body, targets: ['user1'] }, RULES, 'http:order-42', NOW);
    const other = validatePush({ ...body, targets: ['user1'] }, RULES, 'http:order-43', NOW);

    expect(first.targetMsgkey).toEqual(again.targetMsgkey);
    expect(first.targetMsgkey.user1).not.toBe(other.targetMsgkey.user1);
  });

  it('judges the time rules at the given now', () => {
    const body = {
      ...BODY,
      strategyType: 1,
      StrategyContent: { fixedTime: Date.parse('2026-11-27T00:00:00Z') },
    };

    expect(validatePush(body, RULES, 'http:order-42', NOW).strategyContent).toEqual(
      body.StrategyContent,
    );
    expect(() =>
      validatePush(body, RULES, 'http:order-42', new Date('2026-11-28T00:00:00Z')),
    ).toThrow(ValidationError);
  });

  it('throws a ValidationError that lists every broken rule', () => {
    // Prepare: a request for another app, with a comma in its template name
    const body = { ...BODY, appId: 'ONEXOTHER', templateName: 'a,b' };

    // Act
    const act = () => validatePush(body, RULES, 'http:order-42', NOW);

    // Assess
    expect(act).toThrow(ValidationError);
    expect(act).toThrow(
      expect.objectContaining({
        issues: [
          {
            field: 'appId',
            rule: 'configured-app',
            message:
              'appId: this function is configured for app ONEX570DA89211721; a request for another app is refused.',
          },
          {
            field: 'templateName',
            rule: 'no-comma',
            message:
              'templateName: must not contain a comma (the mPaaS docs: template names cannot contain commas).',
          },
        ],
      }),
    );
  });
});
