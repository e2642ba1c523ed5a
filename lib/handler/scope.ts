/**
 * What each stage is handed, built from the invocation's configuration and FC's context: the
 * stages below the handler read neither, so every setting reaches them as an argument.
 */
import { credentialsFromContext } from '#lib/handler/credentials.ts';
import type { Invocation, InvocationContext } from '#lib/handler/invocation.ts';
import { requireStore } from '#lib/handler/store-choice.ts';
import type { DispatchOptions } from '#lib/send/dispatch.ts';
import { type KeyLedger, keyLedger } from '#lib/send/ledger.ts';
import type { CallContext, MpaasClient } from '#lib/send/mpaas/client.ts';
import type { MpaasApp } from '#lib/send/mpaas/schedules.ts';
import { clientFor } from '#lib/send/mpaas/shared-client.ts';
import type { SendOptions } from '#lib/send/push.ts';
import { boundedStore, STORE_MARGIN_MS } from '#lib/send/store/bounded-store.ts';
import { type IdempotencyStore, storeFor } from '#lib/send/store/index.ts';
import { ConfigurationError } from '#lib/shared/errors.ts';
import type { Logger } from '#lib/shared/logger.ts';
import type { ValidationRules } from '#lib/validate/validate.ts';

/** The function's rules for every request. */
export function validationRules(state: Invocation): ValidationRules {
  const { appId, workspaceId, apiVersion, timeZone, maxTargets } = state.config;
  return { appId, workspaceId, apiVersion, timeZone, maxTargets };
}

/**
 * What an inline send needs. Reads the role's credentials, so it is built only once the request
 * is valid.
 * @throws ConfigurationError when the function has no role.
 */
export function sendOptions(
  state: Invocation,
  context: InvocationContext,
  logger: Logger,
): SendOptions {
  const { config } = state;
  const client = mpaasClient(state);
  return {
    client,
    credentials: credentialsFromContext(context),
    deadline: state.deadline,
    logger,
    concurrency: config.concurrency,
    retry: config.retry,
    safetyMarginMs: client.options.safetyMarginMs,
  };
}

/** The instance's mPaaS client, for PushTemplate and the scheduler actions alike. */
export function mpaasClient(state: Invocation): MpaasClient {
  const { config } = state;
  return clientFor({
    endpoint: config.endpoint,
    apiVersion: config.apiVersion,
    requestTimeoutMs: config.requestTimeoutMs,
  });
}

/**
 * The role's credentials and the deadline, for one mPaaS call outside a push.
 * @throws ConfigurationError when the function has no role.
 */
export function callContext(state: Invocation, context: InvocationContext): CallContext {
  return { credentials: credentialsFromContext(context), deadline: state.deadline };
}

/**
 * The function's own app and workspace, which the scheduler actions need.
 * @throws ConfigurationError when MPAAS_APP_ID or MPAAS_WORKSPACE_ID is not set.
 */
export function mpaasApp(state: Invocation): MpaasApp {
  const { appId, workspaceId } = state.config;
  if (!appId || !workspaceId) {
    throw new ConfigurationError(
      'Listing and cancelling schedules needs MPAAS_APP_ID and MPAAS_WORKSPACE_ID: set both on the function.',
      'InvalidConfiguration',
    );
  }
  return { appId, workspaceId };
}

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
