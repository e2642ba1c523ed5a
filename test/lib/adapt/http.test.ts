/**
 * The HTTP adapter: one FC HTTP event becomes one record carrying the body, the idempotency key,
 * the correlation id and the msgKey seed, or an invalid record with the client error to answer.
 */
import { describe, expect, it } from 'vitest';
import { httpRecord } from '#lib/adapt/http.ts';
import { BadRequestError } from '#lib/shared/errors.ts';
import { docsExample, httpEvent, jsonPushEvent } from '#test/helpers/fc.ts';

const REQUEST_ID = 'req-adapt-1';
const MAX = 1024;

describe('httpRecord', () => {
  it('reads the body, and seeds msgKeys with the request id when no Idempotency-Key is sent', () => {
    const record = httpRecord(jsonPushEvent(docsExample()), REQUEST_ID, MAX);

    expect(record).toEqual({
      kind: 'push',
      id: REQUEST_ID,
      correlationId: REQUEST_ID,
      msgKeySeed: REQUEST_ID,
      body: docsExample(),
      dryRun: false,
    });
  });

  it('namespaces the Idempotency-Key under http: and seeds msgKeys with it, whatever the header case', () => {
    const event = jsonPushEvent(docsExample(), { 'IDEMPOTENCY-KEY': 'order-42' });

    const record = httpRecord(event, REQUEST_ID, MAX);

    expect(record).toMatchObject({ idempotencyKey: 'http:order-42', msgKeySeed: 'http:order-42' });
  });

  it('keeps a usable X-Correlation-Id and replaces an unusable one by the request id', () => {
    const good = httpRecord(
      jsonPushEvent(docsExample(), { 'x-correlation-id': 'order-42:retry@1' }),
      REQUEST_ID,
      MAX,
    );
    const bad = httpRecord(
      jsonPushEvent(docsExample(), { 'X-Correlation-Id': 'has spaces' }),
      REQUEST_ID,
      MAX,
    );

    expect(good.correlationId).toBe('order-42:retry@1');
    expect(bad.correlationId).toBe(REQUEST_ID);
  });

  it.each([
    ['a GET of /pushes', { method: 'GET' }, 405, 'MethodNotAllowed'],
    ['an unknown path', { path: '/nope' }, 404, 'NotFound'],
    ['an unknown query parameter', { query: { dryrun: 'true' } }, 400, 'InvalidQueryParameter'],
  ])(
    'turns %s into no record: an unrouted request with its client error',
    (_, options, status, code) => {
      const event = httpEvent({ headers: { 'x-correlation-id': 'c-1' }, ...options });

      const record = httpRecord(event, REQUEST_ID, MAX);

      expect(record).toMatchObject({ kind: 'unrouted', correlationId: 'c-1', id: REQUEST_ID });
      if (record.kind !== 'unrouted') return;
      expect(record.error).toBeInstanceOf(BadRequestError);
      expect(record.error).toMatchObject({ statusCode: status, code });
    },
  );

  it.each([
    [
      'text/plain',
      { headers: { 'content-type': 'text/plain' }, body: '{}' },
      415,
      'UnsupportedMediaType',
    ],
    [
      'a body over the limit',
      { body: JSON.stringify({ pad: 'x'.repeat(MAX) }) },
      413,
      'PayloadTooLarge',
    ],
    ['malformed JSON', { body: '{"taskName":' }, 400, 'MalformedJson'],
    [
      'an Idempotency-Key with a space',
      { body: '{}', headers: { 'content-type': 'application/json', 'idempotency-key': 'a b' } },
      400,
      'InvalidIdempotencyKey',
    ],
  ])(
    'turns %s into an invalid record with its client error and the correlation id',
    (_, options, status, code) => {
      const given: { method?: string; body?: string; headers?: Record<string, string> } = options;
      const headers = {
        'content-type': 'application/json',
        'x-correlation-id': 'c-1',
        ...given.headers,
      };
      const event = httpEvent({ ...given, headers });

      const record = httpRecord(event, REQUEST_ID, MAX);

      expect(record.kind).toBe('invalid');
      expect(record.correlationId).toBe('c-1');
      if (record.kind !== 'invalid') return;
      expect(record.error).toBeInstanceOf(BadRequestError);
      expect(record.error).toMatchObject({ statusCode: status, code });
    },
  );

  it('throws for bytes that are not an FC HTTP trigger event: a wiring mistake, not a client error', () => {
    expect(() => httpRecord(Buffer.from('{"records":[]}'), REQUEST_ID, MAX)).toThrow(
      /not an FC 3.0 HTTP trigger event/,
    );
  });
});
