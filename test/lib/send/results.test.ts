/**
 * The values the send stage keeps for replays: a stored dispatch answer reads back whole, and a
 * record that is not of its kind is refused with an error naming which kind of record it was, so
 * an operator reading the log knows which replay broke.
 */
import { describe, expect, it } from 'vitest';
import { chunkOutcomeCodec, dispatchResultCodec, sendResultCodec } from '#lib/send/results.ts';
import { IdempotencyStoreError } from '#lib/send/store/store-error.ts';

describe('the dispatch result codec', () => {
  it('reads back every field of a stored dispatch answer, so a keyed replay answers the same', () => {
    // Prepare
    const answer = {
      dispatchId: '9f86d081884c7d659a2feaa0c55ad015',
      batches: 9,
      targets: 9_000,
      worker: 'push-worker',
    };

    // Act
    const replayed = dispatchResultCodec.decode(dispatchResultCodec.encode(answer));

    // Assess
    expect(replayed).toEqual(answer);
  });

  it('refuses a stored dispatch answer that lacks its batch count', () => {
    const decode = () =>
      dispatchResultCodec.decode({ dispatchId: 'd', targets: 1, worker: 'push-worker' });

    expect(decode).toThrow(IdempotencyStoreError);
    expect(decode).toThrow(/\(bad: batches\)/);
  });
});

describe('the send results codecs', () => {
  it.each([
    ['chunk outcome', chunkOutcomeCodec],
    ['push result', sendResultCodec],
    ['dispatch result', dispatchResultCodec],
  ] as const)('name a damaged %s as such in the store error', (what, codec) => {
    // Act
    const decode = () => codec.decode('not a record');

    // Assess
    expect(decode).toThrow(
      `A stored ${what} is unreadable (bad: the record); it was not written by this function.`,
    );
  });
});
