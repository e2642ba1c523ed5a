/**
 * Decoding script replies: every shape the scripts return, and a loud failure for any other.
 */
import { describe, expect, it } from 'vitest';
import { decodeBegin, decodeClaim, decodeWritten } from '#lib/send/store/redis-replies.ts';

describe('decodeBegin', () => {
  it.each(['in-progress', 'mismatch'])('reads [%j] as that state', (state) => {
    expect(decodeBegin([state])).toEqual({ state });
  });

  it.each(['new', 'resumed'])('reads [%j, token] as that state with its owner token', (state) => {
    expect(decodeBegin([state, 'token-1'])).toEqual({ state, token: 'token-1' });
  });

  it('reads a done reply with its JSON result', () => {
    expect(decodeBegin(['done', '{"sent":[1,2]}'])).toEqual({
      state: 'done',
      result: { sent: [1, 2] },
    });
  });

  it('reads a done reply whose result field was missing (Lua nil) as a null result', () => {
    expect(decodeBegin(['done', null])).toEqual({ state: 'done', result: null });
    expect(decodeBegin(['done'])).toEqual({ state: 'done', result: null });
  });

  it.each([
    ['a bare string', 'new'],
    ['an unknown state', ['claimed']],
    ['a non-string detail', ['done', 1]],
    ['extra items', ['new', 'x', 'y']],
    ['an owner without a token', ['new']],
    ['a token where none belongs', ['in-progress', 'token-1']],
  ])('refuses %s', (_name, reply) => {
    expect(() => decodeBegin(reply)).toThrow(/unexpected script reply/);
  });
});

describe('decodeClaim', () => {
  it('reads a claim in doubt and one not in doubt', () => {
    expect(decodeClaim(['claimed', '1'])).toEqual({ state: 'claimed', inDoubt: true });
    expect(decodeClaim(['claimed', '0'])).toEqual({ state: 'claimed', inDoubt: false });
  });

  it('reads in-progress, lost and done replies', () => {
    expect(decodeClaim(['in-progress'])).toEqual({ state: 'in-progress' });
    expect(decodeClaim(['lost'])).toEqual({ state: 'lost' });
    expect(decodeClaim(['done', '"sent"'])).toEqual({ state: 'done', result: 'sent' });
  });

  it.each([
    ['a claim without its doubt flag', ['claimed']],
    ['a claim with another flag', ['claimed', 'yes']],
    ['a begin state', ['new']],
    ['a lost reply with a detail', ['lost', '1']],
    ['nothing', null],
  ])('refuses %s', (_name, reply) => {
    expect(() => decodeClaim(reply)).toThrow(/unexpected script reply/);
  });
});

describe('decodeWritten', () => {
  it('reads 1 as a write that took effect and 0 as one that did not', () => {
    expect(decodeWritten(1)).toBe(true);
    expect(decodeWritten(0)).toBe(false);
  });

  it.each([
    ['a string', '1'],
    ['nil', null],
    ['another number', 2],
  ])('refuses %s', (_name, reply) => {
    expect(() => decodeWritten(reply)).toThrow(/unexpected script reply/);
  });
});
