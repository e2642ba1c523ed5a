/**
 * The shared idempotency store's costs, each beside its baseline in the same run:
 *
 * - keyed cold start: a fresh `node` process that loads `http-push` and handles one request with
 *   an `Idempotency-Key` on the Tablestore ledger (the client loaded on demand, a begin, a claim,
 *   a completion and a finish over loopback to the emulator), against a bare `node -e ''` and
 *   the same keyed request on the memory store; interleaved bare, floor, memory, tablestore, …
 * - the physical floor of that invocation: a fresh process that loads only node:http and
 *   node:crypto and makes the same six signed round trips on loopback (Tablestore's GetRow and
 *   PutRow to begin, an UpdateRow to claim, complete and finish the chunk, and one PushTemplate;
 *   children/round-trips.mjs, to a server that answers at once). A target below floor ÷ bare
 *   cannot be met by any code, so both ratios are reported.
 * - store time per chunk: in this process, a request of 10 chunks through the Tablestore store
 *   (a client per request, as per invocation) against the memory store: begin, a claim and a
 *   completion per chunk, finish.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStore } from '#lib/send/store/memory-store.ts';
import type { IdempotencyStore } from '#lib/send/store/store.ts';
import { otsTable } from '#lib/send/store/tablestore/ots-client.ts';
import { TablestoreStore } from '#lib/send/store/tablestore-store.ts';
import { docsExample, httpEvent } from '#test/helpers/fc.ts';
import type { LedgerTable } from '#test/helpers/ledger-table.ts';
import { APP_ID, type Harness, targetPairs, WORKSPACE_ID } from './harness.ts';
import { bundlePath, childEnv, childScript, runNode } from './paths.ts';
import { median, msSince, percentile, round, type Verdict, verdict } from './stats.ts';

/** Target: a keyed invocation's process at most this many times a bare node process. */
export const KEYED_COLD_START_TARGET = 1.35;

export interface StoreReport {
  keyedColdStart: {
    runs: number;
    medianMs: { bare: number; floor: number; memory: number; tablestore: number };
    /** tablestore ÷ bare, memory ÷ bare, floor ÷ bare, and tablestore ÷ floor. */
    ratio: { tablestore: number; memory: number; floor: number; overFloor: number };
    target: number;
    verdict: Verdict;
  };
  perChunk: {
    requests: number;
    chunksPerRequest: number;
    p50Ms: { memory: number; tablestore: number };
    p99Ms: { memory: number; tablestore: number };
  };
}

const CHUNKS = 10;
const LEASE_MS = 30_000;
const TTL_MS = 86_400_000;

function keyedEvent(): string {
  const body = JSON.stringify(docsExample({ targetMsgkey: targetPairs(1, randomUUID()) }));
  return httpEvent({
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
  }).toString();
}

async function timeKeyed(harness: Harness, ledger: LedgerTable, store: 'memory' | 'tablestore') {
  const storeEnv: Record<string, string> =
    store === 'memory'
      ? { IDEMPOTENCY_STORE: 'memory' }
      : {
          IDEMPOTENCY_STORE: 'tablestore',
          TABLESTORE_ENDPOINT: ledger.options.endpoint,
          TABLESTORE_INSTANCE: ledger.options.instance,
        };
  const env = childEnv({
    ...storeEnv,
    MPAAS_ENDPOINT: harness.emulator.url,
    MPAAS_APP_ID: APP_ID,
    MPAAS_WORKSPACE_ID: WORKSPACE_ID,
    LOG_LEVEL: 'error',
    BENCH_EVENT: keyedEvent(),
    BENCH_CREDENTIALS: JSON.stringify(harness.emulator.mintCredentials()),
  });
  const args = [childScript('push-bundle.mjs'), bundlePath(harness.snapshot, 'http-push')];
  const { ms, stdout } = await runNode(args, env);
  const result = /BENCH_RESULT (.*)/.exec(stdout)?.[1];
  const statusCode = result ? (JSON.parse(result) as { statusCode: number }).statusCode : 0;
  if (statusCode !== 200) throw new Error(`keyed push on ${store} answered ${statusCode}`);
  return ms;
}

async function timeBare(): Promise<number> {
  return (await runNode(['-e', ''], childEnv())).ms;
}

/** The six round trips of a keyed Tablestore invocation: five to Tablestore, one to mPaaS. */
const FLOOR_ROUND_TRIPS = ['ots', 'ots', 'ots', 'ots', 'ots', 'mpaas'] as const;

/** A server that answers every POST at once, for the floor's round trips. */
/** A server that answers every request at once with `{}`: the far end of a floor's round trips. */
export async function startFloorServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => response.end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function timeFloor(url: string): Promise<number> {
  const urls = FLOOR_ROUND_TRIPS.map((host) => `${url}/${host}`);
  return (await runNode([childScript('round-trips.mjs'), ...urls], childEnv())).ms;
}

/** One request of `CHUNKS` chunks through `store`; the ms each chunk's claim and completion took. */
async function chunkTimes(store: IdempotencyStore): Promise<number[]> {
  const key = `bench:${randomUUID()}`;
  const begun = await store.begin(key, 'fp', LEASE_MS, TTL_MS);
  if (begun.state !== 'new') throw new Error(`begin answered ${begun.state}`);
  const times: number[] = [];
  for (let index = 0; index < CHUNKS; index += 1) {
    const start = process.hrtime.bigint();
    const claim = await store.claimChunk(key, begun.token, index, LEASE_MS, TTL_MS);
    if (claim.state !== 'claimed') throw new Error(`claim answered ${claim.state}`);
    await store.completeChunk(key, begun.token, index, { sent: 10 }, TTL_MS);
    times.push(msSince(start));
  }
  if (!(await store.finish(key, begun.token, { sent: CHUNKS * 10 }, TTL_MS))) {
    throw new Error('finish took no effect');
  }
  return times;
}

/**
 * Measures both figures against the emulators of `harness` and `ledger`.
 * @example const report = await measureStore(harness, ledger, 15, 40);
 */
export async function measureStore(
  harness: Harness,
  ledger: LedgerTable,
  coldRuns: number,
  requests: number,
): Promise<StoreReport> {
  const floorServer = await startFloorServer();
  const cold = {
    bare: [] as number[],
    floor: [] as number[],
    memory: [] as number[],
    tablestore: [] as number[],
  };
  try {
    await timeBare();
    await timeFloor(floorServer.url);
    await timeKeyed(harness, ledger, 'memory');
    await timeKeyed(harness, ledger, 'tablestore');
    for (let run = 0; run < coldRuns; run += 1) {
      cold.bare.push(await timeBare());
      cold.floor.push(await timeFloor(floorServer.url));
      cold.memory.push(await timeKeyed(harness, ledger, 'memory'));
      cold.tablestore.push(await timeKeyed(harness, ledger, 'tablestore'));
    }
  } finally {
    await floorServer.close();
  }
  const memory = new MemoryStore();
  const chunks = { memory: [] as number[], tablestore: [] as number[] };
  for (let run = 0; run < requests; run += 1) {
    chunks.memory.push(...(await chunkTimes(memory)));
    chunks.tablestore.push(...(await chunkTimes(new TablestoreStore(otsTable(ledger.options)))));
  }
  const medianMs = {
    bare: round(median(cold.bare)),
    floor: round(median(cold.floor)),
    memory: round(median(cold.memory)),
    tablestore: round(median(cold.tablestore)),
  };
  const ratio = {
    tablestore: round(medianMs.tablestore / medianMs.bare, 3),
    memory: round(medianMs.memory / medianMs.bare, 3),
    floor: round(medianMs.floor / medianMs.bare, 3),
    overFloor: round(medianMs.tablestore / medianMs.floor, 3),
  };
  return {
    keyedColdStart: {
      runs: coldRuns,
      medianMs,
      ratio,
      target: KEYED_COLD_START_TARGET,
      verdict: verdict(ratio.tablestore, KEYED_COLD_START_TARGET),
    },
    perChunk: {
      requests,
      chunksPerRequest: CHUNKS,
      p50Ms: {
        memory: round(percentile(chunks.memory, 50), 3),
        tablestore: round(percentile(chunks.tablestore, 50), 3),
      },
      p99Ms: {
        memory: round(percentile(chunks.memory, 99), 3),
        tablestore: round(percentile(chunks.tablestore, 99), 3),
      },
    },
  };
}
