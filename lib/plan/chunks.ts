/**
 * PushTemplate calls of at most 10 targets (mPaaS refuses more with 3029), in one order every
 * delivery of the same request shares.
 *
 * Why sorted: chunk i of a redelivered request must hold the same targets whatever order the
 * caller (or a JSON parser) listed them in, since the idempotency record of chunk i says whether
 * those targets were sent.
 */

/** PushTemplate's limit of targets per call. */
export const TARGETS_PER_CALL = 10;

/** The target → msgKey pairs of one PushTemplate call. */
export type Chunk = Record<string, string>;

/**
 * Splits the targets into PushTemplate-sized chunks, sorted by target.
 * @example chunkTargets({ b: 'm2', a: 'm1' }) // [{ a: 'm1', b: 'm2' }]
 */
export function chunkTargets(targetMsgkey: Record<string, string>): Chunk[] {
  const pairs = sortedPairs(targetMsgkey);
  const chunks: Chunk[] = [];
  for (let i = 0; i < pairs.length; i += TARGETS_PER_CALL) {
    chunks.push(Object.fromEntries(pairs.slice(i, i + TARGETS_PER_CALL)));
  }
  return chunks;
}

/** The target → msgKey pairs in code-unit order of the target, the one order every caller shares. */
export function sortedPairs(targetMsgkey: Record<string, string>): Array<[string, string]> {
  return Object.entries(targetMsgkey).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
