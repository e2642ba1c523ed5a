/**
 * Typed values in and out of the idempotency store: encoded as JSON writes them, decoded through
 * their schema so a replay gets the stored shape or a store error, never a value cast blindly.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { chunkOutcomeCodec, sendResultCodec } from '#lib/send/results.ts';
import { schemaCodec, toStoredJson } from '#lib/send/store/codec.ts';
import { IdempotencyStoreError } from '#lib/send/store/store-error.ts';

describe('toStoredJson', () => {
  it('drops undefined members and writes undefined array items as null, as JSON.stringify does', () => {
    const value = { a: 1, b: undefined, c: [undefined, 'x', { d: undefined, e: false }], f: null };

    expect(toStoredJson(value)).toEqual({ a: 1, c: [null, 'x', { e: false }], f: null });
    expect(toStoredJson(value)).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it.each([
    ['a function', () => 1, 'Cannot store a function'],
    ['a bigint', 1n, 'Cannot store a bigint'],
    ['NaN', Number.NaN, 'Cannot store the number NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'Cannot store the number Infinity'],
  ])('refuses %s, which JSON cannot hold, saying what it is', (_, value, message) => {
    expect(() => toStoredJson({ value })).toThrow(TypeError);
    expect(() => toStoredJson({ value })).toThrow(message);
  });

  it('refuses a cycle but accepts the same object twice side by side', () => {
    const shared = { x: 1 };
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;

    expect(toStoredJson([shared, shared])).toEqual([{ x: 1 }, { x: 1 }]);
    expect(() => toStoredJson(cycle)).toThrow(/cycle/);
  });
});

describe('schemaCodec', () => {
  const codec = schemaCodec('test record', z.object({ n: z.number(), s: z.optional(z.string()) }));

  it('reads back what it wrote', () => {
    expect(codec.decode(codec.encode({ n: 1, s: 'a' }))).toEqual({ n: 1, s: 'a' });
  });

  it('drops fields it does not know, so a record from a newer version still replays', () => {
    expect(codec.decode({ n: 2, added: 'later' })).toEqual({ n: 2 });
  });

  it('throws a retryable store error naming the bad fields of a record of another shape', () => {
    const decode = () => codec.decode({ n: 'two', s: 3 });

    expect(decode).toThrow(IdempotencyStoreError);
    expect(decode).toThrow(/stored test record is unreadable \(bad: n, s\)/);
    expect(decode).toThrow(expect.objectContaining({ retryable: true, statusCode: 503 }));
  });

  it('names a bad nested field by its path, and a record that is not an object as the record', () => {
    const nested = schemaCodec('nested record', z.object({ a: z.object({ b: z.number() }) }));

    expect(() => nested.decode({ a: { b: 'x' } })).toThrow(/\(bad: a\.b\)/);
    expect(() => nested.decode('text')).toThrow(/\(bad: the record\)/);
  });
});

describe('the send results codecs', () => {
  it('round-trip a chunk outcome and a push result without their undefined fields', () => {
    const outcome = { status: 'SENT' as const, attempts: 2, inDoubt: true, code: undefined };
    const result = {
      summary: {
        targets: 1,
        calls: 1,
        sent: 1,
        throttled: 0,
        failed: 0,
        refused: 0,
        inDoubt: 1,
        replayed: 0,
        retries: 1,
      },
      targets: [{ target: 'u1', msgKey: 'm1', status: 'SENT' as const, inDoubt: true }],
      chunks: [outcome],
    };

    expect(chunkOutcomeCodec.decode(chunkOutcomeCodec.encode(outcome))).toEqual({
      status: 'SENT',
      attempts: 2,
      inDoubt: true,
    });
    expect(sendResultCodec.decode(sendResultCodec.encode(result))).toEqual({
      ...result,
      chunks: [{ status: 'SENT', attempts: 2, inDoubt: true }],
    });
  });

  it('refuses a chunk outcome with an unknown status', () => {
    expect(() =>
      chunkOutcomeCodec.decode({ status: 'MAYBE', attempts: 1, inDoubt: false }),
    ).toThrow(IdempotencyStoreError);
  });
});
