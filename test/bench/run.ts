/**
 * `npm run bench`: builds every function and the documented floor (documented-floor.ts), then
 * measures cold start, bundle size, per-push overhead, fan-out efficiency and peak memory, each
 * beside its baseline and the documented floor in the same run.
 * Prints a table and writes `results.json` and `results.svg` to reports/bench/ (not tracked), or
 * beside this file with `--update`.
 *
 * Not part of `npm test`: timings on a shared machine are evidence, not assertions. A missed
 * target is reported as MISS, and the process still exits 0; a broken measurement (a push that
 * was not accepted, a child that failed) exits 1.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLedgerTable } from '#test/helpers/ledger-table.ts';
import { functionNames } from '../../scripts/build.ts';
import { measureBundleSizes } from './bundle-size.ts';
import { renderChart } from './chart.ts';
import { measureColdStart } from './cold-start.ts';
import { measureFanOut } from './fan-out.ts';
import { startHarness } from './harness.ts';
import { measureMemory } from './memory.ts';
import { benchDir, createSnapshot, removeSnapshot, root } from './paths.ts';
import { measurePerPush } from './per-push.ts';
import type { BenchResults, MachineInfo } from './results.ts';
import { round } from './stats.ts';
import { measureStore } from './store.ts';
import {
  coldStartRows,
  fanOutRows,
  formatTable,
  memoryRows,
  perPushRows,
  type Row,
  sizeRows,
  stageLines,
  storeRows,
} from './table.ts';

/** Runs per figure: enough for stable medians on 2 noisy cores, short enough for a few minutes. */
const RUNS = {
  coldStart: 21,
  perPushWarmup: 500,
  perPushIterations: 500,
  fanOut: 7,
  memory: 9,
  keyedColdStart: 15,
  storeRequests: 40,
} as const;

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

/** Runs one stage and prints its figures as soon as they are measured. */
async function phase<T>(
  durations: Record<string, number>,
  name: string,
  work: () => Promise<T> | T,
  rows: (result: T) => Row[],
): Promise<T> {
  log(`· ${name}…`);
  const start = process.hrtime.bigint();
  const result = await work();
  durations[name] = round(Number(process.hrtime.bigint() - start) / 1e9, 1);
  log(`${stageLines(rows(result))}  [${durations[name]} s]`);
  return result;
}

type Figures = Omit<BenchResults, 'machine' | 'durationsS'>;

/** Builds, snapshots and measures; the snapshot is removed whatever happens. */
async function measureAll(durationsS: Record<string, number>): Promise<Figures> {
  const names = await functionNames();
  const snapshot = await createSnapshot();
  try {
    const bundleSize = await phase(
      durationsS,
      'build and bundle size',
      () => measureBundleSizes(names, snapshot),
      sizeRows,
    );
    const coldStart = await phase(
      durationsS,
      'cold start',
      () => measureColdStart(names, RUNS.coldStart, snapshot),
      coldStartRows,
    );
    const harness = await startHarness(snapshot);
    try {
      const perPush = await phase(
        durationsS,
        'per-push overhead',
        () => measurePerPush(harness, RUNS.perPushWarmup, RUNS.perPushIterations),
        perPushRows,
      );
      const fanOut = await phase(
        durationsS,
        'fan-out',
        () => measureFanOut(harness, RUNS.fanOut),
        fanOutRows,
      );
      const memory = await phase(
        durationsS,
        'first invocation and peak memory',
        () => measureMemory(harness, RUNS.memory),
        memoryRows,
      );
      const ledger = await startLedgerTable(harness.sts);
      try {
        const store = await phase(
          durationsS,
          'idempotency store',
          () => measureStore(harness, ledger, RUNS.keyedColdStart, RUNS.storeRequests),
          storeRows,
        );
        return { coldStart, bundleSize, perPush, fanOut, memory, store };
      } finally {
        await ledger.close();
      }
    } finally {
      await harness.close();
    }
  } finally {
    await removeSnapshot(snapshot);
  }
}

function machineInfo(date: string, loadStart: number): MachineInfo {
  const cpus = os.cpus();
  return {
    date,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
    loadAverage: { start: round(loadStart), end: round(os.loadavg()[0] ?? 0) },
  };
}

/**
 * Where the results go: reports/bench/ (ignored by git) unless `--update` asks to replace the
 * committed test/bench/results.json and results.svg that the README shows.
 */
const outDir = process.argv.includes('--update') ? benchDir : path.join(root, 'reports', 'bench');

async function report(results: BenchResults): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(path.join(outDir, 'results.svg'), renderChart(results));
  const { cpus, node, loadAverage } = results.machine;
  log('');
  log(formatTable(results));
  log('');
  log(
    'ratio, each against its baseline in this run: size = bundle at start ÷ plain bundle; ' +
      'cold start and first invocation = bundle process ÷ bare node; per-push = handler ÷ bare ' +
      'pop-core; fan-out = handler ÷ bare pop-core, 4 in flight; RSS = bundle ÷ plain. ' +
      'The documented floor (test/bench/documented-floor.ts) does a subset of what the README ' +
      'documents that every push does, built as the functions are: "the bundle is N× it" is the ' +
      'function’s own part, with the documented work the floor leaves out.',
  );
  log(
    `${cpus} CPUs, Node.js ${node}, load average ${loadAverage.start} → ${loadAverage.end}. ` +
      `Wrote ${path.relative(root, outDir)}/results.json and results.svg` +
      (outDir === benchDir ? '.' : ' (npm run bench -- --update replaces the committed ones).'),
  );
}

async function main(): Promise<void> {
  const loadStart = os.loadavg()[0] ?? 0;
  const date = new Date().toISOString();
  const durationsS: Record<string, number> = {};
  const figures = await measureAll(durationsS);
  await report({ machine: machineInfo(date, loadStart), durationsS, ...figures });
}

await main();
