/**
 * One Tablestore call over node:http(s): `POST /<Operation>` with a signed protobuf body, under a
 * deadline, answered by the body of a 2xx or an `OtsError`.
 *
 * Why by hand: the SDK costs ~100 ms of cold start (tablestore.md §1), has no request timeout by
 * default and retries through a process-global policy. Here every call has the time the caller has
 * left (`timeoutMs()`, read when the call starts), nothing is ever retried (the store decides,
 * knowing which writes are safe to repeat), and failures say whether the write may have landed:
 *
 * - a timeout or a dropped connection after the socket was connected: `outcomeUnknown`;
 * - a service error the SDKs retry for any operation (busy, throttled, partition moving,
 *   conflicting write): nothing was applied. Those they retry only for reads (`OTSTimeout`,
 *   `OTSInternalServerError`, `OTSServerUnavailable`, other 5xx) may have been applied: unknown.
 *   (Java/PHP SDK retry utilities, e.g. aliyun-tablestore-php-sdk `RetryUtil`.)
 *
 * Connections are pooled per endpoint in keep-alive agents at module level, so a warm FC instance
 * reuses them across invocations; credentials are not pooled: each table object signs with its own.
 * Error messages name the operation, host and codes, never a header or a credential.
 */
import http from 'node:http';
import https from 'node:https';
import { ots } from '#lib/send/store/tablestore/proto/tablestore.js';
import { type OtsCredentials, signedHeaders } from '#lib/send/store/tablestore/signer.ts';
import { OtsError } from '#lib/send/store/tablestore/table.ts';

/** Where and as whom to call. */
export interface OtsTarget {
  /** `https://<instance>.<region>.ots.aliyuncs.com`, or the emulator's `http://127.0.0.1:port`. */
  endpoint: string;
  instance: string;
  credentials: OtsCredentials;
}

/** A 2xx answer. */
export interface OtsReply {
  status: number;
  body: Buffer;
  requestId: string | undefined;
}

/** An answer larger than this is not a row of ours: the call fails rather than buffer it. */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** Codes that mean the request was refused before it was applied (SDKs retry them for writes). */
const NOT_APPLIED = new Set([
  'OTSRowOperationConflict',
  'OTSNotEnoughCapacityUnit',
  'OTSTableNotReady',
  'OTSPartitionUnavailable',
  'OTSServerBusy',
  'OTSOperationThrottled',
  'OTSQuotaExhausted',
]);

const agents = new Map<string, http.Agent>();

/**
 * The keep-alive agent of an endpoint's origin, made on first use; exported for tests.
 * @example agentFor(new URL('https://i.cn-hangzhou.ots.aliyuncs.com')) instanceof https.Agent // true
 */
export function agentFor(url: URL): http.Agent {
  let agent = agents.get(url.origin);
  if (agent === undefined) {
    // Idle sockets are closed after 4 s: FC freezes idle instances, and a socket kept across a
    // freeze comes back dead (as the mPaaS client's agent, lib/send/mpaas/client.ts).
    const options = { keepAlive: true, scheduling: 'lifo' as const, timeout: 4_000 };
    agent = url.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
    agents.set(url.origin, agent);
  }
  return agent;
}

interface Exchange {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Why an exchange failed, before it becomes an `OtsError`. */
class ExchangeFailure extends Error {
  constructor(
    readonly kind: 'Timeout' | 'NetworkError' | 'BadResponse',
    readonly mayHaveSent: boolean,
    /** True when a pooled socket was dead before any answer came: the server never saw it. */
    readonly staleSocket: boolean,
    readonly error: Error,
    readonly status: number,
  ) {
    super(kind);
  }
}

/** Operations that change nothing, so repeating one is always safe (the client sends no other). */
const READS = new Set(['GetRow', 'DescribeTable']);

/** Errors of a kept-alive socket the server had already closed. */
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

type Fail = (error: Error, kind?: ExchangeFailure['kind'], status?: number) => void;

/**
 * Reads a whole answer, at most `MAX_RESPONSE_BYTES`. An answer cut short fails through the
 * response's `error` (Node emits `ECONNRESET` "aborted" before `close` when the connection ends
 * early: the http docs' order of events for a destroyed request).
 */
function readAnswer(response: http.IncomingMessage, fail: Fail, done: (answer: Exchange) => void) {
  const chunks: Buffer[] = [];
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_RESPONSE_BYTES) return void chunks.push(chunk);
    response.destroy();
    fail(
      new Error(`answer larger than ${MAX_RESPONSE_BYTES} bytes`),
      'BadResponse',
      response.statusCode,
    );
  });
  response.on('error', fail);
  response.once('end', function onEnd() {
    done({
      status: response.statusCode ?? 0,
      headers: response.headers,
      body: Buffer.concat(chunks),
    });
  });
}

function exchange(
  url: URL,
  path: string,
  headers: http.OutgoingHttpHeaders,
  body: Uint8Array,
  ms: number,
) {
  return new Promise<Exchange>(function exchanging(resolve, reject) {
    let mayHaveSent = false;
    let timedOut = false;
    // The agent decides the protocol: an https.Agent makes TLS sockets (node:http's
    // `request` is node:https's with other defaults, and every default is given here).
    const request = http.request({
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port,
      method: 'POST',
      path,
      headers: { ...headers, 'content-length': body.length },
      agent: agentFor(url),
    });
    let answered = false;
    // A promise settles once: a second failure (the destroy after a timeout, an error after an
    // oversized answer) or a late answer changes nothing.
    const fail: Fail = (error, kind = 'NetworkError', status = 0) => {
      clearTimeout(timer);
      // The pattern Node's docs give for keep-alive: a reused socket reset before any answer.
      const code = 'code' in error ? error.code : undefined;
      const stale = request.reusedSocket && !answered && STALE_SOCKET_CODES.has(String(code));
      const failed = timedOut ? 'Timeout' : kind;
      reject(new ExchangeFailure(failed, mayHaveSent, stale, error, status));
    };
    const timer = setTimeout(function deadline() {
      timedOut = true;
      fail(new Error(`no answer within ${ms} ms`));
      request.destroy();
    }, ms);
    request.once('socket', function onSocket(socket) {
      // Once connected, the server may have read the whole request. For TLS this counts from
      // the TCP connection, before the handshake: a handshake that fails then is reported as
      // possibly received, which costs the store one read to find its write absent.
      const connected = () => {
        mayHaveSent = true;
      };
      if (!socket.connecting) connected();
      else socket.once('connect', connected);
    });
    request.on('error', fail);
    request.once('response', function onResponse(response) {
      answered = true;
      readAnswer(response, fail, function whole(answer) {
        clearTimeout(timer);
        resolve(answer);
      });
    });
    request.end(body);
  });
}

function requestIdOf(headers: http.IncomingHttpHeaders): string | undefined {
  const id = headers['x-ots-requestid'] ?? headers['x-ots-request-id'];
  return typeof id === 'string' ? id : undefined;
}

function serviceError(operation: string, host: string, reply: Exchange): OtsError {
  const requestId = requestIdOf(reply.headers);
  const where = `HTTP ${reply.status}${requestId ? `, request ${requestId}` : ''}`;
  let error: ots.Error | undefined;
  try {
    error = ots.Error.decode(reply.body);
  } catch {
    // not a protobuf Error: a proxy's page, or no body
  }
  if (error === undefined || error.code === '') {
    const message = `Tablestore ${operation} on ${host} answered without an error body (${where}).`;
    return new OtsError(message, {
      code: 'BadResponse',
      status: reply.status,
      requestId,
      outcomeUnknown: reply.status >= 500,
    });
  }
  const message = `Tablestore ${operation} failed: ${error.code} ${error.message} (${where}).`;
  const outcomeUnknown = reply.status >= 500 && !NOT_APPLIED.has(error.code);
  return new OtsError(message, {
    code: error.code,
    status: reply.status,
    requestId,
    outcomeUnknown,
  });
}

/** A socket error's code (`ECONNREFUSED`), else the message of one of ours. */
function describeCause(cause: Error): string {
  return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message;
}

function exchangeError(operation: string, host: string, ms: number, failure: ExchangeFailure) {
  const reason =
    failure.kind === 'Timeout'
      ? `timed out after ${ms} ms`
      : `failed: ${describeCause(failure.error)}`;
  const when = failure.mayHaveSent ? ', after the request may have been received' : '';
  return new OtsError(
    `Tablestore ${operation} to ${host} ${reason}${when}.`,
    { code: failure.kind, status: failure.status, outcomeUnknown: failure.mayHaveSent },
    failure.error,
  );
}

/**
 * Sends one operation and answers its 2xx reply; everything else throws an `OtsError`.
 * @example const reply = await callOts(target, 'GetRow', body, () => 500)
 */
export async function callOts(
  target: OtsTarget,
  operation: string,
  body: Uint8Array,
  timeoutMs: () => number,
): Promise<OtsReply> {
  const ms = Math.floor(timeoutMs());
  const url = new URL(target.endpoint);
  if (!(ms > 0)) {
    const message = `Tablestore ${operation} to ${url.host} not sent: no time left before the deadline.`;
    throw new OtsError(message, { code: 'Timeout', status: 0, outcomeUnknown: false });
  }
  const { instance, credentials } = target;
  const headers = signedHeaders({ operation, instance, credentials, body, date: new Date() });
  let reply: Exchange;
  try {
    reply = await exchange(url, `/${operation}`, headers, body, ms).catch((error: unknown) => {
      // A read, once, on a new connection, within the time still left. A write is not repeated
      // here: a reset socket cannot prove the server did not apply it; the store decides.
      const left = Math.floor(timeoutMs());
      const read = READS.has(operation);
      if (!(read && error instanceof ExchangeFailure && error.staleSocket && left > 0)) throw error;
      return exchange(url, `/${operation}`, headers, body, left);
    });
  } catch (error) {
    if (!(error instanceof ExchangeFailure)) throw error;
    throw exchangeError(operation, url.host, ms, error);
  }
  if (reply.status < 200 || reply.status > 299) throw serviceError(operation, url.host, reply);
  return { status: reply.status, body: reply.body, requestId: requestIdOf(reply.headers) };
}
