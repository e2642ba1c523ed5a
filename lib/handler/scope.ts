/**
 * What each stage is handed, built from the invocation's configuration and FC's context: the
 * stages below the handler read neither, so every setting reaches them as an argument. What
 * needs the idempotency store (a key's ledger, a dispatch, progress) is in store-scope.ts, which
 * http-push loads only for a request that needs it.
 */
import { credentialsFromContext } from '#lib/handler/credentials.ts';
import type { Invocation, InvocationContext } from '#lib/handler/invocation.ts';
import type { CallContext, MpaasClient } from '#lib/send/mpaas/client.ts';
import type { MpaasApp } from '#lib/send/mpaas/schedules.ts';
import { clientFor } from '#lib/send/mpaas/shared-client.ts';
import type { SendOptions } from '#lib/send/push.ts';
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
