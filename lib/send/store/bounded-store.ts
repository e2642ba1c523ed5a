/**
 * A store whose every call ends before the invocation's deadline. The stores' own timeouts
 * (Redis: 2 s to connect, 2 s per command) do not know the time left, and an invocation that
 * waits on its store past FC's timeout is killed without answering, so its caller retries
 * everything in doubt. Each call here races a timer of the time left minus a margin and fails as
 * a retryable store error when it loses; the call itself may still land, which the ledger's rules
 * already allow for (a claim answered late is given back, a late result is a compare-and-set).
 */
import type {
  BeginResult,
  ClaimResult,
  IdempotencyStore,
  StoredJson,
} from '#lib/send/store/store.ts';
import { IdempotencyStoreError } from '#lib/send/store/store-error.ts';
import type { Deadline } from '#lib/shared/fc-context.ts';

/** Kept back before the deadline for the answer and the summary line, ms. */
export const STORE_MARGIN_MS = 500;

/**
 * `store`, with every call bounded by `deadline` less `marginMs`.
 * @example const store = boundedStore(storeFor(env), invocation.deadline);
 */
export function boundedStore(
  store: IdempotencyStore,
  deadline: Deadline,
  marginMs = STORE_MARGIN_MS,
): IdempotencyStore {
  const bounded = <T>(operation: string, call: () => Promise<T>): Promise<T> => {
    const budget = deadline.remaining() - marginMs;
    if (budget <= 0) {
      return Promise.reject(
        new IdempotencyStoreError(`No time left to ${operation} before the function times out.`),
      );
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new IdempotencyStoreError(
              `The idempotency store did not ${operation} within the ${budget} ms left.`,
            ),
          ),
        budget,
      );
    });
    return Promise.race([call(), timeout]).finally(() => clearTimeout(timer));
  };
  return {
    begin: (key, fp, leaseMs, ttlMs): Promise<BeginResult> =>
      bounded('begin', () => store.begin(key, fp, leaseMs, ttlMs)),
    finish: (key, token, result: StoredJson, ttlMs) =>
      bounded('finish', () => store.finish(key, token, result, ttlMs)),
    abandon: (key, token) => bounded('abandon', () => store.abandon(key, token)),
    claimChunk: (key, token, index, leaseMs, ttlMs): Promise<ClaimResult> =>
      bounded('claim a chunk', () => store.claimChunk(key, token, index, leaseMs, ttlMs)),
    completeChunk: (key, token, index, result: StoredJson, ttlMs) =>
      bounded('complete a chunk', () => store.completeChunk(key, token, index, result, ttlMs)),
    releaseChunk: (key, token, index, inDoubt, ttlMs) =>
      bounded('release a chunk', () => store.releaseChunk(key, token, index, inDoubt, ttlMs)),
    peek: (key) => bounded('read a record', () => store.peek(key)),
    putProgress: (key, part, value: StoredJson, ttlMs) =>
      bounded('write progress', () => store.putProgress(key, part, value, ttlMs)),
    readProgress: (key) => bounded('read progress', () => store.readProgress(key)),
    // The store outlives the invocation: closing it is the process's business, not this view's.
    close: async () => {},
  };
}
