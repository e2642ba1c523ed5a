/**
 * Making the chosen store: memory and Redis once per process, Tablestore per invocation.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeStores, storeFor } from '#lib/send/store/index.ts';
import { LazyRedisStore, LazyStore } from '#lib/send/store/lazy-store.ts';
import { MemoryStore } from '#lib/send/store/memory-store.ts';
import { startLedgerTable } from '#test/helpers/ledger-table.ts';

afterEach(closeStores);

const MEMORY = { kind: 'memory' } as const;
const REDIS = { kind: 'redis', url: 'redis://127.0.0.1:1' } as const;
const TABLESTORE = {
  kind: 'tablestore',
  endpoint: 'http://127.0.0.1:1',
  instance: 'local',
  table: 'push_ledger',
} as const;
const ACCESS = {
  credentials: { accessKeyId: 'STS.test', accessKeySecret: 'secret', securityToken: 'token' },
  timeoutMs: () => 1_000,
};

describe('storeFor', () => {
  it('makes a memory store and a Redis store without loading their code or connecting yet', async () => {
    const begin = vi.spyOn(MemoryStore.prototype, 'begin');
    const memory = storeFor(MEMORY);

    expect(memory).toBeInstanceOf(LazyStore);
    expect(storeFor(REDIS)).toBeInstanceOf(LazyRedisStore);
    expect(await memory.begin('k', 'fp', 30_000, 60_000)).toMatchObject({ state: 'new' });
    expect(begin).toHaveBeenCalledTimes(1);
    begin.mockRestore();
  });

  it('returns the same memory or Redis store to every invocation of the process', () => {
    expect(storeFor(MEMORY)).toBe(storeFor({ kind: 'memory' }));
    expect(storeFor(REDIS)).toBe(storeFor({ kind: 'redis', url: REDIS.url }));
    expect(storeFor(REDIS)).not.toBe(storeFor(MEMORY));
    expect(storeFor({ kind: 'redis', url: 'redis://127.0.0.1:2' })).not.toBe(storeFor(REDIS));
  });

  it('keeps state across invocations in the memory store', async () => {
    await storeFor(MEMORY).begin('k', 'fp', 30_000, 60_000);

    expect(await storeFor(MEMORY).begin('k', 'fp', 30_000, 60_000)).toEqual({
      state: 'in-progress',
    });
  });

  it('closes every store it kept when closeStores is called', async () => {
    const close = vi.spyOn(MemoryStore.prototype, 'close');
    await storeFor(MEMORY).begin('k', 'fp', 30_000, 60_000);

    await closeStores();

    expect(close).toHaveBeenCalledTimes(1);
    close.mockRestore();
  });

  it('makes new stores after closeStores', async () => {
    const first = storeFor(MEMORY);

    await closeStores();

    expect(storeFor(MEMORY)).not.toBe(first);
  });

  it('makes a Tablestore store per invocation, since each signs with its own credentials, loaded on first use', () => {
    const first = storeFor(TABLESTORE, ACCESS);

    expect(first).toBeInstanceOf(LazyStore);
    expect(storeFor(TABLESTORE, ACCESS)).not.toBe(first);
  });

  it('makes a Tablestore store that works on the table it names, with the credentials it is given', async () => {
    const ledger = await startLedgerTable();
    try {
      const { endpoint, instance, table, credentials } = ledger.options;
      const store = storeFor(
        { kind: 'tablestore', endpoint, instance, table },
        { credentials, timeoutMs: () => 5_000 },
      );

      expect(await store.begin('k', 'fp', 30_000, 60_000)).toMatchObject({ state: 'new' });
      expect(ledger.emulator.rows(table)).toHaveLength(1);
    } finally {
      await ledger.close();
    }
  });

  it('refuses to make a Tablestore store without the invocation credentials', () => {
    expect(() => storeFor(TABLESTORE)).toThrow(
      new Error("A Tablestore store needs the invocation's credentials."),
    );
  });
});
