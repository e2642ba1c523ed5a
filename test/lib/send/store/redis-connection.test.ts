/**
 * How the Redis store behaves when Redis is not there, not answering, or refusing the password:
 * a quick, retryable IdempotencyStoreError that never shows the password, and a fresh connection
 * on the next call once Redis is back. Each case gets its own server or socket, since several
 * stop or pause it.
 */
import { once } from 'node:events';
import { createConnection, createServer, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { inspect } from 'node:util';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_TIMEOUT_MS, redisClientOptions } from '#lib/send/store/redis-connection.ts';
import { RedisStore } from '#lib/send/store/redis-store.ts';
import { IdempotencyStoreError } from '#lib/send/store/store-error.ts';
import { freePort, type RedisServer, startRedis } from '#test/helpers/redis.ts';
import { hasRedis } from '#test/helpers/system-program.ts';

/** Tests that start a real redis-server run only where it is installed (and always in CI). */
const redis = hasRedis();

const LEASE = 30_000;
const TTL = 60_000;
const FAST_MS = 3_000;

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  // Every cleanup runs, newest first, even when one fails: a server must never outlive its test.
  const outcomes: PromiseSettledResult<unknown>[] = [];
  for (const cleanup of cleanups.splice(0).reverse()) {
    outcomes.push(...(await Promise.allSettled([cleanup()])));
  }
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
});

async function serve(options: { port?: number; password?: string } = {}): Promise<RedisServer> {
  const server = await startRedis(options);
  cleanups.push(() => server.stop());
  return server;
}

function storeAt(url: string, client?: Redis): RedisStore {
  const store = new RedisStore(url, { client });
  cleanups.push(() => store.close());
  return store;
}

/** The rejection of `promise`, and how long it took to come. */
async function failureOf(promise: Promise<unknown>) {
  const started = Date.now();
  const error = await promise.then(
    () => expect.fail('expected the call to fail'),
    (caught: unknown) => caught,
  );
  return { error, elapsed: Date.now() - started };
}

/** A TCP server that accepts connections and never says a word, like a hung Redis. */
async function silentServer(): Promise<number> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => sockets.add(socket)).listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : expect.fail('no port');
}

describe('RedisStore when Redis fails', () => {
  it('fails fast with a retryable store error when nothing listens at REDIS_URL', async () => {
    const port = await freePort();

    const { error, elapsed } = await failureOf(
      storeAt(`redis://127.0.0.1:${port}/0`).begin('k', 'fp', LEASE, TTL),
    );

    expect(elapsed).toBeLessThan(FAST_MS);
    expect(error).toBeInstanceOf(IdempotencyStoreError);
    expect(error).toMatchObject({
      statusCode: 503,
      code: 'IdempotencyStoreUnavailable',
      retryable: true,
      message: `Idempotency store redis://127.0.0.1:${port}/0 failed to connect: connect ECONNREFUSED 127.0.0.1:${port}`,
    });
  });

  it('fails fast when the server accepts the connection but never answers', async () => {
    const port = await silentServer();

    const { error, elapsed } = await failureOf(
      storeAt(`redis://127.0.0.1:${port}`).claimChunk('k', 'token', 0, LEASE, TTL),
    );

    expect(elapsed).toBeLessThan(FAST_MS);
    expect(error).toBeInstanceOf(IdempotencyStoreError);
    expect(String(error)).toMatch(/failed to connect: no answer within 2000 ms/);
  });

  it.runIf(redis)('fails a command that gets no answer within the command timeout', async () => {
    const server = await serve();
    const store = storeAt(server.url);
    const begun = await store.begin('k', 'fp', LEASE, TTL);
    const token = begun.state === 'new' ? begun.token : 'none';
    const admin = new Redis(server.url);
    cleanups.push(() => admin.quit());
    await admin.client('PAUSE', COMMAND_TIMEOUT_MS + 500, 'ALL');

    const { error, elapsed } = await failureOf(store.finish('k', token, 'late', TTL));

    expect(elapsed).toBeLessThan(FAST_MS);
    expect(error).toBeInstanceOf(IdempotencyStoreError);
    expect(String(error)).toMatch(/failed to finish: Command timed out/);
  });

  it('never shows the REDIS_URL password when Redis is unreachable', async () => {
    const port = await freePort();
    const url = `redis://app:S3cret%40pw@127.0.0.1:${port}`;

    const { error } = await failureOf(storeAt(url).begin('k', 'fp', LEASE, TTL));

    expect(String(error)).toContain(`redis://app:***@127.0.0.1:${port}`);
    expect(inspect(error, { depth: 10 })).not.toMatch(/S3cret/);
  });

  it.runIf(redis)(
    'never shows the password when the server refuses it, and works with the right one',
    async () => {
      const server = await serve({ password: 'right-password-1' });
      const wrong = server.url.replace('right-password-1', 'wrong-password-2');

      const { error, elapsed } = await failureOf(storeAt(wrong).begin('k', 'fp', LEASE, TTL));

      expect(elapsed).toBeLessThan(FAST_MS);
      expect(String(error)).toMatch(/WRONGPASS/);
      expect(inspect(error, { depth: 10 })).not.toMatch(/wrong-password-2|right-password-1/);
      expect(JSON.stringify(error)).not.toMatch(/wrong-password-2/);
      expect(await storeAt(server.url).begin('k', 'fp', LEASE, TTL)).toEqual({
        state: 'new',
        token: expect.any(String),
      });
    },
  );

  it.runIf(redis)('connects again on the next call once the server is back', async () => {
    const first = await serve();
    const store = storeAt(first.url);
    expect(await store.begin('a', 'fp', LEASE, TTL)).toEqual({
      state: 'new',
      token: expect.any(String),
    });
    await first.stop();

    await expect(store.begin('b', 'fp', LEASE, TTL)).rejects.toThrow(IdempotencyStoreError);
    await serve({ port: first.port });

    expect(await store.begin('c', 'fp', LEASE, TTL)).toEqual({
      state: 'new',
      token: expect.any(String),
    });
  });

  it.runIf(redis)('shares one connection attempt between 20 concurrent first calls', async () => {
    const server = await serve();
    const store = storeAt(server.url);
    const admin = new Redis(server.url);
    cleanups.push(() => admin.quit());
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);

    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.begin(`k${i}`, 'fp', LEASE, TTL)),
      );
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }

    expect(await namedClients(admin)).toBe(1);
    expect(warnings.map(String)).toEqual([]);
  });

  it.runIf(redis)(
    'does not reconnect in the background after the server drops it; the next call does',
    async () => {
      const server = await serve();
      const store = storeAt(server.url);
      const admin = new Redis(server.url);
      cleanups.push(() => admin.quit());
      await store.begin('a', 'fp', LEASE, TTL);

      await admin.client('KILL', 'TYPE', 'normal', 'SKIPME', 'yes');
      await sleep(300);

      expect(await namedClients(admin)).toBe(0);
      expect(await store.begin('a', 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });
      expect(await namedClients(admin)).toBe(1);
    },
  );

  it('configures its own clients to fail fast rather than queue or retry', () => {
    expect(redisClientOptions()).toMatchObject({
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 2,
      connectTimeout: 2_000,
      commandTimeout: COMMAND_TIMEOUT_MS,
    });
    expect(redisClientOptions().retryStrategy?.(1)).toBeNull();
  });
});

/** Connections the store has open on the server, counted by their client name. */
async function namedClients(admin: Redis): Promise<number> {
  const list = String(await admin.client('LIST'));
  return list.match(/name=mpaas-push-idempotency/g)?.length ?? 0;
}

describe('RedisStore after FC thaws an instance', () => {
  it.runIf(redis)(
    'sends the first command again on a new connection when the old one died while frozen',
    async () => {
      const server = await serve();
      let frozen = false;
      const proxy = createServer((client) => {
        const upstream = createConnection({ host: '127.0.0.1', port: server.port });
        client.on('data', (data) => {
          // The connection died while the instance was frozen: the first write meets a reset.
          if (frozen) {
            frozen = false;
            client.resetAndDestroy();
            upstream.destroy();
          } else upstream.write(data);
        });
        upstream.on('data', (data) => client.write(data));
        client.on('error', () => {});
        upstream.on('error', () => {});
        client.on('close', () => upstream.destroy());
      });
      proxy.listen(0, '127.0.0.1');
      await once(proxy, 'listening');
      cleanups.push(async () => {
        proxy.close();
      });
      const address = proxy.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const store = storeAt(`redis://127.0.0.1:${port}`);
      await store.begin('before-freeze', 'fp', LEASE, TTL);
      frozen = true;

      const thawed = await store.begin('after-thaw', 'fp', LEASE, TTL);

      expect(thawed).toEqual({ state: 'new', token: expect.any(String) });
    },
  );
});

describe('RedisStore with an injected client', () => {
  it.runIf(redis)('uses the client it was given and leaves it open on close', async () => {
    const server = await serve();
    const client = new Redis(server.url, redisClientOptions());
    cleanups.push(() => client.quit());
    const store = new RedisStore('redis://injected.example:6379', { client });

    expect(await store.begin('k', 'fp', LEASE, TTL)).toEqual({
      state: 'new',
      token: expect.any(String),
    });
    await store.close();

    expect(client.status).toBe('ready');
    expect(await client.hget('mpaas-push:idem:req:k', 'state')).toBe('in-progress');
  });

  it('closes a store that never connected without error, twice', async () => {
    const store = new RedisStore('redis://127.0.0.1:1');

    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});
