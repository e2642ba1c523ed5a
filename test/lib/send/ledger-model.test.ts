/**
 * The send ledger's model-based test (ledger-model.ts) against every store: memory and
 * Tablestore (its emulator, over loopback) always, Redis where redis-server is installed (always
 * in CI). `npm test` runs 1,000 scenarios per store, `npm run fuzz` 20,000.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '#lib/send/store/memory-store.ts';
import { RedisStore } from '#lib/send/store/redis-store.ts';
import type { IdempotencyStore } from '#lib/send/store/store.ts';
import { TablestoreStore } from '#lib/send/store/tablestore-store.ts';
import { type LedgerTable, startLedgerTable } from '#test/helpers/ledger-table.ts';
import { type RedisServer, startRedis } from '#test/helpers/redis.ts';
import { hasRedis } from '#test/helpers/system-program.ts';
import { noneReached, runScenario, scenarioArbitrary } from './ledger-model.ts';

const RUNS = process.env.FUZZ_RUNS ? 20_000 : 1_000;

function describeModel(name: string, makeStore: (now: () => number) => Promise<IdempotencyStore>) {
  it(`keeps every ledger property under any interleaving, crash, lease expiry and store failure (${name})`, async () => {
    const reached = noneReached();
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, fc.scheduler(), (scenario, scheduler) =>
        runScenario(scenario, scheduler, makeStore, reached),
      ),
      { numRuns: RUNS },
    );
    // The properties must have been tested where they matter, not only on quiet runs.
    console.log(`ledger model (${name}): ${JSON.stringify(reached)}`);
    for (const [situation, count] of Object.entries(reached)) {
      expect(count, `runs that reached ${situation}`).toBeGreaterThan(0);
    }
  }, 600_000);
}

describe('the send ledger, model-based', () => {
  describeModel('memory', async (now) => new MemoryStore({ now }));
});

describe('the send ledger, model-based, on the Tablestore emulator', () => {
  let ledger: LedgerTable;
  beforeAll(async () => {
    ledger = await startLedgerTable();
  });
  afterAll(async () => {
    await ledger?.close();
  });
  describeModel('tablestore', async (now) => new TablestoreStore(ledger.table(), { now }));
});

describe.runIf(hasRedis())('the send ledger, model-based, on redis-server', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await server?.stop();
  });
  describeModel(
    'redis',
    async (now) => new RedisStore(server.url, { now, prefix: `model:${randomUUID()}:` }),
  );
});
