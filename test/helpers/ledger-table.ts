/**
 * The ledger table on a Tablestore emulator over loopback, as the functions reach it in local
 * mode: the real wire client (`otsTable`), signed with STS credentials the emulator minted.
 */

import { type OtsTableOptions, otsTable } from '#lib/send/store/tablestore/ots-client.ts';
import type { OtsTable } from '#lib/send/store/tablestore/table.ts';
import type { CredentialStore } from '#local/emulator/sts.ts';
import { createLedgerTable } from '#local/tablestore/ledger.ts';
import { startTablestoreEmulator, type TablestoreEmulator } from '#local/tablestore/server.ts';

export interface LedgerTable {
  emulator: TablestoreEmulator;
  options: OtsTableOptions;
  /** A client of the table (cheap: one per store, as one per invocation in the functions). */
  table(): OtsTable;
  close(): Promise<void>;
}

export const LEDGER_TABLE = 'push_ledger';

/**
 * Starts an emulator with the ledger table (no Tablestore TTL: the store's own expiry column is
 * what the tests exercise), accepting the credentials of `sts` if given (e.g. the mPaaS
 * emulator's, so one role's credentials sign both).
 * @example const ledger = await startLedgerTable(); new TablestoreStore(ledger.table());
 */
export async function startLedgerTable(sts?: CredentialStore): Promise<LedgerTable> {
  const emulator = await startTablestoreEmulator(sts ? { credentials: sts } : {});
  const options = await createLedgerTable(
    emulator,
    emulator.mintCredentials(86_400),
    LEDGER_TABLE,
    -1,
  );
  return {
    emulator,
    options,
    table: () => otsTable(options),
    close: () => emulator.close(),
  };
}
