/**
 * The Tablestore store against rows and failures the contract suite does not make: each
 * operation names itself when Tablestore fails it, a loss followed by contention is still
 * reported as the loss, and columns of a type this store never writes (a row changed by hand or
 * by another program) are not taken for its own.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyStoreError } from '#lib/send/store/store-error.ts';
import {
  type OtsColumns,
  OtsError,
  type OtsTable,
  type RowUpdate,
  type WriteCondition,
} from '#lib/send/store/tablestore/table.ts';
import { TablestoreStore } from '#lib/send/store/tablestore-store.ts';
import { type LedgerTable, startLedgerTable } from '#test/helpers/ledger-table.ts';

let ledger: LedgerTable;
beforeAll(async () => {
  ledger = await startLedgerTable();
});
afterAll(async () => {
  await ledger.close();
});

const LEASE = 30_000;
const TTL = 86_400_000;
const NOW = 1_700_000_000_000;

/** The ledger table, with the writes of one test failed or raced by `beforeWrite`. */
function tableWith(beforeWrite: (operation: 'putRow' | 'updateRow', key: string) => Promise<void>) {
  const raw = ledger.table();
  const table: OtsTable = {
    getRow: (key) => raw.getRow(key),
    async putRow(key: string, columns: OtsColumns, condition: WriteCondition) {
      await beforeWrite('putRow', key);
      return raw.putRow(key, columns, condition);
    },
    async updateRow(key: string, update: RowUpdate, condition: WriteCondition) {
      await beforeWrite('updateRow', key);
      return raw.updateRow(key, update, condition);
    },
    deleteRow: (key, condition) => raw.deleteRow(key, condition),
  };
  return { raw, table };
}

const busy = () =>
  new OtsError('busy', { code: 'OTSServerBusy', status: 503, outcomeUnknown: false });
const lost = () =>
  new OtsError('socket hang up', { code: 'NetworkError', status: 0, outcomeUnknown: true });

async function failureOf(call: Promise<unknown>): Promise<IdempotencyStoreError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof IdempotencyStoreError)) throw new Error(`got ${String(error)}`);
  return error;
}

describe('a failed operation names itself', () => {
  it.each([
    [
      'claim a chunk',
      (s: TablestoreStore, k: string, t: string) => s.claimChunk(k, t, 1, LEASE, TTL),
    ],
    [
      'complete a chunk',
      (s: TablestoreStore, k: string, t: string) => s.completeChunk(k, t, 0, { sent: 1 }, TTL),
    ],
    [
      'release a chunk',
      (s: TablestoreStore, k: string, t: string) => s.releaseChunk(k, t, 0, false, TTL),
    ],
    ['abandon', (s: TablestoreStore, k: string, t: string) => s.abandon(k, t)],
    ['finish', (s: TablestoreStore, k: string, t: string) => s.finish(k, t, { sent: 1 }, TTL)],
  ])('%s', async (name, operation) => {
    let failing = false;
    const { table } = tableWith(async () => {
      if (failing) throw busy();
    });
    const k = `k-${randomUUID()}`;
    const setUp = new TablestoreStore(table, { now: () => NOW });
    const begun = await setUp.begin(k, 'fp', LEASE, TTL);
    if (begun.state !== 'new') throw new Error(begun.state);
    await setUp.claimChunk(k, begun.token, 0, LEASE, TTL);
    failing = true;
    // a fresh store reads the row, so each operation reaches its write
    const store = new TablestoreStore(table, { now: () => NOW });

    const error = await failureOf(operation(store, k, begun.token));

    expect(error.message).toBe(
      `The idempotency store (Tablestore) could not ${name}: OTSServerBusy (HTTP 503).`,
    );
  });
});

describe('a loss, then contention', () => {
  it('reports the loss when the attempts run out on a conflict after it', async () => {
    let writes = 0;
    const { raw, table } = tableWith(async (_operation, key) => {
      writes += 1;
      // the first write is lost without landing; before every later one, another writer
      if (writes === 1) throw lost();
      await raw.updateRow(key, { put: { v: 1000 + writes } }, { row: 'IGNORE' });
    });
    const k = `k-${randomUUID()}`;
    const store = new TablestoreStore(table, { now: () => NOW, maxAttempts: 3 });

    const error = await failureOf(store.begin(k, 'fp', LEASE, TTL));

    expect(error.message).toBe(
      'The idempotency store (Tablestore) could not begin: NetworkError (HTTP 0).',
    );
  });
});

describe('columns of a type this store never writes', () => {
  async function ownedRow() {
    const { raw, table } = tableWith(async () => {});
    const k = `k-${randomUUID()}`;
    const store = new TablestoreStore(table, { now: () => NOW });
    const begun = await store.begin(k, 'fp', LEASE, TTL);
    if (begun.state !== 'new') throw new Error(begun.state);
    const row = (await raw.getRow(k)) ?? {};
    return { raw, table, k, row, token: begun.token };
  }

  it('does not take an expiry that is not a number for one that passed', async () => {
    const { raw, table, k, row } = await ownedRow();
    await raw.putRow(k, { ...row, exp: '1' }, { row: 'IGNORE' });

    const again = await new TablestoreStore(table, { now: () => NOW }).begin(k, 'fp', LEASE, TTL);

    expect(again).toEqual({ state: 'in-progress' });
  });

  it('ignores a chunk column that is not JSON text', async () => {
    const { raw, table, k, row, token } = await ownedRow();
    await raw.putRow(k, { ...row, c0: 7 }, { row: 'IGNORE' });

    const claim = await new TablestoreStore(table, { now: () => NOW }).claimChunk(
      k,
      token,
      0,
      LEASE,
      TTL,
    );

    expect(claim).toEqual({ state: 'claimed', inDoubt: false });
  });

  it('ignores a result column that is not JSON text', async () => {
    const { raw, table, k, row, token } = await ownedRow();
    await raw.putRow(k, { ...row, r: 7 }, { row: 'IGNORE' });
    const store = new TablestoreStore(table, { now: () => NOW });

    expect(await store.finish(k, token, { sent: 1 }, TTL)).toBe(true);
    expect(await store.begin(k, 'fp', LEASE, TTL)).toEqual({
      state: 'done',
      result: { sent: 1 },
    });
  });
});

describe('the pause after a lost race', () => {
  it('waits a jittered, growing pause after each race lost on a fresh read, capped at 50 ms', async () => {
    let version = 100;
    const { raw, table } = tableWith(async (_operation, key) => {
      // another writer gets in before every write
      await raw.putRow(key, { v: version++ }, { row: 'IGNORE' });
    });
    const pauses: number[] = [];
    const store = new TablestoreStore(table, {
      now: () => NOW,
      maxAttempts: 8,
      random: () => 0.5,
      pause: async (ms) => {
        pauses.push(ms);
      },
    });

    await failureOf(store.begin(`k-${randomUUID()}`, 'fp', LEASE, TTL));

    expect(pauses).toEqual([0.5, 1, 2, 4, 8, 16, 25, 25]);
  });

  it('tries again at once when the race was lost on the row as it last wrote it', async () => {
    let raced = false;
    const { raw, table } = tableWith(async (operation, key) => {
      if (operation !== 'updateRow' || raced) return;
      raced = true;
      await raw.updateRow(key, { put: { v: 50 } }, { row: 'IGNORE' });
    });
    const pauses: number[] = [];
    const store = new TablestoreStore(table, {
      now: () => NOW,
      pause: async (ms) => {
        pauses.push(ms);
      },
    });
    const k = `k-${randomUUID()}`;
    const begun = await store.begin(k, 'fp', LEASE, TTL);
    if (begun.state !== 'new') throw new Error(begun.state);

    const claim = await store.claimChunk(k, begun.token, 0, LEASE, TTL);

    expect(claim).toEqual({ state: 'claimed', inDoubt: false });
    expect(pauses).toEqual([]);
  });
});
