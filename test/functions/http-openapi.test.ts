/**
 * `GET /openapi.json` (#10): the document is valid OpenAPI 3.1 (checked by a maintained
 * validator, @seriousme/openapi-schema-validator), every example in it runs through the live
 * handler and gets the answer it documents (its `x-expect` status, a body valid against the schema
 * documented for that status), every documented answer example is valid against its schema, the
 * push request's JSON Schema agrees with the function's own validation on each rule it states,
 * and every problem code the function throws is in the document.
 */

import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { loadConfig } from '#lib/handler/config.ts';
import { documentConfigOf, openApiAnswer } from '#lib/handler/openapi.ts';
import { dispatchAnswer } from '#lib/report/http-answer.ts';
import { API_VERSION, type JsonSchema, openApiDocument } from '#lib/report/openapi/document.ts';
import { OWN_PROBLEMS } from '#lib/report/openapi/problems.ts';
import { zodRequestJsonSchema } from '#lib/report/openapi/zod-json.ts';
import { HEAD_PART } from '#lib/send/progress.ts';
import { storeFor } from '#lib/send/store/index.ts';
import { FIELD_NAMES } from '#lib/validate/fields.ts';
import { createPushRequestSchema } from '#lib/validate/push-request.ts';
import { emulatorEnv } from '#test/helpers/emulator.ts';
import { docsExample } from '#test/helpers/fc.ts';
import { type ApiAnswer, useHttpApi } from '#test/helpers/http-api.ts';

const api = useHttpApi();
const root = path.resolve(import.meta.dirname, '../..');

type Operation = {
  parameters?: Array<{ name: string; in: string; examples?: Record<string, Example> }>;
  requestBody?: { content: Record<string, { examples?: Record<string, Example> }> };
  responses: Record<string, Response>;
};
type Example = { value: unknown; 'x-expect'?: { status: number; query?: Record<string, string> } };
type Response = {
  $ref?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema: JsonSchema; examples?: Record<string, Example> }>;
};

let document: JsonSchema;
let ajv: InstanceType<typeof Ajv2020>;

function operations(): Array<{ path: string; method: string; operation: Operation }> {
  const paths = document.paths as Record<string, Record<string, Operation>>;
  return Object.entries(paths).flatMap(([route, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path: route, method, operation })),
  );
}

function resolve(response: Response): Response {
  if (response.$ref === undefined) return response;
  const name = response.$ref.split('/').at(-1) ?? '';
  const responses = (document.components as { responses: Record<string, Response> }).responses;
  return responses[name] ?? {};
}

/** The schema an answer of `status` must match, as a reference into the document. */
function answerSchema(operation: Operation, status: number, mediaType: string) {
  const response = operation.responses[String(status)];
  if (response === undefined) throw new Error(`status ${status} is not documented`);
  const content = resolve(response).content?.[mediaType];
  if (content === undefined) throw new Error(`status ${status} has no ${mediaType} body`);
  return content.schema;
}

function check(schema: JsonSchema, value: unknown): string | undefined {
  const validate = ajv.compile(rebase(schema) as JsonSchema);
  return validate(value) ? undefined : ajv.errorsText(validate.errors);
}

/** The document's `#/components/...` references, resolved against the document. */
function rebase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebase);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/')
        ? `openapi.json${inner}`
        : rebase(inner),
    ]),
  );
}

async function send(
  route: string,
  method: string,
  options: { body?: unknown; params?: Record<string, string>; query?: Record<string, string> },
): Promise<ApiAnswer> {
  let concrete = route;
  for (const [name, value] of Object.entries(options.params ?? {})) {
    concrete = concrete.replace(`{${name}}`, encodeURIComponent(value));
  }
  return api.call({
    method: method.toUpperCase(),
    path: concrete,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    ...(options.query === undefined ? {} : { query: options.query }),
  });
}

function expectDocumented(operation: Operation, status: number, answer: ApiAnswer): void {
  expect(answer.statusCode, answer.body).toBe(status);
  const mediaType = (answer.headers['content-type'] ?? '').split(';')[0] ?? '';
  const problem = check(answerSchema(operation, status, mediaType), answer.json);
  expect(problem, `${status} ${answer.body}`).toBeUndefined();
  expect(answer.headers['x-correlation-id']).toBeTruthy();
}

beforeAll(async () => {
  // before the per-test hooks: the summary line would reach the test's output
  const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  // the environment of the tests (the hooks stub it per test): the app, the emulator
  for (const [name, value] of Object.entries(emulatorEnv(api.emulator.url)))
    vi.stubEnv(name, value);
  const answer = await api
    .call({ method: 'GET', path: '/openapi.json' })
    .finally(() => quiet.mockRestore());
  document = answer.json as JsonSchema;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  formats.default(ajv);
  ajv.addSchema(document as object, 'openapi.json');
});

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document, by a maintained validator', async () => {
    const result = await new Validator().validate(document);

    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('answers 200 JSON, cached, as the source makes it for the instance', async () => {
    const answer = await api.call({ method: 'GET', path: '/openapi.json' });

    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.headers['cache-control']).toBe('public, max-age=300');
    const expected = openApiDocument(documentConfigOf(loadConfig(process.env)), new Date());
    expect(answer.json.components).toEqual(expected.components);
    expect(Object.keys(answer.json.paths as object)).toEqual(Object.keys(expected.paths as object));
  });

  it("states the instance's own limits, API version and app", async () => {
    vi.stubEnv('MPAAS_MAX_TARGETS', '5000');
    vi.stubEnv('MPAAS_INLINE_TARGETS', '200');
    vi.stubEnv('MPAAS_API_VERSION', '2019-08-21');

    const answer = await api.call({ method: 'GET', path: '/openapi.json' });

    const request = (answer.json.components as { schemas: Record<string, JsonSchema> }).schemas
      .PushRequest as {
      properties: Record<string, { anyOf?: Array<{ maxItems?: number }>; const?: string }>;
      allOf: JsonSchema[];
    };
    expect(request.properties.targets?.anyOf?.[0]?.maxItems).toBe(5000);
    expect(request.properties.appId?.const).toBe(process.env.MPAAS_APP_ID);
    expect(JSON.stringify(answer.json.info)).toContain('above 200 dispatched');
    // under 2019-08-21 a scheduled push is refused by the schema as by the function
    const v2019 = new Ajv2020({ strict: false });
    formats.default(v2019);
    v2019.addSchema(answer.json as object, 'v2019.json');
    const validate = v2019.getSchema('v2019.json#/components/schemas/PushRequest');
    const push = await send('/pushes', 'post', { body: scheduled, query: { dryRun: 'true' } });
    const live = await send('/pushes', 'post', { body: liveActivity, query: { dryRun: 'true' } });
    expect(validate?.(DOCS)).toBe(true);
    expect(validate?.(scheduled)).toBe(false);
    expect(push.statusCode).toBe(400);
    expect(JSON.stringify(push.json.errors)).toContain('api-version');
    // a Live Activity push, even without the fields 2019-08-21 lacks, is refused by both
    const bare = { ...liveActivity, activityEvent: undefined, activityContentState: undefined };
    const bareLive = await send('/pushes', 'post', { body: bare, query: { dryRun: 'true' } });
    expect(validate?.(JSON.parse(JSON.stringify(bare)))).toBe(false);
    expect(bareLive.statusCode).toBe(400);
    expect(live.statusCode).toBe(400);
  });

  it('is valid for a function without an app configured, whose app fields are examples', async () => {
    const unlocked = openApiDocument(documentConfigOf(loadConfig({})), new Date());
    const request = (unlocked.components as { schemas: Record<string, JsonSchema> }).schemas
      .PushRequest as { properties: Record<string, { const?: string; examples?: string[] }> };

    expect(await new Validator().validate(unlocked)).toMatchObject({ valid: true });
    expect(request.properties.appId).toMatchObject({ examples: ['ONEX570DA89211721'] });
    expect(request.properties.appId?.const).toBeUndefined();
    expect(request.properties.workspaceId).toMatchObject({ examples: ['default'] });
  });

  it('is made again after an hour, so its scheduled example stays in the future', async () => {
    const config = loadConfig({ MPAAS_APP_ID: 'ONEX570DA89211721' });
    const fixedTime = (answer: { body: string }) =>
      JSON.stringify(JSON.parse(answer.body)).match(/"fixedTime":(\d+)/)?.[1];
    const start = Date.parse('2026-12-02T00:00:00Z');

    const first = await openApiAnswer(config, {}, start);
    const minuteLater = await openApiAnswer(config, {}, start + 60_000);
    const hourLater = await openApiAnswer(config, {}, start + 3_600_000);

    expect(fixedTime(first)).toBe(String(start + 86_400_000));
    expect(fixedTime(minuteLater)).toBe(fixedTime(first));
    expect(fixedTime(hourLater)).toBe(String(start + 3_600_000 + 86_400_000));
  });

  it('states the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(API_VERSION).toBe(pkg.version);
  });

  it("takes zod's JSON Schema, which does not depend on the options the rules read", () => {
    const other = createPushRequestSchema({
      now: new Date('2030-01-01T00:00:00Z'),
      timeZone: 'Asia/Shanghai',
      apiVersion: '2019-08-21',
      appId: 'ONEXOTHER',
      workspaceId: 'w',
      maxTargets: 7,
    });

    expect(zodRequestJsonSchema()).toEqual(
      z.toJSONSchema(other, { io: 'input', unrepresentable: 'any' }),
    );
    expect(zodRequestJsonSchema().required).toEqual([
      'taskName',
      'deliveryType',
      'expiredSeconds',
      'templateName',
    ]);
  });

  it('documents every field the schema takes, no other, and the required ones', () => {
    const schemas = (document.components as { schemas: Record<string, JsonSchema> }).schemas;
    const request = schemas.PushRequest as { properties: object; required: string[] };

    expect(Object.keys(request.properties)).toEqual(FIELD_NAMES);
    expect(request.required.sort()).toEqual(
      ['deliveryType', 'expiredSeconds', 'taskName', 'templateName'].sort(),
    );
    for (const [name, field] of Object.entries(request.properties)) {
      expect((field as { description?: string }).description, name).toBeTruthy();
    }
  });
});

describe('every example in the document, through the live handler', () => {
  it('gets its documented status and an answer valid against the documented schema', async () => {
    let ran = 0;
    for (const { path: route, method, operation } of operations()) {
      const bodies = operation.requestBody?.content['application/json']?.examples ?? {};
      for (const [name, example] of Object.entries(bodies)) {
        const expected = example['x-expect'];
        expect(expected, `${method} ${route} example ${name} has x-expect`).toBeDefined();
        const answer = await send(route, method, {
          body: example.value,
          ...(expected?.query === undefined ? {} : { query: expected.query }),
        });
        expectDocumented(operation, expected?.status ?? 0, answer);
        ran += 1;
      }
      for (const parameter of operation.parameters ?? []) {
        for (const [name, example] of Object.entries(parameter.examples ?? {})) {
          const expected = example['x-expect'];
          expect(expected, `${method} ${route} ${parameter.name} ${name}`).toBeDefined();
          const value = String(example.value);
          const answer = await send(route, method, {
            ...(parameter.in === 'path' ? { params: { [parameter.name]: value } } : {}),
            ...(parameter.in === 'query' ? { query: { [parameter.name]: value } } : {}),
          });
          expectDocumented(operation, expected?.status ?? 0, answer);
          ran += 1;
        }
      }
      if (operation.requestBody === undefined && (operation.parameters ?? []).length === 0) {
        expectDocumented(operation, 200, await send(route, method, {}));
        ran += 1;
      }
    }
    expect(ran).toBeGreaterThanOrEqual(25);
  });

  it('answers the dry-run example with what it would send, and sends nothing', async () => {
    const push = operations().find((entry) => entry.path === '/pushes')?.operation;
    const example = push?.requestBody?.content['application/json']?.examples?.dryRun;

    const answer = await send('/pushes', 'post', {
      body: example?.value,
      query: { dryRun: 'true' },
    });

    expect(answer.json).toMatchObject({ dryRun: true, status: 'VALID', summary: { targets: 2 } });
    expect(api.emulator.pushes()).toEqual([]);
  });

  it('answers each documented answer example valid against its schema', () => {
    let checked = 0;
    for (const { operation } of operations()) {
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [mediaType, content] of Object.entries(resolve(response).content ?? {})) {
          for (const [name, example] of Object.entries(content.examples ?? {})) {
            expect(
              check(content.schema, example.value),
              `${status} ${mediaType} ${name}`,
            ).toBeUndefined();
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it('answers the progress of a dispatch, a 202 and a cancel as the document says', async () => {
    const byPath = (route: string) =>
      operations().find((entry) => entry.path === route)?.operation as Operation;
    const dispatchId = `openapi-${randomUUID()}`;
    const head = { dispatchId, batchTargets: [20, 5], createdAt: '2026-12-02T00:00:00.000Z' };
    await storeFor({ kind: 'memory' }).putProgress(dispatchId, HEAD_PART, head, 60_000);
    const progress = await send('/pushes/{id}', 'get', { params: { id: dispatchId } });
    expectDocumented(byPath('/pushes/{id}'), 200, progress);
    expect(progress.json.status).toBe('DISPATCHED');

    const accepted = dispatchAnswer(
      { dispatchId, batches: 2, targets: 25, worker: 'push-worker' },
      { requestId: 'r-1', correlationId: 'c-1', replayed: false },
    );
    expect(accepted.statusCode).toBe(202);
    const dispatched = answerSchema(byPath('/pushes'), 202, 'application/json');
    expect(check(dispatched, JSON.parse(accepted.body))).toBeUndefined();

    const schedules = byPath('/pushes').requestBody?.content['application/json']?.examples;
    const scheduled = await send('/pushes', 'post', { body: schedules?.scheduled?.value });
    const taskId = String((scheduled.json.calls as Array<{ taskId?: string }>)[0]?.taskId);
    const listed = await send('/schedules', 'get', { query: { taskId } });
    expectDocumented(byPath('/schedules'), 200, listed);
    expect(listed.json.totalCount).toBe(1);
    const cancelled = await send('/schedules/{taskId}', 'delete', { params: { taskId } });
    expectDocumented(byPath('/schedules/{taskId}'), 200, cancelled);
    expect(cancelled.json.cancelled).toBe(1);
  });

  it('answers a route that is not there and a wrong method as the document says', async () => {
    const push = operations().find((entry) => entry.path === '/pushes')?.operation as Operation;

    expectDocumented(push, 404, await send('/nowhere', 'get', {}));
    const wrong = await send('/pushes', 'get', {});
    expectDocumented(push, 405, wrong);
    expect(wrong.headers.allow).toBe('POST');
  });
});

/** The PushRequest schema's verdict and the function's (a dry run: nothing is sent). */
async function verdicts(body: unknown) {
  const validate = ajv.getSchema('openapi.json#/components/schemas/PushRequest');
  if (validate === undefined) throw new Error('no PushRequest schema');
  const answer = await send('/pushes', 'post', { body, query: { dryRun: 'true' } });
  const errors = (answer.json.errors ?? []) as Array<{ rule: string }>;
  return {
    schema: validate(body) === true,
    handler: answer.statusCode,
    rules: errors.map((issue) => issue.rule),
  };
}

const DOCS = docsExample();
const long = (n: number) => 'x'.repeat(n);
const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
const DAY_MS = 86_400_000;
const tomorrow = Math.ceil((Date.now() + DAY_MS) / 60_000) * 60_000;
const scheduled = { ...DOCS, strategyType: 1, StrategyContent: { fixedTime: tomorrow } };
const loop = {
  ...DOCS,
  strategyType: 2,
  StrategyContent: {
    startTime: tomorrow,
    endTime: tomorrow + 7 * DAY_MS,
    circleType: 1,
    time: '08:00:00',
  },
};
const liveActivity = {
  ...DOCS,
  deliveryType: 5,
  targetMsgkey: { a1b2c3d4e5f6: 'la-1' },
  activityEvent: 'update',
  activityContentState: { progress: 0.5 },
};

describe('the push request JSON Schema agrees with the function', () => {
  const accepted: Array<[string, unknown]> = [
    ['the docs example', DOCS],
    ['digits as strings', { ...DOCS, deliveryType: '3', expiredSeconds: '300' }],
    ['a map as a JSON string', { ...DOCS, templateKeyValue: '{"name":"Alice","money":"200"}' }],
    ['the longest task name', { ...DOCS, taskName: long(200) }],
    ['targets instead', { ...DOCS, targetMsgkey: undefined, targets: ['a', 'b'] }],
    [
      'SMS with its trio',
      {
        ...DOCS,
        smsStrategy: 1,
        smsSignName: 's',
        smsTemplateCode: 'c',
        smsTemplateParam: { a: 1 },
      },
    ],
    ['classification as a number', { ...DOCS, classification: 0 }],
    ['twenty extended params', { ...DOCS, extendedParams: keys(20) }],
    ['a scheduled push', scheduled],
    [
      'a scheduled push with its time as digits',
      { ...scheduled, StrategyContent: { fixedTime: String(tomorrow) } },
    ],
    ['a loop push', loop],
    [
      'a weekly loop, its days as digits',
      {
        ...loop,
        StrategyContent: { ...loop.StrategyContent, circleType: '2', circleValue: ['1', 5] },
      },
    ],
    ['a Live Activity update', liveActivity],
    [
      'a Live Activity end with its dismissal date',
      {
        ...liveActivity,
        activityEvent: 'end',
        activityContentState: undefined,
        dismissalDate: 1893456000,
      },
    ],
    ['the configured app named', { ...DOCS, appId: 'ONEX570DA89211721' }],
  ];
  // each with the rule the function's 400 names for it
  const refused: Array<[string, unknown, string]> = [
    ['a missing required field', { ...DOCS, taskName: undefined }, 'required'],
    ['an unknown field', { ...DOCS, title: 'x' }, 'unknown-keys'],
    ['an unknown deliveryType', { ...DOCS, deliveryType: 4 }, 'one-of'],
    ['a fraction', { ...DOCS, expiredSeconds: 1.5 }, 'integer'],
    ['zero seconds', { ...DOCS, expiredSeconds: 0 }, 'positive'],
    ['zero seconds as digits', { ...DOCS, expiredSeconds: '0' }, 'positive'],
    ['more than 2^53 seconds', { ...DOCS, expiredSeconds: 2 ** 60 }, 'integer'],
    ['digits with a sign', { ...DOCS, expiredSeconds: '+300' }, 'integer'],
    ['a task name too long', { ...DOCS, taskName: long(201) }, 'max-length'],
    ['a blank task name', { ...DOCS, taskName: '   ' }, 'non-empty'],
    ['a comma in the template name', { ...DOCS, templateName: 'a,b' }, 'no-comma'],
    ['a target id too long', { ...DOCS, targetMsgkey: { [long(257)]: 'm' } }, 'max-key-length'],
    [
      'a prototype key as a target',
      { ...DOCS, targetMsgkey: undefined, targets: ['constructor'] },
      'prototype-key',
    ],
    ['no target', { ...DOCS, targetMsgkey: {} }, 'min-pairs'],
    ['both target forms', { ...DOCS, targets: ['a'] }, 'one-target-form'],
    ['neither target form', { ...DOCS, targetMsgkey: undefined }, 'required'],
    [
      'a repeated target',
      { ...DOCS, targetMsgkey: undefined, targets: ['a', 'a'] },
      'unique-target',
    ],
    ['21 extended params', { ...DOCS, extendedParams: keys(21) }, 'max-keys'],
    ['a nested map value', { ...DOCS, templateKeyValue: { name: { first: 'A' } } }, 'value-type'],
    ['a map value too long', { ...DOCS, templateKeyValue: { name: long(1025) } }, 'max-length'],
    [
      'a map that is not JSON-like text',
      { ...DOCS, templateKeyValue: 'name=Alice' },
      'json-object',
    ],
    ['SMS without its trio', { ...DOCS, smsStrategy: 2 }, 'required-with-sms'],
    ['SMS fields without smsStrategy', { ...DOCS, smsSignName: 's' }, 'sms-off'],
    [
      'Live Activity fields for a user push',
      { ...DOCS, activityEvent: 'end' },
      'live-activity-only',
    ],
    [
      'a Live Activity push without its event',
      { ...liveActivity, activityEvent: undefined },
      'required-for-live-activity',
    ],
    [
      'a Live Activity update without its state',
      { ...liveActivity, activityContentState: undefined },
      'required-for-update',
    ],
    [
      'a Live Activity update with a dismissal date',
      { ...liveActivity, dismissalDate: 1893456000 },
      'end-only',
    ],
    [
      'a dismissal date in milliseconds',
      {
        ...liveActivity,
        activityEvent: 'end',
        activityContentState: undefined,
        dismissalDate: 1893456000000,
      },
      'seconds',
    ],
    [
      'both StrategyContent spellings',
      { ...scheduled, strategyContent: scheduled.StrategyContent },
      'one-spelling',
    ],
    [
      'a scheduled push without its content',
      { ...scheduled, StrategyContent: undefined },
      'required',
    ],
    [
      'strategy content for an immediate push',
      { ...DOCS, StrategyContent: { fixedTime: tomorrow } },
      'immediate-no-content',
    ],
    [
      'seconds for milliseconds',
      { ...scheduled, StrategyContent: { fixedTime: Math.floor(tomorrow / 1000) } },
      'milliseconds',
    ],
    [
      'a bad time of day',
      { ...loop, StrategyContent: { ...loop.StrategyContent, time: '25:00:00' } },
      'time-format',
    ],
    [
      'a weekly loop with no day',
      { ...loop, StrategyContent: { ...loop.StrategyContent, circleType: 2, circleValue: [] } },
      'non-empty',
    ],
    ['an unknown notifyType', { ...DOCS, notifyType: 'loud' }, 'one-of'],
    ['another app', { ...DOCS, appId: 'ONEXOTHER' }, 'configured-app'],
  ];
  // What the schema cannot state, so only the function refuses: what a JSON string holds, and
  // lengths in UTF-16 units (JSON Schema counts code points). Listed so that the document's
  // "checked by the function" stays exact.
  const functionOnly: Array<[string, unknown, string]> = [
    ['a JSON string of an empty map', { ...DOCS, targetMsgkey: '{}' }, 'min-pairs'],
    ['a JSON string of a nested map', { ...DOCS, templateKeyValue: '{"a":{"b":1}}' }, 'value-type'],
    ['150 emoji as a task name', { ...DOCS, taskName: '😀'.repeat(150) }, 'max-length'],
  ];

  it.each(accepted)('both accept %s', async (_name, body) => {
    const verdict = await verdicts(JSON.parse(JSON.stringify(body)));
    expect(verdict).toEqual({ schema: true, handler: 200, rules: [] });
  });

  it.each(refused)('both refuse %s', async (_name, body, rule) => {
    const verdict = await verdicts(JSON.parse(JSON.stringify(body)));
    expect(verdict).toMatchObject({ schema: false, handler: 400 });
    expect(verdict.rules).toContain(rule);
  });

  it.each(functionOnly)(
    'only the function refuses %s (%s), as the document says',
    async (_name, body, rule) => {
      const verdict = await verdicts(JSON.parse(JSON.stringify(body)));
      expect(verdict).toMatchObject({ schema: true, handler: 400 });
      expect(verdict.rules).toContain(rule);
    },
  );
});

describe('the problem codes', () => {
  /**
   * Every code the function's sources throw, with the statuses it is thrown with (a 500 for a
   * ConfigurationError; `statusCode: retryable ? 503 : 502` is both).
   */
  function thrownCodes(): Map<string, Set<number>> {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? files(path.join(dir, entry.name))
          : entry.name.endsWith('.ts')
            ? [path.join(dir, entry.name)]
            : [],
      );
    const codes = new Map<string, Set<number>>();
    const message = "(?:'[^']*'|`[^`]*`|[A-Za-z.]+)";
    // each kind of throw, and how to find every one of it, so that none is missed; group 1 is
    // the code, group 2 (when there is one) the status expression
    const throws = [
      {
        any: /new BadRequestError\(/g,
        code: new RegExp(
          `new BadRequestError\\(\\s*${message},\\s*(\\d{3}),\\s*'([A-Za-z.]+)'`,
          'g',
        ),
        order: 'status-first',
      },
      {
        any: /new ConfigurationError\(/g,
        code: new RegExp(
          `new ConfigurationError\\(\\s*${message}(?:,\\s*'([A-Za-z]+)')?,?\\s*\\)`,
          'g',
        ),
        status: 500,
      },
      {
        any: /statusCode: [^,]+, code: '/g,
        code: /statusCode: ([^,]+), code: '([A-Za-z.]+)'/g,
        order: 'status-first',
      },
      {
        any: /super\(message, \d{3}, '/g,
        code: /super\(message, (\d{3}), '([A-Za-z]+)'\)/g,
        order: 'status-first',
      },
      { any: /, code = '/g, code: /, code = '([A-Za-z]+)'\)/g, status: 500 },
    ];
    for (const file of files(path.join(root, 'lib'))) {
      const source = readFileSync(file, 'utf8');
      // a mutation run's sandbox holds instrumented copies, whose text is not the source's
      if (source.includes('stryMutAct_9fa48')) continue;
      for (const { any, code, order, status } of throws) {
        const found = [...source.matchAll(code)];
        expect(found.length, `${file}: every ${any.source} has a code this scan reads`).toBe(
          [...source.matchAll(any)].length,
        );
        for (const match of found) {
          const name = (order === 'status-first' ? match[2] : match[1]) ?? 'FunctionMisconfigured';
          const statuses =
            order === 'status-first'
              ? [...(match[1] ?? '').matchAll(/\d{3}/g)].map((digits) => Number(digits[0]))
              : [status ?? 0];
          const known = codes.get(name) ?? new Set<number>();
          for (const value of statuses) known.add(value);
          codes.set(name, known);
        }
      }
    }
    return codes;
  }

  it('names every code the function throws, with every status it is thrown with', () => {
    const thrown = thrownCodes();
    // codes of the event functions' record results and the store's internals, never an HTTP answer
    const notHttp = new Set(['StaleBatch', 'ScheduleExpired']);
    const documented = new Map(
      OWN_PROBLEMS.map((problem) => [problem.code, [problem.status].flat()]),
    );

    const wrong = [...thrown]
      .filter(([code]) => !notHttp.has(code))
      .flatMap(([code, statuses]) =>
        [...statuses]
          .filter((status) => !documented.get(code)?.includes(status))
          .map((status) => `${code} ${status}`),
      );
    expect(wrong).toEqual([]);
    expect(thrown.size).toBeGreaterThanOrEqual(20);
    expect(thrown.get('DispatchFailed')).toEqual(new Set([503, 502]));
  });

  it('lists them in the Problem schema, and a code of none of its families is refused', () => {
    const schemas = (document.components as { schemas: Record<string, JsonSchema> }).schemas;
    const code = (
      schemas.Problem as { properties: { code: { anyOf: Array<{ enum?: string[] }> } } }
    ).properties.code;
    const problem = (value: string) => ({
      type: 'about:blank',
      title: 'x',
      status: 400,
      detail: 'x',
      code: value,
      retryable: false,
      requestId: 'r',
    });
    const problemSchema = { $ref: '#/components/schemas/Problem' };

    expect(code.anyOf[0]?.enum).toEqual(OWN_PROBLEMS.map((entry) => entry.code));
    for (const valid of ['PushNotFound', '3022', '-1', 'Transport.timeout', 'Throttling.User']) {
      expect(check(problemSchema, problem(valid)), valid).toBeUndefined();
    }
    for (const invalid of ['NoSuchCode!', 'transport.timeout', '30222222', '']) {
      expect(check(problemSchema, problem(invalid)), invalid).toBeDefined();
    }
  });
});
