import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { splitIntoBatches } from '#lib/plan/batches.ts';
import type { PushRequest } from '#lib/validate/push-request.ts';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import { type Gateway, startGateway } from '#local/gateway/server.ts';
import { stsMinter } from '#local/sts-client.ts';
import { deliveries, emulatorEnv } from '#test/helpers/emulator.ts';
import { captureStdout, docsExample } from '#test/helpers/fc.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let emulator: Emulator;
let gateway: Gateway;
const asyncFailures: string[] = [];
const stdout: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  for (const [name, value] of Object.entries(emulatorEnv(emulator.url))) vi.stubEnv(name, value);
  vi.stubEnv('MPAAS_RETRY_BASE_MS', '5');
  vi.stubEnv('MPAAS_RETRY_CAP_MS', '20');
  captureStdout(stdout);
  gateway = await startGateway({
    distDir: path.join(root, 'dist'),
    credentials: stsMinter(emulator.url),
    requireSignature: true,
    asyncRetryBaseMs: 50,
    onAsyncFailure: (name, requestId, error) =>
      asyncFailures.push(`${name} ${requestId}: ${error.errorMessage}`),
  });
  vi.stubEnv('FC_ENDPOINT', gateway.url);
});
afterAll(async () => {
  await gateway.close();
  await emulator.close();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('splitIntoBatches', () => {
  it('keeps every batch under FC async payload limit, in whole chunks of 10, covering every target once', () => {
    const targetMsgkey = Object.fromEntries(
      Array.from({ length: 20_000 }, (_, i) => [`user-${i}`, `campaign-42-msg-${i}`]),
    );
    const request = { ...docsExample(), targetMsgkey } as unknown as PushRequest;

    const batches = splitIntoBatches(request, 'dispatch-1', new Date());

    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) {
      expect(Buffer.byteLength(JSON.stringify(batch))).toBeLessThanOrEqual(120 * 1024);
      expect(batch.batchCount).toBe(batches.length);
    }
    const sizes = batches.map((batch) => Object.keys(batch.request.targetMsgkey).length);
    expect(sizes.slice(0, -1).every((size) => size % 10 === 0)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(new Set(batches.flatMap((batch) => Object.keys(batch.request.targetMsgkey))).size).toBe(
      20_000,
    );
  });
});

describe('async dispatch through the local gateway', () => {
  it('pushes 20,000 targets exactly once each, even when a worker invocation fails once', async () => {
    const targets = Array.from({ length: 20_000 }, (_, i) => `user-${i}`);
    // One call is denied by RAM: that batch's worker throws, FC retries it, and only its
    // unfinished chunk is sent again.
    emulator.setFaults([
      { type: 'delay', ms: 0, times: 500 },
      { type: 'gateway', code: 'Forbidden.RAM' },
    ]);

    const response = await fetch(`${gateway.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'campaign-20k' },
      body: JSON.stringify(docsExample({ targetMsgkey: undefined, targets })),
    });
    const accepted = (await response.json()) as {
      status: string;
      dispatchId: string;
      batches: number;
      targets: number;
    };
    await gateway.runtime.drain();

    expect(response.status).toBe(202);
    expect(accepted).toMatchObject({
      status: 'DISPATCHED',
      targets: 20_000,
      dispatchId: expect.any(String),
    });
    expect(accepted.batches).toBeGreaterThan(1);
    const counts = deliveries(emulator.pushes());
    expect(counts.size).toBe(20_000);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(emulator.faults()).toEqual([]);
    expect(asyncFailures).toEqual([]);
    const workerEnds = stdout
      .join('')
      .split('\n')
      .filter(
        (line) =>
          line.includes('"function":"push-worker"') && line.includes('"invocation finished"'),
      )
      .map((line) => JSON.parse(line) as { outcome: string; error?: { code?: string } });
    expect(workerEnds.filter((end) => end.outcome === 'error')).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ code: 'RecordsFailed' }) }),
    ]);
    expect(workerEnds.length).toBe(accepted.batches + 1);

    const replay = await fetch(`${gateway.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'campaign-20k' },
      body: JSON.stringify(docsExample({ targetMsgkey: undefined, targets })),
    });
    expect(replay.status).toBe(202);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(((await replay.json()) as { dispatchId: string }).dispatchId).toBe(accepted.dispatchId);
  }, 60_000);
});
