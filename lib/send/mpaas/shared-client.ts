/**
 * One mPaaS client per function instance, so its keep-alive agent is reused across invocations
 * (FC reuses an instance for many invocations). A new client is made only if the configuration
 * that shapes it changes, which in practice happens only in tests and the local gateway.
 */
import type { PushConfig } from '#lib/handler/config.ts';
import { MpaasClient } from '#lib/send/mpaas/client.ts';

let cached: { key: string; client: MpaasClient } | undefined;

/**
 * The instance's client for this configuration.
 * @example clientFor(invocation.config).pushTemplate(request, call)
 */
export function clientFor(config: PushConfig): MpaasClient {
  const key = `${config.endpoint}|${config.apiVersion}|${config.requestTimeoutMs}`;
  if (cached?.key !== key) {
    cached?.client.close();
    cached = {
      key,
      client: new MpaasClient({
        endpoint: config.endpoint,
        apiVersion: config.apiVersion,
        requestTimeoutMs: config.requestTimeoutMs,
      }),
    };
  }
  return cached.client;
}
