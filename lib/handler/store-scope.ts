/**
 * What an invocation that keeps state is handed: the configured idempotency store bounded by its
 * deadline, a key's ledger in it, and a dispatch's options (its progress lives there too).
 *
 * A module of its own, beside scope.ts, so that http-push loads the store's code (the store
 * choice, the lazy and bounded wrappers) only when a request first carries an Idempotency-Key, is
 * dispatched or asks for progress: a push without a key never needs it (#11). The event
 * functions, whose every message has a key, import it at load.
 */
import { credentialsFromContext } from '#lib/handler/credentials.ts';
import type { Invocation, InvocationContext } from '#lib/handler/invocation.ts';
import { requireStore } from '#lib/handler/store-choice.ts';
import type { DispatchOptions } from '#lib/send/dispatch.ts';
import { type KeyLedger, keyLedger } from '#lib/send/ledger.ts';
import { boundedStore, STORE_MARGIN_MS } from '#lib/send/store/bounded-store.ts';
import { type IdempotencyStore, storeFor } from '#lib/send/store/index.ts';
import type { Logger } from '#lib/shared/logger.ts';

/**
 * What a dispatch needs: the worker and where it lives, the role's credentials, the limits.
 * @throws ConfigurationError when the function has no role.
 */
export function dispatchOptions(state: Invocation, context: InvocationContext): DispatchOptions {
  const { config } = state;
  return {
    credentials: credentialsFromContext(context),
    deadline: state.deadline,
    logger: state.logger,
    worker: config.workerFunction,
    target: {
      accountId: context.accountId ?? '',
      region: context.region ?? config.region,
      ...(config.fcEndpoint ? { endpoint: config.fcEndpoint } : {}),
    },
    concurrency: config.concurrency,
    retry: config.retry,
    progress: { store: sharedStore(state, context), ttlMs: config.idempotencyTtlMs },
  };
}

/**
 * The configured store for this invocation, every call bounded by its deadline. A Tablestore
 * store signs with this invocation's role credentials and bounds each request by its time left.
 * @throws ConfigurationError when no store is configured, or it needs the role and there is none.
 */
export function sharedStore(
  state: Invocation,
  context: InvocationContext,
  logger: Logger = state.logger,
): IdempotencyStore {
  const choice = requireStore(state.config.store);
  const timeoutMs = () => state.deadline.remaining() - STORE_MARGIN_MS;
  const access =
    choice.kind === 'tablestore'
      ? { credentials: credentialsFromContext(context), timeoutMs }
      : undefined;
  if (choice.kind === 'memory') warnMemoryOnce(logger);
  return boundedStore(storeFor(choice, access), state.deadline);
}

/**
 * The ledger of `key` in the configured store (`sharedStore`), or none for a request without a
 * key.
 * @throws ConfigurationError when no store is configured, or it needs the role and there is none.
 */
export function ledgerFor(
  state: Invocation,
  context: InvocationContext,
  key: string | undefined,
  logger: Logger = state.logger,
): KeyLedger | undefined {
  if (key === undefined) return undefined;
  const ttlMs = state.config.idempotencyTtlMs;
  const store = sharedStore(state, context, logger);
  return keyLedger({ store, ttlMs, deadline: state.deadline, logger }, key);
}

let warned = false;

/** One warning per instance: its records protect only redeliveries that land on it. */
function warnMemoryOnce(logger: Logger): void {
  if (warned) return;
  warned = true;
  logger.warn(
    'idempotency store is in memory (IDEMPOTENCY_STORE=memory): a redelivery to another instance may push again; configure Tablestore or Redis to share it',
  );
}
