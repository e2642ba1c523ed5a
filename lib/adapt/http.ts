/**
 * The FC 3.0 HTTP trigger's request event (reference fc-platform.md §2.1) and the response
 * struct the runtime expects back.
 *
 * The event arrives as a Buffer of JSON. Header names keep the caller's casing, so they are looked
 * up case-insensitively; the body is base64 when `isBase64Encoded` is true.
 */
import * as z from 'zod/mini';
import { BadRequestError } from '#lib/shared/errors.ts';

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

/** The response struct FC turns into the HTTP answer. */
export interface FcHttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  isBase64Encoded: boolean;
  body: string;
}

/**
 * Decodes the FC HTTP event.
 * @throws Error when the bytes are not an FC HTTP trigger event (a wiring mistake, not a client's).
 */
export function parseHttpEvent(event: Buffer | string): FcHttpEvent {
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
export function header(event: FcHttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/**
 * The request body as JSON, after checking method, media type, size and encoding.
 * @throws BadRequestError with the status a client should see (405, 413, 415, 400).
 */
export function jsonBody(event: FcHttpEvent, maxBytes: number): unknown {
  const method = event.requestContext.http.method.toUpperCase();
  if (method !== 'POST') {
    throw new BadRequestError(
      `Method ${method} is not allowed: send the push request with POST.`,
      405,
      'MethodNotAllowed',
    );
  }
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

function parseJson(bytes: Buffer): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BadRequestError('The body is not valid UTF-8.', 400, 'InvalidEncoding');
  }
  try {
    return JSON.parse(text);
  } catch {
    // The engine's message quotes the body, which may hold anything; the size is enough.
    throw new BadRequestError(
      `The body (${bytes.length} bytes) is not valid JSON.`,
      400,
      'MalformedJson',
    );
  }
}

/** A JSON response struct. */
export function jsonResponse(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): FcHttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    isBase64Encoded: false,
    body: JSON.stringify(body),
  };
}
