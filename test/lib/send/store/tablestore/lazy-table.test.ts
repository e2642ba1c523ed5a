/**
 * The lazily loaded Tablestore client: a failed load is a typed store failure that the next call
 * retries, not a broken instance.
 */
import { describe, expect, it } from 'vitest';
import { IdempotencyStoreError } from '#lib/send/store/store-error.ts';
import { lazyOtsTable } from '#lib/send/store/tablestore/lazy-table.ts';
import * as client from '#lib/send/store/tablestore/ots-client.ts';
import { OtsError } from '#lib/send/store/tablestore/table.ts';
import { TablestoreStore } from '#lib/send/store/tablestore-store.ts';
import { type LedgerTable, startLedgerTable } from '#test/helpers/ledger-table.ts';

describe('lazyOtsTable', () => {
  it('loads the client on the first call and again after a failed load, never before', async () => {
    let ledger: LedgerTable | undefined;
    try {
      ledger = await startLedgerTable();
      let loads = 0;
      const loader = async () => {
        loads += 1;
        if (loads === 1) throw new Error('chunk missing');
        return client;
      };
      const table = lazyOtsTable(ledger.options, loader);
      expect(loads).toBe(0);

      const first = await table.getRow('k').catch((error: unknown) => error);
      expect(first).toBeInstanceOf(OtsError);
      expect(first).toMatchObject({ code: 'ClientNotLoaded', outcomeUnknown: false });
      expect((first as Error).message).toBe(
        'The Tablestore client could not be loaded: chunk missing',
      );

      await table.putRow('k', { v: 1 }, { row: 'IGNORE' });
      await table.updateRow('k', { put: { w: 'x' } }, { row: 'EXPECT_EXIST' });
      expect(await table.getRow('k')).toEqual({ v: 1, w: 'x' });
      await table.deleteRow('k', { row: 'EXPECT_EXIST' });
      expect(await table.getRow('k')).toBeUndefined();
      expect(loads).toBe(2);
    } finally {
      await ledger?.close();
    }
  });

  it('makes a failed load a retryable store error for the store', async () => {
    const table = lazyOtsTable(
      {
        endpoint: 'http://127.0.0.1:1',
        instance: 'local',
        table: 't',
        primaryKey: 'key',
        credentials: { accessKeyId: 'a', accessKeySecret: 'b', securityToken: 'c' },
        timeoutMs: () => 1_000,
      },
      async () => {
        throw new Error('chunk missing');
      },
    );

    const failure = await new TablestoreStore(table)
      .begin('k', 'fp', 1_000, 60_000)
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(IdempotencyStoreError);
    expect((failure as Error).message).toMatch(/could not begin: ClientNotLoaded/);
  });
});
