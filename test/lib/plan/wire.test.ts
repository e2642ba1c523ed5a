import { describe, expect, it } from 'vitest';
import { toWireParams } from '#lib/plan/wire.ts';

describe('toWireParams', () => {
  const request = {
    taskName: 'template test',
    appId: 'ONEX570DA89211721',
    workspaceId: 'default',
    deliveryType: 3,
    targetMsgkey: { user1024: '1578807462788' },
    expiredSeconds: 300,
    templateName: 'template1024',
    templateKeyValue: { name: 'Alice', money: 200 },
    classification: '1',
    strategyType: 0,
    smsStrategy: 0,
    notifyType: undefined,
    extendedParams: null,
  };

  it('uses PascalCase wire names, string values and JSON for maps', () => {
    expect(toWireParams(request, '2020-10-28')).toEqual({
      TaskName: 'template test',
      AppId: 'ONEX570DA89211721',
      WorkspaceId: 'default',
      DeliveryType: '3',
      TargetMsgkey: '{"user1024":"1578807462788"}',
      ExpiredSeconds: '300',
      TemplateName: 'template1024',
      TemplateKeyValue: '{"name":"Alice","money":200}',
      Classification: '1',
      StrategyType: '0',
      SmsStrategy: '0',
    });
  });

  it('drops undefined and null instead of sending the strings "undefined" and "null"', () => {
    const wire = toWireParams(request, '2020-10-28');

    expect(Object.values(wire)).not.toContain('undefined');
    expect(Object.values(wire)).not.toContain('null');
    expect(wire).not.toHaveProperty('NotifyType');
  });

  it('leaves out the fields the 2019-08-21 model does not have', () => {
    const wire = toWireParams(request, '2019-08-21');

    expect(wire).not.toHaveProperty('Classification');
    expect(wire).not.toHaveProperty('StrategyType');
    expect(wire).not.toHaveProperty('SmsStrategy');
    expect(wire.TemplateName).toBe('template1024');
  });

  it('leaves out every field only the 2020-10-28 model has, and keeps the shared ones', () => {
    // reference mpaas-openapi.md §5.2: the 2019-08-21 PushTemplateRequest has none of these
    const only2020 = {
      classification: '1',
      strategyType: 1,
      strategyContent: { fixedTime: 1 },
      smsStrategy: 1,
      smsSignName: 's',
      smsTemplateCode: 'c',
      smsTemplateParam: { a: 1 },
      thirdChannelCategory: { hw: 1 },
      notifyLevel: { hw: 1 },
      miChannelId: 'm',
      activityEvent: 'update',
      activityContentState: { x: 1 },
      dismissalDate: 1_700_000_000,
    };
    const shared = {
      taskName: 't',
      appId: 'A',
      workspaceId: 'W',
      deliveryType: 3,
      targetMsgkey: { u: 'm' },
      expiredSeconds: 300,
      templateName: 'n',
      templateKeyValue: { a: 1 },
      extendedParams: { b: 2 },
      notifyType: 'notify',
    };
    const both = { ...shared, ...only2020 };

    const old = toWireParams(both, '2019-08-21');
    const current = toWireParams(both, '2020-10-28');

    expect(Object.keys(old).sort()).toEqual(Object.keys(toWireParams(shared, '2020-10-28')).sort());
    expect(Object.keys(current)).toHaveLength(Object.keys(both).length);
  });
});
