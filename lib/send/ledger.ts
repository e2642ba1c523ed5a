/**
 * Runs a piece of work at most once per idempotency key, under at-least-once delivery.
 *
 * The first invocation for a key owns it (a lease derived from the function's timeout); a
 * concurrent duplicate is told to come back later (HTTP 409, or a throw so the platform retries);
 * a later duplicate with the same payload gets the stored result replayed; the same key with
 * another payload is refused (HTTP 422). Work that did not complete (some chunks failed) gives
 * the key up, so the next delivery resumes at once and re-sends only what did not complete.
 */

import { fingerprint } from '#lib/send/store/fingerprint.ts';
import { storeFor } from '#lib/send/store/index.ts';
import type { IdempotencyStore, StoredJson } from '#lib/send/store/store.ts';
import { IdempotencyConflictError, IdempotencyMismatchError } from '#lib/shared/errors.ts';

export interface IdempotencySettings {
  store: IdempotencyStore;
  key: string;
  fingerprint: string;
  /** How long the owner may take before a duplicate may take over (the function's timeout). */
  leaseMs: number;
  ttlMs: number;
}

/** What the work returns: a value to answer with, and whether it is final (to be replayed). */
export interface WorkResult<T extends StoredJson> {
  value: T;
  complete: boolean;
}

/**
 * Runs `work` unless the key was already completed, in which case its stored value is returned.
 * @throws IdempotencyConflictError | IdempotencyMismatchError
 * @example const { value, replayed } = await once(settings, async () => ({ value: body, complete: true }));
 */
export async function once<T extends StoredJson>(
  settings: IdempotencySettings,
  work: () => Promise<WorkResult<T>>,
): Promise<{ value: T; replayed: boolean }> {
  const { store, key } = settings;
  const begun = await store.begin(key, settings.fingerprint, settings.leaseMs, settings.ttlMs);
  if (begun.state === 'done') return { value: begun.result as T, replayed: true };
  if (begun.state === 'in-progress') throw new IdempotencyConflictError(key);
  if (begun.state === 'mismatch') throw new IdempotencyMismatchError(key);
  let result: WorkResult<T>;
  try {
    result = await work();
  } catch (error) {
    await store.abandon(key);
    throw error;
  }
  if (result.complete) await store.finish(key, result.value, settings.ttlMs);
  else await store.abandon(key);
  return { value: result.value, replayed: false };
}

/** How long after the deadline a lease still holds: FC ends the invocation by then. */
const LEASE_MARGIN_MS = 5_000;

/** What an invocation supplies to idempotency: where records live, how long, and its deadline. */
export interface IdempotencyScope {
  config: { redisUrl: string | undefined; idempotencyTtlMs: number };
  deadline: { remaining(): number };
}

/**
 * The store, lease and TTL of `key` for this invocation. The lease is computed at each call and
 * ends just after the deadline: a duplicate may take over only once FC has certainly ended this
 * invocation, and not much later.
 * @example const { store, leaseMs } = scopedKey(invocation, 'mns:42');
 */
export function scopedKey(scope: IdempotencyScope, key: string) {
  return {
    store: storeFor({ REDIS_URL: scope.config.redisUrl }),
    key,
    leaseMs: () => scope.deadline.remaining() + LEASE_MARGIN_MS,
    ttlMs: scope.config.idempotencyTtlMs,
  };
}

/**
 * `once` under `key` when there is one; without a key the work simply runs (nothing to dedupe on).
 * @example await onceIfKeyed(invocation, 'http:order-42', request, work)
 */
export async function onceIfKeyed<T extends StoredJson>(
  scope: IdempotencyScope,
  key: string | undefined,
  payload: unknown,
  work: () => Promise<WorkResult<T>>,
): Promise<{ value: T; replayed: boolean }> {
  if (key === undefined) return { value: (await work()).value, replayed: false };
  const scoped = scopedKey(scope, key);
  return once({ ...scoped, leaseMs: scoped.leaseMs(), fingerprint: fingerprint(payload) }, work);
}
