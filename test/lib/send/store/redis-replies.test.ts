/**
 * Decoding script replies: every shape the scripts return, and a loud failure for any other.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeBegin,
  decodeClaim,
  decodePeek,
  decodeProgress,
  decodeWritten,
} from '#lib/send/store/redis-replies.ts';

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

describe('decodePeek', () => {
  it('reads a missing hash as absent, and each state with its result', () => {
    expect(decodePeek([null, null])).toBeUndefined();
    expect(decodePeek(['in-progress', null])).toEqual({ state: 'in-progress' });
    expect(decodePeek(['abandoned', null])).toEqual({ state: 'abandoned' });
    expect(decodePeek(['done', '{"sent":1}'])).toEqual({ state: 'done', result: { sent: 1 } });
  });

  it.each([
    ['a done record without its result', ['done', null]],
    ['a result beside a state that has none', ['in-progress', '{}']],
    ['an unknown state', ['finished', null]],
    ['a result without a state', [null, '{}']],
    ['a reply of one item', ['done']],
    ['nothing', null],
  ])('refuses %s', (_name, reply) => {
    expect(() => decodePeek(reply)).toThrow(/unexpected script reply/);
  });
});

describe('decodeProgress', () => {
  it("reads HGETALL's flat pairs as parts, and no pairs as no report", () => {
    expect(decodeProgress([])).toBeUndefined();
    expect(decodeProgress(['h', '{"batches":2}', 'b0', 'null'])).toEqual({
      h: { batches: 2 },
      b0: null,
    });
  });

  it.each([
    ['an odd number of items', ['h']],
    ['a value that is not text', ['h', 1]],
    ['a name that is not text', [1, '{}']],
    ['nothing', null],
  ])('refuses %s', (_name, reply) => {
    expect(() => decodeProgress(reply)).toThrow(/unexpected script reply/);
  });
});
