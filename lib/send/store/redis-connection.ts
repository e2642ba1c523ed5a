/**
 * One ioredis connection, tuned for Function Compute: fail fast, never hang an invocation.
 *
 * An FC invocation has a deadline and is retried by the platform, so a Redis that is down must
 * surface as a quick, retryable error rather than a command parked in a queue. Hence: connect
 * lazily on first use, under `CONNECT_TIMEOUT_MS`; no offline queue (a command while
 * disconnected fails at once); `COMMAND_TIMEOUT_MS` per command (a server that accepts but never
 * answers); and no background reconnection (a frozen instance runs no timers, and a retry loop
 * would resend scripts that may already have run). Instead the next call connects again: after a
 * failure, or when FC thaws an instance whose socket died while it was frozen.
 */
import { Redis, type RedisOptions } from 'ioredis';
import {
  describeRedisUrl,
  IdempotencyStoreError,
  scrubbedError,
  scrubberFor,
} from '#lib/send/store/store-error.ts';

/** How long connecting (TCP, AUTH, ready check) may take before the call fails. */
export const CONNECT_TIMEOUT_MS = 2_000;
/** How long one command may wait for its reply. */
export const COMMAND_TIMEOUT_MS = 2_000;

/**
 * The options the store's own clients get; exported so an injected client can reuse them.
 * @example new Redis(process.env.REDIS_URL ?? '', redisClientOptions())
 */
export function redisClientOptions(): RedisOptions {
  return {
    lazyConnect: true,
    enableOfflineQueue: false,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    // Only counts when a client reconnects by itself; ours never do (retryStrategy below).
    maxRetriesPerRequest: 2,
    retryStrategy: () => null,
    connectionName: 'mpaas-push-idempotency',
  };
}

/**
 * A client made ready on demand, whose failures are `IdempotencyStoreError`s without secrets.
 * @example
 * const connection = new RedisConnection('redis://:pw@127.0.0.1:6379');
 * const client = await connection.ready(); // throws IdempotencyStoreError within ~2 s if unreachable
 */
export class RedisConnection {
  readonly #client: Redis;
  readonly #owned: boolean;
  readonly #where: string;
  readonly #scrub: (text: string) => string;
  #connecting: Promise<void> | undefined;

  constructor(url: string, client?: Redis) {
    this.#where = describeRedisUrl(url);
    this.#scrub = scrubberFor(url);
    this.#owned = client === undefined;
    this.#client = client ?? new Redis(url, redisClientOptions());
    // Without a listener ioredis prints every connection error to stderr itself.
    this.#client.on('error', () => {});
  }

  /** The client, connected: connects first when it never was or its connection ended. */
  async ready(): Promise<Redis> {
    if (this.#client.status !== 'ready') {
      this.#connecting ??= this.#connect().finally(() => {
        this.#connecting = undefined;
      });
      await this.#connecting;
    }
    return this.#client;
  }

  /** An `IdempotencyStoreError` naming the operation and the server, password removed. */
  failure(operation: string, error: unknown): IdempotencyStoreError {
    if (error instanceof IdempotencyStoreError) return error;
    const cause = scrubbedError(error, this.#scrub);
    return new IdempotencyStoreError(
      `Idempotency store ${this.#where} failed to ${operation}: ${cause.message}`,
      cause,
    );
  }

  /** Quits a client this connection made; an injected client belongs to its owner. */
  async close(): Promise<void> {
    if (!this.#owned) return;
    if (this.#client.status !== 'ready') {
      this.#client.disconnect();
      return;
    }
    await this.#client.quit().catch(() => this.#client.disconnect());
  }

  async #connect(): Promise<void> {
    try {
      await this.#untilReady();
    } catch (error) {
      // Stop whatever is half-open, so the next call starts from a clean 'end'.
      this.#client.disconnect();
      throw this.failure('connect', error);
    }
  }

  /** Resolves on 'ready'; rejects on the first error, on 'end', or after CONNECT_TIMEOUT_MS. */
  #untilReady(): Promise<void> {
    const client = this.#client;
    return new Promise<void>((resolve, reject) => {
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        client.off('ready', onReady).off('error', onError).off('end', onEnd);
        outcome();
      };
      const onReady = () => settle(resolve);
      const onError = (error: unknown) => settle(() => reject(error));
      const onEnd = () => settle(() => reject(new Error('connection closed before it was ready')));
      const timer = setTimeout(
        () => settle(() => reject(new Error(`no answer within ${CONNECT_TIMEOUT_MS} ms`))),
        CONNECT_TIMEOUT_MS,
      );
      client.on('ready', onReady).on('error', onError).on('end', onEnd);
      if (client.status === 'wait' || client.status === 'end') client.connect().catch(() => {});
    });
  }
}
