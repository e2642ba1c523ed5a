/**
 * The validate stage: a record's body against the PushTemplate contract, with the function's
 * rules (app lock, API version, time zone, the most targets) passed in by the handler rather than
 * read from configuration here.
 *
 * It runs before credentials are read or anything is planned or sent: a bad request never costs a
 * push, and its error names every broken rule at once.
 */
import { ValidationError } from '#lib/shared/errors.ts';
import type { ApiVersion } from '#lib/validate/options.ts';
import { type PushRequest, parsePushRequest } from '#lib/validate/push-request.ts';

/** What the function's configuration decides about every request. */
export interface ValidationRules {
  appId: string | undefined;
  workspaceId: string | undefined;
  apiVersion: ApiVersion;
  timeZone: string;
  maxTargets: number;
}

/**
 * The validated request; `targets` get msgKeys derived from `seed`, the time rules are judged at
 * `now` (when the request first arrived).
 * @throws ValidationError listing every broken rule.
 * @example validatePush(body, rules, 'http:order-42', new Date())
 */
export function validatePush(
  input: unknown,
  rules: ValidationRules,
  seed: string,
  now: Date,
): PushRequest {
  const { appId, workspaceId, apiVersion, timeZone, maxTargets } = rules;
  const result = parsePushRequest(input, {
    now,
    timeZone,
    apiVersion,
    maxTargets,
    msgKeySeed: seed,
    ...(appId ? { appId } : {}),
    ...(workspaceId ? { workspaceId } : {}),
  });
  if (!result.success) throw new ValidationError(result.issues);
  return result.data;
}
