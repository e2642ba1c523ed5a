/**
 * The Redis idempotency store: shared by every FC instance, so a redelivery that lands on another
 * instance (or arrives after the first one was recycled) still finds the request and its chunks.
 *
 * Layout, one hash per record, each expiring (PEXPIRE) after the TTL of its last write:
 *   `<prefix>req:<key>`            fp, state (in-progress | done | abandoned), leaseUntil, result
 *   `<prefix>chunk:<key>:<index>`  state (in-progress | done | released), leaseUntil, inDoubt, result
 * `leaseUntil` is epoch ms by the store's clock; `result` is JSON text; `inDoubt` is '0' or '1'.
 * The index is digits only and comes last, so `(key, index)` pairs never share a hash. Every
 * read-then-write runs as one Lua script (`redis-scripts.ts`); connecting and failing fast are
 * `redis-connection.ts`'s job.
 */
import type { Redis } from 'ioredis';
import { RedisConnection } from '#lib/send/store/redis-connection.ts';
import { decodeBegin, decodeClaim } from '#lib/send/store/redis-replies.ts';
import {
  ABANDON,
  BEGIN,
  CLAIM_CHUNK,
  COMPLETE_CHUNK,
  FINISH,
  type LuaScript,
  RELEASE_CHUNK,
  runScript,
} from '#lib/send/store/redis-scripts.ts';
import type { BeginResult, IdempotencyStore, StoredJson } from '#lib/send/store/store.ts';
import { checkChunkIndex, checkDurations } from '#lib/send/store/transitions.ts';
import { ConfigurationError } from '#lib/shared/errors.ts';

export interface RedisStoreOptions {
  /** Prepended to every key, so several services can share one Redis. Default `mpaas-push:idem:`. */
  prefix?: string;
  /** The clock for leases, in epoch ms; tests inject one they can move. Default `Date.now`. */
  now?: () => number;
  /** A client to use instead of one made from `url` (then `url` only names the server in errors). */
  client?: Redis;
}

export const DEFAULT_PREFIX = 'mpaas-push:idem:';

/**
 * An `IdempotencyStore` in Redis, atomic across FC instances. Create one per process and reuse
 * it (see `storeFor`); failures are retryable `IdempotencyStoreError`s that never show the password.
 *
 * @example
 * const store = new RedisStore('redis://:password@r-bp1.redis.rds.aliyuncs.com:6379/0');
 * const begun = await store.begin('msg-1', fingerprint(request), 30_000, 86_400_000);
 * if (begun.state === 'done') return begun.result;
 */
export class RedisStore implements IdempotencyStore {
  readonly #connection: RedisConnection;
  readonly #prefix: string;
  readonly #now: () => number;

  constructor(url: string, options: RedisStoreOptions = {}) {
    if (!/^rediss?:\/\//.test(url) || !URL.canParse(url)) {
      // The URL itself is not quoted: it may hold the password.
      throw new ConfigurationError('REDIS_URL must be a redis:// or rediss:// URL');
    }
    this.#connection = new RedisConnection(url, options.client);
    this.#prefix = options.prefix ?? DEFAULT_PREFIX;
    this.#now = options.now ?? Date.now;
  }

  async begin(key: string, fp: string, leaseMs: number, ttlMs: number): Promise<BeginResult> {
    checkDurations({ leaseMs, ttlMs });
    const now = this.#now();
    const args = [fp, now, now + leaseMs, pexpire(ttlMs)];
    return this.#run('begin', BEGIN, this.#requestKey(key), args, decodeBegin);
  }

  async finish(key: string, result: StoredJson, ttlMs: number): Promise<void> {
    checkDurations({ ttlMs });
    const args = [JSON.stringify(result), pexpire(ttlMs)];
    await this.#run('finish', FINISH, this.#requestKey(key), args, ignore);
  }

  async abandon(key: string): Promise<void> {
    await this.#run('abandon', ABANDON, this.#requestKey(key), [], ignore);
  }

  async claimChunk(key: string, index: number, leaseMs: number, ttlMs: number) {
    checkDurations({ leaseMs, ttlMs });
    const now = this.#now();
    const args = [now, now + leaseMs, pexpire(ttlMs)];
    return this.#run('claim a chunk', CLAIM_CHUNK, this.#chunkKey(key, index), args, decodeClaim);
  }

  async completeChunk(key: string, index: number, result: StoredJson, ttlMs: number) {
    checkDurations({ ttlMs });
    const args = [JSON.stringify(result), pexpire(ttlMs)];
    await this.#run('complete a chunk', COMPLETE_CHUNK, this.#chunkKey(key, index), args, ignore);
  }

  async releaseChunk(key: string, index: number, inDoubt: boolean, ttlMs: number) {
    checkDurations({ ttlMs });
    const args = [inDoubt ? '1' : '0', pexpire(ttlMs)];
    await this.#run('release a chunk', RELEASE_CHUNK, this.#chunkKey(key, index), args, ignore);
  }

  /** Quits the connection this store made; an injected client is left to its owner. */
  async close(): Promise<void> {
    await this.#connection.close();
  }

  #requestKey(key: string): string {
    return `${this.#prefix}req:${key}`;
  }

  #chunkKey(key: string, index: number): string {
    checkChunkIndex(index);
    return `${this.#prefix}chunk:${key}:${index}`;
  }

  /** Runs a script and decodes its reply; any failure becomes an `IdempotencyStoreError`. */
  async #run<T>(
    operation: string,
    script: LuaScript,
    key: string,
    args: ReadonlyArray<string | number>,
    decode: (reply: unknown) => T,
  ): Promise<T> {
    try {
      const client = await this.#connection.ready();
      return decode(await runScript(client, script, key, args));
    } catch (error) {
      throw this.#connection.failure(operation, error);
    }
  }
}

/** PEXPIRE takes whole milliseconds; rounding up never shortens a TTL. */
function pexpire(ttlMs: number): number {
  return Math.ceil(ttlMs);
}

function ignore(): void {}
