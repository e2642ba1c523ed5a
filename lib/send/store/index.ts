/**
 * The idempotency store an invocation uses, from the function's choice (`StoreChoice`, read from
 * its variables by lib/handler/store-choice.ts): Tablestore (shared by every instance, on the
 * role's credentials: the deployed default), Redis (shared, for teams on Tair), or memory (per
 * instance: explicit only).
 */
import { LazyRedisStore, LazyStore } from '#lib/send/store/lazy-store.ts';
import type { IdempotencyStore } from '#lib/send/store/store.ts';

export { fingerprint } from '#lib/send/store/fingerprint.ts';
export type {
  BeginResult,
  ClaimResult,
  IdempotencyStore,
  StoredJson,
} from '#lib/send/store/store.ts';
export { IdempotencyStoreError } from '#lib/send/store/store-error.ts';

/** Where idempotency records live: the function's configuration decides (store-choice.ts). */
export type StoreChoice =
  | { kind: 'memory' }
  | { kind: 'redis'; url: string }
  | { kind: 'tablestore'; endpoint: string; instance: string; table: string };

/** What a Tablestore store needs of the invocation: its role's credentials and its time left. */
export interface StoreAccess {
  credentials: { accessKeyId: string; accessKeySecret: string; securityToken: string };
  /** Milliseconds a store request may still take (the time left before the deadline). */
  timeoutMs: () => number;
}

/** The primary key column of the ledger table (s.yaml creates it). */
export const LEDGER_PRIMARY_KEY = 'key';

/** Stores kept for the life of the process, by setting ('memory' or the Redis URL). */
const stores = new Map<string, IdempotencyStore>();

/**
 * The store `choice` names, for one invocation. Memory and Redis stores are made once per process
 * and reused by later invocations, like a database pool (a memory store is useless if each
 * invocation gets a fresh one; a Redis connection costs a TCP and AUTH round trip). A Tablestore
 * store is made per invocation, cheaply, since it signs with that invocation's credentials,
 * which must never outlive it; its connections are pooled per endpoint, and its client is loaded
 * on first use (lazy-table.ts).
 * @example
 * const store = storeFor(config.store, { credentials, timeoutMs: () => deadline.remaining() });
 * const begun = await store.begin(key, fingerprint(request), 30_000, 86_400_000);
 */
export function storeFor(choice: StoreChoice, access?: StoreAccess): IdempotencyStore {
  if (choice.kind === 'tablestore') {
    if (!access) throw new Error("A Tablestore store needs the invocation's credentials.");
    // the store's code, like its wire client, is loaded when a request first needs it
    return new LazyStore('Tablestore', async () => {
      const [{ lazyOtsTable }, { TablestoreStore }] = await Promise.all([
        import('#lib/send/store/tablestore/lazy-table.ts'),
        import('#lib/send/store/tablestore-store.ts'),
      ]);
      const table = lazyOtsTable({
        endpoint: choice.endpoint,
        instance: choice.instance,
        table: choice.table,
        primaryKey: LEDGER_PRIMARY_KEY,
        credentials: access.credentials,
        timeoutMs: access.timeoutMs,
      });
      return new TablestoreStore(table);
    });
  }
  const setting = choice.kind === 'redis' ? choice.url : 'memory';
  let store = stores.get(setting);
  if (!store) {
    // ioredis is loaded on first use (lazy-store.ts), keeping it off the cold-start path; so is
    // the memory store, which only an explicit IDEMPOTENCY_STORE=memory chooses.
    store =
      choice.kind === 'redis'
        ? new LazyRedisStore(choice.url)
        : new LazyStore('memory', async () => {
            const { MemoryStore } = await import('#lib/send/store/memory-store.ts');
            return new MemoryStore();
          });
    stores.set(setting, store);
  }
  return store;
}

/**
 * Closes and forgets every store `storeFor` kept: for a graceful shutdown and between tests.
 * @example afterAll(closeStores);
 */
export async function closeStores(): Promise<void> {
  const open = [...stores.values()];
  stores.clear();
  await Promise.all(open.map((store) => store.close()));
}
