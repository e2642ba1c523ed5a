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
import { dispatchAnswer } from '#lib/report/http-answer.ts';
import { API_VERSION, type JsonSchema, openApiDocument } from '#lib/report/openapi/document.ts';
import { OWN_PROBLEMS } from '#lib/report/openapi/problems.ts';
import { zodRequestJsonSchema } from '#lib/report/openapi/zod-json.ts';
import { HEAD_PART } from '#lib/send/progress.ts';
import { storeFor } from '#lib/send/store/index.ts';
import { FIELD_NAMES } from '#lib/validate/fields.ts';
import { createPushRequestSchema } from '#lib/validate/push-request.ts';
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

  it('answers 200 JSON, cached, with the limits the instance enforces', async () => {
    const answer = await api.call({ method: 'GET', path: '/openapi.json' });

    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.headers['cache-control']).toBe('public, max-age=300');
    const { maxTargets, inlineTargets, maxBodyBytes } = loadConfig(process.env);
    const expected = openApiDocument({ maxTargets, inlineTargets, maxBodyBytes }, new Date());
    expect(answer.json.components).toEqual(expected.components);
    expect(Object.keys(answer.json.paths as object)).toEqual(Object.keys(expected.paths as object));
    const targets = (expected.components as { schemas: Record<string, JsonSchema> }).schemas
      .PushRequest as { properties: Record<string, { anyOf: Array<{ maxItems?: number }> }> };
    expect(targets.properties.targets?.anyOf[0]?.maxItems).toBe(maxTargets);
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
async function verdicts(body: unknown): Promise<{ schema: boolean; handler: number }> {
  const validate = ajv.getSchema('openapi.json#/components/schemas/PushRequest');
  if (validate === undefined) throw new Error('no PushRequest schema');
  const answer = await send('/pushes', 'post', { body, query: { dryRun: 'true' } });
  return { schema: validate(body) === true, handler: answer.statusCode };
}

const DOCS = {
  taskName: 'template test',
  deliveryType: 3,
  targetMsgkey: { user1024: '1578807462788' },
  expiredSeconds: 300,
  templateName: 'template1024',
  templateKeyValue: { name: 'Alice', money: '200' },
};
const long = (n: number) => 'x'.repeat(n);

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
    [
      'twenty extended params',
      {
        ...DOCS,
        extendedParams: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i])),
      },
    ],
  ];
  const refused: Array<[string, unknown]> = [
    ['a missing required field', { ...DOCS, taskName: undefined }],
    ['an unknown field', { ...DOCS, title: 'x' }],
    ['an unknown deliveryType', { ...DOCS, deliveryType: 4 }],
    ['a fraction', { ...DOCS, expiredSeconds: 1.5 }],
    ['zero seconds', { ...DOCS, expiredSeconds: 0 }],
    ['digits with a sign', { ...DOCS, expiredSeconds: '+300' }],
    ['a task name too long', { ...DOCS, taskName: long(201) }],
    ['a blank task name', { ...DOCS, taskName: '   ' }],
    ['a comma in the template name', { ...DOCS, templateName: 'a,b' }],
    ['a target id too long', { ...DOCS, targetMsgkey: { [long(257)]: 'm' } }],
    ['no target', { ...DOCS, targetMsgkey: {} }],
    ['both target forms', { ...DOCS, targets: ['a'] }],
    ['neither target form', { ...DOCS, targetMsgkey: undefined }],
    ['a repeated target', { ...DOCS, targetMsgkey: undefined, targets: ['a', 'a'] }],
    [
      '21 extended params',
      {
        ...DOCS,
        extendedParams: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i])),
      },
    ],
    ['a nested map value', { ...DOCS, templateKeyValue: { name: { first: 'A' } } }],
    ['a map value too long', { ...DOCS, templateKeyValue: { name: long(1025) } }],
    ['SMS without its trio', { ...DOCS, smsStrategy: 2 }],
    ['SMS fields without smsStrategy', { ...DOCS, smsSignName: 's' }],
    ['Live Activity fields for a user push', { ...DOCS, activityEvent: 'end' }],
    [
      'both StrategyContent spellings',
      {
        ...DOCS,
        strategyType: 1,
        StrategyContent: { fixedTime: 4102444700000 },
        strategyContent: { fixedTime: 4102444700000 },
      },
    ],
    [
      'seconds for milliseconds',
      { ...DOCS, strategyType: 1, StrategyContent: { fixedTime: 1630303126 } },
    ],
    ['an unknown notifyType', { ...DOCS, notifyType: 'loud' }],
    ['a bad time of day', { ...DOCS, strategyType: 2, StrategyContent: { time: '25:00:00' } }],
  ];

  it.each(accepted)('both accept %s', async (_name, body) => {
    expect(await verdicts(JSON.parse(JSON.stringify(body)))).toEqual({
      schema: true,
      handler: 200,
    });
  });

  it.each(refused)('both refuse %s', async (_name, body) => {
    expect(await verdicts(JSON.parse(JSON.stringify(body)))).toEqual({
      schema: false,
      handler: 400,
    });
  });
});

describe('the problem codes', () => {
  /** Every code the function's sources throw for an HTTP answer. */
  function thrownCodes(): Set<string> {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? files(path.join(dir, entry.name))
          : entry.name.endsWith('.ts')
            ? [path.join(dir, entry.name)]
            : [],
      );
    const codes = new Set<string>();
    const message = "(?:'[^']*'|`[^`]*`|[A-Za-z.]+)";
    // each kind of throw, and how to find every one of it, so that none is missed
    const throws = [
      {
        any: /new BadRequestError\(/g,
        code: new RegExp(`new BadRequestError\\(\\s*${message},\\s*\\d{3},\\s*'([A-Za-z.]+)'`, 'g'),
      },
      {
        any: /new ConfigurationError\(/g,
        code: new RegExp(
          `new ConfigurationError\\(\\s*${message}(?:,\\s*'([A-Za-z]+)')?,?\\s*\\)`,
          'g',
        ),
      },
      { any: /statusCode: [^,]+, code: '/g, code: /statusCode: [^,]+, code: '([A-Za-z.]+)'/g },
      { any: /super\(message, \d{3}, '/g, code: /super\(message, \d{3}, '([A-Za-z]+)'\)/g },
      { any: /, code = '/g, code: /, code = '([A-Za-z]+)'\)/g },
      {
        any: /code: '[A-Z][A-Za-z]+',\s*\n\s*retryable/g,
        code: /code: '([A-Z][A-Za-z]+)',\s*\n\s*retryable/g,
      },
    ];
    for (const file of files(path.join(root, 'lib'))) {
      const source = readFileSync(file, 'utf8');
      for (const { any, code } of throws) {
        const found = [...source.matchAll(code)];
        expect(found.length, `${file}: every ${any.source} has a code this scan reads`).toBe(
          [...source.matchAll(any)].length,
        );
        for (const match of found) codes.add(match[1] ?? 'FunctionMisconfigured');
      }
    }
    return codes;
  }

  it('names every code the function throws, and each with a status it is thrown with', () => {
    const thrown = thrownCodes();
    const documented = new Set(OWN_PROBLEMS.map((problem) => problem.code));
    // codes of the event functions' record results and the store's internals, never an HTTP answer
    const notHttp = new Set(['StaleBatch', 'ScheduleExpired', 'RecordsFailed']);

    const missing = [...thrown].filter((code) => !documented.has(code) && !notHttp.has(code));
    expect(missing).toEqual([]);
    expect(thrown.size).toBeGreaterThanOrEqual(20);
  });

  it('lists each of them in the Problem schema', () => {
    const schemas = (document.components as { schemas: Record<string, JsonSchema> }).schemas;
    const code = (
      schemas.Problem as { properties: { code: { anyOf: Array<{ enum?: string[] }> } } }
    ).properties.code;

    expect(code.anyOf[0]?.enum).toEqual(OWN_PROBLEMS.map((problem) => problem.code));
    expect(
      check(
        { $ref: '#/components/schemas/Problem' },
        {
          type: 'about:blank',
          title: 'x',
          status: 400,
          detail: 'x',
          code: 'NoSuchCode!',
          retryable: false,
          requestId: 'r',
        },
      ),
    ).toBeDefined();
  });
});
