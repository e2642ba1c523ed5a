/**
 * Translation between a real HTTP request and FC 3.0's HTTP trigger event, both ways, as FC
 * does it (reference fc-platform.md §2.1): header names in canonical form (`Content-Type`,
 * `X-Fc-Log-Type`: the first letter of each word capitalised) and several values joined with
 * commas, as the event the fc3 component captured from a real call has them, `X-Fc-*` and
 * `Connection` included (devsapp/fc3 `src/subCommands/trigger-template/event-template/http.json`;
 * the docs' sample has lower-case names, so the functions look headers up in any case); the body
 * as text, or base64 with `isBase64Encoded` when it is binary; the returned struct's body decoded
 * from base64 when the function says so.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A header name as FC's front end writes it: each word's first letter upper case, the rest lower
 * case (`x-fc-log-type` → `X-Fc-Log-Type`), as Go's CanonicalMIMEHeaderKey does.
 * @example canonicalHeader('idempotency-key') // 'Idempotency-Key'
 */
export function canonicalHeader(name: string): string {
  return name
    .toLowerCase()
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('-');
}
const TEXT_TYPES = /^(text\/|application\/(json|.*\+json|x-www-form-urlencoded|xml))/i;

/** The FC v1 HTTP event for a request whose body has been read. */
export function toHttpEvent(
  req: IncomingMessage,
  body: Buffer,
  requestId: string,
): Record<string, unknown> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = canonicalHeader(req.rawHeaders[i] ?? '');
    const value = req.rawHeaders[i + 1] ?? '';
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  const queryParameters: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    queryParameters[key] = key in queryParameters ? `${queryParameters[key]},${value}` : value;
  }
  const binary = body.length > 0 && !isText(req.headers['content-type'], body);
  const now = new Date();
  return {
    version: 'v1',
    rawPath: url.pathname,
    body: binary ? body.toString('base64') : body.toString('utf8'),
    isBase64Encoded: binary,
    headers,
    queryParameters,
    requestContext: {
      accountId: '1234567890123456',
      domainName: `${req.headers.host ?? 'localhost'}`,
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path: decodeURIComponent(url.pathname),
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: req.headers['user-agent'] ?? '',
      },
      requestId: requestId || randomUUID(),
      time: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      timeEpoch: String(now.getTime()),
    },
  };
}

function isText(contentType: string | undefined, body: Buffer): boolean {
  if (!contentType || !TEXT_TYPES.test(contentType)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

/** Writes the function's response struct as the HTTP answer. */
export function writeHttpResult(res: ServerResponse, result: unknown): void {
  if (!isRecord(result) || typeof result.statusCode !== 'number') {
    // FC's mapping of other values is undocumented; answer them as JSON so nothing is hidden.
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result ?? null));
    return;
  }
  const headers = isRecord(result.headers) ? result.headers : {};
  const body = typeof result.body === 'string' ? result.body : '';
  const bytes = Buffer.from(body, result.isBase64Encoded === true ? 'base64' : 'utf8');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, String(value));
  res.writeHead(result.statusCode).end(bytes);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
