/**
 * Typed errors, in one file so every layer speaks the same language.
 *
 * Each error says whether a retry can help (`retryable`) and, for mPaaS calls, whether the push
 * may already have been delivered (`outcomeUnknown`). The HTTP layer maps them to RFC 9457
 * problem+json through `statusCode`; event triggers use `retryable` to decide whether to throw so
 * the platform redelivers. Messages never carry credentials: anything quoted from a server is
 * passed through `redact()` first.
 */

import { redactText } from '#lib/shared/redact.ts';

/** One broken rule: the field, a short stable rule id, and a full sentence naming both. */
export interface ValidationIssue {
  /** Dotted path of the parameter, e.g. `targetMsgkey` or `StrategyContent.circleValue`. */
  field: string;
  /** Short stable id, e.g. `max-targets`; safe to branch on. */
  rule: string;
  /** A sentence that starts with the field and states the rule, e.g. as the mPaaS docs do. */
  message: string;
}

interface PushErrorOptions {
  statusCode: number;
  code: string;
  retryable?: boolean;
  cause?: unknown;
}

/** Base of every error this service raises on purpose. */
export class PushError extends Error {
  override name = 'PushError';
  /** The HTTP status the HTTP trigger answers with. */
  readonly statusCode: number;
  /** A stable machine-readable code (`InvalidPushRequest`, `3022`, `Throttling.User`, …). */
  readonly code: string;
  /** True when the same request may succeed later. */
  readonly retryable: boolean;

  constructor(message: string, options: PushErrorOptions) {
    super(redactText(message), { cause: options.cause });
    this.statusCode = options.statusCode;
    this.code = options.code;
    this.retryable = options.retryable ?? false;
  }
}

/** The request broke one or more rules of the PushTemplate contract; it was not sent. */
/** Issues a ValidationError's message names; the rest are only in `issues`. */
const SUMMARY_ISSUES = 10;

export class ValidationError extends PushError {
  override name = 'ValidationError';
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    // the message (an answer's `detail`, a log line) names the first few; `issues` has them all
    const named = issues.slice(0, SUMMARY_ISSUES).map((issue) => issue.message);
    const left = issues.length - named.length;
    if (left > 0) named.push(`… and ${left} more (see errors).`);
    super(`Invalid push request: ${named.join(' ')}`, {
      statusCode: 400,
      code: 'InvalidPushRequest',
    });
    this.issues = issues;
  }
}

/** The HTTP request itself is unusable (wrong method, media type, encoding, size). */
export class BadRequestError extends PushError {
  override name = 'BadRequestError';

  constructor(message: string, statusCode: number, code: string) {
    super(message, { statusCode, code });
  }
}

/** A method the path does not answer (405): `allow` lists those it does, for the `Allow` header. */
export class MethodNotAllowedError extends BadRequestError {
  override name = 'MethodNotAllowedError';

  constructor(
    message: string,
    readonly allow: readonly string[],
  ) {
    super(message, 405, 'MethodNotAllowed');
  }
}

/** The function is deployed without what it needs (role, settings): an operator must act. */
export class ConfigurationError extends PushError {
  override name = 'ConfigurationError';

  constructor(message: string, code = 'FunctionMisconfigured') {
    super(message, { statusCode: 500, code });
  }
}

/** Fields every mPaaS error carries, for logs and problem details. */
export interface MpaasErrorDetails {
  /** mPaaS / OpenAPI gateway RequestId, when the server answered. */
  requestId?: string;
  /** True when the push may have been delivered although the call failed. */
  outcomeUnknown?: boolean;
  /** How long the gateway asks the caller to wait (`x-acs-retry-after`, milliseconds). */
  retryAfterMs?: number;
  /** What mPaaS refused, for the message: `the push` unless another action was asked. */
  refused?: string;
}

/**
 * mPaaS accepted the call but refused the push (`ResultCode` other than success). Three kinds:
 * flow control and system errors may pass on a retry; a refusal of the deployment (a wrong app
 * or workspace, no permission, the REST switch off, a signature mPaaS rejects) needs an operator
 * and then passes unchanged, so it is never recorded as final; any other code refuses the request
 * itself (an unknown template, missing placeholders) and would be refused again.
 */
export class MpaasBusinessError extends PushError {
  override name = 'MpaasBusinessError';
  readonly resultCode: string;
  readonly requestId: string | undefined;
  /** True when the deployment, not the request, is at fault: an operator must act. */
  readonly operator: boolean;

  constructor(resultCode: string, resultMessage: string, details: MpaasErrorDetails) {
    const retryable = RETRYABLE_RESULT_CODES.has(resultCode);
    const operator = OPERATOR_RESULT_CODES.has(resultCode);
    super(`mPaaS refused ${details.refused ?? 'the push'}: ${resultCode} ${resultMessage}`, {
      // 8011 is flow control (429); 9000 a system error on mPaaS's side (503); a refusal of the
      // deployment is the function's failure (502), like a gateway's refusal of its role.
      statusCode: resultCode === '8011' ? 429 : retryable ? 503 : operator ? 502 : 422,
      code: resultCode,
      retryable,
    });
    this.resultCode = resultCode;
    this.requestId = details.requestId;
    this.operator = operator;
  }
}

/**
 * A refusal stored by an earlier delivery of the same idempotency key, answered again as it was
 * first answered (status, code, message, mPaaS RequestId), marked as a replay.
 */
export class ReplayedRefusalError extends PushError {
  override name = 'ReplayedRefusalError';
  readonly requestId: string | undefined;
  readonly replayed = true;

  constructor(code: string, message: string, requestId: string | undefined, statusCode = 422) {
    super(message, { statusCode, code, retryable: false });
    this.requestId = requestId;
  }
}

/** 8011 is flow control; 9000 a transient system error. */
const RETRYABLE_RESULT_CODES = new Set(['8011', '9000']);

/**
 * Result codes that refuse the deployment rather than the request (reference mpaas-openapi.md
 * §5.4): -1 SIGNATURE_MISMATCH, 3032 REST_API_SWITCH_NOT_OPEN, 8012 INVALID_INSTANCE_ID (a wrong
 * `MPAAS_APP_ID` or workspace), 8013 INVALID_TENANT_ID, 8014 ACCOUNT_NO_PERMISSION.
 */
const OPERATOR_RESULT_CODES = new Set(['-1', '3032', '8012', '8013', '8014']);

/** The OpenAPI gateway refused the call (`Code` in the body): signature, token, RAM, throttling. */
export class MpaasGatewayError extends PushError {
  override name = 'MpaasGatewayError';
  readonly requestId: string | undefined;
  readonly httpStatus: number | undefined;
  readonly outcomeUnknown: boolean;
  /** The wait the gateway asked for before a retry, when it said (`x-acs-retry-after`). */
  readonly retryAfterMs: number | undefined;
  /**
   * True when the gateway refused the request itself, not the deployment: a call too large for
   * it (`RequestEntityTooLarge`, HTTP 413). The caller must change the request; no retry and no
   * operator can help.
   */
  readonly requestRefused: boolean;

  constructor(
    code: string,
    message: string,
    httpStatus: number | undefined,
    details: MpaasErrorDetails,
  ) {
    // A gateway that says when to come back is throttling, whatever its code (as the official
    // SDKs read `x-acs-retry-after`: github.com/aliyun/darabonba-openapi, ThrottlingError).
    const kind =
      details.retryAfterMs === undefined ? gatewayCodeKind(code, httpStatus) : 'throttled';
    const tooLarge =
      kind === 'permanent' && (httpStatus === 413 || code === 'RequestEntityTooLarge');
    super(`mPaaS gateway error ${code}: ${message}`, {
      statusCode: tooLarge ? 413 : kind === 'throttled' ? 429 : kind === 'transient' ? 503 : 502,
      code,
      retryable: kind !== 'permanent',
    });
    this.requestRefused = tooLarge;
    this.requestId = details.requestId;
    this.httpStatus = httpStatus;
    // An unknown server error may have happened after the push was accepted.
    const serverError =
      code === 'InternalError' || (kind === 'transient' && !KNOWN_TRANSIENT.has(code));
    this.outcomeUnknown = details.outcomeUnknown ?? serverError;
    this.retryAfterMs = details.retryAfterMs;
  }
}

type GatewayCodeKind = 'throttled' | 'transient' | 'permanent';

/**
 * How a gateway `Code` behaves under retry (reference: mpaas-openapi.md §4.2). A code this table
 * does not know is judged by the HTTP status it came with: 429 is flow control, a 5xx a server
 * failure worth retrying (`ServiceTimeout`, a new code); any other is a refusal.
 * @example gatewayCodeKind('ServiceTimeout', 504) // 'transient'
 */
export function gatewayCodeKind(code: string, httpStatus?: number): GatewayCodeKind {
  if (code.startsWith('Throttling') || httpStatus === 429) return 'throttled';
  if (KNOWN_TRANSIENT.has(code) || code === 'InternalError') return 'transient';
  if (KNOWN_PERMANENT.has(code)) return 'permanent';
  return httpStatus !== undefined && httpStatus >= 500 ? 'transient' : 'permanent';
}

/** Codes that pass on a retry and say the push was not accepted. */
const KNOWN_TRANSIENT = new Set([
  'ServiceUnavailable',
  'SignatureNonceUsed',
  'InvalidSecurityToken.Expired',
]);

/** Codes that refuse the call whatever status they came with (some products answer them as 5xx). */
const KNOWN_PERMANENT = new Set([
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'InvalidAccessKeyId.NotFound',
  'InvalidAccessKeyId.Inactive',
  'InvalidSecurityToken.Malformed',
  'InvalidSecurityToken.MismatchWithAccessKey',
  'MissingSecurityToken',
  'Forbidden.RAM',
  'NoPermission',
  'Forbidden',
  'InvalidApi.NotFound',
  'InvalidProduct.NotFound',
]);

export type TransportFailure = 'timeout' | 'connection' | 'bad-response' | 'deadline';

/** The call did not produce a usable answer: timeout, reset, non-JSON body, no time left. */
export class MpaasTransportError extends PushError {
  override name = 'MpaasTransportError';
  readonly failure: TransportFailure;
  readonly outcomeUnknown: boolean;

  constructor(
    failure: TransportFailure,
    message: string,
    options: { outcomeUnknown: boolean; cause?: unknown },
  ) {
    super(`mPaaS call failed (${failure}): ${message}`, {
      statusCode: failure === 'timeout' || failure === 'deadline' ? 504 : 502,
      code: `Transport.${failure}`,
      retryable: true,
      cause: options.cause,
    });
    this.failure = failure;
    this.outcomeUnknown = options.outcomeUnknown;
  }
}

/** How an invocation or record ended, as counted in summaries and logs. */
export type Outcome = 'sent' | 'invalid' | 'refused' | 'throttled' | 'failed' | 'error';

/**
 * The outcome an error stands for: `invalid` input, a permanent mPaaS `refused`, a retryable
 * `throttled` or `failed`, or an `error` an operator must fix (role, configuration, bug).
 */
export function outcomeOf(error: unknown): Outcome {
  if (error instanceof ValidationError || error instanceof BadRequestError) return 'invalid';
  if (!(error instanceof PushError)) return 'error';
  if (error.retryable) return error.statusCode === 429 ? 'throttled' : 'failed';
  return isRequestRefusal(error) ? 'refused' : 'error';
}

/**
 * A refusal of the request itself, final for it (recorded as done, answered 4xx, acknowledged on
 * the event triggers): an mPaaS result code that is not the deployment's, or a call too large for
 * the gateway. Refusals of the deployment (`Forbidden.RAM`, 8012 …) are not: they wait for an
 * operator.
 * @example isRequestRefusal(new MpaasBusinessError('3022', 'TEMPLATE_NOT_EXIST', {})) // true
 */
export function isRequestRefusal(error: PushError): boolean {
  if (error.retryable) return false;
  if (error instanceof MpaasBusinessError) return !error.operator;
  return error instanceof MpaasGatewayError && error.requestRefused;
}

/** Any thrown value as a PushError: unexpected ones become a non-retryable 500. */
export function toPushError(thrown: unknown): PushError {
  if (thrown instanceof PushError) return thrown;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new PushError(`Unexpected error: ${message}`, {
    statusCode: 500,
    code: 'InternalError',
    cause: thrown,
  });
}

/**
 * The key as its caller knows it: the ledger's keys carry the trigger's namespace (`http:`,
 * `mns:` …, lib/adapt/record.ts), which the caller never sent and must not see.
 */
function callerKey(key: string): string {
  return key.replace(/^(?:http|mns|eventbridge|timer|dispatch):/, '');
}

/** The idempotency key is being processed by another invocation right now. */
export class IdempotencyConflictError extends PushError {
  override name = 'IdempotencyConflictError';

  constructor(key: string) {
    super(
      `A request with idempotency key ${JSON.stringify(callerKey(key))} is still in progress; retry later.`,
      {
        statusCode: 409,
        code: 'IdempotencyKeyInProgress',
        retryable: true,
      },
    );
  }
}

/** The idempotency key was used before with a different payload. */
export class IdempotencyMismatchError extends PushError {
  override name = 'IdempotencyMismatchError';

  constructor(key: string) {
    super(
      `The idempotency key ${JSON.stringify(callerKey(key))} was used with a different request; use a new key for a new request.`,
      { statusCode: 422, code: 'IdempotencyKeyReused' },
    );
  }
}
