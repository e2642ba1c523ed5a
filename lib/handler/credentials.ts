/**
 * Credentials come from the function's RAM role, never from configuration.
 *
 * FC passes temporary STS keys in `context.credentials` on every invocation (reference
 * fc-platform.md §3.3): they are read there each time and never cached, so a rotated token is
 * picked up at once and nothing outlives the invocation that received it.
 */
import { ConfigurationError } from '#lib/shared/errors.ts';
import type { FcContext, FcCredentials } from '#lib/shared/fc-context.ts';

const ATTACH_ROLE =
  'attach a RAM role that may call mpaas:PushTemplate to the function (s.yaml `role`), then redeploy';

/**
 * The invocation's role credentials.
 * @throws ConfigurationError when the function has no role (no `context.credentials`).
 * @example const { accessKeyId } = credentialsFromContext(context);
 */
export function credentialsFromContext(context: FcContext): FcCredentials {
  const given = context.credentials;
  const accessKeyId = given?.accessKeyId;
  const accessKeySecret = given?.accessKeySecret;
  const securityToken = given?.securityToken;
  if (!accessKeyId || !accessKeySecret) {
    throw new ConfigurationError(
      `The function has no role credentials in context.credentials: ${ATTACH_ROLE}.`,
      'MissingRoleCredentials',
    );
  }
  if (!securityToken) {
    // FC always pairs role keys with a token; a bare key means someone wired in a long-term AccessKey.
    throw new ConfigurationError(
      `context.credentials has no securityToken; long-term AccessKeys are not accepted: ${ATTACH_ROLE}.`,
      'MissingRoleCredentials',
    );
  }
  return { accessKeyId, accessKeySecret, securityToken };
}
