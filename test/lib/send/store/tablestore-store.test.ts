/**
 * The Tablestore store: the shared contract and what only it has to prove — writers of one row
 * serialised by its version, a write whose answer was lost counted only if it landed, and a row
 * expired by its own column before Tablestore's lazy TTL removed it.
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
import { LEDGER_TABLE, type LedgerTable, startLedgerTable } from '#test/helpers/ledger-table.ts';
import { describeStoreContract } from './store-contract.ts';

let ledger: LedgerTable;
beforeAll(async () => {
  ledger = await startLedgerTable();
});
afterAll(async () => {
  await ledger.close();
});

describeStoreContract(
  'TablestoreStore on the emulator',
  async (now) => new TablestoreStore(ledger.table(), { now }),
);

const LEASE = 30_000;
const TTL = 86_400_000;

type Operation = 'getRow' | 'putRow' | 'updateRow';

/** A table that runs `before` ahead of each call, so a test can fail it or race it. */
class InterceptedTable implements OtsTable {
  readonly calls: Operation[] = [];
  before: (operation: Operation, key: string) => Promise<void> = async () => {};
  after: (operation: Operation) => Promise<void> = async () => {};
  constructor(readonly inner: OtsTable) {}
  async getRow(key: string) {
    this.calls.push('getRow');
    await this.before('getRow', key);
    return this.inner.getRow(key);
  }
  async putRow(key: string, columns: OtsColumns, condition: WriteCondition) {
    this.calls.push('putRow');
    await this.before('putRow', key);
    await this.inner.putRow(key, columns, condition);
    await this.after('putRow');
  }
  async updateRow(key: string, update: RowUpdate, condition: WriteCondition) {
    this.calls.push('updateRow');
    await this.before('updateRow', key);
    await this.inner.updateRow(key, update, condition);
    await this.after('updateRow');
  }
  deleteRow(key: string, condition: WriteCondition) {
    return this.inner.deleteRow(key, condition);
  }
}

const lost = () =>
  new OtsError('socket hang up', { code: 'NetworkError', status: 0, outcomeUnknown: true });

function setUp(time = { now: 1_700_000_000_000 }, maxAttempts?: number) {
  const raw = ledger.table();
  const table = new InterceptedTable(raw);
  const store = new TablestoreStore(table, {
    now: () => time.now,
    ...(maxAttempts ? { maxAttempts } : {}),
  });
  // Every test its own row.
  const k = `k-${randomUUID()}`;
  return { raw, table, store, time, k };
}

async function own(store: TablestoreStore, key: string) {
  const begun = await store.begin(key, 'fp', LEASE, TTL);
  if (begun.state !== 'new' && begun.state !== 'resumed') throw new Error(begun.state);
  return begun.token;
}

describe('TablestoreStore on one row', () => {
  it('serialises writers of one row: a writer that lost the race to another instance reads again and decides anew', async () => {
    const { raw, table, store, k, time } = setUp();
    const token = await own(store, k);
    const other = new TablestoreStore(raw, { now: () => time.now });
    let raced = false;
    table.before = async (operation) => {
      // Between this claim's read and its write, another instance's claim of the same owner lands.
      if (operation === 'updateRow' && !raced) {
        raced = true;
        await other.claimChunk(k, token, 1, LEASE, TTL);
      }
    };

    const claim = await store.claimChunk(k, token, 0, LEASE, TTL);

    expect(claim).toEqual({ state: 'claimed', inDoubt: false });
    expect(await store.claimChunk(k, token, 0, LEASE, TTL)).toEqual({ state: 'in-progress' });
    expect(await store.claimChunk(k, token, 1, LEASE, TTL)).toEqual({ state: 'in-progress' });
    // This claim writes on the row as the begin left it, without reading it: the racing one
    // landed first, so this one is refused, reads the row and writes again. An answer that
    // writes nothing (in-progress) is always checked against a fresh read.
    expect(table.calls.slice(2)).toEqual(['updateRow', 'getRow', 'updateRow', 'getRow', 'getRow']);
  });

  it("runs one invocation's operations on a row one at a time: 40 concurrent chunks never race", async () => {
    const { table, store, k } = setUp(undefined, 1);
    const token = await own(store, k);

    const completed = await Promise.all(
      Array.from({ length: 40 }, async (_, index) => {
        const claim = await store.claimChunk(k, token, index, LEASE, TTL);
        expect(claim).toEqual({ state: 'claimed', inDoubt: false });
        return store.completeChunk(k, token, index, { index }, TTL);
      }),
    );

    // one attempt each was enough: no write was refused, none read the row again after begin's
    expect(completed.every(Boolean)).toBe(true);
    expect(table.calls.slice(0, 2)).toEqual(['getRow', 'putRow']);
    expect(table.calls.slice(2)).toEqual(Array.from({ length: 80 }, () => 'updateRow'));
    expect(await store.finish(k, token, 'done', TTL)).toBe(true);
  });

  it('runs the next operation on a row after one that failed', async () => {
    const { table, store, k } = setUp();
    const token = await own(store, k);
    let fail = true;
    table.before = async (operation) => {
      if (operation === 'updateRow' && fail) {
        fail = false;
        throw new OtsError('refused', {
          code: 'OTSParameterInvalid',
          status: 400,
          outcomeUnknown: false,
        });
      }
    };

    const [failed, claimed] = await Promise.allSettled([
      store.claimChunk(k, token, 0, LEASE, TTL),
      store.claimChunk(k, token, 1, LEASE, TTL),
    ]);

    expect(failed.status).toBe('rejected');
    expect(claimed).toEqual({ status: 'fulfilled', value: { state: 'claimed', inDoubt: false } });
  });

  it('counts a write whose answer was lost as done when the row carries its write id', async () => {
    const { table, store, k } = setUp();
    const token = await own(store, k);
    table.after = async (operation) => {
      if (operation === 'updateRow') throw lost();
    };

    expect(await store.claimChunk(k, token, 0, LEASE, TTL)).toEqual({
      state: 'claimed',
      inDoubt: false,
    });
  });

  it('tries again from a fresh read when a write whose answer was lost did not land', async () => {
    const { table, store, k } = setUp();
    const token = await own(store, k);
    let losses = 1;
    table.before = async (operation) => {
      if (operation === 'updateRow' && losses-- > 0) throw lost();
    };

    const claim = await store.claimChunk(k, token, 0, LEASE, TTL);

    expect(claim).toEqual({ state: 'claimed', inDoubt: false });
    // the lost write, the read that finds it missing, a fresh read, the write again
    expect(table.calls.slice(2)).toEqual(['updateRow', 'getRow', 'getRow', 'updateRow']);
  });

  it('fails as a retryable store error, naming the loss, when every write is lost', async () => {
    const { table, store, k } = setUp(undefined, 3);
    const token = await own(store, k);
    table.before = async (operation) => {
      if (operation === 'updateRow') throw lost();
    };

    const failure = await store.claimChunk(k, token, 0, LEASE, TTL).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(IdempotencyStoreError);
    expect(failure).toMatchObject({ retryable: true, statusCode: 503 });
    expect((failure as Error).message).toContain('could not claim a chunk: NetworkError');
    expect(table.calls.filter((call) => call === 'updateRow')).toHaveLength(3);
  });

  it('fails as a retryable store error when Tablestore refuses, naming its code', async () => {
    const { table, store, k } = setUp();
    table.before = async () => {
      throw new OtsError('busy', { code: 'OTSServerBusy', status: 503, outcomeUnknown: false });
    };

    await expect(store.begin(k, 'fp', LEASE, TTL)).rejects.toThrow(
      /could not begin: OTSServerBusy \(HTTP 503\)/,
    );
  });

  it('gives up with a store error when the row keeps changing under it', async () => {
    const { raw, table, store, k } = setUp(undefined, 3);
    let version = 100;
    table.before = async (operation, key) => {
      // Another writer gets in between every read and write.
      if (operation === 'putRow') await raw.putRow(key, { v: version++ }, { row: 'IGNORE' });
    };

    await expect(store.begin(k, 'fp', LEASE, TTL)).rejects.toThrow(/within 3 attempts/);
    expect(table.calls.filter((call) => call === 'putRow')).toHaveLength(3);
  });

  it('treats a row past its expiry column as absent before Tablestore deletes it, and replaces it whole', async () => {
    const { raw, store, time, k } = setUp();
    const token = await own(store, k);
    await store.claimChunk(k, token, 0, LEASE, TTL);
    time.now += TTL;

    expect(await store.begin(k, 'other-fp', LEASE, TTL)).toMatchObject({ state: 'new' });
    const row = (await raw.getRow(k)) ?? {};
    expect(Object.keys(row).sort()).toEqual(['exp', 'h', 'v', 'w']);
    expect(row.v).toBe(3);
  });

  it('writes only the chunk, the version and the expiry for a chunk operation', async () => {
    const { raw, store, time, k } = setUp();
    const token = await own(store, k);
    const head = (await raw.getRow(k))?.h;

    await store.claimChunk(k, token, 7, LEASE, TTL);

    const row = (await raw.getRow(k)) ?? {};
    expect(row.h).toBe(head);
    expect(row.exp).toBe(time.now + TTL);
    expect(JSON.parse(String(row.c7))).toEqual({
      state: 'in-progress',
      leaseUntil: time.now + LEASE,
      owner: token,
      inDoubt: false,
    });
  });

  it('refuses a row it cannot read as a store error, not as an absent record', async () => {
    const { raw, store, k } = setUp();
    await raw.putRow(k, { h: '{not json', v: 1, exp: Number.MAX_SAFE_INTEGER }, { row: 'IGNORE' });

    const failure = await store.begin(k, 'fp', LEASE, TTL).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(IdempotencyStoreError);
    expect((failure as Error).message).toBe('The idempotency store holds a row it cannot read.');
  });

  it('renews every column of the row when a request is resumed, so no chunk outlives its version', async () => {
    const { store, time, k } = setUp();
    const token = await own(store, k);
    await store.claimChunk(k, token, 3, LEASE, TTL);
    const claimedAt = versionTime(k, 'c3');
    await new Promise((resolve) => setTimeout(resolve, 5));
    time.now += LEASE + 1;

    expect(await store.begin(k, 'fp', LEASE, TTL)).toMatchObject({ state: 'resumed' });

    expect(versionTime(k, 'c3')).toBeGreaterThan(claimedAt);
    expect(versionTime(k, 'h')).toBe(versionTime(k, 'c3'));
  });

  it('writes only what changed for a chunk: the head keeps its version', async () => {
    const { store, k } = setUp();
    const token = await own(store, k);
    const begunAt = versionTime(k, 'h');
    await new Promise((resolve) => setTimeout(resolve, 5));

    await store.claimChunk(k, token, 0, LEASE, TTL);

    expect(versionTime(k, 'h')).toBe(begunAt);
    expect(versionTime(k, 'c0')).toBeGreaterThan(begunAt);
  });

  it('replaces a row whose head has expired in Tablestore but whose version remains', async () => {
    const { raw, store, k } = setUp();
    await raw.putRow(k, { v: 5 }, { row: 'IGNORE' });

    expect(await store.begin(k, 'fp', LEASE, TTL)).toMatchObject({ state: 'new' });
    expect((await raw.getRow(k))?.v).toBe(6);
  });

  it("fails on an error that is not Tablestore's, never counting the write as done", async () => {
    const { table, store, k } = setUp();
    const token = await own(store, k);
    table.before = async (operation) => {
      if (operation === 'updateRow') throw new TypeError('bug in the client');
    };

    await expect(store.claimChunk(k, token, 0, LEASE, TTL)).rejects.toThrow(
      /could not claim a chunk: bug in the client/,
    );
  });

  it('claims and completes a chunk on the row as it last wrote it, without reading it again', async () => {
    const { table, store, k } = setUp();
    const token = await own(store, k);

    await store.claimChunk(k, token, 0, LEASE, TTL);
    await store.completeChunk(k, token, 0, { sent: 10 }, TTL);
    await store.finish(k, token, 'done', TTL);

    expect(table.calls).toEqual(['getRow', 'putRow', 'updateRow', 'updateRow', 'putRow']);
  });

  it('does not retry a write Tablestore refused without applying it', async () => {
    const { table, store, k } = setUp();
    const token = await own(store, k);
    table.before = async (operation) => {
      if (operation === 'updateRow') {
        throw new OtsError('busy', { code: 'OTSServerBusy', status: 503, outcomeUnknown: false });
      }
    };

    await expect(store.claimChunk(k, token, 0, LEASE, TTL)).rejects.toThrow(/OTSServerBusy/);
    expect(table.calls.slice(2)).toEqual(['updateRow']);
  });

  it('decides again on a fresh read when a write was lost and its row is gone: nothing left to claim', async () => {
    const { raw, table, store, k } = setUp();
    const token = await own(store, k);
    table.before = async (operation, key) => {
      if (operation === 'updateRow') {
        await raw.deleteRow(key, { row: 'IGNORE' });
        throw lost();
      }
    };

    expect(await store.claimChunk(k, token, 0, LEASE, TTL)).toEqual({ state: 'lost' });
  });

  it.each([
    ['begin', (store: TablestoreStore, k: string) => store.begin(k, 'fp', LEASE, TTL)],
    ['finish', (store: TablestoreStore, k: string) => store.finish(k, 't', 1, TTL)],
    ['abandon', (store: TablestoreStore, k: string) => store.abandon(k, 't')],
    [
      'claim a chunk',
      (store: TablestoreStore, k: string) => store.claimChunk(k, 't', 0, LEASE, TTL),
    ],
    [
      'complete a chunk',
      (store: TablestoreStore, k: string) => store.completeChunk(k, 't', 0, 1, TTL),
    ],
    [
      'release a chunk',
      (store: TablestoreStore, k: string) => store.releaseChunk(k, 't', 0, false, TTL),
    ],
  ])('names the operation it could not do: %s', async (operation, call) => {
    const { table, store, k } = setUp();
    table.before = async () => {
      throw new OtsError('busy', { code: 'OTSServerBusy', status: 503, outcomeUnknown: false });
    };

    await expect(call(store, k)).rejects.toThrow(`could not ${operation}: OTSServerBusy`);
  });
});

/** When the emulator wrote the latest version of a column of row `k`. */
function versionTime(k: string, column: string): number {
  const row = ledger.emulator.rows(LEDGER_TABLE)?.find((candidate) => candidate.key === k);
  const latest = row?.versions[column]?.[0];
  if (!latest) throw new Error(`no ${column} in row ${k}`);
  return latest.timestamp;
}

describe('TablestoreStore progress rows', () => {
  const failure = (code: string, status: number) =>
    new OtsError(code, { code, status, outcomeUnknown: false });

  it('names the operation and the code when Tablestore refuses a progress write, on either path', async () => {
    const { table, store, k } = setUp();
    table.before = async (operation) => {
      if (operation === 'updateRow') throw failure('OTSServerBusy', 503);
    };
    await expect(store.putProgress(k, 'h', 1, TTL)).rejects.toThrow(
      /could not write progress: OTSServerBusy \(HTTP 503\)/,
    );

    table.before = async (operation) => {
      if (operation === 'updateRow') throw failure('OTSConditionCheckFail', 403);
      if (operation === 'putRow') throw failure('OTSQuotaExhausted', 403);
    };
    await expect(store.putProgress(k, 'h', 1, TTL)).rejects.toThrow(
      /could not write progress: OTSQuotaExhausted \(HTTP 403\)/,
    );
  });

  it('gives up after three rounds when the row flips between live and expired under it', async () => {
    const { table, store, k } = setUp();
    table.before = async (operation) => {
      if (operation !== 'getRow') throw failure('OTSConditionCheckFail', 403);
    };

    await expect(store.putProgress(k, 'b0', 1, TTL)).rejects.toThrow(
      /could not write progress: the row kept changing/,
    );
    expect(table.calls).toEqual([
      'updateRow',
      'putRow',
      'updateRow',
      'putRow',
      'updateRow',
      'putRow',
    ]);
  });

  it('puts a part with the condition "not expired", and replaces an expired report only while it still is', async () => {
    const { raw, store, k, time } = setUp();
    await raw.putRow(`progress:${k}`, { pold: '"stale"', exp: time.now - 1 }, { row: 'IGNORE' });

    await store.putProgress(k, 'b0', 'fresh', TTL);

    expect(await raw.getRow(`progress:${k}`)).toEqual({ pb0: '"fresh"', exp: time.now + TTL });
    expect(await store.readProgress(k)).toEqual({ b0: 'fresh' });
  });

  it('reads a report as expired at its expiry or without one, and ignores columns that are not parts', async () => {
    const { raw, store, k, time } = setUp();
    const row = `progress:${k}`;
    await raw.putRow(row, { ph: '"head"', exp: time.now, v: 3, p1: 7 }, { row: 'IGNORE' });
    expect(await store.readProgress(k)).toBeUndefined();

    await raw.putRow(row, { ph: '"head"' }, { row: 'IGNORE' });
    expect(await store.readProgress(k)).toBeUndefined();

    await raw.putRow(row, { ph: '"head"', exp: time.now + 1, v: 3, p1: 7 }, { row: 'IGNORE' });
    expect(await store.readProgress(k)).toEqual({ h: 'head' });
  });

  it('refuses a report it cannot read, and a failed read, as store errors naming the operation', async () => {
    const { raw, table, store, k, time } = setUp();
    await raw.putRow(`progress:${k}`, { ph: '{not json', exp: time.now + 1 }, { row: 'IGNORE' });
    await expect(store.readProgress(k)).rejects.toThrow(/could not read progress/);

    table.before = async () => {
      throw failure('OTSServerUnavailable', 503);
    };
    await expect(store.readProgress(k)).rejects.toThrow(
      /could not read progress: OTSServerUnavailable/,
    );
    await expect(store.peek(k)).rejects.toThrow(/could not read a record: OTSServerUnavailable/);
  });
});
