/**
 * Every `code` a problem+json answer of `http-push` can carry, for the OpenAPI document: the
 * function's own codes (each with its status and when it is answered), and the families of codes
 * passed through from mPaaS and its gateway. A test scans lib/ for the codes the function throws
 * and fails on one this table does not name, so the document cannot fall behind the code.
 */
import type { JsonSchema } from '#lib/report/openapi/request-schema.ts';

/** One of the function's own problem codes. */
export interface OwnProblem {
  code: string;
  status: number | readonly number[];
  when: string;
  /** Whether the same request may succeed later (the body's `retryable`), per status if it differs. */
  retryable: boolean | string;
}

/** The function's own codes, in the README's order. */
export const OWN_PROBLEMS: readonly OwnProblem[] = [
  {
    code: 'InvalidPushRequest',
    status: 400,
    when: 'a rule is broken; `errors` lists every one',
    retryable: false,
  },
  { code: 'MalformedJson', status: 400, when: 'the body is not JSON', retryable: false },
  { code: 'InvalidEncoding', status: 400, when: 'the body is not UTF-8', retryable: false },
  {
    code: 'InvalidIdempotencyKey',
    status: 400,
    when: 'Idempotency-Key is not 1–255 printable ASCII characters without spaces',
    retryable: false,
  },
  {
    code: 'InvalidQueryParameter',
    status: 400,
    when: 'a query parameter the route does not take, or a value out of its range',
    retryable: false,
  },
  { code: 'InvalidTaskId', status: 400, when: 'a task id that cannot be one', retryable: false },
  {
    code: 'InvalidPushId',
    status: 400,
    when: 'a push id that cannot be a dispatch id or an Idempotency-Key',
    retryable: false,
  },
  {
    code: 'NotFound',
    status: 404,
    when: 'no such route; `detail` names the routes',
    retryable: false,
  },
  {
    code: 'PushNotFound',
    status: 404,
    when: 'no push with this id, or its records expired',
    retryable: false,
  },
  {
    code: 'TaskNotFound',
    status: 404,
    when: 'no scheduled or loop push with this id',
    retryable: false,
  },
  {
    code: 'MethodNotAllowed',
    status: 405,
    when: 'a route with another method; `Allow` and `allow` name the right ones',
    retryable: false,
  },
  {
    code: 'TaskAlreadyExecuted',
    status: 409,
    when: 'a cancel of a push whose firings all passed',
    retryable: false,
  },
  {
    code: 'IdempotencyKeyInProgress',
    status: 409,
    when: 'the same key is being processed right now',
    retryable: true,
  },
  {
    code: 'PayloadTooLarge',
    status: 413,
    when: 'the body is over MAX_BODY_BYTES, or a PushTemplate call would encode to more than 64 KB',
    retryable: false,
  },
  {
    code: 'UnsupportedMediaType',
    status: 415,
    when: 'Content-Type is not application/json',
    retryable: false,
  },
  {
    code: 'IdempotencyKeyReused',
    status: 422,
    when: 'the key was used with another payload: use a new key',
    retryable: false,
  },
  {
    code: 'DispatchRefused',
    status: 502,
    when: "Function Compute refused the hand-over to push-worker (the role's fc:InvokeFunction)",
    retryable: false,
  },
  {
    code: 'DispatchFailed',
    status: [502, 503],
    when: 'a dispatch failed for good (502) or for now (503); batches handed over are still sent',
    retryable: '503 only',
  },
  {
    code: 'IdempotencyStoreUnavailable',
    status: 503,
    when: 'the idempotency store cannot be reached',
    retryable: true,
  },
  {
    code: 'MissingRoleCredentials',
    status: 500,
    when: 'the function has no RAM role',
    retryable: false,
  },
  {
    code: 'InvalidConfiguration',
    status: 500,
    when: 'an environment variable is wrong; the log names it',
    retryable: false,
  },
  {
    code: 'FunctionMisconfigured',
    status: 500,
    when: 'the function is deployed wrong; the log says how',
    retryable: false,
  },
  {
    code: 'InternalError',
    status: [500, 503],
    when: 'a bug (500), or mPaaS answered InternalError (503); details only in the log',
    retryable: '503 only',
  },
];

/** The families of codes passed through from mPaaS, its gateway and the transport. */
const PASSED_THROUGH: JsonSchema[] = [
  {
    title: 'mPaaS ResultCode',
    type: 'string',
    pattern: '^-?[0-9]{1,6}$',
    description:
      'mPaaS refused the push (422: 3022 template not found, 3023 placeholders missing, …), throttled it (429: 8011) or the deployment is wrong (502: -1, 3032, 8012, 8013, 8014); 503 for 9000.',
    examples: ['3022', '8011'],
  },
  {
    title: 'Transport',
    type: 'string',
    enum: [
      'Transport.timeout',
      'Transport.deadline',
      'Transport.connection',
      'Transport.bad-response',
    ],
    description:
      'No usable answer from mPaaS: 504 timeout or no time left before the function times out, 502 a reset connection or an HTML error page; the push may have gone out, and the same Idempotency-Key resends the same msgKeys.',
  },
  {
    // open-ended: the gateway's codes pass through as they come, new ones included
    title: 'mPaaS gateway Code',
    type: 'string',
    pattern: '^[A-Z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)*$',
    description:
      "The OpenAPI gateway's Code: 429 Throttling.*; 502 Forbidden.RAM, SignatureDoesNotMatch, InvalidAccessKeyId.NotFound (fix the deployment); 503 ServiceUnavailable, InvalidSecurityToken.Expired; 413 RequestEntityTooLarge.",
    examples: ['Throttling.User', 'Forbidden.RAM'],
  },
];

/** The schema of the problem+json `code`. */
export function problemCodeSchema(): JsonSchema {
  const own = OWN_PROBLEMS.map(
    (problem) =>
      `- \`${problem.code}\` (${[problem.status].flat().join('/')}): ${problem.when}${problem.retryable === true ? '; retryable' : typeof problem.retryable === 'string' ? `; retryable ${problem.retryable}` : ''}`,
  );
  return {
    type: 'string',
    description: `A stable code for programs: the function's own,\n${own.join('\n')}\n\nor one passed through from mPaaS.`,
    anyOf: [
      { title: "The function's own", enum: OWN_PROBLEMS.map((problem) => problem.code) },
      ...PASSED_THROUGH,
    ],
  };
}
