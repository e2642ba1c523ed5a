/**
 * The function's configuration, read from environment variables (FC sets them from s.yaml's
 * `environmentVariables`). It holds no credentials: those come from the role (credentials.ts).
 *
 * A bad value is an operator error, so it fails every invocation with a message that names the
 * variable, instead of silently falling back to a default.
 */

import * as z from 'zod/mini';
import { chooseStore, STORE_KINDS } from '#lib/handler/store-choice.ts';
import type { RetryPolicy } from '#lib/send/retry.ts';
import type { StoreChoice } from '#lib/send/store/index.ts';
import { ConfigurationError } from '#lib/shared/errors.ts';
import { LOG_LEVELS, type LogLevel } from '#lib/shared/logger.ts';
import { DEFAULT_TIME_ZONE, isTimeZone } from '#lib/validate/calendar.ts';
import { largestRequestBytes } from '#lib/validate/limits.ts';
import { API_VERSIONS, type ApiVersion } from '#lib/validate/options.ts';

export type { ApiVersion, LogLevel };

// One schema of each kind, shared by the variables that take it: zod's schemas are immutable, and
// each one made is built at load and compiled on the first parse (sharing 36 of the 85 saved about
// 0.3 ms of each in a bundled probe, 2026-12-02). Each says the rule it checks (zod/mini's own
// message is "Invalid input") and none quotes the value, which may be a secret (REDIS_URL's
// password).
const NOT_BLANK = 'must not be blank (leave the variable unset instead)';
const optionalText = z.optional(z.string().check(z.trim(), z.minLength(1, NOT_BLANK)));
const POSITIVE = 'must be a positive whole number';
const positiveNumber = z.coerce
  .number({ error: POSITIVE })
  .check(z.int({ error: POSITIVE }), z.positive(POSITIVE));
const positiveInt = (fallback: number) => z._default(positiveNumber, fallback);
const httpUrl = z.optional(
  z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
);

/** A string variable that must match `pattern`, described by `rule`. */
function matching(pattern: RegExp, rule: string) {
  return z.string().check(z.regex(pattern, rule));
}

/** A variable that must be one of `values`, listed in its message. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` });
}

/**
 * The mPaaS OpenAPI endpoint of every official SDK, for every region: the SDKs' endpoint maps
 * send `cn-hangzhou` and the rest to `mpaas.aliyuncs.com` (github.com/aliyun/alibaba-cloud-sdk-go
 * `services/mpaas/endpoint.go`; github.com/aliyun/alibabacloud-sdk `mpaas-20201028/main.tea`
 * `@endpointMap`; reference mpaas-openapi.md §5.1). A regional host such as
 * `mpaas.cn-hangzhou.aliyuncs.com` is in none of them, so it is used only when MPAAS_ENDPOINT says.
 */
export const DEFAULT_MPAAS_ENDPOINT = 'https://mpaas.aliyuncs.com';

const envSchema = z.object({
  MPAAS_APP_ID: optionalText,
  MPAAS_WORKSPACE_ID: optionalText,
  MPAAS_REGION: z._default(
    matching(/^[a-z]{2}-[a-z0-9-]+$/, 'must be a region id such as cn-hangzhou'),
    'cn-hangzhou',
  ),
  MPAAS_ENDPOINT: httpUrl,
  MPAAS_API_VERSION: z._default(oneOf(API_VERSIONS), '2020-10-28'),
  MPAAS_TIME_ZONE: z._default(
    z.string().check(z.refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai')),
    DEFAULT_TIME_ZONE,
  ),
  MPAAS_REQUEST_TIMEOUT_MS: positiveInt(5000),
  // default: the largest valid request of MPAAS_MAX_TARGETS targets (largestRequestBytes)
  MAX_BODY_BYTES: z.optional(positiveNumber),
  LOG_LEVEL: z._default(oneOf(LOG_LEVELS), 'info'),
  MPAAS_CONCURRENCY: positiveInt(4),
  MPAAS_RETRY_BASE_MS: positiveInt(200),
  MPAAS_RETRY_CAP_MS: positiveInt(5000),
  MPAAS_RETRY_ATTEMPTS: positiveInt(5),
  MPAAS_INLINE_TARGETS: positiveInt(1000),
  MPAAS_MAX_TARGETS: positiveInt(100_000),
  MPAAS_WORKER_FUNCTION: z._default(
    matching(
      /^[A-Za-z_][\w-]{0,63}$/,
      'must be a function name: a letter or _, then at most 63 letters, digits, _ or -',
    ),
    'push-worker',
  ),
  FC_ENDPOINT: httpUrl,
  IDEMPOTENCY_TTL_SECONDS: positiveInt(86_400),
  REDIS_URL: z.optional(
    z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }),
  ),
  IDEMPOTENCY_STORE: z.optional(oneOf(STORE_KINDS)),
  TABLESTORE_ENDPOINT: httpUrl,
  TABLESTORE_INSTANCE: z.optional(
    matching(
      /^[A-Za-z][A-Za-z0-9-]{2,15}$/,
      'must be a Tablestore instance name: 3 to 16 letters, digits and hyphens, starting with a letter',
    ),
  ),
  IDEMPOTENCY_TABLE: z._default(
    matching(
      /^[A-Za-z_][A-Za-z0-9_]{0,254}$/,
      'must be a Tablestore table name: a letter or _, then at most 254 letters, digits or _',
    ),
    'push_ledger',
  ),
});

/** The validated configuration of one function. */
export interface PushConfig {
  appId: string | undefined;
  workspaceId: string | undefined;
  region: string;
  endpoint: string;
  apiVersion: ApiVersion;
  timeZone: string;
  requestTimeoutMs: number;
  maxBodyBytes: number;
  logLevel: LogLevel;
  /** PushTemplate calls in flight at once per invocation. */
  concurrency: number;
  retry: RetryPolicy;
  /** Targets sent by the invocation itself; above this, batches go to the worker function. */
  inlineTargets: number;
  /** Targets accepted in one request. */
  maxTargets: number;
  workerFunction: string;
  /** FC endpoint for async invocations; default the internal endpoint of the account's region. */
  fcEndpoint: string | undefined;
  idempotencyTtlMs: number;
  /** Where idempotency records live (store-choice.ts); undefined when none is configured. */
  store: StoreChoice | undefined;
}

/** The variables the configuration reads: what decides whether a cached one still holds. */
const ENV_NAMES: readonly string[] = Object.keys(envSchema.shape);

let cached: { values: (string | undefined)[]; config: PushConfig } | undefined;

/**
 * The configuration of `env`, parsed once for as long as its variables keep their values: a warm
 * instance serves many invocations, and parsing the schema cost each about 50 µs (a CPU profile
 * of the per-push bench, 2026-12-02), a tenth of what the handler adds to a push. Whether they
 * still hold is one read of each variable (about 0.2 µs each from `process.env`), compared with
 * the values last parsed. The result is shared, so nothing may change it.
 * @throws ConfigurationError naming each bad variable (never cached).
 * @example configOf(process.env) === configOf(process.env) // true while the variables hold
 */
export function configOf(env: Record<string, string | undefined> = process.env): PushConfig {
  if (cached && holds(cached.values, env)) return cached.config;
  const values = ENV_NAMES.map((name) => env[name]);
  const config = loadConfig(env);
  cached = { values, config };
  return config;
}

function holds(values: readonly (string | undefined)[], env: Record<string, string | undefined>) {
  for (let index = 0; index < ENV_NAMES.length; index += 1) {
    if (env[ENV_NAMES[index] ?? ''] !== values[index]) return false;
  }
  return true;
}

/**
 * Reads and validates the configuration.
 * @throws ConfigurationError naming each bad variable.
 * @example loadConfig({ MPAAS_APP_ID: 'ONEX570DA89211721' }).endpoint // 'https://mpaas.aliyuncs.com'
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): PushConfig {
  const parsed = z.safeParse(envSchema, env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigurationError(
      `Invalid configuration: ${problems.join('; ')}`,
      'InvalidConfiguration',
    );
  }
  const e = parsed.data;
  return {
    appId: e.MPAAS_APP_ID,
    workspaceId: e.MPAAS_WORKSPACE_ID,
    region: e.MPAAS_REGION,
    endpoint: (e.MPAAS_ENDPOINT ?? DEFAULT_MPAAS_ENDPOINT).replace(/\/+$/, ''),
    apiVersion: e.MPAAS_API_VERSION,
    timeZone: e.MPAAS_TIME_ZONE,
    requestTimeoutMs: e.MPAAS_REQUEST_TIMEOUT_MS,
    maxBodyBytes: e.MAX_BODY_BYTES ?? largestRequestBytes(e.MPAAS_MAX_TARGETS),
    logLevel: e.LOG_LEVEL,
    concurrency: e.MPAAS_CONCURRENCY,
    retry: {
      baseMs: e.MPAAS_RETRY_BASE_MS,
      capMs: e.MPAAS_RETRY_CAP_MS,
      attempts: e.MPAAS_RETRY_ATTEMPTS,
    },
    inlineTargets: e.MPAAS_INLINE_TARGETS,
    maxTargets: e.MPAAS_MAX_TARGETS,
    workerFunction: e.MPAAS_WORKER_FUNCTION,
    fcEndpoint: e.FC_ENDPOINT?.replace(/\/+$/, ''),
    idempotencyTtlMs: e.IDEMPOTENCY_TTL_SECONDS * 1000,
    store: chooseStore(e),
  };
}
