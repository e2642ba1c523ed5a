/**
 * The store error and the scrubbing that keeps the REDIS_URL password out of messages and causes.
 */
import { describe, expect, it } from 'vitest';
import {
  describeRedisUrl,
  IdempotencyStoreError,
  scrubbedError,
  scrubberFor,
} from '#lib/send/store/store-error.ts';

describe('describeRedisUrl', () => {
  it.each([
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
    ['redis://127.0.0.1:6379/2', 'redis://127.0.0.1:6379/2'],
    [
      'redis://:pw@r-bp1.redis.rds.aliyuncs.com:6379',
      'redis://:***@r-bp1.redis.rds.aliyuncs.com:6379',
    ],
    ['rediss://app:pw@host:6380/1', 'rediss://app:***@host:6380/1'],
    ['redis://app@host:6379', 'redis://app@host:6379'],
    ['redis://host:6379/0?password=pw', 'redis://host:6379/0'],
  ])('shows %s as %s', (url, shown) => {
    expect(describeRedisUrl(url)).toBe(shown);
  });

  it('does not echo a URL it cannot parse, which may hold a password', () => {
    expect(describeRedisUrl('redis://:pw@[broken')).toBe('(unparsable REDIS_URL)');
  });
});

describe('scrubberFor', () => {
  it('masks the password as written in the URL and decoded', () => {
    const scrub = scrubberFor('redis://:p%40ss-word@host:6379');

    expect(scrub('AUTH p@ss-word, then p%40ss-word, then p@ss-word')).toBe(
      'AUTH ***, then ***, then ***',
    );
  });

  it('masks a password given as ?password=, as ioredis accepts it', () => {
    expect(scrubberFor('redis://host:6379/0?password=q%26pw')('AUTH q&pw')).toBe('AUTH ***');
  });

  it('leaves text alone when the URL has no password or cannot be parsed', () => {
    expect(scrubberFor('redis://host:6379')('nothing to hide')).toBe('nothing to hide');
    expect(scrubberFor('not a url')('nothing to hide')).toBe('nothing to hide');
  });

  it('keeps a password that is not valid percent-encoding as written', () => {
    expect(scrubberFor('redis://:50%zz@host')('AUTH 50%zz')).toBe('AUTH ***');
  });
});

describe('scrubbedError', () => {
  it('keeps the name, scrubbed message and code, and nothing else of the original', () => {
    const original = Object.assign(new Error('WRONGPASS for hunter2'), {
      name: 'ReplyError',
      code: 'E-hunter2',
      command: { name: 'auth', args: ['hunter2'] },
    });

    const copy = scrubbedError(original, (text) => text.replaceAll('hunter2', '***'));

    expect(copy).toMatchObject({ name: 'ReplyError', message: 'WRONGPASS for ***', code: 'E-***' });
    expect(copy).not.toHaveProperty('command');
  });

  it('turns a thrown non-error into an error', () => {
    expect(scrubbedError('boom', (text) => text).message).toBe('boom');
  });
});

describe('IdempotencyStoreError', () => {
  it('is a retryable 503 that keeps its cause', () => {
    const cause = new Error('ECONNREFUSED');
    const error = new IdempotencyStoreError('store down', cause);

    expect(error).toMatchObject({
      name: 'IdempotencyStoreError',
      statusCode: 503,
      code: 'IdempotencyStoreUnavailable',
      retryable: true,
      cause,
    });
  });
});
