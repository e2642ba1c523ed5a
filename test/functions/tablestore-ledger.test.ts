/**
 * The event functions on the shared Tablestore ledger (its emulator, over loopback, signed with
 * the invocation's role credentials), through the store's failures: unavailable when a chunk is
 * claimed, unavailable after the push went out, throttled, slower than the deadline.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import { CredentialStore } from '#local/emulator/sts.ts';
import { type LocalLedger, startLocalLedger } from '#local/tablestore/ledger.ts';
import type { TablestoreEmulator } from '#local/tablestore/server.ts';
import { type BuiltHandler, builtHandler } from '#test/helpers/built.ts';
import { clearPushes, emulatorEnv, pushes } from '#test/helpers/emulator.ts';
import { captureStdout, docsExample, fcContext, fixture } from '#test/helpers/fc.ts';

const sts = new CredentialStore(() => new Date(), 3600);
let mpaas: Emulator;
let ledger: LocalLedger;
let mnsPush: BuiltHandler;
const env: NodeJS.ProcessEnv = {};
const stdout: string[] = [];

beforeAll(async () => {
  mpaas = await startEmulator({ credentials: sts });
  // The ledger table as npm start makes it, on this emulator.
  ledger = await startLocalLedger(env, sts, 0);
  mnsPush = await builtHandler('mns-push');
});
afterAll(async () => {
  await ledger.close();
  await mpaas.close();
});
beforeEach(() => {
  for (const [name, value] of Object.entries(emulatorEnv(mpaas.url))) vi.stubEnv(name, value);
  vi.stubEnv('IDEMPOTENCY_STORE', 'tablestore');
  vi.stubEnv('TABLESTORE_ENDPOINT', env.TABLESTORE_ENDPOINT ?? '');
  vi.stubEnv('TABLESTORE_INSTANCE', env.TABLESTORE_INSTANCE ?? '');
  stdout.length = 0;
  captureStdout(stdout);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.useRealTimers();
  await clearPushes(mpaas.url);
  await ledgerFaults([]);
});

/** The emulator behind the functions' TABLESTORE_ENDPOINT. */
function ledgerFaults(faults: Parameters<TablestoreEmulator['setFaults']>[0]) {
  return fetch(`${env.TABLESTORE_ENDPOINT}/_faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ faults }),
  }).then((response) => expect(response.ok).toBe(true));
}

let messages = 0;
/** One MNS notification of a push to three targets, with its own MessageId. */
function notification(tag: string) {
  messages += 1;
  const targetMsgkey = { a: `${tag}-a`, b: `${tag}-b`, c: `${tag}-c` };
  return Buffer.from(
    JSON.stringify({
      ...fixture('mns-topic/json.json'),
      MessageId: `ledger-${tag}-${messages}`,
      Message: JSON.stringify(docsExample({ targetMsgkey })),
    }),
  );
}

const deliver = (event: Buffer, timeoutSeconds = 30) =>
  mnsPush(event, fcContext(sts.mint(600), timeoutSeconds));
const sentMsgKeys = async () =>
  (await pushes(mpaas.url)).flatMap((push) => Object.values(push.params.TargetMsgkey as object));

describe('mns-push on the Tablestore ledger', () => {
  it('pushes a redelivered message once, across instances, with no secret but the role', async () => {
    const event = notification('once');

    await deliver(event);
    await deliver(event);

    expect((await sentMsgKeys()).sort()).toEqual(['once-a', 'once-b', 'once-c']);
  });

  it('sends nothing and asks for a retry when the store is unavailable at the claim', async () => {
    const event = notification('claim');
    // The begin is a PutRow; each claim an UpdateRow.
    await ledgerFaults([{ type: 'unavailable', operation: 'UpdateRow', times: 100 }]);

    await expect(deliver(event)).rejects.toThrow(
      /must be retried: ledger-claim-\d+ \(IdempotencyStoreUnavailable\)/,
    );
    expect(await sentMsgKeys()).toEqual([]);

    await ledgerFaults([]);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 40_000 });
    await deliver(event);
    expect((await sentMsgKeys()).sort()).toEqual(['claim-a', 'claim-b', 'claim-c']);
  });

  it('keeps a push that went out when the store fails after it, and re-sends it in doubt with the same msgKeys', async () => {
    const event = notification('after');
    // The begin (a PutRow) and the claim (an UpdateRow) land; the completion and the finish do not.
    await ledgerFaults([
      { type: 'slow', ms: 0, operation: 'PutRow' },
      { type: 'slow', ms: 0, operation: 'UpdateRow' },
      { type: 'unavailable', operation: 'UpdateRow', times: 100 },
      { type: 'unavailable', operation: 'PutRow', times: 100 },
    ]);

    const first = await deliver(event);
    expect(first).toMatchObject({ records: 1, sent: 1 });
    expect(stdout.join('')).toContain('idempotency record not written');

    // Another instance, before the lease ends: it waits (the platform retries later)…
    await ledgerFaults([]);
    await expect(deliver(event)).rejects.toThrow(/must be retried/);
    expect(stdout.join('')).toMatch(/IdempotencyConflict|in progress/i);
    // …and after it, takes the request over and re-sends what was not recorded, in doubt.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 40_000 });
    stdout.length = 0;
    const redelivered = await deliver(event);

    expect(redelivered).toMatchObject({ records: 1, sent: 1 });
    expect((await sentMsgKeys()).sort()).toEqual([
      'after-a',
      'after-a',
      'after-b',
      'after-b',
      'after-c',
      'after-c',
    ]);
    const finished = stdout
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.message === 'push finished');
    expect(finished).toMatchObject({ inDoubt: 3 });
  });

  it('sends nothing and asks for a retry when the store throttles the begin', async () => {
    await ledgerFaults([{ type: 'throttled', operation: 'PutRow' }]);

    await expect(deliver(notification('busy'))).rejects.toThrow(/must be retried/);
    expect(stdout.join('')).toContain('could not begin: OTSServerBusy (HTTP 503)');
    expect(await sentMsgKeys()).toEqual([]);
  });

  it('gives up on a store slower than the deadline in time to answer, sending nothing', async () => {
    await ledgerFaults([{ type: 'slow', ms: 5_000, operation: 'PutRow' }]);
    const started = Date.now();

    await expect(deliver(notification('slow'), 2)).rejects.toThrow(/must be retried/);
    // either bound gives up first, the store view's (bounded-store.ts) or the Tablestore client's
    // own timeout (both are the time left less the margin): which one wins is the scheduler's
    expect(stdout.join('')).toMatch(
      /did not begin within the \d+ ms left|could not begin: Timeout/,
    );

    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await sentMsgKeys()).toEqual([]);
  });
});
