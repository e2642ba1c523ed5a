import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveMsgKey } from '#lib/shared/msg-key.ts';

const SEED = 'idem-7f3c';

describe('deriveMsgKey', () => {
  it('is the first 32 hex digits of the SHA-256 of the parts encoded as a JSON array', () => {
    // Prepare
    const parts = [SEED, 'user1024'];
    const expected = createHash('sha256')
      .update(JSON.stringify(parts), 'utf8')
      .digest('hex')
      .slice(0, 32);

    // Act
    const key = deriveMsgKey(...parts);

    // Assess
    expect(key).toBe(expected);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives the timer the same msgKey it derived before the move to lib/msg-key.ts', () => {
    // pinned from the timer's own implementation: redelivered firings must keep their msgKeys
    expect(deriveMsgKey('daily-push', '2023-12-26T07:49:00Z', 0, 'user1024')).toBe(
      'ed2c090da6d0d1cb91a78b6ff6dce484',
    );
  });

  it('gives a retry of the same request the same msgKey', () => {
    expect(deriveMsgKey(SEED, 'user1024')).toBe(deriveMsgKey(SEED, 'user1024'));
    expect(deriveMsgKey(SEED, 'user1024')).toBe('fe1bbe5f0c6cd7748b4bc9a5b083c453');
  });

  it('gives another request, or another target, another msgKey', () => {
    const keys = [
      deriveMsgKey(SEED, 'user1024'),
      deriveMsgKey('idem-other', 'user1024'),
      deriveMsgKey(SEED, 'user2048'),
      deriveMsgKey(SEED, 'user1024', 0),
    ];

    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps parts apart even when a part contains what a separator would be', () => {
    expect(deriveMsgKey('a:b', 'c')).not.toBe(deriveMsgKey('a', 'b:c'));
    expect(deriveMsgKey('a","b', 'c')).not.toBe(deriveMsgKey('a', 'b","c'));
    expect(deriveMsgKey('ab')).not.toBe(deriveMsgKey('a', 'b'));
  });

  it('tells the number 0 from the string "0"', () => {
    expect(deriveMsgKey(SEED, 0)).not.toBe(deriveMsgKey(SEED, '0'));
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'throws a RangeError for the part %d, which JSON would encode as null like any other',
    (part) => {
      expect(() => deriveMsgKey(SEED, part)).toThrow(RangeError);
    },
  );
});
