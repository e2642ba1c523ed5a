/**
 * The emulator's STS: it mints temporary credentials and is the only source of keys the RPC
 * endpoint accepts.
 *
 * On Function Compute the function signs with the temporary `STS.…` key of its role plus a
 * `SecurityToken` (reference mpaas-openapi.md §7.2). Minting them here lets tests exercise the
 * same three-part credential, including tokens that are already expired, without any real key.
 * Expired credentials are kept so the gateway can tell "expired" from "never issued".
 */
import { randomBytes } from 'node:crypto';

/** Temporary credentials, shaped like an STS AssumeRole answer. */
export interface StsCredentials {
  /** `STS.` followed by random characters. */
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  /** ISO 8601 instant after which the token is refused. */
  expiration: string;
}

/** A credential as the store keeps it. */
export interface StoredCredential {
  accessKeySecret: string;
  securityToken: string;
  expiresAt: Date;
}

function randomAlnum(length: number): string {
  // base64url without '-' and '_' keeps ids plain alphanumerics, like real STS keys.
  return randomBytes(length * 2)
    .toString('base64url')
    .replace(/[-_]/g, '')
    .slice(0, length);
}

/** Issues STS credentials and looks them up by AccessKeyId. */
export class CredentialStore {
  readonly #issued = new Map<string, StoredCredential>();
  readonly #now: () => Date;
  readonly #defaultDurationSeconds: number;

  /**
   * @param now the emulator's clock, so tests can expire tokens without waiting
   * @param defaultDurationSeconds lifetime of credentials minted without an explicit one
   */
  constructor(now: () => Date, defaultDurationSeconds: number) {
    this.#now = now;
    this.#defaultDurationSeconds = defaultDurationSeconds;
  }

  /**
   * Mints credentials valid for `durationSeconds` (zero or negative: already expired).
   * @example store.mint(-1).expiration // an instant in the past
   */
  mint(durationSeconds: number = this.#defaultDurationSeconds): StsCredentials {
    const accessKeyId = `STS.${randomAlnum(24)}`;
    const stored: StoredCredential = {
      accessKeySecret: randomAlnum(30),
      securityToken: `CAIS${randomBytes(96).toString('base64')}`,
      expiresAt: new Date(this.#now().getTime() + durationSeconds * 1000),
    };
    this.#issued.set(accessKeyId, stored);
    return {
      accessKeyId,
      accessKeySecret: stored.accessKeySecret,
      securityToken: stored.securityToken,
      expiration: stored.expiresAt.toISOString(),
    };
  }

  /** The credential issued under `accessKeyId`, expired or not; undefined if never issued. */
  find(accessKeyId: string): StoredCredential | undefined {
    return this.#issued.get(accessKeyId);
  }

  /** True when the credential's lifetime is over at the emulator's current time. */
  isExpired(credential: StoredCredential): boolean {
    return this.#now().getTime() >= credential.expiresAt.getTime();
  }
}
