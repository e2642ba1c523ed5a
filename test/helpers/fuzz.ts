/**
 * Shared pieces of the property tests in test/fuzz: the run settings, the arbitraries (valid
 * PushTemplate requests, one-field mutations of them, hostile strings and JSON, arbitrary bytes)
 * and the checks every property makes (no credential in the output, what reached the emulator
 * passes the schema).
 *
 * Why the settings come from the environment: `npm test` runs each property a few dozen times so
 * the suite stays fast, `npm run fuzz` runs the same files with `FUZZ_RUNS=10000`, and a failure
 * found by either is replayed with the seed fast-check prints (`FUZZ_SEED=<seed>`).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { FIELD_NAMES } from '#lib/validate/fields.ts';
import { PROTOTYPE_KEYS } from '#lib/validate/json-map.ts';
import { type PushRequestResult, parsePushRequest } from '#lib/validate/push-request.ts';
import { httpEvent } from '#test/helpers/fc.ts';

function positiveInt(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw !== undefined && Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

/** Cases per property: 100 in `npm test`, `FUZZ_RUNS` (10,000 in `npm run fuzz`) otherwise. */
export const FUZZ_RUNS = positiveInt(process.env.FUZZ_RUNS, 100);

/** A fixed seed to replay a failure; fast-check prints the seed of every failure it reports. */
export const FUZZ_SEED =
  process.env.FUZZ_SEED === undefined || process.env.FUZZ_SEED === ''
    ? undefined
    : Number(process.env.FUZZ_SEED);

/** Per-test timeout: a long run takes minutes per property, a short one a second or two. */
export const FUZZ_TIMEOUT_MS = Math.max(60_000, FUZZ_RUNS * 200);

/** fast-check parameters for one property (a share of the runs for the expensive ones). */
export function fuzzParameters<T>(share = 1): fc.Parameters<T> {
  return {
    numRuns: Math.max(1, Math.ceil(FUZZ_RUNS * share)),
    ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }),
  };
}

/** The app and workspace the functions are configured for in these tests (the docs' demo). */
export const APP_ID = 'ONEX570DA89211721';
export const WORKSPACE_ID = 'test';

/** Environment of every fuzzed invocation: the emulator, the demo app, quick retries. */
export function fuzzEnv(emulatorUrl: string): Record<string, string> {
  return {
    MPAAS_ENDPOINT: emulatorUrl,
    MPAAS_APP_ID: APP_ID,
    MPAAS_WORKSPACE_ID: WORKSPACE_ID,
    MPAAS_REQUEST_TIMEOUT_MS: '2000',
    // A healthy emulator never asks for a retry; if a bug makes one happen, it should be quick.
    MPAAS_RETRY_ATTEMPTS: '2',
    MPAAS_RETRY_BASE_MS: '1',
    MPAAS_RETRY_CAP_MS: '5',
  };
}

// ---------------------------------------------------------------------------------------------
// Strings, JSON and bytes
// ---------------------------------------------------------------------------------------------

/** One UTF-16 code unit of a lone surrogate: legal in a JS string and in JSON, not in UTF-8. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Characters that break naive encoders, splitters and redactors. */
const awkward = fc.constantFrom(
  '\u0000',
  '\n',
  '\r',
  '\t',
  '"',
  '\\',
  '&',
  '=',
  '%',
  '+',
  ',',
  ' ',
  '#',
  '/',
  '\u2028',
  '\ufeff',
  '\u00a0',
  '%26',
  '%3D',
  '😀',
  '張',
);

/** A string unit: any code point, now and then a lone surrogate or an awkward character. */
export const hostileUnit = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: awkward },
  { weight: 1, arbitrary: loneSurrogate },
);

/** Strings a caller could send, hostile ones included. */
export const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: hostileUnit, maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u3000',
      '__proto__',
      'constructor',
      'prototype',
      'template1024',
      'template1024,x',
      'Test template',
      '3',
      '03',
      ' 3',
      '3.0',
      '1e3',
      '-1',
      '0x3',
      '9007199254740993',
      'null',
      '{}',
      '[]',
      '{"name":"a","money":"1"}',
      '{"user1":"m1"}',
      '{"__proto__":{"polluted":true}}',
      'x'.repeat(300),
    ),
  },
);

/** Any JSON value, strings and keys included hostile ones. */
export const hostileJson: fc.Arbitrary<unknown> = fc.jsonValue({
  stringUnit: hostileUnit,
  maxDepth: 4,
});

/** Values a mutated field may take: any JSON, a JSON string of JSON, or a near miss. */
export const mutationValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileJson },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: hostileJson.map((value) => JSON.stringify(value)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      0,
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      -1,
      1.5,
      -0,
      2 ** 53,
      1e21,
      1_000_000_000,
      259_201,
      true,
      null,
      [],
      {},
      [3],
      { name: 'x' },
      { money: 1 },
      { name: 'x', money: 1, extra: { nested: true } },
      { user1: 'm1' },
      { user1: 'm1', user2: 'm1' },
      { user1: '' },
      { '': 'm1' },
      ['u1', 'u1'],
      ['u1', 'u2'],
      [''],
    ),
  },
);

/** Arbitrary bytes, now and then large. */
export const anyBytes = fc.oneof(
  { weight: 5, arbitrary: fc.uint8Array({ maxLength: 256 }) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1024, maxLength: 8192 }) },
);

/** ASCII bytes, which can neither complete nor start a multi-byte sequence. */
const asciiBytes = fc.uint8Array({ max: 0x7f, maxLength: 64 });

/** Bytes that are not UTF-8: one malformed sequence between ASCII bytes. */
export const invalidUtf8 = fc
  .tuple(
    asciiBytes,
    fc.constantFrom(
      [0xff],
      [0xfe],
      [0x80],
      [0xc0, 0xaf], // overlong '/'
      [0xe0, 0x80, 0xaf], // overlong '/'
      [0xed, 0xa0, 0x80], // an encoded surrogate
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0xf8, 0x88, 0x80, 0x80, 0x80], // five-byte form
      [0xc3], // truncated
      [0xe2, 0x82], // truncated
    ),
    asciiBytes,
  )
  .map(([head, bad, tail]) => Buffer.concat([head, Buffer.from(bad), tail]));

// ---------------------------------------------------------------------------------------------
// Valid requests and one-field mutations
// ---------------------------------------------------------------------------------------------

/** Well-formed text that is not blank (mPaaS ids and names). */
const text = (maxLength: number) =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength }).filter((s) => s.trim() !== '');

const targetId = text(24).filter((s) => !PROTOTYPE_KEYS.has(s));

/** 1 to 15 targets with unique msgKeys: more than 10 means two PushTemplate calls. */
const targetPairs = fc
  .integer({ min: 1, max: 15 })
  .chain((n) =>
    fc.tuple(
      fc.uniqueArray(targetId, { minLength: n, maxLength: n }),
      fc.uniqueArray(text(32), { minLength: n, maxLength: n }),
    ),
  )
  .map(([ids, keys]) => ids.map((id, i): [string, string] => [id, keys[i] ?? `m-${i}`]));

const placeholderValue = fc.oneof(
  text(40),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const templateKeyValue = fc
  .tuple(
    fc.dictionary(
      text(12).filter((s) => !PROTOTYPE_KEYS.has(s)),
      placeholderValue,
      { maxKeys: 3 },
    ),
    placeholderValue,
    placeholderValue,
  )
  .map(([extra, name, money]) => ({ ...extra, name, money }));

/** A request in the forms the docs allow: maps as objects or JSON strings, numbers as digits. */
export const validRequest: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    taskName: text(64),
    deliveryType: fc.constantFrom<number | string>(3, '3'),
    expiredSeconds: fc.integer({ min: 1, max: 72 * 3600 }),
    expiredAsText: fc.boolean(),
    pairs: targetPairs,
    targetForm: fc.constantFrom('object', 'json-string', 'list'),
    values: templateKeyValue,
    valuesAsText: fc.boolean(),
  })
  .map((r) => {
    const map = Object.fromEntries(r.pairs);
    const targets =
      r.targetForm === 'list'
        ? { targets: r.pairs.map(([id]) => id) }
        : { targetMsgkey: r.targetForm === 'object' ? map : JSON.stringify(map) };
    return {
      taskName: r.taskName,
      deliveryType: r.deliveryType,
      ...targets,
      expiredSeconds: r.expiredAsText ? String(r.expiredSeconds) : r.expiredSeconds,
      templateName: 'template1024',
      templateKeyValue: r.valuesAsText ? JSON.stringify(r.values) : r.values,
    };
  });

/** One field of a request replaced by any value, deleted, or one field added. */
export type Mutation =
  | { kind: 'delete'; pick: number }
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'add'; key: string; value: unknown };

const addedKey = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FIELD_NAMES, 'StrategyContent') },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS, 'TemplateName', 'Signature') },
  { weight: 1, arbitrary: hostileString },
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      pick: fc.nat(),
      value: mutationValue,
    }),
  },
  fc.record({ kind: fc.constant('add' as const), key: addedKey, value: mutationValue }),
);

/** Sets an own property, even `__proto__`, as JSON.parse would. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A copy of `request` with the mutation applied; the input is left alone. */
export function applyMutation(
  request: Record<string, unknown>,
  change: Mutation,
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request)) setOwn(copy, key, value);
  const keys = Object.keys(copy).sort();
  if (change.kind === 'add') {
    setOwn(copy, change.key, change.value);
    return copy;
  }
  const key = keys[change.pick % keys.length];
  if (key === undefined) return copy;
  if (change.kind === 'delete') delete copy[key];
  else setOwn(copy, key, change.value);
  return copy;
}

/** A valid request with one field mutated; often invalid, sometimes still valid. */
export const mutatedRequest = fc
  .tuple(validRequest, mutation)
  .map(([request, change]) => applyMutation(request, change));

// ---------------------------------------------------------------------------------------------
// Oracles and checks
// ---------------------------------------------------------------------------------------------

/** The schema's verdict on a request, with the options the functions run with in these tests. */
export function schemaVerdict(request: unknown, msgKeySeed: string): PushRequestResult {
  return parsePushRequest(request, {
    now: new Date(),
    timeZone: 'Asia/Shanghai',
    apiVersion: '2020-10-28',
    maxTargets: 100_000,
    msgKeySeed,
    appId: APP_ID,
    workspaceId: WORKSPACE_ID,
  });
}

/** A push as the emulator recorded it. */
export interface ReceivedPush {
  params: Record<string, unknown>;
}

/** `target → msgKey` pairs, sorted, as comparable strings. */
export function pairsOf(maps: ReadonlyArray<Record<string, unknown>>): string[] {
  return maps
    .flatMap((map) => Object.entries(map).map(([target, key]) => `${target} → ${String(key)}`))
    .sort();
}

/** Every target → msgKey pair the emulator received. */
export function receivedPairs(pushes: readonly ReceivedPush[]): string[] {
  return pairsOf(pushes.map((push) => asRecord(push.params.TargetMsgkey)));
}

/**
 * The issues of a received push, re-validated against the schema after turning its wire names
 * back into request names; empty when the push passes.
 */
export function receivedIssues(push: ReceivedPush): string[] {
  const request: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(push.params)) {
    const key = name === 'StrategyContent' ? name : name.charAt(0).toLowerCase() + name.slice(1);
    setOwn(request, key, value);
  }
  const verdict = schemaVerdict(request, 'received');
  const problems: string[] = [];
  if (!verdict.success) problems.push(...verdict.issues.map((issue) => issue.message));
  const targets = Object.keys(asRecord(push.params.TargetMsgkey)).length;
  if (targets > 10) problems.push(`TargetMsgkey: ${targets} targets in one PushTemplate call`);
  return problems;
}

/**
 * What a log or response must never hold: the role's secret or token (raw, percent-encoded once
 * or twice), or a `Signature=` with a value. Returns a description of each leak.
 */
export function leaksIn(
  output: string,
  credentials: { accessKeySecret: string; securityToken: string },
): string[] {
  const leaks: string[] = [];
  for (const [name, secret] of [
    ['accessKeySecret', credentials.accessKeySecret],
    ['securityToken', credentials.securityToken],
  ] as const) {
    const once = encodeURIComponent(secret);
    for (const [form, value] of [
      ['raw', secret],
      ['encoded', once],
      ['double-encoded', encodeURIComponent(once)],
    ] as const) {
      if (output.includes(value)) leaks.push(`${name} (${form})`);
    }
  }
  const signature = /Signature(?:=|%3D|%253D)(?!\[REDACTED\]|%5BREDACTED%5D)[^&\s"\\,]+/i.exec(
    output,
  );
  if (signature) leaks.push(`a signature: ${signature[0].slice(0, 40)}`);
  return leaks;
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Own property names of Object.prototype, to check that nothing was added to it. */
export function prototypeSnapshot(): string {
  return JSON.stringify([
    Object.getOwnPropertyNames(Object.prototype).sort(),
    Object.getOwnPropertyNames(Array.prototype).sort(),
  ]);
}

// ---------------------------------------------------------------------------------------------
// HTTP trigger events and answers
// ---------------------------------------------------------------------------------------------

/** What a caller sends to the HTTP trigger. */
export interface HttpRequest {
  body: string;
  base64?: boolean;
  method?: string;
  headers?: Record<string, string>;
}

/** The FC HTTP trigger event for a request: the documented sample with these fields. */
export function httpTriggerEvent(request: HttpRequest): Buffer {
  const event = JSON.parse(
    httpEvent({
      ...(request.method === undefined ? {} : { method: request.method }),
      headers: request.headers ?? { 'content-type': 'application/json' },
    }).toString(),
  ) as Record<string, unknown>;
  event.body = request.body;
  event.isBase64Encoded = request.base64 === true;
  return Buffer.from(JSON.stringify(event));
}

/** An answer of the HTTP function, its body parsed. */
export interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  json: Record<string, unknown>;
}

/** A 4xx RFC 9457 answer with the fields a client branches on. */
export function expectClientProblem(answer: HttpAnswer): void {
  expect(answer.statusCode).toBeGreaterThanOrEqual(400);
  expect(answer.statusCode).toBeLessThan(500);
  expect(answer.headers['content-type']).toContain('application/problem+json');
  expect(answer.json).toMatchObject({
    status: answer.statusCode,
    code: expect.any(String),
    detail: expect.any(String),
  });
}

/** Largest answer or log line any input may produce (#9): small enough to read and to store. */
export const MAX_OUTPUT_BYTES = 64 * 1024;

/**
 * Bulk for one field: 1,000 or more values, entries or characters. Each is invalid wherever it
 * goes (no field takes 1,000 equal values, 1,000 map keys or a 1,000-character name), so a
 * property can demand a refusal.
 *
 * A map of 1,000 targets is a valid `targetMsgkey` for timer-push, which replaces every msgKey
 * (lib/adapt/timer.ts), whatever the values; so every map here also has a blank key, which no
 * field takes (a CI run found the 1,000 targets sent, 2026-12-02).
 */
const bulkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1000, max: 30_000 }), hostileJson)
    .map(([count, value]) => Array.from({ length: count }, () => value)),
  fc
    .tuple(fc.integer({ min: 1000, max: 20_000 }), hostileJson, fc.nat(300))
    .map(([count, value, keyLength]) =>
      Object.fromEntries([
        ['', value],
        ...Array.from({ length: count }, (_, i) => [`k${i}`.padEnd(keyLength, 'k'), value]),
      ]),
    ),
  fc.integer({ min: 1000, max: 200_000 }).map((length) => 'x'.repeat(length)),
  fc.integer({ min: 1000, max: 20_000 }).map((count) => JSON.stringify(Array(count).fill(1))),
);

/**
 * A request with one to three fields (known or not) holding bulk: the shapes that once made
 * 100,000 issues, a 22 MB answer and a stack overflow inside zod.
 */
export const bulkRequest: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    validRequest,
    fc.array(
      fc.tuple(
        fc.constantFrom(
          'targets',
          'targetMsgkey',
          'templateKeyValue',
          'extendedParams',
          'taskName',
          'StrategyContent',
          'activityContentState',
          'unknownField',
        ),
        bulkValue,
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([valid, fields]) => {
    const request: Record<string, unknown> = { ...valid };
    for (const [field, value] of fields) {
      if (field === 'targets') delete request.targetMsgkey;
      request[field] = value;
    }
    return request;
  });

/** Every line of `logs` is at most {@link MAX_OUTPUT_BYTES}. */
export function longestLine(logs: string): number {
  return Math.max(0, ...logs.split('\n').map((line) => Buffer.byteLength(line)));
}
