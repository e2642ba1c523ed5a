/**
 * JSON text with its repeated keys remembered (#9): JSON.parse keeps the last of two equal
 * names silently; parseJsonText parses the same, and says which object named which key twice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepRepeats, parseJsonText, repeatedKeys } from '#lib/shared/json-text.ts';

function at(value: unknown, ...path: Array<string | number>): object {
  let here = value;
  for (const step of path) here = Reflect.get(here as object, step);
  return here as object;
}

describe('parseJsonText', () => {
  it('parses as JSON.parse does, and throws as it does', () => {
    const text = '{"a":[1,{"b":null}],"c":"\\u00e9"}';
    expect(parseJsonText(text)).toEqual(JSON.parse(text));
    expect(() => parseJsonText('{"a":')).toThrow(SyntaxError);
  });

  it('remembers each object that repeated a key, at any depth', () => {
    const value = parseJsonText(
      '{"dup":"mk-1","dup":"mk-2","other":"mk-3","inner":[0,{"k":1,"j":2,"k":3}],"map":{"x":1}}',
    );
    expect(repeatedKeys(value as object)).toEqual(['dup']);
    expect(repeatedKeys(at(value, 'inner', 1))).toEqual(['k']);
    expect(repeatedKeys(at(value, 'map'))).toEqual([]);
    expect(repeatedKeys({ dup: 1 })).toEqual([]);
  });

  it('compares keys as JSON reads them: escapes decoded, quotes and braces inside strings skipped', () => {
    const value = parseJsonText(
      '{"s":"\\"dup\\":{\\"a\\":1,\\"a\\":2}","e\\u0061":1,"ea":2,"q\\\\":1,"q\\\\":2}',
    );
    expect(repeatedKeys(value as object)).toEqual(['ea', 'q\\']);
  });

  it('finds exactly the repeats JSON.parse collapses, for any object', async () => {
    const pairs = fc.array(
      fc.tuple(fc.constantFrom('a', 'b', 'c', '"', '\\', 'é'), fc.jsonValue()),
      {
        maxLength: 8,
      },
    );
    fc.assert(
      fc.property(pairs, (entries) => {
        const text = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
        const names = entries.map(([k]) => k);
        const expected = [...new Set(names.filter((k, i) => names.indexOf(k) !== i))];
        expect([...repeatedKeys(parseJsonText(text) as object)].sort()).toEqual(expected.sort());
      }),
    );
  });

  it('walks 200,000 levels of nesting and finds a repeat at the bottom', () => {
    const depth = 200_000;
    const text = `${'{"a":'.repeat(depth)}{"k":1,"k":2}${'}'.repeat(depth)}`;
    // a walk that copies the path at every level runs out of memory here

    const value = parseJsonText(text);

    let bottom = value as Record<string, unknown>;
    for (let i = 0; i < depth; i += 1) bottom = bottom.a as Record<string, unknown>;
    expect(repeatedKeys(bottom)).toEqual(['k']);
  });

  it('carries the repeats over to a copy', () => {
    const value = parseJsonText('{"a":1,"a":2}') as object;
    expect(repeatedKeys(keepRepeats(value, { ...value }))).toEqual(['a']);
    expect(repeatedKeys(keepRepeats({}, {}))).toEqual([]);
  });
});
