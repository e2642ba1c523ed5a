/**
 * Sends one PushTemplate request end to end: validate, take the role's credentials, sign and
 * send, log the outcome. Every trigger's handler calls this, so a rule is enforced in one place.
 *
 * Validation runs before credentials are read or anything is sent: a bad request never costs a
 * push, and its error names every broken rule at once.
 */
import { credentialsFromContext } from './credentials.ts';
import { outcomeOf, ValidationError } from './errors.ts';
import type { Invocation, InvocationContext } from './invocation.ts';
import type { Logger } from './logger.ts';
import type { MpaasClient } from './mpaas/client.ts';
import type { PushReceipt } from './mpaas/outcome.ts';
import { type PushRequest, parsePushRequest } from './push-request.ts';

/** A push mPaaS accepted, with the request as it was sent. */
export interface SentPush {
  request: PushRequest;
  receipt: PushReceipt;
}

export interface PushDependencies {
  client: MpaasClient;
  /** The clock of the time rules (strategy windows); tests pin it. */
  now?: () => Date;
  /** The logger of this push (a record's child logger in a batch); the invocation's by default. */
  logger?: Logger;
}

/**
 * Validates `input` against the PushTemplate contract.
 * @throws ValidationError listing every broken rule.
 * @example validatePush({ templateName: 'template1024', ... }, invocation)
 */
export function validatePush(
  input: unknown,
  state: Invocation,
  now: Date = new Date(),
): PushRequest {
  const { appId, workspaceId, apiVersion, timeZone } = state.config;
  const result = parsePushRequest(input, {
    now,
    timeZone,
    apiVersion,
    ...(appId ? { appId } : {}),
    ...(workspaceId ? { workspaceId } : {}),
  });
  if (!result.success) throw new ValidationError(result.issues);
  return result.data;
}

/**
 * Validates and sends one push with the invocation's role credentials.
 * @throws ValidationError | ConfigurationError | MpaasBusinessError | MpaasGatewayError | MpaasTransportError
 * @example const { receipt } = await sendPush(body, context, { client });
 */
export async function sendPush(
  input: unknown,
  context: InvocationContext,
  deps: PushDependencies,
): Promise<SentPush> {
  const state = context.invocation;
  if (!state) throw new Error('sendPush needs the invocation() middleware.');
  const request = validatePush(input, state, deps.now?.() ?? new Date());
  const credentials = credentialsFromContext(context);
  const logger = deps.logger ?? state.logger;
  const started = Date.now();
  try {
    const receipt = await deps.client.pushTemplate(request, {
      credentials,
      deadline: state.deadline,
    });
    logger.info('push sent', {
      ...pushFields(request),
      mpaasLatencyMs: Date.now() - started,
      ...receipt,
    });
    return { request, receipt };
  } catch (error) {
    logger.warn('push not sent', {
      ...pushFields(request),
      mpaasLatencyMs: Date.now() - started,
      outcome: outcomeOf(error),
      error,
    });
    throw error;
  }
}

/** What a log line may say about a push: names and counts, never the template values. */
function pushFields(request: PushRequest): Record<string, unknown> {
  return {
    templateName: request.templateName,
    deliveryType: request.deliveryType,
    targets: Object.keys(request.targetMsgkey).length,
    msgKeys: Object.values(request.targetMsgkey),
  };
}
