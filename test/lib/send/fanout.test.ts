import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chunkTargets } from '#lib/plan/chunks.ts';
import { type FanoutOptions, fanOut } from '#lib/send/fanout.ts';
import { MpaasClient } from '#lib/send/mpaas/client.ts';
import { MemoryStore } from '#lib/send/store/memory-store.ts';
import type { IdempotencyStore } from '#lib/send/store/store.ts';
import { MpaasGatewayError } from '#lib/shared/errors.ts';
import { deadlineOf } from '#lib/shared/fc-context.ts';
import { createLogger } from '#lib/shared/logger.ts';
import type { PushRequest } from '#lib/validate/push-request.ts';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import { deliveries } from '#test/helpers/emulator.ts';
import { type Credentials, docsExample } from '#test/helpers/fc.ts';

let emulator: Emulator;
let client: MpaasClient;
let credentials: Credentials;

beforeAll(async () => {
  emulator = await startEmulator();
  client = new MpaasClient({
    endpoint: emulator.url,
    apiVersion: '2020-10-28',
    requestTimeoutMs: 2000,
  });
});
afterAll(async () => {
  client.close();
  await emulator.close();
});
afterEach(() => {
  emulator.clearPushes();
  emulator.clearFaults();
});

function request(targets: number, prefix = 't'): PushRequest {
  const targetMsgkey = Object.fromEntries(
    Array.from({ length: targets }, (_, i) => [`${prefix}${i}`, `${prefix}-msg-${i}`]),
  );
  return {
    ...(docsExample() as Omit<PushRequest, 'targetMsgkey'>),
    appId: 'ONEX570DA89211721',
    workspaceId: 'test',
    classification: '1',
    strategyType: 0,
    smsStrategy: 0,
    targetMsgkey,
  } as PushRequest;
}

const silent = createLogger({}, 'error', () => undefined);

function options(overrides: Partial<FanoutOptions> = {}): FanoutOptions {
  credentials = emulator.mintCredentials();
  return {
    client,
    credentials,
    deadline: deadlineOf({ requestId: 'r', function: { timeout: 30 } }, Date.now()),
    logger: silent,
    concurrency: 4,
    retry: { baseMs: 5, capMs: 20, attempts: 5 },
    safetyMarginMs: 500,
    ...overrides,
  };
}

/**
 * The ledger of `key` as an invocation owns it after `begin`; writes go to `via` (the store
 * itself, or a wrapper that fails or records).
 */
async function owned(store: MemoryStore, via: IdempotencyStore, key: string) {
  const begun = await store.begin(key, 'fp', 10_000, 60_000);
  if (begun.state !== 'new') throw new Error(`expected a new key, got ${begun.state}`);
  return {
    store: via,
    key,
    token: begun.token,
    leaseMs: () => 10_000,
    ttlMs: 60_000,
    logger: silent,
  };
}

/** Fans `pushRequest` out over the plan's chunks, as the send stage does. */
function send(pushRequest: PushRequest, fanoutOptions: FanoutOptions) {
  return fanOut(pushRequest, chunkTargets(pushRequest.targetMsgkey), fanoutOptions);
}

/** How many times the emulator received each target. */

describe('chunkTargets', () => {
  it('splits targets into PushTemplate calls of at most 10, sorted by target', () => {
    const chunks = chunkTargets(request(25).targetMsgkey);

    expect(chunks.map((chunk) => Object.keys(chunk).length)).toEqual([10, 10, 5]);
    expect(chunks.flatMap((chunk) => Object.keys(chunk))).toEqual(
      Object.keys(request(25).targetMsgkey).sort(),
    );
    expect(chunks[0]?.t10).toBe('t-msg-10');
  });

  it('puts the same targets in each chunk whatever order they were listed in', () => {
    const pairs = Object.entries(request(25).targetMsgkey);

    const forward = chunkTargets(Object.fromEntries(pairs));
    const reversed = chunkTargets(Object.fromEntries([...pairs].reverse()));

    expect(reversed).toEqual(forward);
  });
});

describe('fanOut', () => {
  it('sends every target exactly once, in calls of at most 10', async () => {
    const result = await send(request(25), options());

    expect(result.summary).toMatchObject({
      targets: 25,
      calls: 3,
      sent: 25,
      failed: 0,
      retries: 0,
    });
    expect(
      emulator
        .pushes()
        .map((push) => Object.keys(push.params.TargetMsgkey as object).length)
        .sort(),
    ).toEqual([10, 10, 5]);
    expect([...deliveries(emulator.pushes()).values()].every((count) => count === 1)).toBe(true);
    expect(result.targets).toContainEqual({ target: 't24', msgKey: 't-msg-24', status: 'SENT' });
  });

  it('keeps at most `concurrency` calls in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const counting = Object.create(client) as MpaasClient;
    counting.pushTemplate = async (...args) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      try {
        return await client.pushTemplate(...args);
      } finally {
        inFlight -= 1;
      }
    };
    emulator.setFaults([{ type: 'delay', ms: 30, times: 20 }]);

    await send(request(100), options({ client: counting, concurrency: 3 }));

    expect(peak).toBe(3);
  });

  it('retries a throttled chunk with backoff until it is sent', async () => {
    emulator.setFaults([{ type: 'gateway', code: 'Throttling.User', times: 3 }]);

    const result = await send(request(10), options());

    expect(result.summary).toMatchObject({ sent: 10, throttled: 0, retries: 3 });
    expect(result.chunks[0]).toMatchObject({ status: 'SENT', attempts: 4, inDoubt: false });
  });

  it('retries a non-JSON 429 from a proxy in front as throttling, not in doubt', async () => {
    emulator.setFaults([{ type: 'html', status: 429, times: 2 }]);

    const result = await send(request(10, 'h'), options());

    expect(result.summary).toMatchObject({ sent: 10, throttled: 0, retries: 2 });
    expect(result.chunks[0]).toMatchObject({ status: 'SENT', attempts: 3, inDoubt: false });
    expect(deliveries(emulator.pushes()).get('h0')).toBe(1);
  });

  it('keeps a non-JSON 502 in doubt: a proxy may have passed the push on', async () => {
    emulator.setFaults([{ type: 'html', status: 502, times: 1 }]);

    const result = await send(request(10, 'p'), options());

    expect(result.chunks[0]).toMatchObject({ status: 'SENT', attempts: 2, inDoubt: true });
  });

  it('reports THROTTLED once the attempts are used up, and never retries a permanent refusal', async () => {
    emulator.setFaults([{ type: 'result', resultCode: '8011', times: 5 }]);
    const throttled = await send(request(10), options());
    emulator.setFaults([
      { type: 'result', resultCode: '3022', resultMessage: 'TEMPLATE_NOT_EXIST' },
    ]);
    const refused = await send(request(10, 'r'), options());

    expect(throttled.targets[0]).toMatchObject({ status: 'THROTTLED', code: '8011' });
    expect(throttled.chunks[0]?.attempts).toBe(5);
    expect(refused.targets[0]).toMatchObject({ status: 'REFUSED', code: '3022' });
    expect(refused.chunks[0]?.attempts).toBe(1);
    expect(refused.firstError?.code).toBe('3022');
  });

  it('retries a chunk whose outcome is unknown with the same msgKeys and says it was in doubt', async () => {
    emulator.setFaults([{ type: 'reset', afterAccept: true }]);

    const result = await send(request(3), options());

    const received = emulator.pushes();
    expect(received).toHaveLength(2);
    expect(received[0]?.params.TargetMsgkey).toEqual(received[1]?.params.TargetMsgkey);
    expect(
      result.targets.every((target) => target.status === 'SENT' && target.inDoubt === true),
    ).toBe(true);
    expect(result.summary.inDoubt).toBe(3);
  });

  it('never lets its backoff outlive the deadline', async () => {
    emulator.setFaults([{ type: 'gateway', code: 'ServiceUnavailable', times: 1000 }]);
    const started = Date.now();
    const deadline = deadlineOf({ requestId: 'r', function: { timeout: 2 } }, started);

    const result = await send(
      request(40),
      options({ deadline, retry: { baseMs: 300, capMs: 10_000, attempts: 100 } }),
    );

    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(2000 - 500 + 100);
    expect(result.summary).toMatchObject({ sent: 0, failed: 40 });
    expect(result.chunks.every((chunk) => chunk.attempts >= 1)).toBe(true);
  });

  it('accounts for every one of 1,000 targets through throttling bursts, resets, delays and HTML 5xx', async () => {
    emulator.setFaults([
      { type: 'gateway', code: 'Throttling.User', times: 8 },
      { type: 'reset', times: 4 },
      { type: 'delay', ms: 50, times: 4 },
      { type: 'html', status: 502, times: 4 },
      { type: 'result', resultCode: '8011', times: 6 },
      { type: 'gateway', code: 'ServiceUnavailable', times: 30 },
    ]);

    const result = await send(
      request(1000),
      options({ retry: { baseMs: 2, capMs: 10, attempts: 4 } }),
    );

    // None of these faults accepts a push and then fails, so every target must reach mPaaS
    // exactly once if it is reported SENT, and never if it is reported failed.
    const counts = deliveries(emulator.pushes());
    for (const target of result.targets) {
      expect(counts.get(target.target) ?? 0, target.target).toBe(target.status === 'SENT' ? 1 : 0);
    }
    const { sent, throttled, failed, refused } = result.summary;
    expect(sent + throttled + failed + refused).toBe(1000);
    expect(result.targets).toHaveLength(1000);
    expect(result.summary.retries).toBeGreaterThan(0);
  });

  it('re-sends only the chunks that did not complete when the request is delivered again', async () => {
    const store = new MemoryStore();
    const ledger = await owned(store, store, 'mns:redelivered');
    emulator.setFaults([
      { type: 'delay', ms: 0 },
      { type: 'gateway', code: 'Forbidden.RAM' },
    ]);
    const first = await send(request(30), options({ ledger, concurrency: 1 }));

    const second = await send(request(30), options({ ledger, concurrency: 1 }));

    expect(first.summary).toMatchObject({ sent: 20, failed: 10 });
    expect(second.summary).toMatchObject({ sent: 30, replayed: 20 });
    expect([...deliveries(emulator.pushes()).values()]).toEqual(Array(30).fill(1));
  });
});

describe('fanOut with a failing idempotency store', () => {
  it('does not send a chunk it could not claim, and sends nothing after it returns', async () => {
    const store = new MemoryStore();
    const failing = Object.create(store) as MemoryStore;
    failing.claimChunk = async (key, token, index, leaseMs, ttlMs) => {
      if (index === 1) throw new Error('store unreachable');
      return store.claimChunk(key, token, index, leaseMs, ttlMs);
    };
    const ledger = await owned(store, failing, 'http:store-down');

    const result = await send(request(30, 's'), options({ ledger, concurrency: 1 }));
    const sentWhenAnswered = emulator.pushes().length;
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(result.summary).toMatchObject({ sent: 20, failed: 10 });
    expect(result.chunks[1]).toMatchObject({ status: 'FAILED', retryable: true, attempts: 0 });
    expect(sentWhenAnswered).toBe(2);
    expect(emulator.pushes()).toHaveLength(2);
  });

  it('takes a fresh lease at every claim, so a late claim does not outlive the invocation', async () => {
    const store = new MemoryStore();
    const leases: number[] = [];
    const recording = Object.create(store) as MemoryStore;
    recording.claimChunk = async (key, token, index, leaseMs, ttlMs) => {
      leases.push(leaseMs);
      return store.claimChunk(key, token, index, leaseMs, ttlMs);
    };
    let left = 10_000;
    const ledger = {
      ...(await owned(store, recording, 'mns:lease')),
      leaseMs: () => (left -= 1_000),
    };

    await send(request(30, 'l'), options({ ledger, concurrency: 1 }));

    expect(leases).toEqual([9_000, 8_000, 7_000]);
  });

  it('prefers a retryable error over an earlier permanent one', async () => {
    emulator.setFaults([
      { type: 'result', resultCode: '3023' },
      { type: 'gateway', code: 'ServiceUnavailable', times: 5 },
    ]);

    const result = await send(request(20, 'p'), options({ concurrency: 1 }));

    expect(result.firstError).toMatchObject({ code: 'ServiceUnavailable', retryable: true });
  });
});

describe('fanOut by an invocation whose request was taken over', () => {
  it('sends nothing once another invocation resumed the request after its lease', async () => {
    const clock = { time: 1_000 };
    const store = new MemoryStore({ now: () => clock.time });
    const stale = await owned(store, store, 'mns:taken-over');
    clock.time += 10_000;
    const resumed = await store.begin('mns:taken-over', 'fp', 10_000, 60_000);

    const result = await send(request(25, 't'), options({ ledger: stale }));

    expect(resumed).toMatchObject({ state: 'resumed' });
    expect(emulator.pushes()).toHaveLength(0);
    expect(result.summary).toMatchObject({ sent: 0, failed: 25 });
    expect(result.chunks.every((chunk) => chunk.code === 'RequestTakenOver')).toBe(true);
    expect(result.firstError).toMatchObject({ retryable: true, statusCode: 409 });
  });
});

describe('fanOut when the gateway says when to come back', () => {
  it('waits at least the x-acs-retry-after the gateway asked for before the retry', async () => {
    let calls = 0;
    const sender = {
      pushTemplate: async () => {
        calls += 1;
        if (calls === 1) {
          throw new MpaasGatewayError('Throttling.User', 'slow down', 400, { retryAfterMs: 300 });
        }
        return { requestId: 'R', resultCode: 'OK', resultMessage: '' };
      },
    };
    const started = Date.now();

    const result = await send(request(3, 'w'), { ...options(), client: sender, random: () => 0 });

    expect(result.summary).toMatchObject({ sent: 3, retries: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
