/**
 * The error the Redis store raises when Redis cannot answer, and the scrubbing that keeps the
 * `REDIS_URL` password out of it.
 *
 * A store failure is retryable (503): the platform redelivers and the next attempt may reach
 * Redis. The password hides in three places: the URL itself (only ever shown as
 * `redis://user:***@host:port/db`), ioredis messages, and ioredis error objects, which carry the
 * failed command's arguments (`AUTH <password>`). So the cause kept is a copy holding only the
 * scrubbed name, message and code, never the ioredis error. It lives beside the stores, which are
 * the only ones to raise it, rather than in `lib/shared/errors.ts`.
 */
import { PushError } from '#lib/shared/errors.ts';

/**
 * Redis could not be reached or did not answer in time; the invocation should fail and be retried.
 * @example throw new IdempotencyStoreError('Idempotency store redis://:***@r-bp1:6379 unreachable: connect ECONNREFUSED')
 */
export class IdempotencyStoreError extends PushError {
  override name = 'IdempotencyStoreError';

  constructor(message: string, cause?: Error) {
    super(message, {
      statusCode: 503,
      code: 'IdempotencyStoreUnavailable',
      retryable: true,
      cause,
    });
  }
}

/**
 * A Redis URL fit for messages and logs: scheme, user, host, port and db, password masked.
 * @example describeRedisUrl('redis://app:s3cret@r-bp1.redis.rds.aliyuncs.com:6379/2') // 'redis://app:***@r-bp1.redis.rds.aliyuncs.com:6379/2'
 */
export function describeRedisUrl(url: string): string {
  if (!URL.canParse(url)) return '(unparsable REDIS_URL)';
  const parsed = new URL(url);
  const credentials =
    parsed.username || parsed.password ? `${parsed.username}${parsed.password ? ':***' : ''}@` : '';
  return `${parsed.protocol}//${credentials}${parsed.host}${parsed.pathname}`;
}

/**
 * A function that removes `url`'s password (userinfo or `?password=`) from any text, as written
 * in the URL and decoded.
 * @example scrubberFor('redis://:p%40ss@h:6379')('AUTH p@ss failed') // 'AUTH *** failed'
 */
export function scrubberFor(url: string): (text: string) => string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  // ioredis also takes the password from `?password=`; searchParams gives it decoded already.
  const fromQuery = parsed?.searchParams.get('password') ?? '';
  const raw = parsed?.password ?? '';
  const secrets = [...new Set([raw, safeDecode(raw), fromQuery])].filter((secret) => secret);
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('***'), text);
}

/**
 * A plain copy of `error` with only its name, scrubbed message and `code`: safe to keep as a cause.
 * @example scrubbedError(new Error('WRONGPASS'), (text) => text).message // 'WRONGPASS'
 */
export function scrubbedError(error: unknown, scrub: (text: string) => string): Error {
  const source = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(scrub(source.message));
  copy.name = source.name;
  const code = Reflect.get(source, 'code');
  if (typeof code === 'string') Object.assign(copy, { code: scrub(code) });
  return copy;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
