/**
 * The Redis store against a real redis-server: the shared contract, atomicity across separate
 * connections (as separate FC instances have), the documented key layout, and script reloading.
 * Connection failures are in redis-connection.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LazyRedisStore } from '#lib/send/store/lazy-store.ts';
import { DEFAULT_PREFIX, RedisStore } from '#lib/send/store/redis-store.ts';
import { IdempotencyStoreError } from '#lib/send/store/store-error.ts';
import { ConfigurationError } from '#lib/shared/errors.ts';
import { type RedisServer, startRedis } from '#test/helpers/redis.ts';
import { hasRedis } from '#test/helpers/system-program.ts';
import { describeStoreContract } from './store-contract.ts';

describe.runIf(hasRedis())('the Redis store against redis-server', () => {
  let server: RedisServer;
  let raw: Redis;

  beforeAll(async () => {
    server = await startRedis();
    raw = new Redis(server.url);
  });

  afterAll(async () => {
    try {
      await raw?.quit();
    } finally {
      await server?.stop();
    }
  });

  describeStoreContract(
    'RedisStore',
    async (now) => new RedisStore(server.url, { now, prefix: `test:${randomUUID()}:` }),
  );

  describeStoreContract(
    'LazyRedisStore',
    async (now) => new LazyRedisStore(server.url, { now, prefix: `lazy:${randomUUID()}:` }),
  );

  describe('RedisStore on a shared server', () => {
    const LEASE = 30_000;
    const TTL = 60_000;
    const opened: RedisStore[] = [];
    const open = (options: { prefix?: string; now?: () => number } = {}) => {
      const store = new RedisStore(server.url, options);
      opened.push(store);
      return store;
    };

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    /** The owner token of a begin that took the key. */
    const own = async (store: RedisStore, key: string, ttlMs = TTL) => {
      const begun = await store.begin(key, 'fp', LEASE, ttlMs);
      if (begun.state !== 'new' && begun.state !== 'resumed') throw new Error(begun.state);
      return begun.token;
    };

    it('lets exactly one of 20 stores, each on its own connection, own a new key and claim its chunk', async () => {
      const prefix = `race:${randomUUID()}:`;
      const stores = Array.from({ length: 20 }, () => open({ prefix }));

      const begun = await Promise.all(stores.map((store) => store.begin('k', 'fp', LEASE, TTL)));
      const owner = begun.find((result) => result.state === 'new');
      const token = owner?.state === 'new' ? owner.token : 'none';
      const claimed = await Promise.all(
        stores.map((store) => store.claimChunk('k', token, 0, LEASE, TTL)),
      );

      expect(begun.filter((result) => result.state === 'new')).toHaveLength(1);
      expect(claimed.filter((result) => result.state === 'claimed')).toHaveLength(1);
    });

    it('keeps one hash per request under <prefix>req:<key>, its chunks inside, expiring with its TTL', async () => {
      const prefix = `layout:${randomUUID()}:`;
      const store = open({ prefix, now: () => 1_000 });

      const token = await own(store, 'msg:1');
      expect(await raw.hgetall(`${prefix}req:msg:1`)).toEqual({
        fp: 'fp',
        state: 'in-progress',
        leaseUntil: String(1_000 + LEASE),
        token,
      });
      await store.claimChunk('msg:1', token, 7, LEASE, TTL);
      expect(
        await raw.hmget(`${prefix}req:msg:1`, 'c7:state', 'c7:lease', 'c7:owner', 'c7:doubt'),
      ).toEqual(['in-progress', String(1_000 + LEASE), token, '0']);
      await store.releaseChunk('msg:1', token, 7, true, TTL);
      expect(await raw.hmget(`${prefix}req:msg:1`, 'c7:state', 'c7:doubt')).toEqual([
        'released',
        '1',
      ]);
      await store.claimChunk('msg:1', token, 7, LEASE, TTL);
      await store.completeChunk('msg:1', token, 7, 'ok', 123_456);
      expect(await raw.hmget(`${prefix}req:msg:1`, 'c7:state', 'c7:result')).toEqual([
        'done',
        '"ok"',
      ]);
      const pttl = await raw.pttl(`${prefix}req:msg:1`);
      expect(pttl).toBeGreaterThan(118_000);
      expect(pttl).toBeLessThanOrEqual(123_456);

      await store.finish('msg:1', token, { sent: 3 }, 2 * TTL);

      expect(await raw.hgetall(`${prefix}req:msg:1`)).toEqual({
        fp: 'fp',
        state: 'done',
        leaseUntil: '0',
        token,
        result: '{"sent":3}',
      });
      expect(await raw.pttl(`${prefix}req:msg:1`)).toBeGreaterThan(2 * TTL - 5_000);
    });

    it('writes nothing for finish, abandon or a chunk write on an unknown request', async () => {
      const prefix = `unknown:${randomUUID()}:`;
      const store = open({ prefix });

      expect(await store.finish('k', 'token', 'orphan', TTL)).toBe(false);
      expect(await store.abandon('k', 'token')).toBe(false);
      expect(await store.claimChunk('k', 'token', 0, LEASE, TTL)).toEqual({ state: 'lost' });
      expect(await store.completeChunk('k', 'token', 0, 'x', TTL)).toBe(false);
      expect(await store.releaseChunk('k', 'token', 0, true, TTL)).toBe(false);

      expect(await raw.exists(`${prefix}req:k`)).toBe(0);
    });

    it('rounds a fractional TTL up to whole milliseconds', async () => {
      const prefix = `round:${randomUUID()}:`;

      await open({ prefix }).begin('k', 'fp', LEASE, 0.5);

      expect(await raw.pttl(`${prefix}req:k`)).toBeGreaterThanOrEqual(0);
    });

    it('writes under mpaas-push:idem: when no prefix is given', async () => {
      const key = randomUUID();

      await open().begin(key, 'fp', LEASE, TTL);

      expect(DEFAULT_PREFIX).toBe('mpaas-push:idem:');
      expect(await raw.exists(`mpaas-push:idem:req:${key}`)).toBe(1);
    });

    it('loads its scripts again after the server has forgotten them', async () => {
      const store = open({ prefix: `flush:${randomUUID()}:` });
      const token = await own(store, 'k');
      await raw.script('FLUSH');

      expect(await store.begin('k', 'fp', LEASE, TTL)).toEqual({ state: 'in-progress' });
      expect(await store.claimChunk('k', token, 0, LEASE, TTL)).toEqual({
        state: 'claimed',
        inDoubt: false,
      });
    });

    it('replays null for a finished record that lost its result, as the memory store does', async () => {
      const prefix = `odd:${randomUUID()}:`;
      await raw.hset(`${prefix}req:k`, 'fp', 'fp', 'state', 'done');

      expect(await open({ prefix }).begin('k', 'fp', LEASE, TTL)).toEqual({
        state: 'done',
        result: null,
      });
    });

    it('reports a record it cannot read as a retryable store error', async () => {
      const prefix = `odd:${randomUUID()}:`;
      await raw.hset(`${prefix}req:k`, 'fp', 'fp', 'state', 'done', 'result', '{not json');
      await raw.hset(
        `${prefix}req:c`,
        'fp',
        'fp',
        'state',
        'in-progress',
        'c0:state',
        'done',
        'c0:result',
        'undefined',
      );
      const store = open({ prefix });

      const error = await store.begin('k', 'fp', LEASE, TTL).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(IdempotencyStoreError);
      expect(error).toMatchObject({ retryable: true, message: expect.stringMatching(/to begin/) });
      await expect(store.claimChunk('c', 'token', 0, LEASE, TTL)).rejects.toThrow(
        /failed to claim a chunk: .*JSON/,
      );
    });

    it('quits the connection it made when closed', async () => {
      const clients = async () =>
        String(await raw.client('LIST'))
          .trim()
          .split('\n').length;
      const store = new RedisStore(server.url, { prefix: `close:${randomUUID()}:` });
      await store.begin('k', 'fp', LEASE, TTL);
      const before = await clients();

      await store.close();

      await expect.poll(clients).toBe(before - 1);
    });

    it('refuses a REDIS_URL that is not a redis URL, without quoting it', () => {
      const make = () => new RedisStore('http://user:hunter2@example.invalid');

      expect(make).toThrow(ConfigurationError);
      expect(make).toThrow(/^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL$/);
      expect(() => new RedisStore('redis://[bad')).toThrow(ConfigurationError);
      expect(() => new RedisStore('x-redis://example.invalid')).toThrow(ConfigurationError);
    });
  });

  describe('RedisStore when a command fails', () => {
    const LEASE = 30_000;
    const TTL = 60_000;
    const made: Redis[] = [];

    afterEach(async () => {
      await Promise.all(made.splice(0).map((client) => client.quit()));
    });

    /** A store on a client whose next script calls throw `failures`, then run as usual. */
    async function failing(...failures: unknown[]) {
      const client = new Redis(server.url, { lazyConnect: true });
      made.push(client);
      await client.connect();
      const evalsha: unknown = Reflect.get(client, 'evalsha');
      if (typeof evalsha !== 'function') throw new Error('no evalsha');
      let calls = 0;
      Reflect.set(client, 'evalsha', async (...args: unknown[]) => {
        calls += 1;
        if (failures.length > 0) throw failures.shift();
        return Reflect.apply(evalsha, client, args);
      });
      const store = new RedisStore(server.url, { client, prefix: `fail:${randomUUID()}:` });
      return { store, calls: () => calls };
    }

    const coded = (code: string) => Object.assign(new Error(`write ${code}`), { code });

    it.each([
      ['Connection is closed.', new Error('Connection is closed.')],
      ['ECONNRESET', coded('ECONNRESET')],
      ['EPIPE', coded('EPIPE')],
    ])('sends a command once more when its connection was lost (%s)', async (_name, lost) => {
      const { store, calls } = await failing(lost);

      expect(await store.begin('k', 'fp', LEASE, TTL)).toMatchObject({ state: 'new' });
      expect(calls()).toBe(2);
    });

    it('gives up, retryably, when the connection is lost again', async () => {
      const { store, calls } = await failing(coded('ECONNRESET'), coded('ECONNRESET'));

      await expect(store.begin('k', 'fp', LEASE, TTL)).rejects.toThrow(IdempotencyStoreError);
      expect(calls()).toBe(2);
    });

    it.each([
      ['another error', new Error('ERR something else')],
      ['another code', coded('ETIMEDOUT')],
      ['a thrown string', 'Connection is closed.'],
    ])('does not send it again after %s', async (_name, failure) => {
      const { store, calls } = await failing(failure);

      await expect(store.begin('k', 'fp', LEASE, TTL)).rejects.toThrow(IdempotencyStoreError);
      expect(calls()).toBe(1);
    });

    it('names the operation that failed', async () => {
      const boom = () => new Error('ERR boom');
      const { store } = await failing(boom(), boom(), boom(), boom(), boom(), boom());

      await expect(store.begin('k', 'fp', LEASE, TTL)).rejects.toThrow(/failed to begin: ERR boom/);
      await expect(store.finish('k', 't', 1, TTL)).rejects.toThrow(/failed to finish: /);
      await expect(store.abandon('k', 't')).rejects.toThrow(/failed to abandon: /);
      await expect(store.claimChunk('k', 't', 0, LEASE, TTL)).rejects.toThrow(
        /failed to claim a chunk: /,
      );
      await expect(store.completeChunk('k', 't', 0, 1, TTL)).rejects.toThrow(
        /failed to complete a chunk: /,
      );
      await expect(store.releaseChunk('k', 't', 0, true, TTL)).rejects.toThrow(
        /failed to release a chunk: /,
      );
    });
  });
});
