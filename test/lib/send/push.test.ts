/**
 * The send stage of an inline push: what it answers for a push sent whole, in part or not at
 * all, and for a keyed redelivery it replays; and the one summary line it logs for each.
 * A stand-in sender answers each chunk (named by its first target) as chosen.
 */
import { describe, expect, it } from 'vitest';
import { planInline } from '#lib/plan/plan.ts';
import type { PushSender } from '#lib/send/fanout.ts';
import { keyLedger } from '#lib/send/ledger.ts';
import { sendPush } from '#lib/send/push.ts';
import { MemoryStore } from '#lib/send/store/memory-store.ts';
import { MpaasBusinessError, ReplayedRefusalError } from '#lib/shared/errors.ts';
import { createLogger } from '#lib/shared/logger.ts';
import type { PushRequest } from '#lib/validate/push-request.ts';
import { docsExample } from '#test/helpers/fc.ts';

/** 25 targets: chunks of 10, 10 and 5, first targets u00, u10 and u20. */
function plan() {
  const targetMsgkey = Object.fromEntries(
    Array.from({ length: 25 }, (_, i) => [`u${String(i).padStart(2, '0')}`, `m${i}`]),
  );
  return planInline({ ...docsExample(), targetMsgkey } as unknown as PushRequest);
}

/**
 * A sender that refuses (3022), throttles (8011) or fails (9000) the chunks starting with the
 * given targets, and lists the first target of every chunk it was asked to send.
 */
function sender(
  answers: { refuse?: string[]; throttle?: string[]; fail?: string[] } = {},
): PushSender & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    pushTemplate: async (chunk) => {
      const first = Object.keys(chunk.targetMsgkey)[0] ?? '';
      calls.push(first);
      if (answers.refuse?.includes(first)) throw new MpaasBusinessError('3022', 'NO', {});
      if (answers.throttle?.includes(first)) throw new MpaasBusinessError('8011', 'FLOW', {});
      if (answers.fail?.includes(first)) throw new MpaasBusinessError('9000', 'SYSTEM', {});
      return { requestId: 'R', resultCode: 'OK', resultMessage: '' };
    },
  };
}

function options(client: PushSender) {
  const lines: Array<Record<string, unknown>> = [];
  return {
    lines,
    options: {
      client,
      credentials: { accessKeyId: 'STS.k', accessKeySecret: 's', securityToken: 't' },
      deadline: { at: Date.now() + 60_000, remaining: () => 60_000 },
      logger: createLogger({}, 'debug', (line) => lines.push(JSON.parse(line))),
      concurrency: 1,
      retry: { baseMs: 1, capMs: 1, attempts: 1 },
      safetyMarginMs: 0,
      random: () => 0,
    },
  };
}

const finished = (lines: Array<Record<string, unknown>>) =>
  lines.filter((line) => line.message === 'push finished');

describe('sendPush', () => {
  it('answers a push sent to every target as final, and logs it at info', async () => {
    // Prepare
    const { lines, options: sendOptions } = options(sender());

    // Act
    const sent = await sendPush(plan(), sendOptions, undefined);

    // Assess
    expect(sent).not.toHaveProperty('firstError');
    expect(sent).toMatchObject({ replayed: false, retryable: false });
    expect(finished(lines)).toEqual([
      expect.objectContaining({
        level: 'info',
        templateName: 'template1024',
        targets: 25,
        calls: 3,
        sent: 25,
        refused: 0,
        requestReplayed: false,
      }),
    ]);
  });

  it('keeps the error to itself when part of the push went out, and logs a warning', async () => {
    // Prepare
    const { lines, options: sendOptions } = options(sender({ throttle: ['u10'] }));

    // Act
    const sent = await sendPush(plan(), sendOptions, undefined);

    // Assess
    expect(sent).not.toHaveProperty('firstError');
    expect(sent.retryable).toBe(true);
    expect(sent.result.summary).toMatchObject({ sent: 15, throttled: 10 });
    expect(finished(lines)).toEqual([
      expect.objectContaining({ level: 'warn', sent: 15, throttled: 10 }),
    ]);
  });

  it('answers with the first chunk’s error when nothing was sent', async () => {
    // Prepare
    const { lines, options: sendOptions } = options(sender({ refuse: ['u00', 'u10', 'u20'] }));

    // Act
    const sent = await sendPush(plan(), sendOptions, undefined);

    // Assess
    expect(sent.firstError).toBeInstanceOf(MpaasBusinessError);
    expect(sent.firstError).toMatchObject({ code: '3022', retryable: false });
    expect(sent.retryable).toBe(false);
    expect(finished(lines)).toEqual([
      expect.objectContaining({ level: 'warn', sent: 0, refused: 25 }),
    ]);
  });

  it('replays a keyed push that completed without sending it, answering with the refusal it first answered with', async () => {
    // Prepare
    const store = new MemoryStore();
    const first = options(sender({ refuse: ['u00', 'u10', 'u20'] }));
    const ledger = () =>
      keyLedger(
        { store, ttlMs: 60_000, deadline: first.options.deadline, logger: first.options.logger },
        'mns:42',
      );
    const original = await sendPush(plan(), first.options, ledger());
    let calls = 0;
    const again = options({
      pushTemplate: async () => {
        calls += 1;
        return { requestId: 'R', resultCode: 'OK', resultMessage: '' };
      },
    });

    // Act
    const replay = await sendPush(plan(), again.options, ledger());

    // Assess
    expect(calls).toBe(0);
    const { firstError, ...rest } = replay;
    expect(rest).toStrictEqual({ result: original.result, replayed: true, retryable: false });
    expect(firstError).toBeInstanceOf(ReplayedRefusalError);
    expect(firstError).toMatchObject({
      statusCode: original.firstError?.statusCode,
      code: original.firstError?.code,
      message: original.firstError?.message,
      retryable: false,
    });
    expect(finished(again.lines)).toEqual([
      expect.objectContaining({ level: 'warn', refused: 25, requestReplayed: true }),
    ]);
  });

  it('asks for a redelivery when a chunk failed, even if none was throttled', async () => {
    const { options: sendOptions } = options(sender({ fail: ['u20'] }));

    const sent = await sendPush(plan(), sendOptions, undefined);

    expect(sent.result.summary).toMatchObject({ sent: 20, failed: 5, throttled: 0 });
    expect(sent.retryable).toBe(true);
  });

  it('re-sends only the chunk that did not go out when a keyed push is delivered again', async () => {
    // Prepare
    const store = new MemoryStore();
    const first = options(sender({ throttle: ['u10'] }));
    const ledger = () =>
      keyLedger(
        { store, ttlMs: 60_000, deadline: first.options.deadline, logger: first.options.logger },
        'mns:43',
      );
    await sendPush(plan(), first.options, ledger());
    const client = sender();
    const again = options(client);

    // Act
    const redelivered = await sendPush(plan(), again.options, ledger());

    // Assess
    expect(client.calls).toEqual(['u10']);
    expect(redelivered).toMatchObject({ replayed: false, retryable: false });
    expect(redelivered.result.summary).toMatchObject({ sent: 25, replayed: 15 });
  });
});
