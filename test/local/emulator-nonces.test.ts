import { describe, expect, it } from 'vitest';
import { NonceCache } from '#local/emulator/nonces.ts';

function cacheAt(start: string, maxEntries = 100) {
  const clock = { now: new Date(start) };
  const cache = new NonceCache({ ttlMs: 60_000, maxEntries, now: () => clock.now });
  return { cache, clock };
}

describe('the emulator nonce cache', () => {
  it('refuses a nonce it has already seen within the time window', () => {
    // Prepare
    const { cache } = cacheAt('2030-01-01T00:00:00Z');
    cache.remember('n1');

    // Act
    const again = cache.remember('n1');

    // Assess
    expect(again).toBe(false);
    expect(cache.remember('n2')).toBe(true);
  });

  it('forgets nonces once their time is up, so memory does not grow without end', () => {
    // Prepare
    const { cache, clock } = cacheAt('2030-01-01T00:00:00Z');
    for (const nonce of ['a', 'b', 'c']) cache.remember(nonce);
    clock.now = new Date('2030-01-01T00:00:30Z');
    cache.remember('d');

    // Act
    clock.now = new Date('2030-01-01T00:01:00Z');
    const reused = cache.remember('a');

    // Assess
    expect(reused).toBe(true);
    expect(cache.size).toBe(2);
    expect(cache.remember('d')).toBe(false);
  });

  it('evicts the oldest nonces beyond its capacity', () => {
    // Prepare
    const { cache } = cacheAt('2030-01-01T00:00:00Z', 2);

    // Act
    for (const nonce of ['a', 'b', 'c']) cache.remember(nonce);

    // Assess
    expect(cache.size).toBe(2);
    expect(cache.remember('c')).toBe(false);
    expect(cache.remember('a')).toBe(true);
  });
});
