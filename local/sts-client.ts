/**
 * Role credentials for local invocations, minted by the emulator's STS endpoint: what FC does
 * by AssumeRole on the function's role before each invocation.
 */
import type { RoleCredentials } from './gateway/runtime.ts';

/**
 * A credentials source that asks the emulator for fresh keys on every call.
 * @example const mint = stsMinter('http://127.0.0.1:9001'); const creds = await mint();
 */
export function stsMinter(emulatorUrl: string): () => Promise<RoleCredentials> {
  return async () => {
    const response = await fetch(`${emulatorUrl}/_sts`, { method: 'POST' });
    if (!response.ok) throw new Error(`The emulator's STS answered HTTP ${response.status}.`);
    const body = (await response.json()) as Partial<RoleCredentials>;
    const { accessKeyId, accessKeySecret, securityToken } = body;
    if (!accessKeyId || !accessKeySecret || !securityToken)
      throw new Error("The emulator's STS answer lacks keys.");
    return { accessKeyId, accessKeySecret, securityToken };
  };
}
