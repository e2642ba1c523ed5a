import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import { signedPush, type TestCredentials } from '#test/local/helpers/emulator-client.ts';
import { useEmulator } from '#test/local/helpers/use-emulator.ts';

let emulator: Emulator;
let creds: TestCredentials;

useEmulator((started) => {
  emulator = started.emulator;
  creds = started.creds;
});

const targets = (count: number): string =>
  JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [`u${i}`, `m${i}`])));

const extended = (count: number): string =>
  JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 'v'])));

describe('the emulator PushTemplate rules', () => {
  it.each<[string, string, Record<string, string | undefined>]>([
    ['3003', 'NEED_APPID_WORKSPACEID', { AppId: undefined }],
    ['3003', 'NEED_APPID_WORKSPACEID', { WorkspaceId: '' }],
    ['8012', 'INVALID_INSTANCE_ID', { AppId: 'ONEXUNKNOWN' }],
    ['8012', 'INVALID_INSTANCE_ID', { WorkspaceId: 'prod' }],
    ['3009', 'DELIVERY_TYPE_NOT_SUPPORTED', { DeliveryType: '4' }],
    ['3009', 'DELIVERY_TYPE_NOT_SUPPORTED', { DeliveryType: undefined }],
    ['3028', 'INVALID_PARAM', { TargetMsgkey: '{user1024:' }],
    ['3028', 'INVALID_PARAM', { TemplateKeyValue: 'name=Ana' }],
    ['3028', 'INVALID_PARAM', { ExtendedParams: '{"a":' }],
    ['3028', 'INVALID_PARAM', { TargetMsgkey: '["u1"]' }],
    ['3028', 'INVALID_PARAM', { TargetMsgkey: '{"u1":42}' }],
    ['3021', 'TOKEN_OR_USERID_NULL', { TargetMsgkey: undefined }],
    ['3021', 'TOKEN_OR_USERID_NULL', { TargetMsgkey: '{}' }],
    ['3029', 'SINGLE_PUSH_TARGET_TOO_MUCH', { TargetMsgkey: targets(11) }],
    ['3020', 'EXPIREDSECONDS_WRONG', { ExpiredSeconds: '0' }],
    ['3020', 'EXPIREDSECONDS_WRONG', { ExpiredSeconds: '-5' }],
    ['3020', 'EXPIREDSECONDS_WRONG', { ExpiredSeconds: '1.5' }],
    ['3020', 'EXPIREDSECONDS_WRONG', { ExpiredSeconds: undefined }],
    ['3026', 'EXPIREDTIME_TOO_LONG', { ExpiredSeconds: String(72 * 3600 + 1) }],
    ['3025', 'NEED_TEMPLATE', { TemplateName: undefined }],
    ['3022', 'TEMPLATE_NOT_EXIST', { TemplateName: 'No such template' }],
    ['3019', 'TASKNAME_NULL', { TaskName: undefined }],
    ['3023', 'TEMPLATEKV_NOT_ENOUGH', { TemplateKeyValue: '{"name":"Ana"}' }],
    ['3023', 'TEMPLATEKV_NOT_ENOUGH', { TemplateKeyValue: undefined }],
    ['3028', 'INVALID_PARAM', { TemplateKeyValue: '{"name":"Ana","money":{"n":1}}' }],
    ['3028', 'INVALID_PARAM', { TemplateKeyValue: '"Ana"' }],
    ['3035', 'EXTEND_PARAM_TO_MUCH', { ExtendedParams: extended(21) }],
    ['3028', 'INVALID_PARAM', { ExtendedParams: '[1]' }],
    ['3028', 'INVALID_PARAM', { StrategyType: '3' }],
    ['3028', 'INVALID_PARAM', { StrategyType: '1' }],
  ])('answers %s %s for %j', async (code, name, overrides) => {
    // Act
    const answer = await signedPush(emulator.url, creds, overrides);

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/),
      ResultCode: code,
      ResultMessage: name,
      PushResult: { Success: false, ResultMsg: name, Data: '' },
    });
    expect(emulator.pushes()).toEqual([]);
  });

  it('accepts exactly 10 targets, 20 extended params and 72 hours of expiry', async () => {
    // Act
    const answer = await signedPush(emulator.url, creds, {
      TargetMsgkey: targets(10),
      ExtendedParams: extended(20),
      ExpiredSeconds: String(72 * 3600),
    });

    // Assess
    expect(answer.json).toMatchObject({ ResultCode: 'OK', PushResult: { Success: true } });
    expect(Object.keys(emulator.pushes()[0]?.params.TargetMsgkey ?? {})).toHaveLength(10);
  });

  it('renders every placeholder of the template, extra keys ignored', async () => {
    // Act
    await signedPush(emulator.url, creds, {
      TemplateName: 'template1024',
      TemplateKeyValue: JSON.stringify({ name: 'Bo', money: 5, unused: 'x' }),
    });

    // Assess
    expect(emulator.pushes()[0]).toMatchObject({
      title: 'Congratulations Bo',
      text: 'Hello Bo, congratulations on winning 5 yuan',
    });
  });

  it('answers a task id in PushResult.Data for a scheduled push and nothing for an immediate one', async () => {
    // Prepare
    const strategy = { StrategyType: '1', StrategyContent: '{"fixedTime":1735689600000}' };

    // Act
    const scheduled = await signedPush(emulator.url, creds, { Version: '2020-10-28', ...strategy });
    const immediate = await signedPush(emulator.url, creds, { StrategyType: '0' });

    // Assess
    expect(scheduled.json.PushResult).toEqual({
      Success: true,
      ResultMsg: 'success',
      Data: expect.stringMatching(/^\d{10}$/),
    });
    expect(immediate.json.PushResult).toEqual({ Success: true, ResultMsg: 'success', Data: '' });
    expect(emulator.pushes()[0]?.params.StrategyContent).toEqual({ fixedTime: 1735689600000 });
  });

  it('accepts every documented delivery type', async () => {
    // Act
    const answers = await Promise.all(
      ['1', '2', '3', '5', '6', '7'].map((type) =>
        signedPush(emulator.url, creds, { DeliveryType: type }),
      ),
    );

    // Assess
    expect(answers.map((a) => a.json.ResultCode)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'OK']);
  });
});

describe('the emulator with its own apps and templates', () => {
  it('knows only the configured apps and templates', async () => {
    // Prepare
    const dir = await mkdtemp(join(tmpdir(), 'emulator-templates-'));
    const file = join(dir, 'templates.json');
    const registry = { templates: [{ name: 'order-shipped', content: 'Your order has shipped' }] };
    await writeFile(file, JSON.stringify(registry));
    const custom = await startEmulator({
      apps: [{ appId: 'ONEXCUSTOM', workspaceId: 'prod' }],
      templatesFile: file,
    });
    const minted = custom.mintCredentials();
    const base = { AppId: 'ONEXCUSTOM', WorkspaceId: 'prod', TemplateKeyValue: '{}' };

    try {
      // Act
      const own = await signedPush(custom.url, minted, { ...base, TemplateName: 'order-shipped' });
      const defaultTemplate = await signedPush(custom.url, minted, base);
      const defaultApp = await signedPush(custom.url, minted, { TemplateName: 'order-shipped' });

      // Assess
      expect(own.json.ResultCode).toBe('OK');
      expect(custom.pushes()[0]?.text).toBe('Your order has shipped');
      expect(custom.pushes()[0]?.title).toBe('');
      expect(defaultTemplate.json.ResultCode).toBe('3022');
      expect(defaultApp.json.ResultCode).toBe('8012');
    } finally {
      await custom.close();
      await rm(dir, { recursive: true });
    }
  });
});
