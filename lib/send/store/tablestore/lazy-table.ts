/**
 * The Tablestore wire client, loaded on first use.
 *
 * The client (its generated protobuf code and the protobufjs runtime, about 100 KB) costs
 * 11–15 ms at cold start. Every function bundles it, but a deployment on Redis or memory never
 * calls it, and `http-push` needs it only once a request carries an `Idempotency-Key`: the bundles
 * are built with code splitting, so `import()` here keeps it in a chunk read only when the first
 * keyed request arrives. A load that failed is not kept: the next call tries again, instead of
 * every later invocation of the instance failing the same way.
 */
import type { OtsTableOptions } from '#lib/send/store/tablestore/ots-client.ts';
import { OtsError, type OtsTable } from '#lib/send/store/tablestore/table.ts';

/** How the client module is loaded; tests inject a failing one. */
export type OtsClientLoader = () => Promise<
  typeof import('#lib/send/store/tablestore/ots-client.ts')
>;

let loaded: ReturnType<OtsClientLoader> | undefined;

const loadClient: OtsClientLoader = () => {
  loaded ??= import('#lib/send/store/tablestore/ots-client.ts').catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
};

/**
 * `otsTable(options)`, loading the client on the first call.
 * @example const table = lazyOtsTable({ endpoint, instance, table: 'push_ledger', primaryKey: 'key', credentials, timeoutMs });
 */
export function lazyOtsTable(options: OtsTableOptions, loader = loadClient): OtsTable {
  let table: Promise<OtsTable> | undefined;
  const get = (): Promise<OtsTable> => {
    table ??= loader().then(
      ({ otsTable }) => otsTable(options),
      (error: unknown) => {
        table = undefined;
        const message = error instanceof Error ? error.message : String(error);
        throw new OtsError(
          `The Tablestore client could not be loaded: ${message}`,
          { code: 'ClientNotLoaded', status: 0, outcomeUnknown: false },
          error,
        );
      },
    );
    return table;
  };
  return {
    getRow: async (key) => (await get()).getRow(key),
    putRow: async (key, columns, condition) => (await get()).putRow(key, columns, condition),
    updateRow: async (key, update, condition) => (await get()).updateRow(key, update, condition),
    deleteRow: async (key, condition) => (await get()).deleteRow(key, condition),
  };
}
