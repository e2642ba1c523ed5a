/**
 * The Tablestore call on the wire, against servers that misbehave on purpose: what each failure
 * says (its code, whether the request may have been received, its message), which failures cost
 * one quiet retry on a new connection (a read on a pooled socket that was dead before any answer)
 * and which never do, and how answers without a Tablestore error body are read.
 */
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { agentFor, callOts, type OtsTarget } from '#lib/send/store/tablestore/ots-http.ts';
import { ots } from '#lib/send/store/tablestore/proto/tablestore.js';
import { otsFailure as failure } from './ots-failure.ts';

const credentials = { accessKeyId: 'STS.test', accessKeySecret: 'secret', securityToken: 'token' };
const BODY = new Uint8Array([1, 2, 3]);
const closers: Array<() => void> = [];

afterEach(() => {
  for (const close of closers.splice(0)) close();
});

function targetOf(server: net.Server, instance = 'local'): OtsTarget {
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, instance, credentials };
}

async function listening<T extends net.Server>(server: T): Promise<T> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    if (server instanceof http.Server) server.closeAllConnections();
    server.close();
  });
  return server;
}

/** An HTTP server whose `answer` decides each request: its status, headers, body. */
async function answering(
  answer: (
    request: http.IncomingMessage,
    nth: number,
  ) => {
    status: number;
    headers?: Record<string, string>;
    body?: Uint8Array | string;
  },
) {
  const seen = { requests: 0, paths: [] as string[] };
  const server = await listening(
    http.createServer((request, response) => {
      seen.requests += 1;
      seen.paths.push(request.url ?? '');
      const { status, headers = {}, body = '' } = answer(request, seen.requests);
      request.resume();
      request.on('end', () => {
        response.writeHead(status, headers);
        response.end(body);
      });
    }),
  );
  return { seen, target: targetOf(server) };
}

/** A server that answers 200 `ok`, except what `misbehave` does with a request (true: handled). */
async function serving(misbehave: (socket: Socket, nth: number, socketIndex: number) => boolean) {
  const seen = { requests: 0, sockets: 0, paths: [] as string[] };
  const indexes = new WeakMap<Socket, { index: number; requests: number }>();
  const server = await listening(
    http.createServer((request, response) => {
      seen.requests += 1;
      seen.paths.push(request.url ?? '');
      let counts = indexes.get(request.socket);
      if (!counts) {
        counts = { index: seen.sockets, requests: 0 };
        seen.sockets += 1;
        indexes.set(request.socket, counts);
      }
      counts.requests += 1;
      if (misbehave(request.socket, counts.requests, counts.index)) return;
      request.resume();
      request.on('end', () => response.end('ok'));
    }),
  );
  return { seen, target: targetOf(server) };
}

const host = (target: OtsTarget) => new URL(target.endpoint).host;

describe('the pooled agents', () => {
  it('keeps one keep-alive agent per origin that closes idle sockets after 4 s, TLS for https', () => {
    const a = agentFor(new URL('http://127.0.0.1:1/x'));
    const again = agentFor(new URL('http://127.0.0.1:1/y'));
    const other = agentFor(new URL('http://127.0.0.1:2'));
    const tls = agentFor(new URL('https://i.cn-hangzhou.ots.aliyuncs.com'));
    const options = (agent: http.Agent) =>
      (agent as http.Agent & { options: Record<string, unknown> }).options;

    expect(again).toBe(a);
    expect(other).not.toBe(a);
    expect(a).not.toBe(http.globalAgent);
    expect(tls).toBeInstanceOf(https.Agent);
    expect(a).not.toBeInstanceOf(https.Agent);
    expect(options(a)).toMatchObject({ keepAlive: true, scheduling: 'lifo', timeout: 4_000 });
  });
});

describe('what a failed call says', () => {
  it('times out on a new connection the server accepted as a request that may have been received', async () => {
    const server = await listening(net.createServer(() => {}));
    const target = targetOf(server);

    const error = await failure(callOts(target, 'PutRow', BODY, () => 100));

    expect(error).toMatchObject({ code: 'Timeout', status: 0, outcomeUnknown: true });
    expect(error.message).toBe(
      `Tablestore PutRow to ${host(target)} timed out after 100 ms, after the request may have been received.`,
    );
    expect((error.cause as Error).message).toBe('no answer within 100 ms');
  });

  it('names the socket code of a refused connection, which sent nothing', async () => {
    const server = await listening(net.createServer());
    const target = targetOf(server);
    server.close();
    await new Promise((resolve) => setTimeout(resolve, 10));

    const error = await failure(callOts(target, 'PutRow', BODY, () => 1_000));

    expect(error).toMatchObject({ code: 'NetworkError', status: 0, outcomeUnknown: false });
    expect(error.message).toBe(`Tablestore PutRow to ${host(target)} failed: ECONNREFUSED.`);
  });

  it('fails an answer cut short through the response error, as a reset that may have landed', async () => {
    const server = await listening(
      net.createServer((socket) => {
        socket.once('data', () => {
          socket.write(`HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n${'x'.repeat(50)}`);
          setTimeout(() => socket.destroy(), 20);
        });
      }),
    );
    const target = targetOf(server);

    const error = await failure(callOts(target, 'UpdateRow', BODY, () => 1_000));

    expect(error).toMatchObject({ code: 'NetworkError', outcomeUnknown: true });
    expect(error.message).toBe(
      `Tablestore UpdateRow to ${host(target)} failed: ECONNRESET, after the request may have been received.`,
    );
  });

  it('reads the request id from x-ots-request-id too, and names an error body without one', async () => {
    const body = ots.Error.encode({ code: 'OTSServerBusy', message: 'busy' }).finish();
    const alternative: Record<string, string> = { 'x-ots-request-id': 'alt-1' };
    const { target } = await answering((_request, nth) => ({
      status: 503,
      headers: nth === 1 ? alternative : {},
      body,
    }));

    const named = await failure(callOts(target, 'GetRow', BODY, () => 1_000));
    const anonymous = await failure(callOts(target, 'GetRow', BODY, () => 1_000));

    expect(named.requestId).toBe('alt-1');
    expect(named.message).toBe(
      'Tablestore GetRow failed: OTSServerBusy busy (HTTP 503, request alt-1).',
    );
    expect(anonymous.requestId).toBeUndefined();
    expect(anonymous.message).toBe('Tablestore GetRow failed: OTSServerBusy busy (HTTP 503).');
  });

  it('reads an empty 5xx body as a bad answer in doubt, and a 4xx page as one that was not applied', async () => {
    const { target } = await answering((_request, nth) =>
      nth === 1 ? { status: 502 } : { status: 400, body: '<html>bad request</html>' },
    );

    const empty = await failure(callOts(target, 'PutRow', BODY, () => 1_000));
    const page = await failure(callOts(target, 'PutRow', BODY, () => 1_000));

    expect(empty).toMatchObject({ code: 'BadResponse', status: 502, outcomeUnknown: true });
    expect(empty.message).toBe(
      `Tablestore PutRow on ${host(target)} answered without an error body (HTTP 502).`,
    );
    expect(page).toMatchObject({ code: 'BadResponse', status: 400, outcomeUnknown: false });
  });

  it('reads an Error body with an empty code as no error body', async () => {
    const body = ots.Error.encode({ code: '', message: 'proxy' }).finish();
    const { target } = await answering(() => ({ status: 500, body }));

    const error = await failure(callOts(target, 'PutRow', BODY, () => 1_000));

    expect(error).toMatchObject({ code: 'BadResponse', status: 500, outcomeUnknown: true });
    expect(error.message).toContain('answered without an error body');
  });

  it('takes any 2xx as an answer, up to 299', async () => {
    const { target } = await answering(() => ({ status: 299, body: 'edge' }));

    const reply = await callOts(target, 'GetRow', BODY, () => 1_000);

    expect(reply).toMatchObject({ status: 299 });
    expect(reply.body.toString()).toBe('edge');
  });

  it('throws what Node throws for a request it cannot even write, not a network error', async () => {
    const { target, seen } = await answering(() => ({ status: 200 }));

    const thrown = await callOts(
      { ...target, instance: 'bad\ninstance' },
      'GetRow',
      BODY,
      () => 1_000,
    ).catch((error: unknown) => error);

    expect(thrown).toBeInstanceOf(TypeError);
    expect(thrown).toMatchObject({ code: 'ERR_INVALID_CHAR' });
    expect(seen.requests).toBe(0);
  });
});

describe('the quiet retry of a read on a dead pooled socket', () => {
  it('does not retry a read reset on a new connection: that server saw the request', async () => {
    const { seen, target } = await serving((socket) => {
      socket.destroy();
      return true;
    });

    const error = await failure(callOts(target, 'GetRow', BODY, () => 1_000));

    expect(error).toMatchObject({ code: 'NetworkError', outcomeUnknown: true });
    expect(seen.requests).toBe(1);
  });

  it('does not retry a read whose answer had begun when the pooled socket was reset', async () => {
    const { seen, target } = await serving((socket, nth) => {
      if (nth !== 2) return false;
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial');
      setTimeout(() => socket.destroy(), 20);
      return true;
    });
    await callOts(target, 'GetRow', BODY, () => 1_000);

    const error = await failure(callOts(target, 'GetRow', BODY, () => 1_000));

    expect(error.message).toContain('ECONNRESET');
    expect(seen.requests).toBe(2);
  });

  it('retries DescribeTable too, on the same path, on a new connection', async () => {
    const { seen, target } = await serving((socket, nth, index) => {
      if (!(index === 0 && nth === 2)) return false;
      socket.destroy();
      return true;
    });
    await callOts(target, 'DescribeTable', BODY, () => 1_000);

    const reply = await callOts(target, 'DescribeTable', BODY, () => 1_000);

    expect(reply.body.toString()).toBe('ok');
    expect(seen).toMatchObject({ requests: 3, sockets: 2 });
    expect(seen.paths).toEqual(['/DescribeTable', '/DescribeTable', '/DescribeTable']);
  });

  it('does not retry when no time is left for it', async () => {
    const { seen, target } = await serving((socket, nth, index) => {
      if (!(index === 0 && nth === 2)) return false;
      socket.destroy();
      return true;
    });
    await callOts(target, 'GetRow', BODY, () => 1_000);
    let reads = 0;

    const error = await failure(
      callOts(target, 'GetRow', BODY, () => {
        reads += 1;
        return reads === 1 ? 1_000 : 0;
      }),
    );

    expect(error).toMatchObject({ code: 'NetworkError' });
    expect(seen.requests).toBe(2);
  });

  it.each(['ECONNRESET', 'EPIPE', 'ECONNABORTED'])(
    'retries a read whose pooled socket fails with %s before any answer',
    async (code) => {
      const { seen, target } = await serving(() => false);
      await callOts(target, 'GetRow', BODY, () => 1_000);
      const agent = agentFor(new URL(target.endpoint));
      const free = Object.values(agent.freeSockets).flat();
      expect(free).toHaveLength(1);
      const socket = free[0] as Socket;
      // the pooled socket dies when the next request is written on it, as a peer's close does
      socket.write = () => {
        process.nextTick(() => socket.destroy(Object.assign(new Error(`write ${code}`), { code })));
        return true;
      };

      const reply = await callOts(target, 'GetRow', BODY, () => 1_000);

      expect(reply.body.toString()).toBe('ok');
      expect(seen).toMatchObject({ requests: 2, sockets: 2 });
    },
  );
});
