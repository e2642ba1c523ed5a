/**
 * The memory store's map: entries expire by the injected clock, and the map holds at most its
 * weight, dropping expired entries first and then the least recently written.
 */
import { describe, expect, it } from 'vitest';
import { ExpiringMap } from '#lib/send/store/expiring-map.ts';

function clock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('ExpiringMap', () => {
  it('weighs every entry 1 by default, and holds exactly its weight before it drops any', () => {
    const time = clock();
    const map = new ExpiringMap<string>(time.now, 2);

    map.set('a', 'A', 60_000);
    map.set('b', 'B', 60_000);

    expect([map.get('a'), map.get('b'), map.size]).toEqual(['A', 'B', 2]);
    map.set('c', 'C', 60_000);
    expect([map.get('a'), map.get('b'), map.get('c'), map.size]).toEqual([undefined, 'B', 'C', 2]);
  });

  it('accepts a weight of 1 and refuses less, or a fraction', () => {
    expect(() => new ExpiringMap<string>(Date.now, 1)).not.toThrow();
    expect(() => new ExpiringMap<string>(Date.now, 0)).toThrow(RangeError);
    expect(() => new ExpiringMap<string>(Date.now, 1.5)).toThrow(RangeError);
  });

  it('prunes expired entries only when it needs room, and drops an expired one on read', () => {
    const time = clock();
    const map = new ExpiringMap<string>(time.now, 3);
    map.set('old', 'O', 10);
    time.advance(20);

    map.set('new', 'N', 60_000);
    expect(map.size).toBe(2);
    map.set('more', 'M', 60_000);
    map.set('most', 'X', 60_000);
    expect(map.size).toBe(3);
    expect(map.get('old')).toBeUndefined();
    expect([map.get('new'), map.get('more'), map.get('most')]).toEqual(['N', 'M', 'X']);
  });

  it('replaces a live value keeping its expiry, and ignores a key it does not hold', () => {
    const time = clock();
    const map = new ExpiringMap<string>(time.now, 5);
    map.set('k', 'v1', 100);

    map.replace('k', 'v2');
    map.replace('absent', 'x');

    expect([map.get('k'), map.get('absent'), map.size]).toEqual(['v2', undefined, 1]);
    time.advance(100);
    expect(map.get('k')).toBeUndefined();
  });
});
