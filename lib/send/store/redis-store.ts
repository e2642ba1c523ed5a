/**
 * The Redis idempotency store: shared by every FC instance, so a redelivery that lands on another
 * instance (or arrives after the first one was recycled) still finds the request and its chunks.
 *
 * Layout: one hash per request, `<prefix>req:<key>`, expiring (PEXPIRE) after the TTL of its last
 * write, with the request's fields and every chunk's beside them:
 *   fp, state (in-progress | done | abandoned), leaseUntil, token (the owner's), result
 *   c<index>:state (in-progress | done | released), c<index>:lease, c<index>:owner,
 *   c<index>:doubt ('0' | '1'), c<index>:result
 * Progress reports are hashes of their own, `<prefix>progress:<key>`, one field per part (JSON),
 * expiring after the TTL of their last write.
 * Lease times are epoch ms by the store's clock; results are JSON text. A chunk therefore expires
 * with its request and is never read under a key that came back with another payload. Every
 * read-then-write runs as one Lua script (`redis-scripts.ts`); connecting and failing fast are
 * `redis-connection.ts`'s job.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RedisConnection } from '#lib/send/store/redis-connection.ts';
import {
  decodeBegin,
  decodeClaim,
  decodePeek,
  decodeProgress,
  decodeWritten,
} from '#lib/send/store/redis-replies.ts';
import {
  ABANDON,
  BEGIN,
  CLAIM_CHUNK,
  COMPLETE_CHUNK,
  FINISH,
  type LuaScript,
  PEEK,
  PUT_PROGRESS,
  READ_PROGRESS,
  RELEASE_CHUNK,
  runScript,
} from '#lib/send/store/redis-scripts.ts';
import type {
  BeginResult,
  IdempotencyStore,
  ProgressParts,
  RecordView,
  StoredJson,
} from '#lib/send/store/store.ts';
import { checkChunkCall, checkDurations, checkProgressPart } from '#lib/send/store/transitions.ts';
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
    const args = [fp, now, now + leaseMs, pexpire(ttlMs), randomUUID()];
    return this.#run('begin', BEGIN, this.#request(key), args, decodeBegin);
  }

  async finish(key: string, token: string, result: StoredJson, ttlMs: number): Promise<boolean> {
    checkDurations({ ttlMs });
    const args = [token, JSON.stringify(result), pexpire(ttlMs)];
    return this.#run('finish', FINISH, this.#request(key), args, decodeWritten);
  }

  async abandon(key: string, token: string): Promise<boolean> {
    return this.#run('abandon', ABANDON, this.#request(key), [token], decodeWritten);
  }

  async claimChunk(key: string, token: string, index: number, leaseMs: number, ttlMs: number) {
    checkChunkCall(index, { leaseMs, ttlMs });
    const now = this.#now();
    const args = [token, index, now, now + leaseMs, pexpire(ttlMs)];
    return this.#run('claim a chunk', CLAIM_CHUNK, this.#request(key), args, decodeClaim);
  }

  async completeChunk(
    key: string,
    token: string,
    index: number,
    result: StoredJson,
    ttlMs: number,
  ) {
    checkChunkCall(index, { ttlMs });
    const args = [token, index, JSON.stringify(result), pexpire(ttlMs)];
    return this.#run('complete a chunk', COMPLETE_CHUNK, this.#request(key), args, decodeWritten);
  }

  async releaseChunk(key: string, token: string, index: number, inDoubt: boolean, ttlMs: number) {
    checkChunkCall(index, { ttlMs });
    const args = [token, index, inDoubt ? '1' : '0', pexpire(ttlMs)];
    return this.#run('release a chunk', RELEASE_CHUNK, this.#request(key), args, decodeWritten);
  }

  async peek(key: string): Promise<RecordView | undefined> {
    return this.#run('read a record', PEEK, this.#request(key), [], decodePeek);
  }

  async putProgress(key: string, part: string, value: StoredJson, ttlMs: number) {
    checkProgressPart(part, ttlMs);
    const args = [part, JSON.stringify(value), pexpire(ttlMs)];
    await this.#run('write progress', PUT_PROGRESS, this.#report(key), args, decodeWritten);
  }

  async readProgress(key: string): Promise<ProgressParts | undefined> {
    return this.#run('read progress', READ_PROGRESS, this.#report(key), [], decodeProgress);
  }

  /** Quits the connection this store made; an injected client is left to its owner. */
  async close(): Promise<void> {
    await this.#connection.close();
  }

  /** The hash of a request's record. */
  #request(key: string): string {
    return `${this.#prefix}req:${key}`;
  }

  /** The hash of a progress report. */
  #report(key: string): string {
    return `${this.#prefix}progress:${key}`;
  }

  /**
   * Runs a script on the hash `key` and decodes its reply; any failure becomes an `IdempotencyStoreError`.
   *
   * A connection that died while FC froze the instance still looks ready when it thaws, and its
   * first command fails at once with "Connection is closed.": that one command is sent again on
   * a new connection. Sending a script twice is safe: each is a compare-and-set, so a repeat
   * that finds its own first run's write answers as a conflict, never as a second owner.
   */
  async #run<T>(
    operation: string,
    script: LuaScript,
    key: string,
    args: ReadonlyArray<string | number>,
    decode: (reply: unknown) => T,
  ): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const client = await this.#connection.ready();
        return decode(await runScript(client, script, key, args));
      } catch (error) {
        if (attempt === 1 && isLostConnection(error)) continue;
        throw this.#connection.failure(operation, error);
      }
    }
  }
}

/** Errors of a connection that was gone before the command got an answer. */
function isLostConnection(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = Reflect.get(error, 'code');
  return (
    error.message.startsWith('Connection is closed') || code === 'ECONNRESET' || code === 'EPIPE'
  );
}

/** PEXPIRE takes whole milliseconds; rounding up never shortens a TTL. */
function pexpire(ttlMs: number): number {
  return Math.ceil(ttlMs);
}
