/**
 * One mPaaS client per function instance, so its keep-alive agent is reused across invocations
 * (FC reuses an instance for many invocations). A new client is made only if the options that
 * shape it change, which in practice happens only in tests and the local gateway.
 */
import { MpaasClient, type MpaasClientOptions } from '#lib/send/mpaas/client.ts';

let cached: { key: string; client: MpaasClient } | undefined;

/**
 * The instance's client for these options.
 * @example clientFor({ endpoint, apiVersion: '2020-10-28', requestTimeoutMs: 5000 }).pushTemplate(request, call)
 */
export function clientFor(options: MpaasClientOptions): MpaasClient {
  const key = `${options.endpoint}|${options.apiVersion}|${options.requestTimeoutMs}`;
  if (cached?.key !== key) {
    cached?.client.close();
    cached = {
      key,
      client: new MpaasClient({
        endpoint: options.endpoint,
        apiVersion: options.apiVersion,
        requestTimeoutMs: options.requestTimeoutMs,
      }),
    };
  }
  return cached.client;
}
