/**
 * Which idempotency store a function uses, from its variables: Tablestore when
 * `TABLESTORE_ENDPOINT` is set (the deployed default: shared by every instance, reached with the
 * role's credentials), Redis when `REDIS_URL` is set, memory only when chosen explicitly with
 * `IDEMPOTENCY_STORE=memory`. A function with no store configured fails every keyed invocation
 * (every event, and HTTP with an `Idempotency-Key`) with a message saying what to set, rather
 * than quietly keeping its records per instance, where a redelivery to another instance would
 * push again.
 */
import type { StoreChoice } from '#lib/send/store/index.ts';
import { ConfigurationError } from '#lib/shared/errors.ts';

export const STORE_KINDS = ['tablestore', 'redis', 'memory'] as const;

/** The variables the choice reads, already validated. */
export interface StoreVariables {
  IDEMPOTENCY_STORE?: (typeof STORE_KINDS)[number];
  TABLESTORE_ENDPOINT?: string;
  TABLESTORE_INSTANCE?: string;
  IDEMPOTENCY_TABLE: string;
  REDIS_URL?: string;
}

const SET_ONE =
  'set TABLESTORE_ENDPOINT and TABLESTORE_INSTANCE (s.yaml deploys them), REDIS_URL, or IDEMPOTENCY_STORE=memory to keep records per instance';

/**
 * The store the variables choose; undefined when none is configured (`requireStore` says so).
 * @throws ConfigurationError when the chosen one is incomplete.
 * @example chooseStore({ IDEMPOTENCY_STORE: 'memory', IDEMPOTENCY_TABLE: 'push_ledger' }) // { kind: 'memory' }
 */
export function chooseStore(env: StoreVariables): StoreChoice | undefined {
  const kind =
    env.IDEMPOTENCY_STORE ??
    (env.TABLESTORE_ENDPOINT ? 'tablestore' : env.REDIS_URL ? 'redis' : undefined);
  if (kind === 'memory') return { kind };
  if (kind === 'redis') {
    if (!env.REDIS_URL) throw invalid('IDEMPOTENCY_STORE=redis needs REDIS_URL');
    return { kind, url: env.REDIS_URL };
  }
  if (kind === 'tablestore') {
    const endpoint = env.TABLESTORE_ENDPOINT?.replace(/\/+$/, '');
    if (!endpoint) throw invalid('IDEMPOTENCY_STORE=tablestore needs TABLESTORE_ENDPOINT');
    const instance = env.TABLESTORE_INSTANCE ?? instanceOf(endpoint);
    if (!instance) {
      throw invalid(
        `TABLESTORE_INSTANCE is not set and ${endpoint} does not name one (https://<instance>.<region>.ots.aliyuncs.com)`,
      );
    }
    return { kind, endpoint, instance, table: env.IDEMPOTENCY_TABLE };
  }
  return undefined;
}

/**
 * The configured store, for a request that needs one.
 * @throws ConfigurationError when none is configured.
 */
export function requireStore(choice: StoreChoice | undefined): StoreChoice {
  if (!choice) throw invalid(`No idempotency store is configured: ${SET_ONE}`);
  return choice;
}

/** The instance a public or VPC Tablestore endpoint names, as its first host label. */
function instanceOf(endpoint: string): string | undefined {
  const host = new URL(endpoint).hostname;
  const match =
    /^([A-Za-z][A-Za-z0-9-]{2,15})\.[a-z0-9-]+\.(ots|vpc\.tablestore|ots-internal)\.aliyuncs\.com$/.exec(
      host,
    );
  return match?.[1];
}

function invalid(message: string): ConfigurationError {
  return new ConfigurationError(`Invalid configuration: ${message}.`, 'InvalidConfiguration');
}
