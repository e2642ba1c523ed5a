/**
 * Cold start: the wall time of a fresh `node` process that imports a function's bundle, against
 * a bare `node -e ''` (the floor every process pays) and a process that imports pop-core, zod
 * and @middy/core unbundled from node_modules (what a plain implementation pays).
 *
 * The floor is the bare process: Node's own start, which every cold start pays; the ratio is
 * bundle ÷ bare, how far loading the bundle is from it. Beside it, the documented floor
 * (documented-floor.ts, bundled as the functions are): what loading a subset of what a push's
 * documented behaviour needs costs, and how far the bundle is above that.
 *
 * Each round runs bare, bundle, plain and the documented floor one after the other, in an order
 * that turns from round to round, so that a noisy neighbour slows all four alike and none always
 * runs after the same one; the ratio is the median of each round's own, and a first unrecorded
 * round warms the page cache.
 */
import { spawnSync } from 'node:child_process';
import { bundlePath, childEnv, childScript, DOCUMENTED_FLOOR, root } from './paths.ts';
import { median, medianRatio, msSince, rotated, round, type Verdict, verdict } from './stats.ts';

/**
 * Target: a process that loads the bundle at most this multiple of a bare `node` process (the
 * floor: every cold start pays Node's own start, and a function that loads no code pays only it).
 */
export const COLD_START_TARGET_RATIO = 1.25;

export interface ColdStartRow {
  name: string;
  runs: number;
  samplesMs: { bare: number[]; bundle: number[]; plain: number[]; documented: number[] };
  medianMs: { bare: number; bundle: number; plain: number; documented: number };
  /** Median minus the bare median. */
  addedMs: { bundle: number; plain: number };
  /** Median of the per-triple differences (robust to drift between triples). */
  pairedAddedMs: { bundle: number; plain: number };
  /**
   * How far the bundle's load is from the floor, the target's ratio: the median of each triple's
   * bundle ÷ bare. The two ran one after the other, so a machine that slows down or speeds up
   * between triples moves both: on the shared bench machine bare node's runs within one row have
   * ranged from 60 to 97 ms, and in one run the five functions' ratios of medians ranged
   * 1.23–1.47× while these ranged 1.30–1.31× (2026-12-02).
   */
  ratio: number;
  /** bundle median ÷ bare median, for comparison. */
  ratioOfMedians: number;
  /** The plain imports ÷ bare, as `ratio` is: the median of each triple's own. */
  plainRatio: number;
  /** bundle added ÷ plain added: below 1, the bundle starts faster than the plain imports. */
  ratioToPlain: number;
  /**
   * The documented floor ÷ bare (`ratio`), and the bundle ÷ the documented floor
   * (`overDocumented`), each the median of each round's own.
   */
  documented: { ratio: number; overDocumented: number };
  targetRatio: number;
  verdict: Verdict;
}

function timeProcess(args: string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env: childEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const elapsed = msSince(start);
  if (result.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  }
  return elapsed;
}

/**
 * Measures every function's bundle in `snapshot`, `runs` interleaved rounds each (bare, bundle,
 * plain, documented floor; the floor built into the snapshot as `DOCUMENTED_FLOOR`).
 * @example const rows = measureColdStart(['http-push'], 21, snapshot);
 */
export function measureColdStart(
  names: readonly string[],
  runs: number,
  snapshot: string,
): ColdStartRow[] {
  const bare = ['-e', ''];
  const plain = [childScript('plain-imports.mjs')];
  const documented = [bundlePath(snapshot, DOCUMENTED_FLOOR)];
  return names.map((name) => {
    const bundle = [bundlePath(snapshot, name)];
    for (const args of [bare, bundle, plain, documented]) timeProcess(args);
    const samplesMs = {
      bare: [] as number[],
      bundle: [] as number[],
      plain: [] as number[],
      documented: [] as number[],
    };
    const kinds = ['bare', 'bundle', 'plain', 'documented'] as const;
    const args = { bare, bundle, plain, documented };
    for (let run = 0; run < runs; run += 1) {
      // each kind goes first, second, third and fourth in turn: none always follows the same one
      for (const kind of rotated(kinds, run)) samplesMs[kind].push(timeProcess(args[kind]));
    }
    return summarize(name, runs, samplesMs);
  });
}

function summarize(name: string, runs: number, samplesMs: ColdStartRow['samplesMs']): ColdStartRow {
  const medianMs = {
    bare: median(samplesMs.bare),
    bundle: median(samplesMs.bundle),
    plain: median(samplesMs.plain),
    documented: median(samplesMs.documented),
  };
  const addedMs = {
    bundle: medianMs.bundle - medianMs.bare,
    plain: medianMs.plain - medianMs.bare,
  };
  const paired = (series: number[]) =>
    median(series.map((ms, i) => ms - (samplesMs.bare[i] ?? Number.NaN)));
  const ratio = medianRatio(samplesMs.bundle, samplesMs.bare);
  return {
    name,
    runs,
    samplesMs: {
      bare: samplesMs.bare.map((ms) => round(ms)),
      bundle: samplesMs.bundle.map((ms) => round(ms)),
      plain: samplesMs.plain.map((ms) => round(ms)),
      documented: samplesMs.documented.map((ms) => round(ms)),
    },
    medianMs: {
      bare: round(medianMs.bare),
      bundle: round(medianMs.bundle),
      plain: round(medianMs.plain),
      documented: round(medianMs.documented),
    },
    addedMs: { bundle: round(addedMs.bundle), plain: round(addedMs.plain) },
    pairedAddedMs: {
      bundle: round(paired(samplesMs.bundle)),
      plain: round(paired(samplesMs.plain)),
    },
    ratio: round(ratio, 3),
    ratioOfMedians: round(medianMs.bundle / medianMs.bare, 3),
    plainRatio: round(medianRatio(samplesMs.plain, samplesMs.bare), 3),
    ratioToPlain: round(addedMs.bundle / addedMs.plain, 3),
    documented: {
      ratio: round(medianRatio(samplesMs.documented, samplesMs.bare), 3),
      overDocumented: round(medianRatio(samplesMs.bundle, samplesMs.documented), 3),
    },
    targetRatio: COLD_START_TARGET_RATIO,
    verdict: verdict(ratio, COLD_START_TARGET_RATIO),
  };
}
