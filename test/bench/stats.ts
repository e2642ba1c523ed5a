/**
 * Order statistics for noisy timings: medians and nearest-rank percentiles, never means, because
 * one descheduled run on a busy 2-core machine would drag a mean far from the typical case.
 */

/** The p-th percentile (0–100) by the nearest-rank method; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** The median; for an even count, the mean of the two middle samples. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] ?? Number.NaN;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

/**
 * The median of each round's own ratio, `over[i] ÷ under[i]`: the two were measured one after the
 * other, so a machine that drifts between rounds moves both sides of each.
 */
export function medianRatio(over: readonly number[], under: readonly number[]): number {
  return median(over.map((ms, i) => ms / (under[i] ?? Number.NaN)));
}

/** Rounds for reports: timings to 0.01 ms, ratios to 0.001. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Milliseconds elapsed since `start` (a `process.hrtime.bigint()` reading). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A pass/miss verdict against an upper bound. */
export type Verdict = 'PASS' | 'MISS';

export function verdict(value: number, atMost: number): Verdict {
  return value <= atMost ? 'PASS' : 'MISS';
}

/**
 * `items` rotated left by `turn` places: called with turn 0, 1, 2, … each item takes every place
 * in turn.
 * @example rotated(['a', 'b', 'c'], 1) // ['b', 'c', 'a']
 */
export function rotated<T>(items: readonly T[], turn: number): T[] {
  const shift = turn % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
