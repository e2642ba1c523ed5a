/**
 * The HTTP trigger's adapter: FC 3.0's HTTP request event (reference fc-platform.md §2.1) as one
 * record, with everything the rest of the pipeline needs: the JSON body, the idempotency key, the
 * correlation id and the record id (the FC request id). Nothing after this module reads the event.
 *
 * The event arrives as a Buffer of JSON. Header names keep the caller's casing, so they are looked
 * up case-insensitively; the body is base64 when `isBase64Encoded` is true. A request that cannot
 * be a push (wrong method, media type, size, encoding, idempotency key) is an `invalid` record
 * carrying the client error to answer with, as event adapters turn unreadable messages into
 * invalid records instead of throwing.
 */

import * as z from 'zod/mini';
import { IDEMPOTENCY_KEY, type Query, type Route, routeOf } from '#lib/adapt/routes.ts';
import { BadRequestError } from '#lib/shared/errors.ts';
import { parseJsonText } from '#lib/shared/json-text.ts';

/** Correlation ids longer than this, or with other characters, are replaced by the request id. */
const CORRELATION_ID = /^[\w.:@/-]{1,128}$/;

const httpEventSchema = z.looseObject({
  version: z.optional(z.string()),
  rawPath: z.optional(z.string()),
  body: z.optional(z.string()),
  isBase64Encoded: z.optional(z.boolean()),
  headers: z.optional(z.record(z.string(), z.string())),
  queryParameters: z.optional(z.record(z.string(), z.string())),
  requestContext: z.looseObject({
    requestId: z.optional(z.string()),
    http: z.looseObject({ method: z.string(), path: z.optional(z.string()) }),
  }),
});

export type FcHttpEvent = z.infer<typeof httpEventSchema>;

/**
 * Decodes the FC HTTP event.
 * @throws Error when the bytes are not an FC HTTP trigger event (a wiring mistake, not a client's).
 */
function parseHttpEvent(event: Buffer | string): FcHttpEvent {
  const text = typeof event === 'string' ? event : event.toString('utf8');
  const parsed = z.safeParse(httpEventSchema, JSON.parse(text));
  if (!parsed.success) {
    throw new Error(
      'The event is not an FC 3.0 HTTP trigger event (requestContext.http.method is missing).',
    );
  }
  return parsed.data;
}

/** A request header, looked up case-insensitively. */
function header(event: FcHttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** The request's path without a trailing slash (`/pushes/` is `/pushes`); `/` stays `/`. */
function requestPath(event: FcHttpEvent): string {
  const path = event.rawPath ?? event.requestContext.http.path ?? '/';
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed === '' ? '/' : trimmed;
}

/**
 * The request body as JSON, after checking media type, size and encoding.
 * @throws BadRequestError with the status a client should see (413, 415, 400).
 */
function jsonBody(event: FcHttpEvent, maxBytes: number): unknown {
  const type = (header(event, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new BadRequestError(
      `Content-Type must be application/json, got ${type === '' ? 'none' : JSON.stringify(type.slice(0, 100))}.`,
      415,
      'UnsupportedMediaType',
    );
  }
  const bytes = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (bytes.length > maxBytes) {
    throw new BadRequestError(
      `The body is ${bytes.length} bytes; at most ${maxBytes} are accepted.`,
      413,
      'PayloadTooLarge',
    );
  }
  return parseJson(bytes);
}

/** One decoder for every body: `decode` without `stream` keeps no state between calls. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

function parseJson(bytes: Buffer): unknown {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new BadRequestError('The body is not valid UTF-8.', 400, 'InvalidEncoding');
  }
  try {
    return parseJsonText(text);
  } catch {
    // The engine's message quotes the body, which may hold anything; the size is enough.
    throw new BadRequestError(
      `The body (${bytes.length} bytes) is not valid JSON.`,
      400,
      'MalformedJson',
    );
  }
}

/** One HTTP request as the pipeline takes it. */
export type HttpRecord =
  | {
      kind: 'push';
      /** The FC request id. */
      id: string;
      /** `X-Correlation-Id` when it is usable, else the FC request id. */
      correlationId: string;
      /** `http:<Idempotency-Key>`, one namespace for inline and dispatched pushes. */
      idempotencyKey?: string;
      /** What derived msgKeys are computed from: the idempotency key, else the request id. */
      msgKeySeed: string;
      /** The JSON body, not yet validated. */
      body: unknown;
      /** `?dryRun=true`: validate and plan, send nothing, claim no key. */
      dryRun: boolean;
    }
  /** A push request that cannot be one: media type, size, encoding, idempotency key. */
  | { kind: 'invalid'; id: string; correlationId: string; error: BadRequestError }
  /** No route takes the request (404, 405, a bad query or path parameter): not a record. */
  | { kind: 'unrouted'; id: string; correlationId: string; error: BadRequestError }
  /**
   * `GET /schedules`: the scheduled and loop pushes mPaaS holds. This route's and the next two's
   * parameters are checked by lib/adapt/route-parameters.ts when the request is answered.
   */
  | { kind: 'schedules'; id: string; correlationId: string; query: Query }
  /** `DELETE /schedules/{taskId}`: cancel one; `segment` is the task id, percent-encoded. */
  | { kind: 'cancel-schedule'; id: string; correlationId: string; segment: string; query: Query }
  /** `GET /pushes/{id}`: the progress of a dispatched or keyed push, its id percent-encoded. */
  | { kind: 'progress'; id: string; correlationId: string; segment: string; query: Query }
  /** `GET /healthz`: the function is up; nothing is validated or sent. */
  | { kind: 'health'; id: string; correlationId: string }
  /** `GET /openapi.json`. */
  | { kind: 'openapi'; id: string; correlationId: string };

/**
 * The HTTP trigger event as one record.
 * @throws Error when the bytes are not an FC HTTP trigger event (a wiring mistake, not a client's).
 * @example
 * httpRecord(event, context.requestId, 256 * 1024);
 * // { kind: 'push', id: 'req-1', correlationId: 'order-42', idempotencyKey: 'http:k-1', msgKeySeed: 'http:k-1', body: {…} }
 */
export function httpRecord(
  event: Buffer | string,
  requestId: string,
  maxBodyBytes: number,
): HttpRecord {
  const httpEvent = parseHttpEvent(event);
  const given = header(httpEvent, 'x-correlation-id');
  const correlationId = given && CORRELATION_ID.test(given) ? given : requestId;
  const common = { id: requestId, correlationId };
  let route: Route;
  try {
    const method = httpEvent.requestContext.http.method;
    route = routeOf(method, requestPath(httpEvent), httpEvent.queryParameters ?? {});
  } catch (error) {
    if (!(error instanceof BadRequestError)) throw error;
    return { kind: 'unrouted', ...common, error };
  }
  try {
    if (route.kind === 'health' || route.kind === 'openapi') return { kind: route.kind, ...common };
    if (
      route.kind === 'schedules' ||
      route.kind === 'cancel-schedule' ||
      route.kind === 'progress'
    ) {
      return { ...route, ...common };
    }
    const givenKey = idempotencyKeyOf(httpEvent);
    // One namespace for both paths, so a key reused for another payload is caught whether the
    // first request was sent inline or dispatched; it also seeds the msgKeys of `targets`.
    const idempotencyKey = givenKey === undefined ? undefined : `http:${givenKey}`;
    const body = jsonBody(httpEvent, maxBodyBytes);
    return {
      kind: 'push',
      id: requestId,
      correlationId,
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
      msgKeySeed: idempotencyKey ?? requestId,
      body,
      dryRun: route.dryRun,
    };
  } catch (error) {
    if (!(error instanceof BadRequestError)) throw error;
    return { kind: 'invalid', id: requestId, correlationId, error };
  }
}

function idempotencyKeyOf(event: FcHttpEvent): string | undefined {
  const key = header(event, 'idempotency-key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestError(
      'Idempotency-Key must be 1 to 255 printable ASCII characters without spaces.',
      400,
      'InvalidIdempotencyKey',
    );
  }
  return key;
}
