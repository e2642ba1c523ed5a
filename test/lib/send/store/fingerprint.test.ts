/**
 * The payload fingerprint: equal for the same JSON whatever its key order, different whenever
 * the payload means something else.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprint } from '#lib/send/store/fingerprint.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('fingerprint', () => {
  it('is the sha256 hex digest of the canonical JSON', () => {
    expect(fingerprint({ b: 1, a: 'x' })).toBe(sha256('{"a":"x","b":1}'));
    expect(fingerprint({})).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not change with the order of keys, at any depth', () => {
    const one = { appId: 'A', targets: [{ id: 1, vars: { y: 2, x: 1 } }], mode: 'alias' };
    const other = { mode: 'alias', targets: [{ vars: { x: 1, y: 2 }, id: 1 }], appId: 'A' };

    expect(fingerprint(one)).toBe(fingerprint(other));
  });

  it('changes when a value, a key or the order of an array changes', () => {
    const base = fingerprint({ targets: ['a', 'b'], n: 1 });

    expect(fingerprint({ targets: ['b', 'a'], n: 1 })).not.toBe(base);
    expect(fingerprint({ targets: ['a', 'b'], n: 2 })).not.toBe(base);
    expect(fingerprint({ targets: ['a', 'b'], m: 1 })).not.toBe(base);
    expect(fingerprint({ targets: ['a', 'b'], n: '1' })).not.toBe(base);
  });

  it('tells a string that looks like JSON from the structure it spells', () => {
    expect(fingerprint('{"a":1}')).not.toBe(fingerprint({ a: 1 }));
  });
});

describe('canonicalJson', () => {
  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3, é: 4, '10': 5, '9': 6 })).toBe(
      '{"10":5,"9":6,"B":2,"a":3,"b":1,"é":4}',
    );
  });

  it('writes values as JSON.stringify does, without whitespace', () => {
    expect(canonicalJson([1.5, -0, 'q"\n', true, null, { k: [] }])).toBe(
      '[1.5,0,"q\\"\\n",true,null,{"k":[]}]',
    );
  });

  it('drops what JSON cannot hold from objects and writes null for it elsewhere', () => {
    const value = { a: undefined, f: () => 1, s: Symbol('s'), keep: [undefined, () => 1] };

    expect(canonicalJson(value)).toBe('{"keep":[null,null]}');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('honours toJSON, so a date is its ISO string', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2024, 0, 2)) })).toBe(
      '{"at":"2024-01-02T00:00:00.000Z"}',
    );
  });

  it('ignores a toJSON member that is not a function', () => {
    expect(canonicalJson({ toJSON: 1 })).toBe('{"toJSON":1}');
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };

    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('refuses a value with a cycle', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;

    expect(() => fingerprint(cyclic)).toThrow(/cycle/);
  });
});
