/**
 * The request ledger: runs a piece of work at most once per idempotency key, under
 * at-least-once delivery.
 *
 * The first invocation for a key owns it (a lease that ends just after its deadline); a
 * concurrent duplicate is told to come back later (HTTP 409, or a throw so the platform retries);
 * a later duplicate with the same payload gets the stored result replayed; the same key with
 * another payload is refused (HTTP 422). Work that did not complete (some chunks failed) gives
 * the key up, so the next delivery resumes at once and re-sends only what did not complete.
 * Results go in and out of the store through a typed codec.
 */
import type { Codec } from '#lib/send/store/codec.ts';
import { fingerprint } from '#lib/send/store/fingerprint.ts';
import type { ClaimResult, IdempotencyStore } from '#lib/send/store/store.ts';
import { IdempotencyConflictError, IdempotencyMismatchError } from '#lib/shared/errors.ts';
import type { Deadline } from '#lib/shared/fc-context.ts';
import type { Logger } from '#lib/shared/logger.ts';

/** Where an invocation keeps its records, for how long, when it ends, and where it logs. */
export interface LedgerScope {
  store: IdempotencyStore;
  ttlMs: number;
  deadline: Deadline;
  logger: Logger;
}

/** One key of the ledger: the store, the key, its lease (computed at each call) and its TTL. */
export interface KeyLedger {
  store: IdempotencyStore;
  key: string;
  /** How long a claim may hold the key or a chunk: the time left plus a margin. */
  leaseMs: () => number;
  ttlMs: number;
  /** Where a store failure after the work ran is reported, since it is not thrown. */
  logger: Logger;
}

/** The key once this invocation owns it: its owner token goes with every later write. */
export interface OwnedKey extends KeyLedger {
  token: string;
}

/** What the work returns: a value to answer with, and whether it is final (to be replayed). */
export interface WorkResult<T> {
  value: T;
  complete: boolean;
}

/** How long after the deadline a lease still holds: FC ends the invocation by then. */
const LEASE_MARGIN_MS = 5_000;

/**
 * The ledger of `key` for this invocation. The lease ends just after the deadline: a duplicate
 * may take over only once FC has certainly ended this invocation, and not much later.
 * @example const { store, leaseMs } = keyLedger(scope, 'mns:42');
 */
export function keyLedger(scope: LedgerScope, key: string): KeyLedger {
  return {
    store: scope.store,
    key,
    leaseMs: () => scope.deadline.remaining() + LEASE_MARGIN_MS,
    ttlMs: scope.ttlMs,
    logger: scope.logger,
  };
}

/**
 * Runs `work` unless the key was already completed, in which case its stored value is returned.
 *
 * Once the work has run, its answer stands: a push that went out is never reported as failed
 * because the store could not record it (the caller would retry and push again). A failing
 * `finish` or `abandon` is logged and the value returned; the record stays in progress, so the
 * next delivery takes it over when the lease ends and replays the chunks that were recorded. A
 * failing `abandon` after the work threw never hides the work's own error.
 * @throws IdempotencyConflictError | IdempotencyMismatchError | IdempotencyStoreError (from `begin`)
 * @example const { value, replayed } = await once(ledger, request, codec, async () => ({ value, complete: true }));
 */
export async function once<T>(
  ledger: KeyLedger,
  payload: unknown,
  codec: Codec<T>,
  work: (owned: OwnedKey) => Promise<WorkResult<T>>,
): Promise<{ value: T; replayed: boolean }> {
  const { store, key } = ledger;
  const begun = await store.begin(key, fingerprint(payload), ledger.leaseMs(), ledger.ttlMs);
  if (begun.state === 'done') return { value: codec.decode(begun.result), replayed: true };
  if (begun.state === 'in-progress') throw new IdempotencyConflictError(key);
  if (begun.state === 'mismatch') throw new IdempotencyMismatchError(key);
  const owned: OwnedKey = { ...ledger, token: begun.token };
  let result: WorkResult<T>;
  try {
    result = await work(owned);
  } catch (error) {
    await settle(owned, 'abandon', () => store.abandon(key, owned.token));
    throw error;
  }
  if (result.complete) {
    const stored = codec.encode(result.value);
    await settle(owned, 'finish', () => store.finish(key, owned.token, stored, ledger.ttlMs));
  } else {
    await settle(owned, 'abandon', () => store.abandon(key, owned.token));
  }
  return { value: result.value, replayed: false };
}

/** Runs a write that follows the work; its failure is logged, never thrown (see `once`). */
function settle(owned: OwnedKey, operation: string, write: () => Promise<boolean>) {
  const fields = { key: owned.key, operation };
  return settleWrite(owned.logger, 'idempotency record taken over', fields, write);
}

/**
 * Runs a compare-and-set write whose outcome must not change the answer: a write that took no
 * effect (another invocation took over meanwhile) is logged as `takenOver`, a store failure as
 * `idempotency record not written`; neither is thrown.
 * @example await settleWrite(logger, 'chunk taken over', { chunk: 3 }, () => store.completeChunk(…))
 */
export async function settleWrite(
  logger: Logger,
  takenOver: string,
  fields: Record<string, unknown>,
  write: () => Promise<boolean>,
): Promise<void> {
  try {
    if (!(await write())) logger.warn(takenOver, fields);
  } catch (error) {
    logger.error('idempotency record not written', { ...fields, error });
  }
}

/**
 * Claims part `index` of an owned key (a chunk, a dispatch batch) before it is sent. A claim
 * that failed may have been written all the same (its answer lost): it is given back, so a
 * redelivery does not take the part for one that may have been sent.
 * @throws whatever the store threw
 * @example const claim = await claimPart(owned, 0);
 */
export async function claimPart(owned: OwnedKey, index: number): Promise<ClaimResult> {
  const { store, key, token, ttlMs } = owned;
  try {
    return await store.claimChunk(key, token, index, owned.leaseMs(), ttlMs);
  } catch (error) {
    await store.releaseChunk(key, token, index, false, ttlMs).catch(() => false);
    throw error;
  }
}

/**
 * `once` under the ledger's key when there is one; without a key the work simply runs (nothing
 * to dedupe on).
 * @example await onceIfKeyed(ledger, request, codec, work)
 */
export async function onceIfKeyed<T>(
  ledger: KeyLedger | undefined,
  payload: unknown,
  codec: Codec<T>,
  work: (owned: OwnedKey | undefined) => Promise<WorkResult<T>>,
): Promise<{ value: T; replayed: boolean }> {
  if (ledger === undefined) return { value: (await work(undefined)).value, replayed: false };
  return once(ledger, payload, codec, work);
}
