/**
 * The Tablestore call over keep-alive: a read on a pooled socket the server closed meanwhile (as
 * after an FC freeze) costs one quiet retry on a new connection; a write is never repeated here
 * (the store re-reads and decides), and any other reset stays an unknown outcome.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { callOts } from '#lib/send/store/tablestore/ots-http.ts';
import { OtsError } from '#lib/send/store/tablestore/table.ts';

const credentials = { accessKeyId: 'STS.test', accessKeySecret: 'secret', securityToken: 'token' };
let server: http.Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A server that answers 200, except that it drops a socket on the requests `drop` picks. */
async function serve(drop: (requestOnSocket: number, socketIndex: number) => boolean) {
  const seen = { requests: 0, sockets: 0 };
  const perSocket = new WeakMap<Socket, { index: number; requests: number }>();
  server = http.createServer((request, response) => {
    seen.requests += 1;
    const socket = request.socket;
    let counts = perSocket.get(socket);
    if (!counts) {
      counts = { index: seen.sockets, requests: 0 };
      seen.sockets += 1;
      perSocket.set(socket, counts);
    }
    counts.requests += 1;
    if (drop(counts.requests, counts.index)) {
      socket.destroy();
      return;
    }
    request.resume();
    request.on('end', () => response.end('ok'));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const target = { endpoint: `http://127.0.0.1:${port}`, instance: 'local', credentials };
  return { seen, target };
}

describe('callOts over a kept-alive connection', () => {
  it('retries once on a new connection when a reused socket is reset before any answer', async () => {
    // The second request on the first socket finds it dead.
    const { seen, target } = await serve((nth, socket) => socket === 0 && nth === 2);
    await callOts(target, 'GetRow', new Uint8Array([1]), () => 2_000);

    const reply = await callOts(target, 'GetRow', new Uint8Array([1]), () => 2_000);

    expect(reply.body.toString()).toBe('ok');
    expect(seen).toEqual({ requests: 3, sockets: 2 });
  });

  it('does not repeat a write on a reused socket that was reset: it may have been applied', async () => {
    const { seen, target } = await serve((nth, socket) => socket === 0 && nth === 2);
    await callOts(target, 'GetRow', new Uint8Array([1]), () => 2_000);

    await expect(callOts(target, 'PutRow', new Uint8Array([1]), () => 2_000)).rejects.toMatchObject(
      {
        code: 'NetworkError',
        outcomeUnknown: true,
      },
    );
    expect(seen.requests).toBe(2);
  });

  it('does not retry a reset on a new connection: the outcome is unknown', async () => {
    const { seen, target } = await serve(() => true);

    const failure = await callOts(target, 'PutRow', new Uint8Array([1]), () => 2_000).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(OtsError);
    expect(failure).toMatchObject({ code: 'NetworkError', outcomeUnknown: true });
    expect(seen.requests).toBe(1);
  });

  it('gives up after one retry when the new connection is reset too', async () => {
    const { seen, target } = await serve((nth, socket) => socket > 0 || nth === 2);
    await callOts(target, 'GetRow', new Uint8Array([1]), () => 2_000);

    await expect(callOts(target, 'GetRow', new Uint8Array([1]), () => 2_000)).rejects.toMatchObject(
      {
        code: 'NetworkError',
        outcomeUnknown: true,
      },
    );
    expect(seen.requests).toBe(3);
  });
});
