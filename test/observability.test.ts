import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import { type BuiltHandler, builtHandler } from '#test/helpers/built.ts';
import { emulatorEnv } from '#test/helpers/emulator.ts';
import { captureStdout, docsExample, fcContext, fixture, jsonPushEvent } from '#test/helpers/fc.ts';

const METRICS = [
  'records',
  'invalid',
  'ignored',
  'targets',
  'sent',
  'refused',
  'throttled',
  'failed',
  'retried',
  'replayed',
  'dispatched',
] as const;

let emulator: Emulator;
const handlers: Record<string, BuiltHandler> = {};
const stdout: string[] = [];
const secrets: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  for (const [name, value] of Object.entries(emulatorEnv(emulator.url))) vi.stubEnv(name, value);
  vi.stubEnv('MPAAS_RETRY_BASE_MS', '5');
  vi.stubEnv('MPAAS_RETRY_CAP_MS', '10');
  vi.stubEnv('MPAAS_RETRY_ATTEMPTS', '2');
  for (const name of ['http-push', 'mns-push', 'event-push', 'timer-push'])
    handlers[name] = await builtHandler(name);
  captureStdout(stdout);
});
afterAll(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await emulator.close();
});

/** Invokes a built function as FC would, with fresh role credentials; a throw is a result too. */
async function invoke(name: string, event: Buffer | string): Promise<unknown> {
  const credentials = emulator.mintCredentials();
  secrets.push(credentials.accessKeySecret, credentials.securityToken);
  try {
    return await handlers[name]?.(Buffer.from(event), fcContext(credentials));
  } catch (error) {
    return error;
  }
}

const pairs = (count: number, prefix: string) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, `${prefix}-m${i}`]));
const json = (value: unknown) => JSON.stringify(value);

async function mixedWorkload(): Promise<void> {
  await invoke('http-push', jsonPushEvent(docsExample({ targetMsgkey: pairs(12, 'h') })));
  await invoke('http-push', jsonPushEvent(docsExample({ deliveryType: 9 })));
  await invoke('http-push', jsonPushEvent(docsExample({ templateName: 'missing' })));
  emulator.setFaults([{ type: 'gateway', code: 'Throttling.User', times: 2 }]);
  await invoke('http-push', jsonPushEvent(docsExample({ targetMsgkey: pairs(3, 't') })));
  await invoke(
    'mns-push',
    json({
      ...fixture('mns-topic/json.json'),
      MessageId: 'obs-1',
      Message: json(docsExample({ targetMsgkey: pairs(2, 'm') })),
    }),
  );
  await invoke('mns-push', 'hello topic');
  const [element] = fixture<Array<Record<string, unknown>>>('eventbridge/mns-queue-batch.json');
  await invoke(
    'event-push',
    json([
      {
        ...element,
        id: 'obs-e1',
        data: { messageBody: json(docsExample({ targetMsgkey: pairs(25, 'e') })) },
      },
      { ...element, id: 'obs-e2', data: { messageBody: 'TEST' } },
      { ...fixture('eventbridge/default-bus.json'), id: 'obs-e3' },
    ]),
  );
  emulator.setFaults([{ type: 'result', resultCode: '8011', times: 4 }]);
  await invoke(
    'timer-push',
    json({
      triggerName: 'obs',
      triggerTime: '2026-11-26T00:00:00Z',
      payload: json(docsExample({ targetMsgkey: undefined, targets: ['x', 'y'] })),
    }),
  );
}

describe('observability', () => {
  it('accounts for every record and target on one summary line per invocation, and never logs a credential', async () => {
    await mixedWorkload();

    const lines = stdout.join('').trim().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const summaries = entries.filter((entry) => entry.message === 'invocation finished');
    const invocations = new Set(entries.map((entry) => entry.requestId));
    expect(summaries).toHaveLength(8);
    expect(new Set(summaries.map((entry) => entry.requestId)).size).toBe(invocations.size);
    for (const summary of summaries) {
      for (const metric of METRICS)
        expect(summary[metric], `${metric} of ${summary.function}`).toEqual(expect.any(Number));
      const targets = Number(summary.targets);
      const accounted = ['sent', 'refused', 'throttled', 'failed', 'replayed', 'dispatched'].reduce(
        (sum, key) => sum + Number(summary[key]),
        0,
      );
      expect(accounted, `targets of ${summary.function} ${summary.requestId}`).toBe(targets);
      expect(summary).toMatchObject({
        latencyMs: expect.any(Number),
        coldStart: expect.any(Boolean),
        trigger: expect.any(String),
      });
    }
    const total = (metric: (typeof METRICS)[number]) =>
      summaries.reduce((sum, entry) => sum + Number(entry[metric]), 0);
    expect(total('records')).toBe(4 + 2 + 3 + 1);
    expect(total('invalid')).toBe(1 + 1 + 1);
    expect(total('ignored')).toBe(1);
    expect(total('targets')).toBe(12 + 1 + 3 + 2 + 25 + 2);
    expect(total('refused')).toBe(1);
    // the 3-target HTTP push and the 2-target timer push stay throttled after their 2 attempts
    expect(total('throttled')).toBe(3 + 2);
    expect(total('retried')).toBe(2);
    const delivered = emulator
      .pushes()
      .reduce((sum, push) => sum + Object.keys(push.params.TargetMsgkey as object).length, 0);
    expect(total('sent')).toBe(delivered);
    expect(delivered).toBe(12 + 2 + 25);

    const recordIds = new Set(entries.map((entry) => entry.recordId).filter(Boolean));
    for (const id of ['mns:obs-1', 'obs-e1', 'obs-e2', 'obs-e3', 'obs@2026-11-26T00:00:00Z']) {
      expect(
        [...recordIds].some((recordId) => String(recordId).includes(id.replace('mns:', ''))),
        id,
      ).toBe(true);
    }

    const all = lines.join('\n');
    for (const secret of secrets) {
      for (const form of [
        secret,
        encodeURIComponent(secret),
        encodeURIComponent(encodeURIComponent(secret)),
      ]) {
        expect(all.includes(form)).toBe(false);
      }
    }
    expect(all).not.toMatch(/Signature=[^[&"]/);
  });
});
