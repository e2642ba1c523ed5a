import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import { type BuiltHandler, builtHandler } from '#test/helpers/built.ts';
import {
  clearFaults,
  clearPushes,
  emulatorEnv,
  injectFaults,
  mint,
  pushes,
} from '#test/helpers/emulator.ts';
import {
  type Credentials,
  captureStdout,
  docsExample,
  fcContext,
  fixture,
} from '#test/helpers/fc.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/events');

let emulator: Emulator;
let credentials: Credentials;
const stdout: string[] = [];
const handlers: Record<string, BuiltHandler> = {};

beforeAll(async () => {
  emulator = await startEmulator();
  for (const name of ['mns-push', 'event-push', 'timer-push', 'push-worker'])
    handlers[name] = await builtHandler(name);
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  for (const [name, value] of Object.entries(emulatorEnv(emulator.url))) vi.stubEnv(name, value);
  credentials = await mint(emulator.url);
  stdout.length = 0;
  captureStdout(stdout);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await clearPushes(emulator.url);
  await clearFaults(emulator.url);
});

type Summary = {
  records: number;
  sent: number;
  invalid: number;
  refused: number;
  ignored: number;
  retryable: number;
};

async function run(name: string, event: Buffer | string, requestId?: string): Promise<Summary> {
  const context = fcContext(credentials, 30, requestId);
  return (await handlers[name]?.(Buffer.from(event), context)) as Summary;
}

function logs(): Array<Record<string, unknown>> {
  return stdout
    .join('')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const push = (msgKey: string, extra: Record<string, unknown> = {}) =>
  docsExample({ targetMsgkey: { user1024: msgKey }, ...extra });
const json = (value: unknown) => JSON.stringify(value);
const base64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
const sentKeys = async () =>
  (await pushes(emulator.url)).map((p) => Object.values(p.params.TargetMsgkey as object)[0]);

describe('mns-push', () => {
  it('sends the request in a JSON-format notification and logs its MessageId', async () => {
    const event = { ...fixture('mns-topic/json.json'), Message: json(push('mns-json')) };

    const summary = await run('mns-push', json(event));

    expect(summary).toMatchObject({ records: 1, sent: 1 });
    expect(await sentKeys()).toEqual(['mns-json']);
    expect(logs().find((line) => line.message === 'push finished')?.recordId).toBe(
      '2F5B3C082B923D4EAC694B76D928****',
    );
  });

  it('sends a JSON-format notification whose attributes are merged at the top level', async () => {
    const event = {
      ...fixture('mns-topic/json-with-attributes.json'),
      MessageId: 'attributes-message-1',
      Message: json(push('mns-attrs')),
    };

    expect(await run('mns-push', json(event))).toMatchObject({ sent: 1 });
  });

  it('sends a STREAM body that is the request, or base64 of it', async () => {
    await run('mns-push', json(push('stream-raw')));
    await run('mns-push', base64(push('stream-b64')));

    expect(await sentKeys()).toEqual(['stream-raw', 'stream-b64']);
  });

  it('sends a body in base64 wrapped at 76 characters with CRLF, from a queue and a topic (#9)', async () => {
    const mime = (value: unknown) => (base64(value).match(/.{1,76}/g) ?? []).join('\r\n');
    const message = {
      ...fixture('mns-topic/json.json'),
      MessageId: 'mime-topic-1',
      Message: mime(push('mime-topic', { taskName: 't'.repeat(150) })),
    };
    const queue = {
      ...fixture('eventbridge/mns-queue-single.json'),
      id: 'mime-queue-1',
      data: { messageBody: mime(push('mime-queue', { taskName: 'q'.repeat(150) })) },
    };

    await run('mns-push', json(message));
    await run('event-push', json(queue));

    expect(await sentKeys()).toEqual(['mime-topic', 'mime-queue']);
  });

  it('sends a STREAM body with attributes ({body, attrs})', async () => {
    const event = {
      ...fixture('mns-topic/stream-with-attributes.json'),
      body: base64(push('stream-attrs')),
    };

    expect(await run('mns-push', json(event))).toMatchObject({ sent: 1 });
    expect(await sentKeys()).toEqual(['stream-attrs']);
  });

  it('counts a push that RAM denies as an operator error, and throws so the message is redelivered', async () => {
    await injectFaults(emulator.url, [{ type: 'gateway', code: 'Forbidden.RAM' }]);
    const event = {
      ...fixture('mns-topic/json.json'),
      MessageId: 'ram-denied-1',
      Message: json(push('ram')),
    };

    await expect(run('mns-push', json(event))).rejects.toThrow(/ram-denied-1 \(Forbidden.RAM\)/);

    const batch = logs().find((line) => line.message === 'batch processed');
    expect(batch).toMatchObject({
      retryable: 1,
      results: [{ outcome: 'error', code: 'Forbidden.RAM' }],
    });
  });

  it('counts a call too large for the gateway as the request refused: logged, not retried (#9)', async () => {
    await injectFaults(emulator.url, [
      { type: 'gateway', code: 'RequestEntityTooLarge', status: 413 },
    ]);
    const event = {
      ...fixture('mns-topic/json.json'),
      MessageId: 'too-large-1',
      Message: json(push('too-large')),
    };

    const summary = await run('mns-push', json(event));

    expect(summary).toMatchObject({
      records: 1,
      refused: 1,
      retryable: 0,
      results: [{ outcome: 'refused', code: 'RequestEntityTooLarge' }],
    });
  });

  it('never acknowledges a message that mPaaS refuses for the deployment (8012): it throws, and the redelivery after the fix sends it', async () => {
    await injectFaults(emulator.url, [
      { type: 'result', resultCode: '8012', resultMessage: 'INVALID_INSTANCE_ID' },
    ]);
    const event = {
      ...fixture('mns-topic/json.json'),
      MessageId: 'wrong-app-1',
      Message: json(push('wrong-app')),
    };

    await expect(run('mns-push', json(event))).rejects.toThrow(/wrong-app-1 \(8012\)/);
    const batch = logs().find((line) => line.message === 'batch processed');
    expect(batch).toMatchObject({ refused: 0, results: [{ outcome: 'error', code: '8012' }] });

    const redelivered = await run('mns-push', json(event));

    expect(redelivered).toMatchObject({ sent: 1, refused: 0 });
    // The emulator records only accepted pushes: the refused first call left no record.
    expect(await sentKeys()).toEqual(['wrong-app']);
  });

  it('counts the published samples (hello topic) as invalid without throwing or sending', async () => {
    const stream = await run(
      'mns-push',
      readFileSync(path.join(fixtures, 'mns-topic/stream.txt')),
      'req-stream',
    );
    const jsonFormat = await run('mns-push', json(fixture('mns-topic/json.json')));

    expect(stream).toMatchObject({ records: 1, invalid: 1, sent: 0 });
    expect(jsonFormat).toMatchObject({ invalid: 1 });
    expect(await pushes(emulator.url)).toHaveLength(0);
    expect(logs().find((line) => line.message === 'record invalid')?.recordId).toBe('req-stream');
  });
});

describe('event-push', () => {
  it('sends every message of an MNS queue batch (event-streaming)', async () => {
    const [first, second] = fixture<Array<Record<string, unknown>>>(
      'eventbridge/mns-queue-batch.json',
    );
    const batch = [
      { ...first, data: { messageBody: json(push('queue-1')) } },
      { ...second, data: { messageBody: base64(push('queue-2')) } },
    ];

    const summary = await run('event-push', json(batch));

    expect(summary).toMatchObject({ records: 2, sent: 2 });
    expect((await sentKeys()).sort()).toEqual(['queue-1', 'queue-2']);
  });

  it('sends a batch whose elements arrive as JSON strings (Alibaba sample), from the event bus', async () => {
    const [element = ''] = fixture<string[]>('eventbridge/kafka-batch-of-strings.json');
    const asString = json({
      ...JSON.parse(element),
      source: 'app.mpaas.push',
      data: push('as-string'),
    });

    const summary = await run('event-push', json([asString]));
    const published = await run(
      'event-push',
      json(fixture('eventbridge/kafka-batch-of-strings.json')),
    );

    expect(summary).toMatchObject({ records: 1, sent: 1 });
    expect(published).toMatchObject({ records: 1, ignored: 1 });
    expect(await sentKeys()).toEqual(['as-string']);
  });

  it('sends the message of a single CloudEvent (event-driven mode)', async () => {
    const single = {
      ...fixture('eventbridge/mns-queue-single.json'),
      id: 'single-event-1',
      data: { messageBody: json(push('single')) },
    };

    const summary = await run('event-push', json(single));

    expect(summary).toMatchObject({ records: 1, sent: 1 });
    expect(await sentKeys()).toEqual(['single']);
    const sentLine = logs().find((line) => line.message === 'push finished');
    expect(sentLine?.recordId).toBe('MNS-Function-mnstrigger/single-event-1');
  });

  it('sends a push request published on the event bus, and ignores other services events', async () => {
    const busEvent = {
      ...fixture('eventbridge/default-bus.json'),
      source: 'my.app',
      type: 'push:Requested',
      data: push('bus'),
    };

    const sent = await run('event-push', json(busEvent));
    const meeting = await run('event-push', json(fixture('eventbridge/default-bus.json')));

    expect(sent).toMatchObject({ sent: 1 });
    expect(meeting).toMatchObject({ records: 1, ignored: 1, sent: 0 });
    expect(
      logs().some(
        (line) => line.message === 'event ignored' && String(line.reason).includes('acs:aliyuncvc'),
      ),
    ).toBe(true);
  });

  it('sends a push request from the custom bus, as its rule delivers it (#13)', async () => {
    const event = {
      ...fixture('eventbridge/custom-bus-constructed.json'),
      id: 'custom-bus-1',
      time: new Date().toISOString(),
      data: push('custom-bus'),
    };

    expect(await run('event-push', json(event))).toMatchObject({ records: 1, sent: 1 });
    expect(await sentKeys()).toEqual(['custom-bus']);
  });

  it('keeps apart two events whose source and id join to the same text (#9)', async () => {
    const bus = { ...fixture('eventbridge/default-bus.json'), type: 'push:Requested' };
    const first = { ...bus, source: 'app.mpaas.push/a', id: '1', data: push('join-1') };
    const second = { ...bus, source: 'app.mpaas.push', id: 'a/1', data: push('join-2') };

    const summary = await run('event-push', json([first, second]));

    expect(summary).toMatchObject({ records: 2, sent: 2 });
    expect((await sentKeys()).sort()).toEqual(['join-1', 'join-2']);
  });

  it('sends a scheduled push whose first delivery failed, when it comes back after its time (#9)', async () => {
    // the case: fixedTime 700 ms ahead, Forbidden.RAM at first, redelivered a second later
    const fixedTime = Date.now() + 700;
    const event = {
      ...fixture('eventbridge/mns-queue-single.json'),
      id: 'late-schedule-1',
      time: new Date().toISOString(),
      data: {
        messageBody: json(push('late-1', { strategyType: 1, StrategyContent: { fixedTime } })),
      },
    };
    await injectFaults(emulator.url, [{ type: 'gateway', code: 'Forbidden.RAM' }]);

    await expect(run('event-push', json(event))).rejects.toThrow(/Forbidden.RAM/);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    stdout.length = 0;
    const again = await run('event-push', json(event));

    expect(again).toMatchObject({ records: 1, sent: 1 });
    const [sent] = await pushes(emulator.url);
    expect(sent?.params).toMatchObject({ StrategyType: '0' });
    expect(sent?.params.StrategyContent).toBeUndefined();
    expect(logs()).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'schedule caught up',
        change: expect.stringMatching(/passed before this delivery; sent now/),
      }),
    );
  });

  it('processes the whole batch: sends the good, counts the invalid, and throws naming the throttled', async () => {
    const [element] = fixture<Array<Record<string, unknown>>>('eventbridge/mns-queue-batch.json');
    const event = (id: string, body: string) => ({ ...element, id, data: { messageBody: body } });
    const batch = [
      event('ok-1', json(push('b-1'))),
      event('bad', json(push('b-bad', { deliveryType: 9 }))),
      event('throttled', json(push('b-throttled'))),
      event('ok-2', json(push('b-2'))),
    ];
    // Records are sent 4 at a time, so which valid record mPaaS throttles depends on arrival order.
    // One attempt per chunk here, so the throttled call is not retried within the invocation.
    vi.stubEnv('MPAAS_RETRY_ATTEMPTS', '1');
    await injectFaults(emulator.url, [{ type: 'gateway', code: 'Throttling.User' }]);

    const outcome = run('event-push', json(batch));

    await expect(outcome).rejects.toThrow(
      /^1 of 4 records must be retried: [^,]+ \(Throttling.User\)$/,
    );
    expect(await pushes(emulator.url)).toHaveLength(2);
    const summaryLine = logs().find((line) => line.message === 'batch processed');
    expect(summaryLine).toMatchObject({ records: 4, sent: 2, invalid: 1, retryable: 1 });
  });

  it('logs a permanent refusal with its mPaaS code and does not throw', async () => {
    const [element] = fixture<Array<Record<string, unknown>>>('eventbridge/mns-queue-batch.json');
    const event = {
      ...element,
      id: 'refused-1',
      data: { messageBody: json(push('refused', { templateName: 'missing' })) },
    };

    const summary = await run('event-push', json([event]));

    expect(summary).toMatchObject({ refused: 1, retryable: 0 });
    expect(summary).toMatchObject({
      results: [{ id: expect.stringContaining('refused-1'), outcome: 'refused', code: '3022' }],
    });
    expect(logs().find((line) => line.message === 'push finished')).toMatchObject({
      refused: 1,
      sent: 0,
    });
  });
});

describe('timer-push', () => {
  const firing = (payload: unknown, triggerTime = '2023-12-26T07:49:00Z') =>
    json({
      ...fixture<Record<string, unknown>>('timer/doc-sample.json'),
      triggerTime,
      payload: json(payload),
    });

  it('derives msgKeys from the firing: a redelivered firing is not sent again, the next firing is', async () => {
    const first = await run('timer-push', firing(push('ignored')));
    const again = await run('timer-push', firing(push('ignored')));
    await run('timer-push', firing(push('ignored'), '2023-12-26T07:50:00Z'));

    const keys = await sentKeys();
    expect(first).toMatchObject({ sent: 1, replayed: 0 });
    expect(again).toMatchObject({ sent: 1, replayed: 1 });
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys[0]).not.toBe('ignored');
  });

  it('sends every request of an array payload', async () => {
    const summary = await run(
      'timer-push',
      firing([push('a'), { ...push('b'), targetMsgkey: undefined, targets: ['u2', 'u3'] }]),
    );

    expect(summary).toMatchObject({ records: 2, sent: 2 });
  });

  it('counts the published sample payload (awesome-fc) as invalid', async () => {
    expect(await run('timer-push', json(fixture('timer/doc-sample.json')))).toMatchObject({
      invalid: 1,
      sent: 0,
    });
  });

  it('throws when the function has no role, so the firing is retried once it has one', async () => {
    const context = fcContext(undefined);

    await expect(handlers['timer-push']?.(Buffer.from(firing(push('x'))), context)).rejects.toThrow(
      /MissingRoleCredentials/,
    );
    expect(await pushes(emulator.url)).toHaveLength(0);
  });
});

describe('push-worker', () => {
  it('checks a batch against the time its request was validated, so a retried scheduled push still goes out', async () => {
    const now = Date.now();
    const request = push('scheduled', {
      appId: 'ONEX570DA89211721',
      workspaceId: 'test',
      strategyType: 1,
      StrategyContent: { fixedTime: now - 30 * 60_000 },
    });
    const envelope = (validatedAt: number) =>
      json({
        dispatchId: `sched-${validatedAt}`,
        batchIndex: 0,
        batchCount: 1,
        validatedAt: new Date(validatedAt).toISOString(),
        request,
      });

    const onTime = await run('push-worker', envelope(now - 60 * 60_000));
    const late = await run('push-worker', envelope(now));

    expect(onTime).toMatchObject({ records: 1, sent: 1 });
    expect(late).toMatchObject({ records: 1, invalid: 1 });
    expect(await sentKeys()).toEqual(['scheduled']);
  });

  it('does not send a batch validated longer ago than the idempotency TTL, and dead-letters it (#9)', async () => {
    const old = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const batch = json({
      dispatchId: 'stale-1',
      batchIndex: 0,
      batchCount: 1,
      validatedAt: old,
      request: push('stale'),
    });

    // thrown, so FC retries the batch and then hands it to the dead-letter queue
    await expect(run('push-worker', batch)).rejects.toThrow(/StaleBatch/);

    expect(logs()).toContainEqual(
      expect.objectContaining({
        message: 'batch processed',
        results: [expect.objectContaining({ outcome: 'error', code: 'StaleBatch' })],
      }),
    );
    expect(await pushes(emulator.url)).toHaveLength(0);
  });

  it('counts a batch without a valid envelope as invalid', async () => {
    const summary = await run(
      'push-worker',
      json({ dispatchId: 'x', batchIndex: 0, batchCount: 1, request: push('no-time') }),
    );

    expect(summary).toMatchObject({ records: 1, invalid: 1, sent: 0 });
  });
});
