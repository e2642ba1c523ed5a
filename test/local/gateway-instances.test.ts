/**
 * Function instances of the local gateway: one warm worker per function (`reuse`) or a fresh one
 * for every invocation (`per-invocation`), and the function timeout, which stops the instance as
 * FC does, so a handler that is still sending stops sending.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstanceMode } from '#local/gateway/runtime.ts';
import { type Gateway, type GatewayOptions, startGateway } from '#local/gateway/server.ts';

const fixtures = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/functions',
);
const KEY = { accessKeyId: 'STS.instances', accessKeySecret: 'secret', securityToken: 'token' };

/** Counts the requests functions make to it, by path: one path per test. */
const received = new Map<string, number>();
let target: Server;
let targetUrl: string;
const gateways: Gateway[] = [];

beforeAll(async () => {
  target = createServer((req, res) => {
    received.set(req.url ?? '', (received.get(req.url ?? '') ?? 0) + 1);
    res.end('ok');
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
  target.closeAllConnections();
  await new Promise((resolve) => target.close(resolve));
});

async function gatewayWith(options: Partial<GatewayOptions> = {}): Promise<Gateway> {
  const gateway = await startGateway({
    distDir: fixtures,
    credentials: async () => KEY,
    timeoutSeconds: 1,
    asyncRetryBaseMs: 5,
    ...options,
  });
  gateways.push(gateway);
  return gateway;
}

/** A sync invocation through the invoke API: the parsed answer and its error type, if any. */
async function invoke(gateway: Gateway, name: string, event: unknown = {}) {
  const response = await fetch(`${gateway.url}/2023-03-30/functions/${name}/invocations`, {
    method: 'POST',
    body: JSON.stringify(event),
  });
  return {
    errorType: response.headers.get('x-fc-error-type'),
    body: (await response.json()) as { count?: number; errorMessage?: string; errorType?: string },
  };
}

const requestsTo = (url: string) => received.get(new URL(url).pathname) ?? 0;
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('local gateway instances: reuse', () => {
  it('runs every invocation of a function on its one warm instance, which keeps its memory', async () => {
    const gateway = await gatewayWith({ instanceMode: 'reuse' });

    const counts = [];
    for (let i = 0; i < 3; i += 1) counts.push((await invoke(gateway, 'counter')).body.count);

    expect(counts).toEqual([1, 2, 3]);
  });

  it('replaces an instance that timed out, so the next invocation starts cold', async () => {
    const gateway = await gatewayWith();
    await invoke(gateway, 'counter');

    const timedOut = await invoke(gateway, 'counter', { waitMs: 5000 });
    const next = await invoke(gateway, 'counter');

    expect(timedOut.errorType).toBe('UnhandledInvocationError');
    expect(timedOut.body.errorMessage).toBe('Function timed out after 1 seconds');
    expect(next.body.count).toBe(1);
  });

  it('retries a failed async invocation on the warm instance, whose memory lets it succeed', async () => {
    const failures: string[] = [];
    const gateway = await gatewayWith({ onAsyncFailure: (name) => failures.push(name) });

    const response = await fetch(`${gateway.url}/2023-03-30/functions/flaky/invocations`, {
      method: 'POST',
      headers: { 'x-fc-invocation-type': 'Async' },
      body: 'reuse-retries',
    });
    await gateway.runtime.drain();

    expect(response.status).toBe(202);
    const calls = (await gateway.runtime.inspect('flaky', 'calls')) as Map<string, number>;
    expect(calls.get('reuse-retries')).toBe(3);
    expect(failures).toEqual([]);
  });
});

describe('local gateway instances: per-invocation', () => {
  it('runs every invocation on a fresh instance that shares no memory with any other', async () => {
    const gateway = await gatewayWith({ instanceMode: 'per-invocation' });

    const sequential = [];
    for (let i = 0; i < 3; i += 1) sequential.push((await invoke(gateway, 'counter')).body.count);
    const concurrent = await Promise.all([1, 2, 3].map(() => invoke(gateway, 'counter')));

    expect(sequential).toEqual([1, 1, 1]);
    expect(concurrent.map(({ body }) => body.count)).toEqual([1, 1, 1]);
  });

  it('retries a failed async invocation on a fresh instance each time, as after a scale-out', async () => {
    const failures: string[] = [];
    let minted = 0;
    const gateway = await gatewayWith({
      instanceMode: 'per-invocation',
      // FC mints the role's keys once per invocation: the count of attempts.
      credentials: async () => {
        minted += 1;
        return KEY;
      },
      onAsyncFailure: (name, _requestId, error) => failures.push(`${name}: ${error.errorMessage}`),
    });

    await fetch(`${gateway.url}/2023-03-30/functions/flaky/invocations`, {
      method: 'POST',
      headers: { 'x-fc-invocation-type': 'Async' },
      body: 'fresh-retries',
    });
    await gateway.runtime.drain();

    expect(minted).toBe(4);
    expect(failures).toEqual(['flaky: failure 1 of fresh-retries']);
  });
});

describe('local gateway instances: the function timeout', () => {
  it.each<InstanceMode>(['reuse', 'per-invocation'])(
    'stops a timed-out handler (%s), so nothing it was still sending arrives after the timeout',
    async (instanceMode) => {
      const gateway = await gatewayWith({ instanceMode });
      const url = `${targetUrl}/timeout-${instanceMode}`;

      const answer = await invoke(gateway, 'chatty', { url });
      const atTimeout = requestsTo(url);
      await settle(300);

      expect(answer.body.errorMessage).toBe('Function timed out after 1 seconds');
      expect(atTimeout).toBeGreaterThan(5);
      expect(requestsTo(url)).toBe(atTimeout);
    },
  );

  it('stops the instances still running when the gateway closes', async () => {
    const gateway = await startGateway({
      distDir: fixtures,
      credentials: async () => KEY,
      timeoutSeconds: 30,
    });
    const url = `${targetUrl}/close`;
    const running = invoke(gateway, 'chatty', { url });
    while (requestsTo(url) === 0) await settle(10);

    await gateway.close();
    const answer = await running;
    const atClose = requestsTo(url);
    await settle(300);

    expect(answer.body).toMatchObject({ errorType: 'InstanceStoppedError' });
    expect(requestsTo(url)).toBe(atClose);
  });
});
