/**
 * The PushTemplate client on the wire, against a bare HTTP server: every call is a form POST,
 * sockets are kept alive across calls and closed with the client, a call needs 100 ms left, and
 * the instance keeps one client per set of options.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MpaasClient } from '#lib/send/mpaas/client.ts';
import { clientFor } from '#lib/send/mpaas/shared-client.ts';
import { MpaasTransportError } from '#lib/shared/errors.ts';
import { SENDABLE } from '#test/helpers/push-request.ts';

const credentials = { accessKeyId: 'STS.test', accessKeySecret: 'secret', securityToken: 'token' };
const request = SENDABLE;
const left = (ms: number) => ({ at: Date.now() + ms, remaining: () => ms });

interface Seen {
  method: string | undefined;
  type: string | undefined;
  body: string;
  port: number | undefined;
}

let server: Server;
let endpoint: string;
const seen: Seen[] = [];
const sockets = new Set<Socket>();
let closed = 0;

beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res) => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    seen.push({
      method: req.method,
      type: req.headers['content-type'],
      body,
      port: req.socket.remotePort,
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ RequestId: 'R-1', ResultCode: 'OK', PushResult: { Success: true } }));
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      closed += 1;
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  for (const socket of sockets) socket.destroy();
  server.close();
});

describe('MpaasClient', () => {
  it('sends each call as a form POST, on one kept-alive socket, and closes it when closed', async () => {
    const client = new MpaasClient({ endpoint, apiVersion: '2020-10-28', requestTimeoutMs: 5000 });
    seen.length = 0;
    const before = closed;

    const first = await client.pushTemplate(request, { credentials, deadline: left(30_000) });
    await client.pushTemplate(request, { credentials, deadline: left(30_000) });

    expect(first).toMatchObject({ requestId: 'R-1' });
    expect(seen.map((call) => [call.method, call.type])).toEqual([
      ['POST', 'application/x-www-form-urlencoded'],
      ['POST', 'application/x-www-form-urlencoded'],
    ]);
    expect(new URLSearchParams(seen[0]?.body).get('TemplateName')).toBe('order_shipped');
    expect(seen[1]?.port).toBe(seen[0]?.port);
    client.close();
    await expect.poll(() => closed).toBe(before + 1);
  });

  it('keeps no agent that close() let go of while it was being made: the next call makes its own', async () => {
    const client = new MpaasClient({ endpoint, apiVersion: '2020-10-28', requestTimeoutMs: 5000 });
    seen.length = 0;

    // the first call's agent is still being made when the client is closed
    const first = client.pushTemplate(request, { credentials, deadline: left(30_000) });
    client.close();
    await first.catch(() => undefined);
    const before = closed;
    await client.pushTemplate(request, { credentials, deadline: left(30_000) });
    client.close();

    // a new agent, so a new socket, which this close() does close
    expect(seen).toHaveLength(2);
    expect(seen[1]?.port).not.toBe(seen[0]?.port);
    await expect.poll(() => closed).toBeGreaterThan(before);
  });

  it('starts a call with 100 ms left beyond the margin, and none with less', async () => {
    const client = new MpaasClient({ endpoint, apiVersion: '2020-10-28', requestTimeoutMs: 5000 });
    try {
      await expect(
        client.pushTemplate(request, { credentials, deadline: left(600) }),
      ).resolves.toMatchObject({ requestId: 'R-1' });

      const refused = await client
        .pushTemplate(request, { credentials, deadline: left(599) })
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(MpaasTransportError);
      expect(refused).toMatchObject({
        failure: 'deadline',
        outcomeUnknown: false,
        message: 'mPaaS call failed (deadline): only 599 ms left before the function times out',
      });
    } finally {
      client.close();
    }
  });
});

describe('MpaasClient over HTTPS', () => {
  it('uses an HTTPS agent for an https endpoint: the call reaches the socket, not a protocol error', async () => {
    const client = new MpaasClient({
      endpoint: 'https://127.0.0.1:1',
      apiVersion: '2020-10-28',
      requestTimeoutMs: 2000,
    });
    try {
      const error = await client
        .pushTemplate(request, { credentials, deadline: left(30_000) })
        .catch((caught: unknown) => caught);

      // an HTTP agent would fail at once with 'Protocol "https:" not supported'
      expect(error).toMatchObject({ failure: 'connection' });
      expect(String(error)).toContain('ECONNREFUSED');
    } finally {
      client.close();
    }
  });
});

describe('clientFor', () => {
  it('keeps one client per set of options, and closes the one it replaces', async () => {
    const options = { endpoint, apiVersion: '2020-10-28' as const, requestTimeoutMs: 5000 };
    const first = clientFor(options);
    await first.pushTemplate(request, { credentials, deadline: left(30_000) });
    const before = closed;

    expect(clientFor({ ...options })).toBe(first);
    const other = clientFor({ ...options, requestTimeoutMs: 4000 });

    expect(other).not.toBe(first);
    await expect.poll(() => closed).toBe(before + 1);
    other.close();
  });
});
