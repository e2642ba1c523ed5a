/**
 * Property tests of the event functions as deployed (the built bundles): mns-push, event-push,
 * timer-push and push-worker, fed arbitrary bytes, arbitrary JSON, arbitrary JSON where the push
 * request goes, and valid requests with one field mutated, in every envelope each trigger
 * delivers.
 *
 * An event function may throw only `BatchRetryError`, the signal that makes FC or EventBridge
 * redeliver. A healthy emulator never gives a reason to, so every property here requires that the
 * handler does not throw at all: a thrown error would redeliver a message that can never succeed.
 * Invalid records are counted invalid (or ignored, for other services' CloudEvents), nothing
 * invalid reaches the emulator, and no log line holds the role's secret, token or a signature.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatchRecords } from '#lib/adapt/dispatch.ts';
import { eventBridgeRecords } from '#lib/adapt/eventbridge.ts';
import { mnsTopicRecords } from '#lib/adapt/mns-topic.ts';
import type { PushRecord } from '#lib/adapt/record.ts';
import { timerRecords } from '#lib/adapt/timer.ts';
import type { BatchSummary } from '#lib/report/batch.ts';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import { type BuiltHandler, builtHandler } from '#test/helpers/built.ts';
import {
  type Credentials,
  captureStdout,
  docsExample,
  fcContext,
  fixture,
} from '#test/helpers/fc.ts';
import {
  anyBytes,
  bulkRequest,
  FUZZ_TIMEOUT_MS,
  fuzzEnv,
  fuzzParameters,
  hostileJson,
  leaksIn,
  longestLine,
  MAX_OUTPUT_BYTES,
  mutatedRequest,
  pairsOf,
  receivedIssues,
  receivedPairs,
  schemaVerdict,
} from '#test/helpers/fuzz.ts';

type Trigger = 'mns' | 'eventbridge' | 'timer' | 'dispatch';

/** One event function: how its trigger wraps push requests, and how its parser reads them. */
interface EventFunction {
  name: string;
  trigger: Trigger;
  /** Most requests one event carries in these tests. */
  batch: number;
  /** The event carrying `requests`, in the envelope numbered `shape` (taken modulo the shapes). */
  wrap(requests: readonly unknown[], shape: number, unique: string): Buffer;
  /** The trigger's own parser (lib/adapt), to know each record's id and request. */
  records(event: Buffer, requestId: string): PushRecord[];
}

const json = (value: unknown) => JSON.stringify(value);
const base64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
const pick = <T>(items: readonly T[], index: number): T => items[index % items.length] as T;

const mnsPush: EventFunction = {
  name: 'mns-push',
  trigger: 'mns',
  batch: 1,
  wrap(requests, shape, unique) {
    const request = requests[0];
    const envelopes = [
      () => json({ ...fixture('mns-topic/json.json'), MessageId: unique, Message: json(request) }),
      () =>
        json({ ...fixture('mns-topic/json.json'), MessageId: unique, Message: base64(request) }),
      () =>
        json({
          ...fixture('mns-topic/json-with-attributes.json'),
          MessageId: unique,
          Message: json(request),
        }),
      () => json(request),
      () => base64(request),
      () => json({ ...fixture('mns-topic/stream-with-attributes.json'), body: base64(request) }),
    ];
    return Buffer.from(pick(envelopes, shape)());
  },
  records: (event, requestId) => mnsTopicRecords(event, requestId),
};

const eventPush: EventFunction = {
  name: 'event-push',
  trigger: 'eventbridge',
  batch: 3,
  wrap(requests, shape, unique) {
    const queue = fixture<Record<string, unknown>>('eventbridge/mns-queue-single.json');
    const bus = fixture<Record<string, unknown>>('eventbridge/default-bus.json');
    const kinds = [
      (request: unknown, id: string) => ({ ...queue, id, data: { messageBody: json(request) } }),
      (request: unknown, id: string) => ({ ...queue, id, data: { messageBody: base64(request) } }),
      (request: unknown, id: string) => ({
        ...bus,
        id,
        source: 'app.mpaas.push',
        type: 'push:Requested',
        data: request,
      }),
      (request: unknown, id: string) => ({
        ...bus,
        id,
        source: 'app.mpaas.push',
        type: 'push:Requested',
        data: json(request),
      }),
    ];
    const events = requests.map((request, index) =>
      pick(kinds, shape + index)(request, `${unique}-${index}`),
    );
    // event-driven delivers one object; event-streaming an array, whose elements may be strings
    const forms = [
      () => (events.length === 1 ? events[0] : events),
      () => events,
      () => events.map((event) => json(event)),
    ];
    return Buffer.from(json(pick(forms, Math.floor(shape / kinds.length))()));
  },
  records: (event, requestId) => eventBridgeRecords(event, requestId),
};

const timerPush: EventFunction = {
  name: 'timer-push',
  trigger: 'timer',
  batch: 3,
  wrap(requests, shape, unique) {
    const payload = requests.length === 1 && shape % 2 === 0 ? requests[0] : requests;
    return Buffer.from(
      json({
        ...fixture('timer/doc-sample.json'),
        triggerName: 'fuzz-timer',
        // a new firing for every case, as two firings never share msgKeys
        triggerTime: `2024-01-01T00:00:00Z#${unique}`,
        payload: json(payload),
      }),
    );
  },
  records: (event, requestId) => timerRecords(event, requestId),
};

const pushWorker: EventFunction = {
  name: 'push-worker',
  trigger: 'dispatch',
  batch: 1,
  wrap(requests, _shape, unique) {
    return Buffer.from(
      json({
        dispatchId: unique,
        batchIndex: 0,
        batchCount: 1,
        validatedAt: new Date().toISOString(),
        request: requests[0],
      }),
    );
  },
  records: (event, requestId) => dispatchRecords(event, requestId),
};

const FUNCTIONS = [mnsPush, eventPush, timerPush, pushWorker];

let emulator: Emulator;
const stdout: string[] = [];
let invocations = 0;
const handlers = new Map<string, BuiltHandler>();

beforeAll(async () => {
  emulator = await startEmulator();
  for (const fn of FUNCTIONS) handlers.set(fn.name, await builtHandler(fn.name));
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  for (const [name, value] of Object.entries(fuzzEnv(emulator.url))) vi.stubEnv(name, value);
  captureStdout(stdout);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

interface Run {
  requestId: string;
  summary: BatchSummary | undefined;
  thrown: unknown;
  logs: string;
  credentials: Credentials;
}

/** A fresh id for each invocation: record ids are idempotency keys, so cases must not share one. */
function nextId(fn: EventFunction): string {
  invocations += 1;
  return `fuzz-${fn.trigger}-${invocations}`;
}

async function run(fn: EventFunction, event: Buffer, requestId: string): Promise<Run> {
  const handler = handlers.get(fn.name);
  if (!handler) throw new Error(`${fn.name} is not loaded`);
  const credentials = emulator.mintCredentials();
  emulator.clearPushes();
  stdout.length = 0;
  let summary: BatchSummary | undefined;
  let thrown: unknown;
  try {
    summary = (await handler(event, fcContext(credentials, 30, requestId))) as BatchSummary;
  } catch (error) {
    thrown = error;
  }
  return { requestId, summary, thrown, logs: stdout.join(''), credentials };
}

/**
 * Invalid input: no throw, every record invalid or ignored, nothing sent, nothing leaked. An
 * EventBridge event that is an empty array is an empty batch: it has no record to count.
 */
function expectRejectedQuietly(result: Run, emptyBatch = false): void {
  expect(result.thrown).toBeUndefined();
  expect(leaksIn(result.logs, result.credentials)).toEqual([]);
  const summary = result.summary;
  if (!emptyBatch) expect(summary?.records).toBeGreaterThan(0);
  expect(summary?.sent).toBe(0);
  expect(summary?.retryable).toBe(0);
  expect((summary?.invalid ?? 0) + (summary?.ignored ?? 0)).toBe(summary?.records);
  expect(emulator.pushes()).toEqual([]);
}

describe.each(FUNCTIONS)('$name with bulk in a request (#9)', (fn) => {
  it('counts 125,000 numeric targets as invalid, with small log lines, without throwing', async () => {
    const request = {
      ...docsExample({ targetMsgkey: undefined }),
      targets: Array.from({ length: 125_000 }, (_, i) => i),
    };
    const result = await run(fn, fn.wrap([request], 0, nextId(fn)), nextId(fn));

    expectRejectedQuietly(result);
    expect(longestLine(result.logs)).toBeLessThan(MAX_OUTPUT_BYTES);
  });

  it(
    'counts any bulk as invalid without throwing, with small log lines',
    async () => {
      await fc.assert(
        fc.asyncProperty(bulkRequest, fc.nat(), async (request, shape) => {
          const requestId = nextId(fn);
          const result = await run(fn, fn.wrap([request], shape, requestId), requestId);

          expectRejectedQuietly(result);
          expect(longestLine(result.logs)).toBeLessThan(MAX_OUTPUT_BYTES);
        }),
        // bulk is slow to build and parse: a twentieth of the runs (500 a function in npm run fuzz)
        fuzzParameters(0.05),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe.each(FUNCTIONS)('$name with a key named twice (#9)', (fn) => {
  // the event is built with two distinct names, then one is renamed in the event's own text
  const shapes = fn === eventPush ? [0, 2, 3] : [0];
  it.each(shapes)('counts the record invalid in envelope %i, and sends nothing', async (shape) => {
    for (const [field, value] of [
      ['targetMsgkey', { dupA: 'mk-1', dupB: 'mk-2', other: 'mk-3' }],
      ['templateKeyValue', { dupA: '1', dupB: '2' }],
    ] as const) {
      const request = docsExample({ [field]: value });
      const requestId = nextId(fn);
      const text = fn.wrap([request], shape, requestId).toString().replaceAll('dupB', 'dupA');

      const result = await run(fn, Buffer.from(text), requestId);

      expectRejectedQuietly(result);
      expect(result.logs).toMatch(
        fn === timerPush && field === 'targetMsgkey' ? /naming \W*dupA\W* twice/ : /unique-key/,
      );
    }
  });
});

describe.each(FUNCTIONS)('$name under fuzzing', (fn) => {
  it(
    'counts any bytes as invalid without throwing or sending',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyBytes, async (bytes) => {
          expectRejectedQuietly(await run(fn, Buffer.from(bytes), nextId(fn)));
        }),
        fuzzParameters(),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'counts any JSON event as invalid or ignored without throwing or sending',
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileJson, async (value) => {
          const emptyBatch = fn === eventPush && Array.isArray(value) && value.length === 0;
          expectRejectedQuietly(await run(fn, Buffer.from(json(value)), nextId(fn)), emptyBatch);
        }),
        fuzzParameters(),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'counts any JSON where the push request goes as invalid or ignored, in every envelope',
    async () => {
      const requests = fc.array(hostileJson, { minLength: 1, maxLength: fn.batch });
      await fc.assert(
        fc.asyncProperty(requests, fc.nat(), async (values, shape) => {
          const requestId = nextId(fn);

          const result = await run(fn, fn.wrap(values, shape, requestId), requestId);

          expectRejectedQuietly(result);
        }),
        fuzzParameters(),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'sends a valid request with one field mutated exactly when the schema accepts it',
    async () => {
      const requests = fc.array(mutatedRequest, { minLength: 1, maxLength: fn.batch });
      await fc.assert(
        fc.asyncProperty(requests, fc.nat(), async (values, shape) => {
          const requestId = nextId(fn);
          const event = fn.wrap(values, shape, requestId);
          const records = fn.records(event, requestId);

          const result = await run(fn, event, requestId);

          expect(result.thrown).toBeUndefined();
          expect(leaksIn(result.logs, result.credentials)).toEqual([]);
          const received = emulator.pushes();
          for (const push of received) expect(receivedIssues(push)).toEqual([]);
          const results = result.summary?.results ?? [];
          expect(results.map((entry) => entry.id)).toEqual(records.map((record) => record.id));
          const expectedPairs: string[] = [];
          records.forEach((record, index) => {
            const outcome = results[index]?.outcome;
            if (record.kind !== 'push') {
              expect(outcome).toBe(record.kind);
              return;
            }
            const verdict = schemaVerdict(record.request, `${fn.trigger}:${record.id}`);
            if (!verdict.success) {
              expect(outcome).toBe('invalid');
              return;
            }
            // mPaaS may refuse a valid request (e.g. 3026 expiry too long): then nothing is sent.
            expect(['sent', 'refused']).toContain(outcome);
            if (outcome === 'sent') expectedPairs.push(...pairsOf([verdict.data.targetMsgkey]));
          });
          expect(receivedPairs(received)).toEqual(expectedPairs.sort());
        }),
        fuzzParameters(),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe('the envelopes of the event properties', () => {
  it('carry each request unchanged to the push stage (mns-push, event-push, push-worker)', () => {
    fc.assert(
      fc.property(
        fc.array(mutatedRequest, { minLength: 1, maxLength: 3 }),
        fc.nat(),
        (values, shape) => {
          for (const fn of [mnsPush, eventPush, pushWorker]) {
            const sent = values.slice(0, fn.batch);
            const records = fn.records(fn.wrap(sent, shape, 'envelope-1'), 'req-1');
            expect(records.map((record) => record.kind)).toEqual(sent.map(() => 'push'));
            expect(
              json(records.map((record) => (record.kind === 'push' ? record.request : null))),
            ).toBe(json(sent));
          }
        },
      ),
      fuzzParameters(),
    );
  });
});
