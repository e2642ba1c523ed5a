/**
 * A fresh Tablestore emulator per test, on a clock the test can move, with STS credentials minted
 * by it, and the two clients that talk to it: ours (`otsTable`) and the real SDK.
 *
 * Why per test: tables, rows, faults and the clock all start clean, and starting a node:http
 * server on a free port takes about a millisecond.
 */
import TableStore, { type SdkClient } from 'tablestore';
import { afterEach, beforeEach } from 'vitest';
import type { OtsTableOptions } from '#lib/send/store/tablestore/ots-client.ts';
import type { StsCredentials } from '#local/emulator/sts.ts';
import { startTablestoreEmulator, type TablestoreEmulator } from '#local/tablestore/server.ts';

export interface OtsTestBed {
  emulator: TablestoreEmulator;
  credentials: StsCredentials;
  /** Moves the emulator's data clock (TTL, timestamps, token expiry) forward. */
  advance(ms: number): void;
  /** One line per request the emulator served, as its `log` option writes them. */
  requests: string[];
  /** Options of our client for `table` (primary key `id`); `timeoutMs` 2 s unless overridden. */
  options(overrides?: Partial<OtsTableOptions>): OtsTableOptions;
  /** The real SDK, as `tablestore.md` §1 says to make it: no retries, a timeout. */
  sdk(overrides?: { accessKeyId?: string; secretAccessKey?: string; stsToken?: string }): SdkClient;
}

/**
 * Registers the hooks; the returned object is filled in before each test.
 * @example const bed = useOtsTestBed(); it('…', async () => { await bed.sdk().listTable({}); });
 */
export function useOtsTestBed(): OtsTestBed {
  const bed = {} as OtsTestBed;
  beforeEach(async () => {
    let clock = Date.now();
    const requests: string[] = [];
    const emulator = await startTablestoreEmulator({
      now: () => clock,
      log: (line) => requests.push(line),
    });
    // A month: TTL tests move the clock days ahead; expiry tests mint short-lived ones.
    const credentials = emulator.mintCredentials(30 * 86_400);
    Object.assign(bed, {
      emulator,
      credentials,
      requests,
      advance: (ms: number) => {
        clock += ms;
      },
      options: (overrides: Partial<OtsTableOptions> = {}) => ({
        endpoint: emulator.url,
        instance: emulator.instance,
        table: 'idem',
        primaryKey: 'id',
        credentials,
        timeoutMs: () => 2_000,
        ...overrides,
      }),
      sdk: (overrides = {}) =>
        new TableStore.Client({
          accessKeyId: credentials.accessKeyId,
          secretAccessKey: credentials.accessKeySecret,
          stsToken: credentials.securityToken,
          instancename: emulator.instance,
          endpoint: emulator.url,
          maxRetries: 0,
          httpOptions: { timeout: 5_000 },
          ...overrides,
        }),
    } satisfies OtsTestBed);
  });
  afterEach(async () => {
    await bed.emulator.close();
  });
  return bed;
}

/** The SDK's CreateTable parameters for a table keyed by one STRING `id`. */
export function sdkTableParams(
  tableName: string,
  tableOptions: object = { timeToLive: -1, maxVersions: 1 },
) {
  return {
    tableMeta: { tableName, primaryKey: [{ name: 'id', type: 'STRING' }] },
    reservedThroughput: { capacityUnit: { read: 0, write: 0 } },
    tableOptions,
  };
}

/** What an SDK call rejected with: the status it puts in `code`, and the raw protobuf body text. */
export async function sdkFailure(
  call: Promise<unknown>,
): Promise<{ status: unknown; body: string }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return { status: (error as Error & { code?: unknown }).code, body: error.message };
  }
  throw new Error('expected the SDK call to fail');
}
