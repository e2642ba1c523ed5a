/**
 * Property tests of the http-push handler with FC HTTP trigger events: arbitrary bytes and JSON as
 * the body, arbitrary methods, media types and headers, and valid requests with one field
 * mutated. Whatever arrives, the handler answers (it never rejects), a bad request gets a 4xx
 * problem+json and never a 5xx, nothing invalid reaches the emulator, and no log line or answer
 * holds the role's secret, token or a signature.
 *
 * `FUZZ_RUNS` sets the cases per property (`npm run fuzz` runs 10,000), `FUZZ_SEED` replays one.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '#functions/http-push/index.ts';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import { type Credentials, captureStdout, fcContext } from '#test/helpers/fc.ts';
import {
  anyBytes,
  asRecord,
  expectClientProblem,
  FUZZ_TIMEOUT_MS,
  fuzzEnv,
  fuzzParameters,
  type HttpAnswer,
  hostileJson,
  hostileString,
  httpTriggerEvent,
  leaksIn,
  mutatedRequest,
  pairsOf,
  receivedIssues,
  receivedPairs,
  schemaVerdict,
  validRequest,
} from '#test/helpers/fuzz.ts';

let emulator: Emulator;
const stdout: string[] = [];
let invocations = 0;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  for (const [name, value] of Object.entries(fuzzEnv(emulator.url))) vi.stubEnv(name, value);
  captureStdout(stdout);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

interface Answer extends HttpAnswer {
  requestId: string;
  /** Everything the invocation wrote to stdout. */
  logs: string;
  credentials: Credentials;
}

/** Invokes the handler with fresh role credentials and a fresh emulator log. */
async function invoke(event: Buffer, credentials?: Credentials): Promise<Answer> {
  invocations += 1;
  const requestId = `fuzz-http-${invocations}`;
  const role = credentials ?? emulator.mintCredentials();
  emulator.clearPushes();
  stdout.length = 0;
  const response = await handler(event, fcContext(role, 30, requestId));
  return {
    ...response,
    json: JSON.parse(response.body) as Record<string, unknown>,
    requestId,
    logs: stdout.join(''),
    credentials: role,
  };
}

/** Checks every property makes: no leak, and whatever reached the emulator passes the schema. */
function expectSafe(answer: Answer): void {
  expect(leaksIn(answer.logs + answer.body, answer.credentials)).toEqual([]);
  for (const push of emulator.pushes()) expect(receivedIssues(push)).toEqual([]);
}

describe('http-push under fuzzing', () => {
  it(
    'answers any bytes sent as a base64 body with a 4xx problem and sends nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyBytes, async (bytes) => {
          const answer = await invoke(
            httpTriggerEvent({ body: Buffer.from(bytes).toString('base64'), base64: true }),
          );

          expectSafe(answer);
          expectClientProblem(answer);
          expect(emulator.pushes()).toEqual([]);
        }),
        fuzzParameters(),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'answers any text sent as the body, base64 or not, with a 4xx problem and sends nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileString, fc.boolean(), async (body, base64) => {
          const answer = await invoke(httpTriggerEvent({ body, base64 }));

          expectSafe(answer);
          expectClientProblem(answer);
          expect(emulator.pushes()).toEqual([]);
        }),
        fuzzParameters(),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'answers any JSON body that is not a push request with a 400 InvalidPushRequest',
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileJson, async (body) => {
          const answer = await invoke(httpTriggerEvent({ body: JSON.stringify(body) }));

          expectSafe(answer);
          expectClientProblem(answer);
          expect(answer.statusCode).toBe(400);
          expect(answer.json.code).toBe('InvalidPushRequest');
          expect(emulator.pushes()).toEqual([]);
        }),
        fuzzParameters(),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'answers a valid request with one field mutated as the schema decides, never with a 5xx',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutatedRequest, async (request) => {
          const answer = await invoke(httpTriggerEvent({ body: JSON.stringify(request) }));
          const verdict = schemaVerdict(request, answer.requestId);

          expectSafe(answer);
          expect(answer.statusCode).toBeLessThan(500);
          if (!verdict.success) {
            expectClientProblem(answer);
            expect(answer.json.code).toBe('InvalidPushRequest');
            expect(emulator.pushes()).toEqual([]);
            return;
          }
          expectReceivedAsAnswered(answer, pairsOf([verdict.data.targetMsgkey]));
        }),
        fuzzParameters(),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'answers any method, media type and extra headers with 405, 415 or a push, never a 5xx',
    async () => {
      const exchange = fc.record({
        method: fc.oneof(
          fc.constantFrom('POST', 'post', 'Post', 'GET', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', ''),
          hostileString,
        ),
        contentType: fc.option(
          fc.oneof(
            fc.constantFrom(
              'application/json',
              'application/json; charset=utf-8',
              'APPLICATION/JSON',
              ' application/json ;q=1',
              'application/merge-patch+json',
              'application/problem+json',
              'text/plain',
              'text/json',
              'application/x-www-form-urlencoded',
              'multipart/form-data; boundary=x',
              'application/jsonp',
              'application/json-seq',
              'application/json, text/plain',
              'json',
              '',
            ),
            hostileString,
          ),
          { nil: undefined },
        ),
        extra: fc.dictionary(
          hostileString.filter(
            (name) => !['content-type', 'idempotency-key'].includes(name.toLowerCase()),
          ),
          hostileString,
          { maxKeys: 4 },
        ),
        request: validRequest,
      });
      await fc.assert(
        fc.asyncProperty(exchange, async ({ method, contentType, extra, request }) => {
          const headers = {
            ...extra,
            ...(contentType === undefined ? {} : { 'Content-Type': contentType }),
          };
          const answer = await invoke(
            httpTriggerEvent({ body: JSON.stringify(request), method, headers }),
          );

          expectSafe(answer);
          expect(answer.statusCode).toBeLessThan(500);
          const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
          if (method.toUpperCase() !== 'POST') {
            expectClientProblem(answer);
            expect(answer.statusCode).toBe(405);
            expect(answer.headers.allow).toBe('POST');
          } else if (media !== 'application/json' && !media.endsWith('+json')) {
            expectClientProblem(answer);
            expect(answer.statusCode).toBe(415);
            expect(answer.json.code).toBe('UnsupportedMediaType');
          } else {
            const verdict = schemaVerdict(request, answer.requestId);
            if (!verdict.success) throw new Error('validRequest built an invalid request');
            expect(answer.statusCode).toBe(200);
            expect(receivedPairs(emulator.pushes())).toEqual(pairsOf([verdict.data.targetMsgkey]));
          }
          if (answer.statusCode >= 400) expect(emulator.pushes()).toEqual([]);
        }),
        fuzzParameters(),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'refuses a malformed Idempotency-Key with a 400 and honours a well-formed one',
    async () => {
      const key = fc.oneof(hostileString, fc.uuid(), fc.string({ minLength: 250, maxLength: 300 }));
      await fc.assert(
        fc.asyncProperty(key, validRequest, async (idempotencyKey, request) => {
          const answer = await invoke(
            httpTriggerEvent({
              body: JSON.stringify(request),
              headers: { 'content-type': 'application/json', 'Idempotency-Key': idempotencyKey },
            }),
          );

          expectSafe(answer);
          expect(answer.statusCode).toBeLessThan(500);
          if (!/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
            expectClientProblem(answer);
            expect(answer.json).toMatchObject({ status: 400, code: 'InvalidIdempotencyKey' });
            expect(answer.json.detail).toContain('Idempotency-Key');
            expect(emulator.pushes()).toEqual([]);
            return;
          }
          // A key generated twice with another payload is refused; with the same one, replayed.
          if (answer.statusCode === 422) {
            expect(answer.json.code).toBe('IdempotencyKeyReused');
            expect(emulator.pushes()).toEqual([]);
            return;
          }
          expect(answer.statusCode).toBe(200);
          // http-push seeds derived msgKeys with the key in its namespace, `http:<key>`.
          const verdict = schemaVerdict(request, `http:${idempotencyKey}`);
          if (!verdict.success) throw new Error('validRequest built an invalid request');
          const replayed = answer.headers['idempotent-replayed'] === 'true';
          const expected = replayed ? [] : pairsOf([verdict.data.targetMsgkey]);
          expect(receivedPairs(emulator.pushes())).toEqual(expected);
        }),
        fuzzParameters(),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'keeps the token and signature out of logs and answers when mPaaS quotes its string to sign',
    async () => {
      const request = fc
        .tuple(validRequest, hostileString)
        // Lone surrogates are left out here: this property is about the redaction of what the
        // gateway quotes, so the request must be one that can be signed and sent.
        // cut by code points to stay within taskName's 200 characters without splitting a pair
        .map(([valid, name]) => {
          const signable = [...name.replace(/\p{Cs}/gu, '')].slice(0, 99).join('');
          return { ...valid, taskName: `t${signable}` };
        });
      await fc.assert(
        fc.asyncProperty(request, async (body) => {
          const real = emulator.mintCredentials();
          const wrongSecret = { ...real, accessKeySecret: 'not-the-secret' };
          const answer = await invoke(
            httpTriggerEvent({ body: JSON.stringify(body) }),
            wrongSecret,
          );

          expect(answer.statusCode).toBe(502);
          expect(answer.json.code).toBe('SignatureDoesNotMatch');
          expect(answer.logs).toContain('server string to sign is:');
          expect(leaksIn(answer.logs + answer.body, real)).toEqual([]);
          expect(emulator.pushes()).toEqual([]);
        }),
        fuzzParameters(),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'answers any bytes that are not an HTTP trigger event with a problem, without rejecting',
    async () => {
      const event = fc.oneof(
        anyBytes.map((bytes) => Buffer.from(bytes)),
        hostileJson.map((value) => Buffer.from(JSON.stringify(value))),
      );
      await fc.assert(
        fc.asyncProperty(event, async (bytes) => {
          const answer = await invoke(bytes);

          expectSafe(answer);
          // Not a client's request but a wiring fault: a 500 that names only the request id.
          expect(answer.statusCode).toBe(500);
          expect(answer.headers['content-type']).toContain('application/problem+json');
          expect(answer.json).toMatchObject({ status: 500, code: 'InternalError' });
          expect(answer.json.detail).toBe(
            `Unexpected error; the function log has the details under requestId ${answer.requestId}.`,
          );
          expect(emulator.pushes()).toEqual([]);
        }),
        fuzzParameters(),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

/**
 * For a request the schema accepts: 200 with every validated target received, 207 with exactly
 * the targets answered SENT received, or a 4xx problem with nothing received.
 */
function expectReceivedAsAnswered(answer: Answer, validated: string[]): void {
  const received = receivedPairs(emulator.pushes());
  if (answer.statusCode === 200) {
    expect(received).toEqual(validated);
    return;
  }
  if (answer.statusCode === 207) {
    const targets = (answer.json.targets as unknown[]).map(asRecord);
    const sent = targets
      .filter((target) => target.status === 'SENT')
      .map((target) => ({ [String(target.target)]: target.msgKey }));
    expect(received).toEqual(pairsOf(sent));
    return;
  }
  expectClientProblem(answer);
  expect(received).toEqual([]);
}
