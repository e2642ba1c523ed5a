import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  canonicalize,
  percentEncode,
  sign,
  stringToSign,
  verifySignature,
} from '#local/emulator/signature.ts';

interface Vector {
  id: string;
  method: string;
  params: Record<string, string>;
  secret: string;
  stringToSign: string;
  signature: string;
}

const fixture: { vectors: Vector[]; derivedVectors: Vector[] } = JSON.parse(
  readFileSync(new URL('../fixtures/pop-vectors.json', import.meta.url), 'utf8'),
);
const allVectors = [...fixture.vectors, ...fixture.derivedVectors];

describe('the emulator signature verifier', () => {
  it('covers every published and derived vector in the fixture', () => {
    // Assess: a fixture that lost vectors would silently weaken the table below.
    expect(fixture.vectors.length).toBeGreaterThanOrEqual(4);
    expect(fixture.derivedVectors.length).toBeGreaterThanOrEqual(5);
    expect(allVectors.some((v) => v.method === 'POST')).toBe(true);
    expect(allVectors.some((v) => v.params.SecurityToken !== undefined)).toBe(true);
  });

  it.each(allVectors)('reproduces the string to sign of vector $id', (vector) => {
    // Act
    const toSign = stringToSign(vector.method, vector.params);

    // Assess
    expect(toSign).toBe(vector.stringToSign);
  });

  it.each(allVectors)('reproduces the signature of vector $id', (vector) => {
    // Act
    const signature = sign(stringToSign(vector.method, vector.params), vector.secret);

    // Assess
    expect(signature).toBe(vector.signature);
  });

  it.each(allVectors)('accepts the signed request of vector $id', (vector) => {
    // Prepare
    const params = { ...vector.params, Signature: vector.signature };

    // Act
    const check = verifySignature(vector.method, params, vector.secret);

    // Assess
    expect(check).toEqual({ valid: true, stringToSign: vector.stringToSign });
  });

  it.each(allVectors)('refuses vector $id signed with another secret', (vector) => {
    // Prepare
    const params = { ...vector.params, Signature: vector.signature };

    // Act
    const check = verifySignature(vector.method, params, `${vector.secret}x`);

    // Assess
    expect(check.valid).toBe(false);
  });

  it('refuses a signature made for the other HTTP method', () => {
    // Prepare
    const get = allVectors.find((v) => v.id === 'ecs-v2-doc-DescribeDedicatedHosts');
    if (get === undefined) throw new Error('vector missing');

    // Act
    const check = verifySignature('POST', { ...get.params, Signature: get.signature }, get.secret);

    // Assess
    expect(check.valid).toBe(false);
    expect(check.stringToSign.startsWith('POST&%2F&')).toBe(true);
  });

  it('refuses a request without a Signature', () => {
    // Act
    const check = verifySignature('GET', { Action: 'X' }, 'secret');

    // Assess
    expect(check.valid).toBe(false);
  });

  it('encodes reserved characters per RFC 3986 and leaves unreserved ones', () => {
    // Act / Assess
    expect(percentEncode("a b*!'()~-_.")).toBe('a%20b%2A%21%27%28%29~-_.');
    expect(percentEncode('张')).toBe('%E5%BC%A0');
  });

  it('sorts names by code unit and leaves Signature out of the canonical string', () => {
    // Act
    const canonical = canonicalize({ b: '1', B: '2', Signature: 'x', a: '' });

    // Assess
    expect(canonical).toBe('B=2&a=&b=1');
  });
});
