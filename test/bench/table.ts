/**
 * The printed report: one Markdown table, a row per figure, subject beside baseline, with the
 * ratio, the target and PASS/MISS, so it can be pasted into the README as it is.
 */
import type { BenchResults } from './results.ts';

export interface Row {
  figure: string;
  subject: string;
  baseline: string;
  ratio: string;
  target: string;
  result: string;
  runs: string;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (kilobytes: number) => `${(kilobytes / 1024).toFixed(1)} MB`;
const times = (value: number) => `${value.toFixed(2)}×`;
const sign = (value: number) => (value >= 0 ? '+' : '−');
const signed = (value: number) => `${sign(value)}${ms(Math.abs(value))}`;
const signedFine = (value: number) => `${sign(value)}${Math.abs(value).toFixed(2)} ms`;

export function coldStartRows(coldStart: BenchResults['coldStart']): Row[] {
  return coldStart.map((row) => ({
    figure: `cold start: ${row.name}`,
    subject: `bundle ${ms(row.medianMs.bundle)} (${signed(row.addedMs.bundle)}; medians ${times(row.ratioOfMedians)})`,
    baseline: `bare node ${ms(row.medianMs.bare)}; plain imports ${signed(row.addedMs.plain)} (${times(row.plainRatio)}); documented floor ${ms(row.medianMs.documented)} (${times(row.documented.ratio)}; the bundle is ${times(row.documented.overDocumented)} it)`,
    ratio: times(row.ratio),
    target: `≤ ${times(row.targetRatio)} bare`,
    result: row.verdict,
    runs: String(row.runs),
  }));
}

export function sizeRows(bundleSize: BenchResults['bundleSize']): Row[] {
  const plain = bundleSize.plainBaseline;
  return bundleSize.functions.map((row) => ({
    figure: `size: ${row.name}`,
    subject: `start ${kb(row.entry.raw)} (gz ${kb(row.entry.gzip)}); lazy ${kb(row.lazy.raw)} (gz ${kb(row.lazy.gzip)})`,
    baseline: `plain ${kb(plain.raw)} (gz ${kb(plain.gzip)}); documented floor ${kb(bundleSize.documentedFloor.entry)} at start`,
    ratio: times(row.entry.raw / plain.raw),
    target: `≤ ${kb(row.targetBytes)} at start`,
    result: row.verdict,
    runs: '1',
  }));
}

export function perPushRows(perPush: BenchResults['perPush']): Row[] {
  return [
    {
      figure: 'per-push p50',
      subject: `handler ${perPush.handlerMs.p50.toFixed(2)} ms (${signedFine(perPush.addedMs.p50)})`,
      baseline: `bare pop-core ${perPush.bareMs.p50.toFixed(2)} ms; documented floor ${perPush.documentedMs.p50.toFixed(2)} ms (${times(perPush.documented.ratio)}; the handler is ${times(perPush.documented.overDocumented)} it)`,
      ratio: times(perPush.ratio.p50),
      target: `≤ ${times(perPush.targetRatio)}`,
      result: perPush.verdict,
      runs: String(perPush.iterations),
    },
    {
      figure: 'per-push p99',
      subject: `handler ${perPush.handlerMs.p99.toFixed(2)} ms (${signedFine(perPush.addedMs.p99)})`,
      baseline: `bare pop-core ${perPush.bareMs.p99.toFixed(2)} ms`,
      ratio: times(perPush.ratio.p99),
      target: '(no target)',
      result: '—',
      runs: String(perPush.iterations),
    },
  ];
}

export function fanOutRows(fanOut: BenchResults['fanOut']): Row[] {
  return [
    {
      figure: `fan-out ${fanOut.targets} targets`,
      subject: `handler ${ms(fanOut.medianMs.handler)}`,
      baseline: `ideal ${ms(fanOut.idealMs)}; bare ${ms(fanOut.medianMs.bare)} (${times(fanOut.ratioToIdeal.bare)})`,
      ratio: `${times(fanOut.handlerToBare)} bare (${times(fanOut.ratioToIdeal.handler)} ideal)`,
      target: `≤ ${times(fanOut.targetRatio)} bare`,
      result: fanOut.verdict,
      runs: String(fanOut.runs),
    },
  ];
}

export function memoryRows(memory: BenchResults['memory']): Row[] {
  return [
    {
      figure: 'first invocation (load + one push)',
      subject: `bundle ${ms(memory.firstInvocation.medianMs.bundle)}`,
      baseline: `bare node ${ms(memory.firstInvocation.medianMs.bare)}; plain ${ms(memory.firstInvocation.medianMs.plain)} (${times(memory.firstInvocation.plainRatio)}); floor, one signed round trip ${ms(memory.firstInvocation.medianMs.floor)} (${times(memory.firstInvocation.floor.ratio)}; the bundle is ${times(memory.firstInvocation.floor.overFloor)} the floor); documented floor ${ms(memory.firstInvocation.medianMs.documented)} (${times(memory.firstInvocation.documented.ratio)}; the bundle is ${times(memory.firstInvocation.documented.overDocumented)} it)`,
      ratio: times(memory.firstInvocation.ratio),
      target: `≤ ${times(memory.firstInvocation.targetRatio)} bare`,
      result: memory.firstInvocation.verdict,
      runs: String(memory.runs),
    },
    {
      figure: 'peak RSS, one invocation',
      subject: `bundle ${mb(memory.medianKb.bundle)}`,
      baseline: `bare node ${mb(memory.medianKb.bare)}; plain ${mb(memory.medianKb.plain)}`,
      ratio: times(memory.medianKb.bundle / memory.medianKb.plain),
      target: `≤ ${mb(memory.targetKb)}`,
      result: memory.verdict,
      runs: String(memory.runs),
    },
  ];
}

export function storeRows(store: BenchResults['store']): Row[] {
  const { keyedColdStart: cold, perChunk } = store;
  return [
    {
      figure: 'keyed cold start (load + first keyed push)',
      subject: `tablestore ${ms(cold.medianMs.tablestore)}`,
      baseline: `bare node ${ms(cold.medianMs.bare)}; memory store ${ms(cold.medianMs.memory)} (${times(cold.ratio.memory)}); floor, six signed round trips ${ms(cold.medianMs.floor)} (${times(cold.ratio.floor)}; tablestore is ${times(cold.ratio.overFloor)} the floor)`,
      ratio: times(cold.ratio.tablestore),
      target: `≤ ${times(cold.target)} bare`,
      result: cold.verdict,
      runs: String(cold.runs),
    },
    {
      figure: 'store time per chunk p50 (claim + complete)',
      subject: `tablestore ${perChunk.p50Ms.tablestore.toFixed(2)} ms (p99 ${perChunk.p99Ms.tablestore.toFixed(2)})`,
      baseline: `memory ${perChunk.p50Ms.memory.toFixed(3)} ms (p99 ${perChunk.p99Ms.memory.toFixed(3)})`,
      ratio: times(perChunk.p50Ms.tablestore / perChunk.p50Ms.memory),
      target: '(no target)',
      result: '—',
      runs: String(perChunk.requests * perChunk.chunksPerRequest),
    },
  ];
}

/**
 * One stage's figures as lines printed the moment the stage is measured: figure, ratio against
 * its same-run baseline, target and result.
 */
export function stageLines(rows: readonly Row[]): string {
  return rows
    .map(
      (row) => `  ${row.figure}: ${row.subject}; ${row.ratio} (target ${row.target}) ${row.result}`,
    )
    .join('\n');
}

/** The report as a Markdown table. */
export function formatTable(results: BenchResults): string {
  const header: Row = {
    figure: 'figure',
    subject: 'subject',
    baseline: 'baseline (same run)',
    ratio: 'ratio',
    target: 'target',
    result: 'result',
    runs: 'runs',
  };
  const rows = [
    ...sizeRows(results.bundleSize),
    ...coldStartRows(results.coldStart),
    ...perPushRows(results.perPush),
    ...fanOutRows(results.fanOut),
    ...memoryRows(results.memory),
    ...storeRows(results.store),
  ];
  const keys = Object.keys(header) as Array<keyof Row>;
  const widths = keys.map((key) => Math.max(...[header, ...rows].map((row) => row[key].length)));
  const line = (row: Row) =>
    `| ${keys.map((key, i) => row[key].padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
