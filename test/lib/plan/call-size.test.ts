/**
 * The size of each PushTemplate call (#9): measured as pop-core sends it (form-encoded, with room
 * for the signer's parameters), refused with 413 naming the largest field when one call would
 * exceed MAX_CALL_BYTES, whatever chunk it is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callSizes, checkCallSizes, MAX_CALL_BYTES, SIGNING_RESERVE } from '#lib/plan/call-size.ts';
import { chunkTargets } from '#lib/plan/chunks.ts';
import { toWireParams } from '#lib/plan/wire.ts';
import { BadRequestError } from '#lib/shared/errors.ts';
import { MAX_LENGTH } from '#lib/validate/limits.ts';
import { fuzzParameters } from '#test/helpers/fuzz.ts';
import { SENDABLE } from '#test/helpers/push-request.ts';

const BASE = SENDABLE;

/** The form body pop-core would send for one call, without the signer's parameters. */
function formBytes(request: object): number {
  return new URLSearchParams(toWireParams(request, '2020-10-28')).toString().replaceAll('+', '%20')
    .length;
}

function targetMsgkey(count: number, idLength: number, char = 'u'): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`${i}`.padEnd(idLength, char), `m-${i}`]),
  );
}

describe('checkCallSizes', () => {
  it('passes an ordinary request and one whose every target is at its bound', () => {
    const pairs = targetMsgkey(25, MAX_LENGTH.targetId, '张');
    const request = { ...BASE, targetMsgkey: pairs };
    expect(() => checkCallSizes(request, chunkTargets(pairs))).not.toThrow();
  });

  it('measures a call as its form-encoded body plus the signing reserve', () => {
    const pairs = targetMsgkey(10, MAX_LENGTH.targetId, '张');
    const fixed = { ...BASE, taskName: 'order (shipped)!', templateKeyValue: { name: '' } };
    const call = { ...fixed, targetMsgkey: pairs };
    // fill templateKeyValue up to exactly the limit: at it passes, one 3-byte character more fails
    const room = MAX_CALL_BYTES - SIGNING_RESERVE - formBytes(call);
    const filler = 'a'.repeat(room);
    const at = { ...fixed, templateKeyValue: { name: filler }, targetMsgkey: pairs };
    expect(formBytes(at)).toBe(MAX_CALL_BYTES - SIGNING_RESERVE);
    expect(() => checkCallSizes(at, [pairs])).not.toThrow();
    const over = { ...at, templateKeyValue: { name: `${filler}b` } };
    expect(() => checkCallSizes(over, [pairs])).toThrow(BadRequestError);
  });

  it('checks every chunk, not only the first, and names the largest field', () => {
    const small = targetMsgkey(10, 8);
    const wide = targetMsgkey(10, (60 * 1024) / 10 / 3, '张');
    const request = { ...BASE, targetMsgkey: { ...small, ...wide } };

    const check = () => checkCallSizes(request, [small, wide]);

    expect(check).toThrow(expect.objectContaining({ statusCode: 413, code: 'PayloadTooLarge' }));
    expect(check).toThrow(/largest field is targetMsgkey/);
    expect(() => checkCallSizes(request, [small])).not.toThrow();
  });

  it('refuses exactly the requests whose measured calls exceed the limit, near it in any characters', () => {
    // the check skips measuring below a bound; near the limit, in characters that encode to 1, 3,
    // 6, 9 or 12 bytes, its answer must still be the exact measurement's
    const filler = fc
      .tuple(fc.constantFrom('a', '!', ' ', '"', '\\', '\n', '%', '张', 'é', '😀'), fc.nat(9000))
      .map(([char, count]) => char.repeat(count));
    const request = fc.record({
      taskName: filler,
      templateKeyValue: fc.dictionary(fc.string({ maxLength: 8 }), filler, { maxKeys: 3 }),
      targetMsgkey: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), filler, {
        minKeys: 1,
        maxKeys: 3,
      }),
    });
    fc.assert(
      fc.property(request, (fields) => {
        const call = { ...BASE, ...fields };
        const chunks = chunkTargets(call.targetMsgkey);
        const over = Math.max(...callSizes(call, chunks)) > MAX_CALL_BYTES;
        let refused = false;
        try {
          checkCallSizes(call, chunks);
        } catch (error) {
          refused = error instanceof BadRequestError && error.statusCode === 413;
        }
        expect(refused).toBe(over);
      }),
      fuzzParameters(),
    );
  });
});
