/**
 * The size of each PushTemplate call, checked before anything is claimed or sent.
 *
 * Why: a call mPaaS's gateway cannot take fails there with `RequestEntityTooLarge`, after the
 * request was planned, claimed and signed, and reads as an operator's error. The field bounds
 * (lib/validate/limits.ts) keep ordinary requests far below any limit, but not every one at once:
 * ten 256-character target ids and every map at its bound, all in 3-byte characters, come to
 * about 80 KB once percent-encoded. No limit of the gateway is published (reference
 * mpaas-openapi.md has none; the local emulator refuses bodies over 1 MiB), so this function
 * keeps each call within its own conservative bound, {@link MAX_CALL_BYTES}, and refuses with 413
 * a request whose calls would not fit, naming its largest field.
 *
 * A call is measured as pop-core sends it (reference §5.1: POST, every parameter in the
 * form-encoded body) for the 2020-10-28 API, whose parameters include every 2019-08-21 one, plus
 * {@link SIGNING_RESERVE} for the parameters the signer adds.
 */
import type { Chunk } from '#lib/plan/chunks.ts';
import { toWireParams } from '#lib/plan/wire.ts';
import { BadRequestError } from '#lib/shared/errors.ts';

/** Largest form-encoded body of one PushTemplate call that this function sends. */
export const MAX_CALL_BYTES = 64 * 1024;

/**
 * Room for what the signer adds: AccessKeyId, SecurityToken (STS tokens run to about 2 KB),
 * Signature, SignatureNonce, Timestamp and the fixed parameters.
 */
export const SIGNING_RESERVE = 4096;

/** Characters encodeURIComponent leaves alone but pop-core's encoder escapes (rpc.js `encode`). */
const ALSO_ESCAPED = /[!'()*]/g;

function encoded(text: string): number {
  return encodeURIComponent(text).length + 2 * (text.match(ALSO_ESCAPED)?.length ?? 0);
}

/** `name=value`, each percent-encoded; the `&` between two parameters is counted by the caller. */
function encodedLength(name: string, value: string): number {
  return encoded(name) + 1 + encoded(value);
}

/**
 * The encoded bytes of each call of `request` (its chunks in order), signer's reserve included:
 * what each PushTemplate call will weigh on the wire, and what {@link checkCallSizes} bounds.
 *
 * @example
 * callSizes(request, chunkTargets(request.targetMsgkey)); // [1503, 1497]
 */
export function callSizes(request: { targetMsgkey: Chunk }, chunks: readonly Chunk[]): number[] {
  return measure(request, chunks).calls;
}

function measure(request: { targetMsgkey: Chunk }, chunks: readonly Chunk[]) {
  const fields = Object.entries(
    toWireParams({ ...request, targetMsgkey: undefined }, '2020-10-28'),
  );
  const sizes = fields.map(([name, value]) => ({ name, bytes: encodedLength(name, value) }));
  // one `&` before each parameter but the first: as many as there are fields beside TargetMsgkey
  const fixed = sizes.reduce((sum, field) => sum + field.bytes + 1, SIGNING_RESERVE);
  const targets = chunks.map((chunk) => encodedLength('TargetMsgkey', JSON.stringify(chunk)));
  return { sizes, targets, calls: targets.map((bytes) => fixed + bytes) };
}

/**
 * Percent-encoding turns one UTF-16 unit into at most 9 characters (a 3-byte UTF-8 character,
 * `%XX%XX%XX`; a surrogate pair's 4 bytes are 12 characters for its 2 units).
 */
export const MAX_ENCODED_PER_UNIT = 9;

/**
 * An upper bound of every call's encoded size that costs one `JSON.stringify` of the request
 * instead of its wire form and the encoding of every field: each wire parameter's name and value,
 * with its `=` and `&`, is no longer than the same field in the request's JSON (`"name":` and a
 * quoted value, or the same JSON for a map), and no character encodes to more than
 * {@link MAX_ENCODED_PER_UNIT}. The largest chunk's `TargetMsgkey` is bounded the same way.
 */
function sizeBound(request: { targetMsgkey: Chunk }, chunks: readonly Chunk[]): number {
  const rest = JSON.stringify({ ...request, targetMsgkey: undefined }).length;
  let largest = 0;
  for (const chunk of chunks) largest = Math.max(largest, JSON.stringify(chunk).length);
  return SIGNING_RESERVE + MAX_ENCODED_PER_UNIT * (rest + 'TargetMsgkey='.length + largest);
}

/**
 * Throws when any of the calls of `request` would exceed {@link MAX_CALL_BYTES}. A request whose
 * bound ({@link sizeBound}) is within the limit is not measured exactly: most are far below it,
 * and measuring cost every push about 10 µs (the per-push bench's profile, 2026-12-02, #11).
 *
 * @throws BadRequestError 413 `PayloadTooLarge`, naming the largest field.
 * @example
 * checkCallSizes(request, chunkTargets(request.targetMsgkey));
 */
export function checkCallSizes(request: { targetMsgkey: Chunk }, chunks: readonly Chunk[]): void {
  if (sizeBound(request, chunks) <= MAX_CALL_BYTES) return;
  const { sizes, targets, calls } = measure(request, chunks);
  const over = calls.findIndex((bytes) => bytes > MAX_CALL_BYTES);
  if (over < 0) return;
  const largest = [...sizes, { name: 'TargetMsgkey', bytes: targets[over] ?? 0 }].reduce((a, b) =>
    b.bytes > a.bytes ? b : a,
  );
  const field = largest.name.charAt(0).toLowerCase() + largest.name.slice(1);
  throw new BadRequestError(
    `A PushTemplate call of this request would be ${calls[over]} bytes encoded, more than the ${MAX_CALL_BYTES} this function sends in one call; its largest field is ${field} (${largest.bytes} bytes): shorten it.`,
    413,
    'PayloadTooLarge',
  );
}
