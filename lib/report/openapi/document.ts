/**
 * The OpenAPI 3.1 document of `http-push` (`GET /openapi.json`): every route of lib/adapt/routes.ts
 * with its parameters, the push request's JSON Schema generated from the zod schema
 * (request-schema.ts), every answer's schema and the problem+json schema with every code
 * (problems.ts).
 *
 * Examples are executable: each request example (a body, or one parameter's value) carries
 * `x-expect`, the status the live handler answers it with (and a query it is sent with), and a
 * test sends every one through the handler, checking the status and the answer against the
 * schema documented for it. The scheduled push's example is a day after `now`: the function
 * makes its document again every hour, so the example it serves is always accepted; the one in
 * dist/openapi.json holds for a day after the build.
 *
 * Built by `npm run build` into dist/openapi.json with the default configuration, and by the function
 * on the first `GET /openapi.json` of an instance with the deployment's (a chunk loaded only
 * then), so the served document states the limits, API version and app that instance enforces.
 */
import { MAX_PAGE_SIZE } from '#lib/adapt/route-parameters.ts';
import { ROUTES } from '#lib/adapt/routes.ts';
import { problemCodeSchema } from '#lib/report/openapi/problems.ts';
import {
  type DocumentConfig,
  type JsonSchema,
  pushRequestJsonSchema,
} from '#lib/report/openapi/request-schema.ts';

export type { DocumentConfig, JsonSchema };

/** The version of this API, as the document states it (package.json's). */
export const API_VERSION = '0.1.0';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema, examples?: Record<string, JsonSchema>) => ({
  'application/json': { schema, ...(examples === undefined ? {} : { examples }) },
});
const problemContent = (examples?: Record<string, JsonSchema>) => ({
  'application/problem+json': {
    schema: ref('Problem'),
    ...(examples === undefined ? {} : { examples }),
  },
});
const count = { type: 'integer', minimum: 0 };
const counts = (names: readonly string[]) => ({
  type: 'object',
  required: names,
  additionalProperties: false,
  properties: Object.fromEntries(names.map((name) => [name, count])),
});
const instant = { type: 'string', format: 'date-time' };
const header = (description: string, schema: JsonSchema = { type: 'string' }) => ({
  description,
  schema,
});

const TARGET_STATUS = ['SENT', 'THROTTLED', 'FAILED', 'REFUSED'];

function schemas(config: DocumentConfig): Record<string, JsonSchema> {
  return {
    PushRequest: pushRequestJsonSchema(config),
    PushReport: {
      type: 'object',
      description:
        'What an inline push sent: 200 when every target was sent, 207 when some were not.',
      required: ['requestId', 'status', 'summary', 'targets', 'calls'],
      additionalProperties: false,
      properties: {
        requestId: { type: 'string', description: 'The Function Compute request id.' },
        status: { enum: ['SENT', 'PARTIAL', 'NOT_SENT'] },
        summary: counts([
          'targets',
          'calls',
          'sent',
          'throttled',
          'failed',
          'refused',
          'inDoubt',
          'replayed',
          'retries',
        ]),
        targets: {
          type: 'array',
          description: 'Every target, sorted by id.',
          items: {
            type: 'object',
            required: ['target', 'msgKey', 'status'],
            additionalProperties: false,
            properties: {
              target: { type: 'string' },
              msgKey: { type: 'string' },
              status: {
                enum: TARGET_STATUS,
                description:
                  'THROTTLED: still throttled after the retries; FAILED: retryable, gave up; REFUSED: permanent, with the mPaaS code.',
              },
              code: { type: 'string' },
              message: { type: 'string' },
              inDoubt: {
                type: 'boolean',
                description:
                  'A call may have been delivered before it failed, and was retried with the same msgKeys.',
              },
            },
          },
        },
        calls: {
          type: 'array',
          description: 'Every PushTemplate call (10 targets each).',
          items: {
            type: 'object',
            required: ['chunk', 'status', 'attempts', 'inDoubt'],
            additionalProperties: false,
            properties: {
              chunk: count,
              status: { enum: TARGET_STATUS },
              attempts: count,
              inDoubt: { type: 'boolean' },
              mpaasRequestId: { type: 'string' },
              taskId: { type: 'string', description: "A scheduled or loop push's mPaaS task id." },
              code: { type: 'string' },
              retryable: { type: 'boolean' },
            },
          },
        },
      },
    },
    DryRun: {
      type: 'object',
      description: 'What `?dryRun=true` would send; nothing was sent and no key was claimed.',
      required: ['requestId', 'dryRun', 'status', 'mode', 'summary', 'request', 'calls'],
      additionalProperties: false,
      properties: {
        requestId: { type: 'string' },
        dryRun: { const: true },
        status: { const: 'VALID' },
        mode: {
          enum: ['inline', 'dispatch'],
          description: `inline: sent by http-push; dispatch: above ${config.inlineTargets} targets, in batches to push-worker.`,
        },
        summary: counts(['targets', 'calls', 'batches', 'bytes']),
        request: {
          type: 'object',
          description:
            'The validated request: defaults applied, appId and workspaceId filled in, msgKeys derived (always targetMsgkey).',
        },
        calls: {
          type: 'array',
          items: {
            type: 'object',
            required: ['chunk', 'targets', 'bytes'],
            additionalProperties: false,
            properties: {
              batch: count,
              chunk: count,
              targets: count,
              bytes: {
                ...count,
                description: 'Form-encoded, as the call is sent, with the signature.',
              },
            },
          },
        },
        batches: {
          type: 'array',
          items: counts(['batch', 'targets', 'calls']),
        },
      },
    },
    Dispatched: {
      type: 'object',
      description: `A push of more than ${config.inlineTargets} targets, handed over to push-worker in batches; \`progress\` (and \`Location\`) is where to ask how it goes.`,
      required: ['status', 'dispatchId', 'batches', 'targets', 'worker', 'progress', 'requestId'],
      additionalProperties: false,
      properties: {
        status: { const: 'DISPATCHED' },
        dispatchId: { type: 'string' },
        batches: count,
        targets: count,
        worker: { type: 'string', description: 'The function the batches went to.' },
        progress: { type: 'string', description: '`/pushes/{dispatchId}`' },
        requestId: { type: 'string' },
      },
    },
    Progress: {
      type: 'object',
      description:
        'DISPATCHED until a batch reports, IN_PROGRESS while a batch is pending or failed (waiting for its retry), then SENT, PARTIAL (some refused) or FAILED (none sent).',
      required: ['id', 'kind', 'status'],
      additionalProperties: false,
      properties: {
        id: {
          type: 'string',
          description: 'The id asked by: a dispatch id or an Idempotency-Key.',
        },
        kind: { enum: ['dispatched', 'inline'] },
        status: { enum: ['DISPATCHED', 'IN_PROGRESS', 'SENT', 'PARTIAL', 'FAILED'] },
        dispatchId: { type: 'string' },
        batches: counts(['total', 'done', 'failed', 'pending']),
        targets: counts(['total', 'sent', 'refused', 'failed', 'pending']),
        createdAt: instant,
        updatedAt: instant,
        completedAt: instant,
        detail: { type: 'string' },
      },
    },
    ScheduleList: {
      type: 'object',
      description: 'The firings mPaaS holds (QueryPushSchedulerList): one task per firing.',
      required: [
        'requestId',
        'startTime',
        'endTime',
        'pageNumber',
        'pageSize',
        'totalCount',
        'tasks',
        'mpaasRequestId',
      ],
      additionalProperties: false,
      properties: {
        requestId: { type: 'string' },
        startTime: instant,
        endTime: instant,
        pageNumber: { type: 'integer', minimum: 1 },
        pageSize: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE },
        totalCount: count,
        tasks: {
          type: 'array',
          items: {
            type: 'object',
            required: ['taskId', 'executed'],
            additionalProperties: false,
            properties: {
              taskId: { type: 'string' },
              parentId: { type: 'string', description: "A loop push's firing: the push's id." },
              pushTime: instant,
              title: { type: 'string' },
              content: { type: 'string' },
              type: { type: 'integer' },
              deliveryType: { type: 'integer' },
              strategyType: { type: 'integer' },
              executed: { type: 'boolean' },
              createdAt: instant,
            },
          },
        },
        mpaasRequestId: { type: 'string' },
      },
    },
    Cancelled: {
      type: 'object',
      required: ['requestId', 'taskId', 'cancelled', 'mpaasRequestId'],
      additionalProperties: false,
      properties: {
        requestId: { type: 'string' },
        taskId: { type: 'string' },
        cancelled: {
          ...count,
          description: 'Firings cancelled (a loop push: every one not yet due).',
        },
        mpaasRequestId: { type: 'string' },
      },
    },
    Health: {
      type: 'object',
      required: ['status'],
      additionalProperties: false,
      properties: { status: { const: 'ok' } },
    },
    ValidationIssue: {
      type: 'object',
      required: ['field', 'rule', 'message'],
      additionalProperties: false,
      properties: {
        field: {
          type: 'string',
          description: 'The field, dotted (`targets.3`, `StrategyContent.time`).',
        },
        rule: {
          type: 'string',
          description: 'The rule broken (`required`, `max-length`, `one-of`, …).',
        },
        message: { type: 'string' },
      },
    },
    Problem: {
      type: 'object',
      description:
        'RFC 9457 problem details. From 500 on, `detail` names only the code and the request id.',
      required: ['type', 'title', 'status', 'detail', 'code', 'retryable', 'requestId'],
      additionalProperties: false,
      properties: {
        type: { const: 'about:blank' },
        title: { type: 'string' },
        status: { type: 'integer', minimum: 400, maximum: 599 },
        detail: { type: 'string' },
        code: problemCodeSchema(),
        retryable: { type: 'boolean' },
        requestId: { type: 'string' },
        errors: {
          type: 'array',
          description:
            'Every broken rule of an InvalidPushRequest (at most 100, then `more-issues`).',
          items: ref('ValidationIssue'),
        },
        mpaasRequestId: { type: 'string' },
        replayed: {
          const: true,
          description: 'The refusal stored by an earlier request with this key.',
        },
        allow: { type: 'array', items: { type: 'string' } },
      },
    },
  };
}

const HEADERS = {
  CorrelationId: header(
    'The `X-Correlation-Id` sent (when usable), else the request id; on every answer.',
  ),
  Replayed: header('`true` when the answer was stored by an earlier request with this key.', {
    const: 'true',
  }),
  RetryAfter: header('Seconds to wait before retrying.', { type: 'string', pattern: '^[0-9]+$' }),
  Location: header('`/pushes/{dispatchId}`: the progress of this push.'),
  Allow: header('The methods this path answers.'),
  CacheControl: header('`no-store`: progress changes.'),
};
const headerRef = (name: keyof typeof HEADERS) => ({ $ref: `#/components/headers/${name}` });

/** A problem answer of `status`, with the codes it may carry. */
function problem(description: string, extraHeaders: JsonSchema = {}): JsonSchema {
  return {
    description,
    headers: { 'X-Correlation-Id': headerRef('CorrelationId'), ...extraHeaders },
    content: problemContent(),
  };
}

/** The problems every route may answer. */
const COMMON_PROBLEMS = {
  '404': { $ref: '#/components/responses/NotFound' },
  '405': { $ref: '#/components/responses/MethodNotAllowed' },
  '500': { $ref: '#/components/responses/InternalError' },
};
/** What a call to mPaaS may answer (pushes and schedules alike). */
const MPAAS_PROBLEMS = {
  '429': { $ref: '#/components/responses/Throttled' },
  '502': { $ref: '#/components/responses/BadGateway' },
  '503': { $ref: '#/components/responses/Unavailable' },
  '504': { $ref: '#/components/responses/Timeout' },
};

const DOCS_EXAMPLE = {
  taskName: 'template test',
  deliveryType: 3,
  targetMsgkey: { user1024: '1578807462788' },
  expiredSeconds: 300,
  templateName: 'template1024',
  templateKeyValue: { name: 'Alice', money: '200' },
};

/** The request examples of `POST /pushes`, each with the answer the handler gives it. */
function pushExamples(now: Date): Record<string, JsonSchema> {
  const tomorrow = Math.ceil((now.getTime() + 86_400_000) / 60_000) * 60_000;
  return {
    docs: {
      summary: 'The mPaaS docs example: one user, a template with two placeholders',
      value: DOCS_EXAMPLE,
      'x-expect': { status: 200 },
    },
    targets: {
      summary: 'A list of users, msgKeys derived from the Idempotency-Key or the request id',
      value: {
        ...DOCS_EXAMPLE,
        targetMsgkey: undefined,
        targets: ['user1024', 'user2048', 'user4096'],
      },
      'x-expect': { status: 200 },
    },
    jsonStrings: {
      summary: 'Maps as JSON strings, as the docs send them',
      value: {
        ...DOCS_EXAMPLE,
        targetMsgkey: JSON.stringify({ user8192: '1578807462789' }),
        templateKeyValue: JSON.stringify(DOCS_EXAMPLE.templateKeyValue),
        deliveryType: '3',
      },
      'x-expect': { status: 200 },
    },
    scheduled: {
      summary:
        'A scheduled push, an hour after this document was made; the call answers its taskId',
      value: {
        ...DOCS_EXAMPLE,
        targetMsgkey: { user1024: '1578807462790' },
        strategyType: 1,
        StrategyContent: { fixedTime: tomorrow },
      },
      'x-expect': { status: 200 },
    },
    dryRun: {
      summary: 'With ?dryRun=true: what would be sent, nothing sent',
      value: { ...DOCS_EXAMPLE, targets: ['user1024', 'user2048'], targetMsgkey: undefined },
      'x-expect': { status: 200, query: { dryRun: 'true' } },
    },
    invalid: {
      summary: 'Two broken rules, both named',
      value: { ...DOCS_EXAMPLE, deliveryType: 9, templateName: 'a,b' },
      'x-expect': { status: 400 },
    },
    bothTargetForms: {
      summary: 'Both target forms: one of them only',
      value: { ...DOCS_EXAMPLE, targets: ['user1024'] },
      'x-expect': { status: 400 },
    },
  };
}

/** `undefined` values dropped, as JSON would (the examples spread and blank fields out). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const RESPONSE_EXAMPLES = {
  sent: {
    summary: 'Every target sent',
    value: {
      requestId: '1-6744e2c0-1a2b3c4d5e6f',
      status: 'SENT',
      summary: {
        targets: 1,
        calls: 1,
        sent: 1,
        throttled: 0,
        failed: 0,
        refused: 0,
        inDoubt: 0,
        replayed: 0,
        retries: 0,
      },
      targets: [{ target: 'user1024', msgKey: '1578807462788', status: 'SENT' }],
      calls: [
        {
          chunk: 0,
          status: 'SENT',
          attempts: 1,
          inDoubt: false,
          mpaasRequestId: 'BB483CF9-5D6E-4E3F-9C2A-1F0E2D3C4B5A',
        },
      ],
    },
  },
  invalid: {
    summary: 'Every broken rule named',
    value: {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'InvalidPushRequest',
      detail:
        'Invalid push request: deliveryType: must be 1 (Android device), 2 (iOS device), 3 (user), 5 (Live Activity pushToken), 6 (Live Activity activityId) or 7 (HarmonyOS device); got the number 9. templateName: must not contain a comma (the mPaaS docs: template names cannot contain commas).',
      retryable: false,
      requestId: '1-6744e2c0-1a2b3c4d5e6f',
      errors: [
        {
          field: 'deliveryType',
          rule: 'one-of',
          message:
            'deliveryType: must be 1 (Android device), 2 (iOS device), 3 (user), 5 (Live Activity pushToken), 6 (Live Activity activityId) or 7 (HarmonyOS device); got the number 9.',
        },
        {
          field: 'templateName',
          rule: 'no-comma',
          message:
            'templateName: must not contain a comma (the mPaaS docs: template names cannot contain commas).',
        },
      ],
    },
  },
};

function paths(now: Date): JsonSchema {
  const idempotencyKey = {
    name: 'Idempotency-Key',
    in: 'header',
    description:
      'Makes the request safe to retry: a repeat replays the stored answer (`Idempotent-Replayed: true`), one still in progress gets 409, the same key with another payload 422. Derived msgKeys come from it.',
    schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
    example: 'order-42-shipped',
  };
  const correlationId = {
    name: 'X-Correlation-Id',
    in: 'header',
    description: 'Carried into every log line of the request and echoed back.',
    schema: { type: 'string', pattern: '^[\\w.:@/-]{1,128}$' },
    example: 'checkout-7f3a',
  };
  const push = (operationId: string, summary: string) => ({
    operationId,
    summary,
    tags: ['pushes'],
    parameters: [
      {
        name: 'dryRun',
        in: 'query',
        description:
          'true: validate, apply defaults, derive msgKeys and plan, but send nothing and claim no key; a bad request gets the same 4xx.',
        schema: { enum: ['true', 'false'] },
      },
      idempotencyKey,
      correlationId,
    ],
    requestBody: {
      required: true,
      content: json(ref('PushRequest'), plain(pushExamples(now))),
    },
    responses: {
      '200': {
        description: 'Every target sent, or (with dryRun=true) what would be sent.',
        headers: {
          'X-Correlation-Id': headerRef('CorrelationId'),
          'Idempotent-Replayed': headerRef('Replayed'),
        },
        content: json(
          { oneOf: [ref('PushReport'), ref('DryRun')] },
          { sent: RESPONSE_EXAMPLES.sent },
        ),
      },
      '202': {
        description: 'Dispatched to push-worker in batches.',
        headers: {
          Location: headerRef('Location'),
          'X-Correlation-Id': headerRef('CorrelationId'),
          'Idempotent-Replayed': headerRef('Replayed'),
        },
        content: json(ref('Dispatched')),
      },
      '207': {
        description: 'Some targets were not sent; the body lists every target.',
        headers: {
          'X-Correlation-Id': headerRef('CorrelationId'),
          'Idempotent-Replayed': headerRef('Replayed'),
        },
        content: json(ref('PushReport')),
      },
      '400': {
        description:
          'A broken rule (`errors` names each), a body that is not JSON or UTF-8, a bad header or query.',
        headers: { 'X-Correlation-Id': headerRef('CorrelationId') },
        content: problemContent({ invalid: RESPONSE_EXAMPLES.invalid }),
      },
      '409': problem('IdempotencyKeyInProgress: the same key is being processed right now.'),
      '413': problem('PayloadTooLarge, or the gateway refused a call as too large.'),
      '415': problem('UnsupportedMediaType: the body must be application/json.'),
      '422': {
        description:
          "mPaaS refused the push (its ResultCode: 3022, 3023, …), or IdempotencyKeyReused; a keyed request's refusal is stored and replayed. A replayed push whose every call was refused without a stored code answers its report (`status: NOT_SENT`).",
        headers: {
          'X-Correlation-Id': headerRef('CorrelationId'),
          'Idempotent-Replayed': headerRef('Replayed'),
        },
        content: { ...problemContent(), ...json(ref('PushReport')) },
      },
      ...COMMON_PROBLEMS,
      ...MPAAS_PROBLEMS,
    },
  });
  const onlyParameter = (
    name: string,
    where: 'path' | 'query',
    schema: JsonSchema,
    description: string,
    examples: Record<string, JsonSchema>,
  ) => ({ name, in: where, required: where === 'path', description, schema, examples });
  const scheduleQuery = (name: string, schema: JsonSchema, description: string, value: string) =>
    onlyParameter(name, 'query', schema, description, {
      [name]: { value, 'x-expect': { status: 200 } },
    });
  const whole = (max: number) => ({ type: 'string', pattern: `^[0-9]{1,${String(max).length}}$` });
  return {
    '/pushes': { post: push('sendPush', 'Send one PushTemplate request') },
    '/': { post: push('sendPushAlias', 'Alias of POST /pushes (the first release’s endpoint)') },
    '/pushes/{id}': {
      get: {
        operationId: 'getPushProgress',
        summary: 'The progress of a dispatched push, or of a keyed one',
        tags: ['pushes'],
        parameters: [
          onlyParameter(
            'id',
            'path',
            { type: 'string', minLength: 1 },
            'A dispatchId, or the Idempotency-Key the push was sent with (percent-encoded).',
            {
              unknown: {
                summary: 'Nothing recorded under this id',
                value: 'no-such-push-8d2c',
                'x-expect': { status: 404 },
              },
              malformed: {
                summary: 'Not an id (a space)',
                value: 'not an id',
                'x-expect': { status: 400 },
              },
            },
          ),
        ],
        responses: {
          '200': {
            description: 'Its progress.',
            headers: { 'Cache-Control': headerRef('CacheControl') },
            content: json(ref('Progress')),
          },
          '400': problem('InvalidPushId, or InvalidQueryParameter: the route takes no query.'),
          '404': problem('PushNotFound: nothing recorded, or expired (IDEMPOTENCY_TTL_SECONDS).'),
          '405': { $ref: '#/components/responses/MethodNotAllowed' },
          '500': { $ref: '#/components/responses/InternalError' },
          '503': { $ref: '#/components/responses/Unavailable' },
        },
      },
    },
    '/schedules': {
      get: {
        operationId: 'listSchedules',
        summary: 'The scheduled and loop pushes mPaaS holds for this app (QueryPushSchedulerList)',
        tags: ['schedules'],
        parameters: [
          scheduleQuery(
            'startTime',
            whole(4_102_444_800_000),
            'Epoch ms; default now.',
            '1764547200000',
          ),
          scheduleQuery(
            'endTime',
            whole(4_102_444_800_000),
            'Epoch ms, up to 2100; default 181 days after the later of now and startTime.',
            '4102444800000',
          ),
          scheduleQuery(
            'type',
            { enum: ['0', '1', '2', '3'] },
            "mPaaS's push type; 1 is a template push.",
            '1',
          ),
          scheduleQuery(
            'taskId',
            { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
            "A loop push's id lists its firings.",
            '4096631214',
          ),
          scheduleQuery('pageNumber', whole(100_000), 'From 1 (default 1).', '1'),
          scheduleQuery(
            'pageSize',
            whole(MAX_PAGE_SIZE),
            `1 to ${MAX_PAGE_SIZE} (default 100).`,
            '20',
          ),
        ],
        responses: {
          '200': { description: 'One page of firings.', content: json(ref('ScheduleList')) },
          '400': problem('InvalidQueryParameter.'),
          '422': problem('mPaaS refused the query (its ResultCode).'),
          ...COMMON_PROBLEMS,
          ...MPAAS_PROBLEMS,
        },
      },
    },
    '/schedules/{taskId}': {
      delete: {
        operationId: 'cancelSchedule',
        summary: 'Cancel a scheduled push, or every firing of a loop push not yet due',
        tags: ['schedules'],
        parameters: [
          onlyParameter(
            'taskId',
            'path',
            { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
            'The taskId a scheduled or loop push answered in its call.',
            {
              unknown: {
                summary: 'No such task',
                value: '4096631214',
                'x-expect': { status: 404 },
              },
            },
          ),
        ],
        responses: {
          '200': { description: 'Cancelled.', content: json(ref('Cancelled')) },
          '400': problem('InvalidTaskId, or InvalidQueryParameter: the route takes no query.'),
          '409': problem('TaskAlreadyExecuted: every firing has passed.'),
          '422': problem('mPaaS refused the cancel (its ResultCode).'),
          ...COMMON_PROBLEMS,
          ...MPAAS_PROBLEMS,
        },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        summary: 'This document',
        tags: ['meta'],
        responses: {
          '200': { description: 'The OpenAPI 3.1 document.', content: json({ type: 'object' }) },
          ...COMMON_PROBLEMS,
        },
      },
    },
    '/healthz': {
      get: {
        operationId: 'health',
        summary: 'Liveness, without calling mPaaS',
        tags: ['meta'],
        responses: {
          '200': { description: 'Up.', content: json(ref('Health')) },
          ...COMMON_PROBLEMS,
        },
      },
    },
  };
}

/**
 * The OpenAPI 3.1 document.
 * @throws Error when the routes and the document disagree (a test runs it).
 * @example openApiDocument({ maxTargets: 100000, inlineTargets: 1000, maxBodyBytes: 118e6 }, new Date()).openapi // '3.1.0'
 */
export function openApiDocument(config: DocumentConfig, now: Date): JsonSchema {
  const documented = paths(now);
  const routes = ROUTES.map((route) => route.path).sort();
  if (Object.keys(documented).sort().join() !== routes.join()) {
    throw new Error(`OpenAPI paths ${Object.keys(documented)} are not the routes ${routes}`);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'mPaaS template pushes (http-push)',
      version: API_VERSION,
      description: `Sends mPaaS PushTemplate requests from Function Compute with the function's RAM role: validated before anything is sent, split into calls of 10, at most ${config.maxTargets} targets a request (above ${config.inlineTargets} dispatched in batches), bodies of at most ${config.maxBodyBytes} bytes. Errors are RFC 9457 problem+json.`,
    },
    tags: [
      { name: 'pushes', description: 'PushTemplate requests and their progress' },
      { name: 'schedules', description: 'Scheduled and loop pushes' },
      { name: 'meta', description: 'This document and liveness' },
    ],
    paths: documented,
    components: {
      schemas: schemas(config),
      headers: HEADERS,
      responses: {
        NotFound: problem('NotFound: no such route (`detail` names them).'),
        MethodNotAllowed: problem('MethodNotAllowed: `Allow` names the methods.', {
          Allow: headerRef('Allow'),
        }),
        Throttled: problem('Throttled after the retries (8011, Throttling.*).', {
          'Retry-After': headerRef('RetryAfter'),
        }),
        BadGateway: problem(
          'The deployment is wrong (role, signature, app: Forbidden.RAM, 8012, …), a reset connection or an HTML error page, DispatchRefused.',
        ),
        Unavailable: problem(
          'mPaaS, Function Compute or the idempotency store unavailable, or the token expired.',
          { 'Retry-After': headerRef('RetryAfter') },
        ),
        Timeout: problem('No answer from mPaaS in time (Transport.timeout, Transport.deadline).'),
        InternalError: problem(
          'The function is misconfigured or has a bug; details only in the log.',
        ),
      },
    },
  };
}
