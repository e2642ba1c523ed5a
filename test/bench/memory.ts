/**
 * Peak memory of one invocation process: a fresh `node` that imports the http-push bundle and
 * handles one push (to the emulator in this process), beside a bare `node -e` and a plain
 * process that loads pop-core, zod and @middy/core unbundled and sends the same push with
 * pop-core. Each reports `process.resourceUsage().maxRSS` (KB) just before it exits.
 *
 * The same children give the first invocation's wall time (load + one push, spawn to exit), as
 * a ratio bundle ÷ bare process (#11's target). Its physical floor is a fresh process that makes
 * the one call no implementation can skip, an HMAC-SHA1-signed POST with only node:http and
 * node:crypto loaded, to a server that answers at once (children/round-trips.mjs and store.ts's
 * floor server, as the keyed floor): the row says how far the bundle is from it too, and from the
 * documented floor (documented-floor.ts) loaded and invoked by the same child as the bundle.
 */
import { APP_ID, type Harness, pushEvent, targetPairs, WORKSPACE_ID } from './harness.ts';
import { bundlePath, childEnv, childScript, DOCUMENTED_FLOOR, runNode } from './paths.ts';
import { median, medianRatio, rotated, round, type Verdict, verdict } from './stats.ts';
import { startFloorServer } from './store.ts';

/** Target: at most 60 MB (MiB) peak RSS, in KB as maxRSS reports it. */
export const MEMORY_TARGET_KB = 60 * 1024;

/**
 * Target: a fresh process that loads http-push and handles one push at most this multiple of a
 * bare `node` process (the floor of any cold start). Measured on the same children: their wall
 * time, spawn to exit.
 */
export const FIRST_INVOCATION_TARGET_RATIO = 1.35;

export interface MemoryReport {
  runs: number;
  samplesKb: { bare: number[]; bundle: number[]; plain: number[] };
  medianKb: { bare: number; bundle: number; plain: number };
  /** Median minus the bare median. */
  addedKb: { bundle: number; plain: number };
  targetKb: number;
  verdict: Verdict;
  /** Wall time of the same children: load + one invocation against bare `node`. */
  firstInvocation: {
    samplesMs: {
      bare: number[];
      bundle: number[];
      plain: number[];
      floor: number[];
      documented: number[];
    };
    medianMs: { bare: number; bundle: number; plain: number; floor: number; documented: number };
    /** bundle ÷ bare, the median of each round's own. */
    ratio: number;
    /** The plain child ÷ bare, as `ratio` is. */
    plainRatio: number;
    /** floor ÷ bare: what the call alone costs a fresh process; bundle ÷ floor: how far above. */
    floor: { ratio: number; overFloor: number };
    /**
     * The documented floor (documented-floor.ts) in the same child: ÷ bare (`ratio`), and the
     * bundle ÷ it (`overDocumented`).
     */
    documented: { ratio: number; overDocumented: number };
    targetRatio: number;
    verdict: Verdict;
  };
}

interface ChildResult {
  statusCode: number;
  maxRSS: number;
  /** Spawn to exit. */
  ms: number;
}

const MARKER = 'BENCH_RESULT ';

/** The children of one round. */
const CHILD_KINDS = ['bare', 'bundle', 'plain', 'floor', 'documented'] as const;
type ChildKind = (typeof CHILD_KINDS)[number];
const BARE_CODE = `process.stdout.write('${MARKER}' + JSON.stringify({ statusCode: 0, maxRSS: process.resourceUsage().maxRSS }))`;

async function runChild(args: string[], env: Record<string, string>): Promise<ChildResult> {
  const { stdout, ms } = await runNode(args, childEnv(env));
  const line = stdout.split('\n').find((text) => text.startsWith(MARKER));
  if (line === undefined) throw new Error(`node ${args.join(' ')} printed no result: ${stdout}`);
  return { ...(JSON.parse(line.slice(MARKER.length)) as Omit<ChildResult, 'ms'>), ms };
}

function expectStatus(result: ChildResult, who: string, status: number): number {
  if (result.statusCode !== status) throw new Error(`${who} answered ${result.statusCode}`);
  return result.maxRSS;
}

/**
 * Runs `runs` rounds of five children (bare, bundle, plain, floor, documented floor), in an order
 * that turns from round to round, after one unrecorded round.
 * @example const report = await measureMemory(harness, 7);
 */
export async function measureMemory(harness: Harness, runs: number): Promise<MemoryReport> {
  const base = {
    MPAAS_ENDPOINT: harness.emulator.url,
    MPAAS_APP_ID: APP_ID,
    MPAAS_WORKSPACE_ID: WORKSPACE_ID,
  };
  const samplesKb = { bare: [] as number[], bundle: [] as number[], plain: [] as number[] };
  const samplesMs = {
    bare: [] as number[],
    bundle: [] as number[],
    plain: [] as number[],
    floor: [] as number[],
    documented: [] as number[],
  };
  const floorServer = await startFloorServer();
  try {
    for (let run = -1; run < runs; run += 1) {
      const params = {
        ...harness.wireParams,
        TargetMsgkey: JSON.stringify(targetPairs(1, `mem-p${run}`)),
      };
      const children: Record<ChildKind, () => Promise<ChildResult>> = {
        bare: () => runChild(['-e', BARE_CODE], {}),
        bundle: () =>
          runChild([childScript('push-bundle.mjs'), bundlePath(harness.snapshot, 'http-push')], {
            ...base,
            BENCH_EVENT: pushEvent(targetPairs(1, `mem-h${run}`)).toString(),
            BENCH_CREDENTIALS: JSON.stringify(harness.emulator.mintCredentials()),
          }),
        plain: () =>
          runChild([childScript('push-plain.mjs')], {
            ...base,
            BENCH_PARAMS: JSON.stringify(params),
            BENCH_CREDENTIALS: JSON.stringify(harness.emulator.mintCredentials()),
          }),
        floor: () => runChild([childScript('round-trips.mjs'), floorServer.url], {}),
        documented: () =>
          runChild(
            [childScript('push-bundle.mjs'), bundlePath(harness.snapshot, DOCUMENTED_FLOOR)],
            {
              ...base,
              BENCH_EVENT: pushEvent(targetPairs(1, `mem-f${run}`)).toString(),
              BENCH_CREDENTIALS: JSON.stringify(harness.emulator.mintCredentials()),
            },
          ),
      };
      // each child takes every place of the round in turn: none always follows the same one
      const results: Partial<Record<ChildKind, ChildResult>> = {};
      for (const kind of rotated(CHILD_KINDS, Math.max(run, 0)))
        results[kind] = await children[kind]();
      const { bare, bundle, plain, floor, documented } = results;
      if (!bare || !bundle || !plain || !floor || !documented)
        throw new Error('a child did not run');
      if (run < 0) continue;
      expectStatus(documented, 'the documented floor in a child process', 200);
      samplesMs.floor.push(round(floor.ms));
      samplesMs.documented.push(round(documented.ms));
      samplesKb.bare.push(bare.maxRSS);
      samplesKb.bundle.push(expectStatus(bundle, 'http-push in a child process', 200));
      samplesKb.plain.push(expectStatus(plain, 'the plain child process', 200));
      samplesMs.bare.push(round(bare.ms));
      samplesMs.bundle.push(round(bundle.ms));
      samplesMs.plain.push(round(plain.ms));
    }
  } finally {
    await floorServer.close();
  }
  const medianMs = {
    bare: round(median(samplesMs.bare)),
    bundle: round(median(samplesMs.bundle)),
    plain: round(median(samplesMs.plain)),
    floor: round(median(samplesMs.floor)),
    documented: round(median(samplesMs.documented)),
  };
  // each round's own ratio, as cold-start.ts does: its children ran one after the other
  const firstRatio = medianRatio(samplesMs.bundle, samplesMs.bare);
  harness.emulator.clearPushes();
  const medianKb = {
    bare: median(samplesKb.bare),
    bundle: median(samplesKb.bundle),
    plain: median(samplesKb.plain),
  };
  return {
    runs,
    samplesKb,
    medianKb,
    addedKb: {
      bundle: round(medianKb.bundle - medianKb.bare, 0),
      plain: round(medianKb.plain - medianKb.bare, 0),
    },
    targetKb: MEMORY_TARGET_KB,
    verdict: verdict(medianKb.bundle, MEMORY_TARGET_KB),
    firstInvocation: {
      samplesMs,
      medianMs,
      ratio: round(firstRatio, 3),
      plainRatio: round(medianRatio(samplesMs.plain, samplesMs.bare), 3),
      floor: {
        ratio: round(medianRatio(samplesMs.floor, samplesMs.bare), 3),
        overFloor: round(medianRatio(samplesMs.bundle, samplesMs.floor), 3),
      },
      documented: {
        ratio: round(medianRatio(samplesMs.documented, samplesMs.bare), 3),
        overDocumented: round(medianRatio(samplesMs.bundle, samplesMs.documented), 3),
      },
      targetRatio: FIRST_INVOCATION_TARGET_RATIO,
      verdict: verdict(firstRatio, FIRST_INVOCATION_TARGET_RATIO),
    },
  };
}
