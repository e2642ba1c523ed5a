/**
 * The local FC gateway: an HTTP trigger for `http-push` on every path, and FC 3.0's invoke API
 * (`POST /2023-03-30/functions/{name}/invocations`) for every built function, so a push can be
 * sent with curl and any event replayed against any function, with no cloud account.
 */

import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CredentialLookup, invokeRefusal, verifyAcs3Signature } from './fc-signature.ts';
import { toHttpEvent, writeHttpResult } from './http-event.ts';
import {
  FunctionNotFoundError,
  type InvocationError,
  type InvocationResult,
  LocalRuntime,
  type RuntimeOptions,
} from './runtime.ts';

export interface GatewayOptions extends RuntimeOptions {
  port?: number;
  host?: string;
  /** The function behind the HTTP trigger. Default `http-push`. */
  httpFunction?: string;
  /**
   * Refuse unsigned requests to the invoke API. Signed ones (an `authorization` header) are
   * verified either way. Default false, so curl works; the HTTP trigger never asks for one.
   */
  requireSignature?: boolean;
  /** The keys that may sign invoke-API requests. Default: `credentials.lookup`, if it has one. */
  credentialLookup?: CredentialLookup;
  /**
   * The HTTP trigger's `authType`: `function` verifies each request's ACS3-HMAC-SHA256 signature
   * as FC 3.0's gateway does for `authType: function` ("HTTP triggers use the Alibaba Cloud SDK
   * signature mechanism (ACS3-HMAC-SHA256)", help.aliyun.com/en/functioncompute/fc/user-guide/
   * configure-signature-authentication-for-http-triggers), with the keys of `httpAuthLookup`.
   * Default `anonymous`.
   */
  httpAuth?: 'anonymous' | 'function';
  /** The callers' keys for `httpAuth: function` (locally: those the emulator's STS minted). */
  httpAuthLookup?: CredentialLookup;
}

type InvokePolicy = {
  requireSignature: boolean;
  lookup: CredentialLookup | undefined;
  /** Set when the HTTP trigger needs signed requests (`httpAuth: function`). */
  httpLookup: CredentialLookup | undefined;
};

export interface Gateway {
  url: string;
  port: number;
  runtime: LocalRuntime;
  close(): Promise<void>;
}

/** FC's payload limits: 32 MB sync, 128 KB async (reference fc-platform.md §5). */
const SYNC_LIMIT = 32 * 1024 * 1024;
const ASYNC_LIMIT = 128 * 1024;
const INVOKE_PATH = /^\/2023-03-30\/functions\/([^/]+)\/invocations\/?$/;

/**
 * Starts the gateway.
 * @example const gw = await startGateway({ distDir: 'dist', credentials: mint, port: 9000 });
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const runtime = new LocalRuntime(options);
  const httpFunction = options.httpFunction ?? 'http-push';
  const policy: InvokePolicy = {
    requireSignature: options.requireSignature ?? false,
    // stsMinter's minter knows every key it handed to a function (local/sts-client.ts).
    lookup:
      options.credentialLookup ?? (options.credentials as { lookup?: CredentialLookup }).lookup,
    httpLookup:
      options.httpAuth === 'function' ? (options.httpAuthLookup ?? (() => undefined)) : undefined,
  };
  const server = createServer((req, res) => {
    route(req, res, runtime, httpFunction, policy).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendJson(res, 500, { Code: 'InternalError', Message: message });
    });
  });
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  // rejects with the listen error (a port in use) instead of leaving it unhandled
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    runtime,
    close: async () => {
      await runtime.drain();
      await runtime.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  runtime: LocalRuntime,
  httpFunction: string,
  policy: InvokePolicy,
) {
  const invoke = INVOKE_PATH.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
  if (invoke) return invokeApi(req, res, runtime, decodeURIComponent(invoke[1] ?? ''), policy);
  const body = await readBody(req, SYNC_LIMIT);
  if (body === null)
    return sendJson(res, 400, { Code: 'InvalidArgument', Message: 'request body exceeds 32 MB' });
  if (policy.httpLookup !== undefined) {
    const signed = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body,
    };
    const verdict = req.headers.authorization
      ? verifyAcs3Signature(signed, policy.httpLookup)
      : {
          ok: false as const,
          status: 403,
          code: 'AccessDenied',
          message: 'The request is not signed (authType: function).',
        };
    if (!verdict.ok)
      return sendJson(res, verdict.status, { Code: verdict.code, Message: verdict.message });
  }
  const requestId = randomUUID();
  const result = await runtime.invoke(
    httpFunction,
    Buffer.from(JSON.stringify(toHttpEvent(req, body, requestId))),
    requestId,
  );
  res.setHeader('x-fc-request-id', requestId);
  if (result.ok) return writeHttpResult(res, result.value);
  // The HTTP trigger has no success struct to send when the function throws. What it threw
  // (message, stack) goes to the log, never to the caller: it may name hosts, paths or settings.
  logInvocationError(httpFunction, requestId, result.error);
  res.setHeader('x-fc-error-type', 'UnhandledInvocationError');
  sendJson(res, 502, {
    Code: 'UnhandledInvocationError',
    Message: `The function failed; the gateway log has the details under request ${requestId}.`,
    RequestId: requestId,
  });
}

/** One JSON line on stderr, as the local stand-in for the function's log. */
function logInvocationError(name: string, requestId: string, error: InvocationError): void {
  const line = { level: 'error', message: 'function failed', function: name, requestId, ...error };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

async function invokeApi(
  req: IncomingMessage,
  res: ServerResponse,
  runtime: LocalRuntime,
  name: string,
  policy: InvokePolicy,
) {
  if (req.method !== 'POST')
    return sendJson(res, 405, { Code: 'MethodNotAllowed', Message: 'use POST' });
  const type = String(req.headers['x-fc-invocation-type'] ?? 'Sync');
  if (type !== 'Sync' && type !== 'Async') {
    return sendJson(res, 400, {
      Code: 'InvalidArgument',
      Message: 'x-fc-invocation-type must be Sync or Async',
    });
  }
  const body = await readBody(req, type === 'Async' ? ASYNC_LIMIT : SYNC_LIMIT);
  if (body === null)
    return sendJson(res, 413, {
      Code: 'EntityTooLarge',
      Message: `payload over the ${type} limit`,
    });
  const signed = { method: req.method, path: req.url ?? '/', headers: req.headers, body };
  const refusal = invokeRefusal(signed, policy);
  if (refusal)
    return sendJson(res, refusal.status, { Code: refusal.code, Message: refusal.message });
  const taskId = String(req.headers['x-fc-async-task-id'] ?? '');
  // As FC in task mode: a second async task with the same id is refused with 409
  // (help.aliyun.com/zh/fc/task-deduplication; the code name is this gateway's).
  if (type === 'Async' && taskId !== '' && !runtime.claimTaskId(taskId)) {
    return sendJson(res, 409, {
      Code: 'AsyncTaskAlreadyExists',
      Message: `an async task with id ${taskId} was already submitted`,
    });
  }
  const requestId = taskId || randomUUID();
  res.setHeader('x-fc-request-id', requestId);
  try {
    await runtime.functionFile(name);
  } catch (error) {
    if (error instanceof FunctionNotFoundError)
      return sendJson(res, 404, { Code: 'FunctionNotFound', Message: error.message });
    throw error;
  }
  if (type === 'Async') {
    runtime.invokeAsync(name, body, requestId);
    return res.writeHead(202).end();
  }
  writeInvokeResult(res, await runtime.invoke(name, body, requestId));
}

/** As FC: HTTP 200 either way; a function error is flagged by `x-fc-error-type`. */
function writeInvokeResult(res: ServerResponse, result: InvocationResult): void {
  if (!result.ok) {
    res.setHeader('x-fc-error-type', 'UnhandledInvocationError');
    sendJson(res, 200, result.error);
  } else if (Buffer.isBuffer(result.value)) {
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(result.value);
  } else if (typeof result.value === 'string') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end(result.value);
  } else {
    sendJson(res, 200, result.value ?? null);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The whole body, or null once it exceeds `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
