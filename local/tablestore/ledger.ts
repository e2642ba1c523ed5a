/**
 * The idempotency ledger of local mode: an embedded Tablestore emulator with the ledger table,
 * so `npm start` runs the same store code as the cloud, unless the environment names a store
 * (`TABLESTORE_ENDPOINT`, `REDIS_URL` or `IDEMPOTENCY_STORE`), which is then used as it is.
 */

import { LEDGER_PRIMARY_KEY } from '#lib/send/store/index.ts';
import { describeRedisUrl } from '#lib/send/store/store-error.ts';
import { createTable, type OtsTableOptions } from '#lib/send/store/tablestore/ots-client.ts';
import type { CredentialStore } from '#local/emulator/sts.ts';
import { startTablestoreEmulator, type TablestoreEmulator } from '#local/tablestore/server.ts';

/** The table's default name, as lib/handler/config.ts and s.yaml have it. */
const DEFAULT_TABLE = 'push_ledger';
/** The table keeps versions a day past the ledger's TTL, as s.yaml creates it. */
const TABLE_TTL_MARGIN_SECONDS = 86_400;

export interface LocalLedger {
  /** One line for the start banner. */
  description: string;
  close(): Promise<void>;
}

/**
 * Starts the embedded Tablestore with the ledger table and points `env` at it, unless `env`
 * already names a store.
 * @example const ledger = await startLocalLedger(process.env, sts, 9002);
 */
export async function startLocalLedger(
  env: NodeJS.ProcessEnv,
  sts: CredentialStore,
  port: number,
): Promise<LocalLedger> {
  if (env.TABLESTORE_ENDPOINT || env.REDIS_URL || env.IDEMPOTENCY_STORE) {
    const named =
      env.TABLESTORE_ENDPOINT ?? (env.REDIS_URL ? describeRedisUrl(env.REDIS_URL) : undefined);
    return {
      description:
        `${env.IDEMPOTENCY_STORE ?? (env.TABLESTORE_ENDPOINT ? 'tablestore' : 'redis')} ${named ?? ''}`.trim(),
      close: async () => {},
    };
  }
  const emulator = await startTablestoreEmulator({ port, credentials: sts });
  const table = env.IDEMPOTENCY_TABLE ?? DEFAULT_TABLE;
  const ttlSeconds = Number(env.IDEMPOTENCY_TTL_SECONDS ?? 86_400) + TABLE_TTL_MARGIN_SECONDS;
  await createLedgerTable(emulator, sts.mint(60), table, ttlSeconds);
  env.TABLESTORE_ENDPOINT = emulator.url;
  env.TABLESTORE_INSTANCE = emulator.instance;
  return {
    description: `tablestore emulator ${emulator.url} (table ${table}; GET /_tables/${table} lists its rows)`,
    close: () => emulator.close(),
  };
}

/**
 * Creates the ledger table on `emulator` as s.yaml creates it in the cloud (PK `key` STRING, one
 * version, `timeToLiveSeconds`, -1 for none), and answers the client options that reach it as
 * `credentials`.
 * @example const options = await createLedgerTable(emulator, sts.mint(), 'push_ledger', -1);
 */
export async function createLedgerTable(
  emulator: TablestoreEmulator,
  credentials: OtsTableOptions['credentials'],
  table: string,
  timeToLiveSeconds: number,
): Promise<OtsTableOptions> {
  const options: OtsTableOptions = {
    endpoint: emulator.url,
    instance: emulator.instance,
    table,
    primaryKey: LEDGER_PRIMARY_KEY,
    credentials,
    timeoutMs: () => 5_000,
  };
  await createTable(options, { timeToLiveSeconds, maxVersions: 1 });
  return options;
}
