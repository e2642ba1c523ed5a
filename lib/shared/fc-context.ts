/**
 * The FC 3.0 `context` object as the Node.js runtime passes it, typed from the documented fields
 * (reference fc-platform.md §3.1), and the invocation deadline derived from it.
 *
 * FC documents no `getRemainingTimeInMillis()`, so the deadline is the invocation start plus
 * `context.function.timeout` seconds. Every network call is bounded by it.
 */

/** Temporary keys FC obtains by AssumeRole on the function's role, fresh on every invocation. */
export interface FcCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
}

/** The documented fields of FC 3.0's `context`; everything but `requestId` may be missing locally. */
export interface FcContext {
  requestId: string;
  credentials?: Partial<FcCredentials>;
  function?: { name?: string; handler?: string; memory?: number; timeout?: number };
  service?: { logProject?: string; logStore?: string; qualifier?: string; versionId?: string };
  region?: string;
  accountId?: string;
}

/** FC's default function timeout when the context does not say (seconds). */
const DEFAULT_TIMEOUT_SECONDS = 3;

/** A point in time after which the invocation is killed; calls must finish before it. */
export interface Deadline {
  /** Epoch milliseconds at which FC ends the invocation. */
  readonly at: number;
  /** Milliseconds left, never negative. */
  remaining(): number;
}

/**
 * The deadline of the invocation that started at `startedAt`.
 * @example deadlineOf({ requestId: 'r', function: { timeout: 60 } }, Date.now()).remaining() // ≈ 60000
 */
export function deadlineOf(
  context: FcContext,
  startedAt: number,
  now: () => number = Date.now,
): Deadline {
  const timeout = context.function?.timeout;
  const seconds = typeof timeout === 'number' && timeout > 0 ? timeout : DEFAULT_TIMEOUT_SECONDS;
  const at = startedAt + seconds * 1000;
  return { at, remaining: () => Math.max(0, at - now()) };
}
