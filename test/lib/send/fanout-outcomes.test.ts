/**
 * Fan-out's result, to the field, for every kind of answer a call can get, with a stand-in
 * sender so each chunk's answers are chosen exactly: the report callers see is what the
 * outcomes say, not approximately.
 */
import { describe, expect, it } from 'vitest';
import { fanOut, type PushSender } from '#lib/send/fanout.ts';
import type { PushReceipt } from '#lib/send/mpaas/outcome.ts';
import { MemoryStore } from '#lib/send/store/memory-store.ts';
import type { IdempotencyStore } from '#lib/send/store/store.ts';
import {
  MpaasBusinessError,
  MpaasGatewayError,
  MpaasTransportError,
  type PushError,
} from '#lib/shared/errors.ts';
import { createLogger } from '#lib/shared/logger.ts';
import type { PushRequest } from '#lib/validate/push-request.ts';

const ok = (taskId?: string): PushReceipt => ({
  requestId: 'R-ok',
  resultCode: 'OK',
  resultMessage: '',
  ...(taskId ? { taskId } : {}),
});

/** A sender that answers each chunk, by its first target, with the next of its answers. */
function scripted(answers: Record<string, Array<PushReceipt | PushError>>): PushSender & {
  calls: string[];
} {
  const calls: string[] = [];
  return {
    calls,
    pushTemplate: async (chunk) => {
      const first = Object.keys(chunk.targetMsgkey)[0] ?? '';
      calls.push(first);
      const answer = answers[first]?.shift() ?? ok();
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

function request(prefixes: string[]): PushRequest {
  const targetMsgkey = Object.fromEntries(prefixes.map((prefix) => [prefix, `m-${prefix}`]));
  return { appId: 'A', workspaceId: 'W', targetMsgkey } as unknown as PushRequest;
}

function options(sender: PushSender, lines: string[] = []) {
  return {
    client: sender,
    credentials: { accessKeyId: 'STS.k', accessKeySecret: 's', securityToken: 't' },
    deadline: { at: Date.now() + 60_000, remaining: () => 60_000 },
    logger: createLogger({}, 'debug', (line) => lines.push(line)),
    concurrency: 1,
    retry: { baseMs: 1, capMs: 1, attempts: 3 },
    safetyMarginMs: 0,
    random: () => 0,
  };
}

/** One target per chunk, so each chunk is named by its target. */
async function send(targets: string[], sender: PushSender, extra: object = {}) {
  const pushRequest = request(targets);
  const chunks = targets.map((target) => ({ [target]: `m-${target}` }));
  return fanOut(pushRequest, chunks, { ...options(sender), ...extra });
}

describe('fanOut results', () => {
  it('reports each kind of answer exactly, and speaks with the retryable error', async () => {
    const refused = new MpaasBusinessError('3022', 'TEMPLATE_NOT_EXIST', { requestId: 'R3' });
    const sender = scripted({
      a: [ok('task-9')],
      b: [refused],
      c: [
        new MpaasBusinessError('8011', 'FLOW', {}),
        new MpaasBusinessError('8011', 'FLOW', {}),
        new MpaasBusinessError('8011', 'FLOW', {}),
      ],
      d: [new MpaasGatewayError('InvalidSecurityToken.Expired', 'expired', 400, {})],
      e: [new MpaasTransportError('timeout', 'read', { outcomeUnknown: true }), ok()],
    });

    const result = await send(['a', 'b', 'c', 'd', 'e'], sender);

    expect(sender.calls).toEqual(['a', 'b', 'c', 'c', 'c', 'd', 'e', 'e']);
    expect(result.chunks).toStrictEqual([
      { status: 'SENT', attempts: 1, inDoubt: false, mpaasRequestId: 'R-ok', taskId: 'task-9' },
      {
        status: 'REFUSED',
        attempts: 1,
        inDoubt: false,
        code: '3022',
        message: 'mPaaS refused the push: 3022 TEMPLATE_NOT_EXIST',
        retryable: false,
        mpaasRequestId: 'R3',
        statusCode: 422,
      },
      {
        status: 'THROTTLED',
        attempts: 3,
        inDoubt: false,
        code: '8011',
        message: 'mPaaS refused the push: 8011 FLOW',
        retryable: true,
      },
      {
        status: 'FAILED',
        attempts: 1,
        inDoubt: false,
        code: 'InvalidSecurityToken.Expired',
        message: 'mPaaS gateway error InvalidSecurityToken.Expired: expired',
        retryable: true,
      },
      { status: 'SENT', attempts: 2, inDoubt: true, mpaasRequestId: 'R-ok' },
    ]);
    expect(result.targets).toStrictEqual([
      { target: 'a', msgKey: 'm-a', status: 'SENT' },
      {
        target: 'b',
        msgKey: 'm-b',
        status: 'REFUSED',
        code: '3022',
        message: 'mPaaS refused the push: 3022 TEMPLATE_NOT_EXIST',
      },
      {
        target: 'c',
        msgKey: 'm-c',
        status: 'THROTTLED',
        code: '8011',
        message: 'mPaaS refused the push: 8011 FLOW',
      },
      {
        target: 'd',
        msgKey: 'm-d',
        status: 'FAILED',
        code: 'InvalidSecurityToken.Expired',
        message: 'mPaaS gateway error InvalidSecurityToken.Expired: expired',
      },
      { target: 'e', msgKey: 'm-e', status: 'SENT', inDoubt: true },
    ]);
    expect(result.summary).toEqual({
      targets: 5,
      calls: 5,
      sent: 2,
      throttled: 1,
      failed: 1,
      refused: 1,
      inDoubt: 1,
      replayed: 0,
      retries: 3,
    });
    expect(result.firstError?.code).toBe('8011');
  });

  it('keeps the permanent error when no chunk can be retried, and none when all went out', async () => {
    const refused = await send(
      ['a', 'b'],
      scripted({ b: [new MpaasBusinessError('3023', 'KV', {})] }),
    );
    const sent = await send(['a'], scripted({}));

    expect(refused.firstError?.code).toBe('3023');
    expect(sent).not.toHaveProperty('firstError');
    expect(sent.targets).toStrictEqual([{ target: 'a', msgKey: 'm-a', status: 'SENT' }]);
  });
});

describe('fanOut logs', () => {
  it('logs each retry of a chunk with its attempt, the code that caused it and the wait', async () => {
    // Prepare
    const lines: string[] = [];
    const sender = scripted({ a: [new MpaasBusinessError('8011', 'FLOW', {}), ok()] });

    // Act
    await fanOut(request(['a']), [{ a: 'm-a' }], options(sender, lines));

    // Assess
    const retries = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.message === 'chunk retry');
    expect(retries).toEqual([
      expect.objectContaining({ level: 'debug', chunk: 0, attempt: 1, code: '8011', delayMs: 0 }),
    ]);
  });

  it('writes no record, and so logs none missing, for a request without a key', async () => {
    // Prepare
    const lines: string[] = [];

    // Act
    const result = await fanOut(
      request(['a', 'b']),
      [{ a: 'm-a' }, { b: 'm-b' }],
      options(scripted({ b: [new MpaasBusinessError('3022', 'X', {})] }), lines),
    );

    // Assess
    expect(result.summary).toMatchObject({ sent: 1, refused: 1 });
    expect(lines).toEqual([]);
  });
});

describe('fanOut records under the ledger', () => {
  async function owned(store: IdempotencyStore, key: string) {
    const begun = await store.begin(key, 'fp', 10_000, 60_000);
    if (begun.state !== 'new') throw new Error(begun.state);
    const lines: string[] = [];
    return {
      lines,
      ledger: {
        store,
        key,
        token: begun.token,
        leaseMs: () => 10_000,
        ttlMs: 60_000,
        logger: createLogger({}, 'debug', (line) => lines.push(line)),
      },
    };
  }

  it('completes a sent or refused chunk, releases a failed one in doubt, and replays them', async () => {
    const store = new MemoryStore();
    const { ledger } = await owned(store, 'k-record');
    const sender = scripted({
      b: [new MpaasBusinessError('3022', 'X', {})],
      c: [
        new MpaasTransportError('timeout', 'read', { outcomeUnknown: true }),
        new MpaasTransportError('timeout', 'read', { outcomeUnknown: true }),
        new MpaasTransportError('timeout', 'read', { outcomeUnknown: true }),
      ],
    });

    await send(['a', 'b', 'c'], sender, { ledger });
    const again = await send(['a', 'b', 'c'], scripted({}), { ledger });

    expect(
      again.chunks.map((chunk) => [chunk.status, chunk.replayed ?? false, chunk.inDoubt]),
    ).toEqual([
      ['SENT', true, false],
      ['REFUSED', true, false],
      ['SENT', false, true],
    ]);
  });

  it('logs a chunk record that could not be written or was taken over, and keeps the outcome', async () => {
    const store = new MemoryStore();
    const { ledger, lines } = await owned(store, 'k-log');
    const failing = Object.create(store) as MemoryStore;
    failing.claimChunk = (...args) => store.claimChunk(...args);
    failing.completeChunk = async (key, _token, index, result, ttl) =>
      index === 0
        ? Promise.reject(new Error('store down'))
        : store.completeChunk(key, 'someone-else', index, result, ttl);

    const result = await send(['a', 'b'], scripted({}), {
      ledger: { ...ledger, store: failing },
      logger: ledger.logger,
    });

    expect(result.summary.sent).toBe(2);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'idempotency record not written',
        chunk: 0,
        status: 'SENT',
      }),
    );
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'chunk taken over',
        chunk: 1,
        status: 'SENT',
      }),
    );
  });

  it('sends nothing for a chunk it could not claim, and gives back a claim whose answer was lost', async () => {
    const store = new MemoryStore();
    const { ledger } = await owned(store, 'k-lost-answer');
    const lossy = Object.create(store) as MemoryStore;
    lossy.claimChunk = async (...args) => {
      await store.claimChunk(...args);
      throw new Error('answer lost');
    };
    lossy.releaseChunk = (...args) => store.releaseChunk(...args);
    const sender = scripted({});

    const result = await send(['a'], sender, { ledger: { ...ledger, store: lossy } });

    expect(sender.calls).toEqual([]);
    expect(result.chunks[0]).toMatchObject({
      status: 'FAILED',
      attempts: 0,
      retryable: true,
      inDoubt: false,
    });
    // given back: the next claim is not in doubt, since nothing was sent
    expect(await store.claimChunk('k-lost-answer', ledger.token, 0, 10_000, 60_000)).toEqual({
      state: 'claimed',
      inDoubt: false,
    });
  });

  it.each([
    [
      'another invocation is sending it',
      'in-progress',
      'ChunkInProgress',
      'another invocation is sending this chunk right now',
    ],
    [
      'another invocation took the request over',
      'lost',
      'RequestTakenOver',
      'another invocation took this request over after this one’s lease ended',
    ],
  ] as const)('does not send a chunk when %s, and says so', async (_, state, code, message) => {
    // Prepare
    const store = new MemoryStore();
    const { ledger } = await owned(store, `k-${state}`);
    const busy = Object.create(store) as MemoryStore;
    busy.claimChunk = async () => ({ state });
    const sender = scripted({});

    // Act
    const result = await send(['a'], sender, { ledger: { ...ledger, store: busy } });

    // Assess
    expect(sender.calls).toEqual([]);
    expect(result.chunks).toStrictEqual([
      { status: 'FAILED', attempts: 0, inDoubt: false, code, message, retryable: true },
    ]);
    expect(result.firstError).toMatchObject({
      code: 'IdempotencyKeyInProgress',
      statusCode: 409,
      retryable: true,
    });
  });
});
