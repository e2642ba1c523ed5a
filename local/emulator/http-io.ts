/**
 * The few node:http chores every route shares (of both emulators): reading a bounded body, decoding RPC
 * parameters, and answering JSON, HTML or nothing at all (a reset connection).
 *
 * Kept apart from routing so each route reads as the protocol it emulates rather than stream
 * handling. Bodies are capped (1 MB by default): a larger one is drained and refused with 413, so
 * the client still receives an answer instead of a broken pipe.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';

/** The default body size limit, in bytes. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Reads the whole request body; undefined when it exceeds `limit` bytes.
 * @example const body = await readBody(req, DEFAULT_BODY_LIMIT)
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    // Keep draining past the limit so the 413 answer reaches the client.
    if (size <= limit) chunks.push(buffer);
  }
  return size > limit ? undefined : Buffer.concat(chunks);
}

/**
 * The RPC parameters of a request: the query string and, for a form body, its fields.
 * Body fields win over query fields of the same name.
 * @example rpcParams(new URL('http://h/?A=1'), 'application/x-www-form-urlencoded', Buffer.from('B=2')) // { A: '1', B: '2' }
 */
export function rpcParams(
  url: URL,
  contentType: string | undefined,
  body: Buffer,
): Record<string, string> {
  const params: Record<string, string> = Object.fromEntries(url.searchParams);
  const isForm = (contentType ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
  if (isForm && body.length > 0) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  }
  return params;
}

/** Answers `body` as JSON with `status`. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Answers an empty body with `status` (204 for deletions). */
export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}

/**
 * Answers the HTML error page an nginx proxy in front of the gateway would send.
 * @example sendProxyErrorPage(res, 502) // "<title>502 Bad Gateway</title>…"
 */
export function sendProxyErrorPage(res: ServerResponse, status: number): void {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  const html = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  res.writeHead(status, {
    'content-type': 'text/html',
    'content-length': Buffer.byteLength(html),
  });
  res.end(html);
}

/** Drops the connection with a TCP reset, without answering. */
export function resetConnection(req: IncomingMessage): void {
  req.socket.resetAndDestroy();
}

/**
 * An idempotent `close()` for an emulator's server: aborts pending work (delays), stops
 * listening and drops open connections, then resolves once the server has closed.
 * @example return { url, close: closer(server, abort) };
 */
export function closer(server: Server, abort: AbortController): () => Promise<void> {
  let closed: Promise<void> | undefined;
  return function close(): Promise<void> {
    closed ??= new Promise<void>((resolve, reject) => {
      abort.abort();
      server.close((error) => (error ? reject(error) : resolve()));
      // Keep-alive clients (pop-core, fetch, the Tablestore client) would otherwise hold close() open.
      server.closeAllConnections();
    });
    return closed;
  };
}
