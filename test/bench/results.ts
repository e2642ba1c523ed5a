/**
 * The shape of `results.json`: every figure with its raw runs, medians, ratios and verdict, and
 * the machine it was measured on.
 */
import type { BundleSizeReport } from './bundle-size.ts';
import type { ColdStartRow } from './cold-start.ts';
import type { FanOutReport } from './fan-out.ts';
import type { MemoryReport } from './memory.ts';
import type { PerPushReport } from './per-push.ts';
import type { StoreReport } from './store.ts';

export interface MachineInfo {
  date: string;
  node: string;
  platform: string;
  arch: string;
  cpus: number;
  cpuModel: string;
  totalMemoryMb: number;
  /** 1-minute load average when the run started and when it ended. */
  loadAverage: { start: number; end: number };
}

export interface BenchResults {
  machine: MachineInfo;
  /** Seconds spent in each phase. */
  durationsS: Record<string, number>;
  coldStart: ColdStartRow[];
  bundleSize: BundleSizeReport;
  perPush: PerPushReport;
  fanOut: FanOutReport;
  memory: MemoryReport;
  store: StoreReport;
}
