/**
 * Role credentials for local invocations, minted by the emulator's STS endpoint: what FC does
 * by AssumeRole on the function's role before each invocation.
 *
 * The minter also remembers what it minted, so the gateway can verify requests that a function
 * signs with its `context.credentials` (an asynchronous invocation of another function), as FC
 * knows every key STS issued.
 */
import type { CredentialLookup } from './gateway/fc-signature.ts';
import type { RoleCredentials } from './gateway/runtime.ts';

/** Mints fresh credentials on every call; `lookup` finds the secret of one it minted. */
export interface Minter {
  (): Promise<RoleCredentials>;
  lookup: CredentialLookup;
}

export interface MinterOptions {
  /** How many minted credentials `lookup` remembers, the newest kept. Default 1000. */
  remember?: number;
}

/**
 * A credentials source that asks the emulator for fresh keys on every call.
 * @example const mint = stsMinter('http://127.0.0.1:9001'); const creds = await mint(); mint.lookup(creds.accessKeyId);
 */
export function stsMinter(emulatorUrl: string, options: MinterOptions = {}): Minter {
  const remember = options.remember ?? 1000;
  const minted = new Map<string, RoleCredentials>();
  const mint = async () => {
    const response = await fetch(`${emulatorUrl}/_sts`, { method: 'POST' });
    if (!response.ok) throw new Error(`The emulator's STS answered HTTP ${response.status}.`);
    const body = (await response.json()) as Partial<RoleCredentials>;
    const { accessKeyId, accessKeySecret, securityToken } = body;
    if (!accessKeyId || !accessKeySecret || !securityToken)
      throw new Error("The emulator's STS answer lacks keys.");
    const credentials = { accessKeyId, accessKeySecret, securityToken };
    minted.set(accessKeyId, credentials);
    // A Map iterates in insertion order: the first key is the oldest.
    for (const oldest of minted.keys()) {
      if (minted.size <= remember) break;
      minted.delete(oldest);
    }
    return credentials;
  };
  const lookup: CredentialLookup = (accessKeyId) => {
    const found = minted.get(accessKeyId);
    return found && { accessKeySecret: found.accessKeySecret, securityToken: found.securityToken };
  };
  return Object.assign(mint, { lookup });
}
