/**
 * `results.svg`: one panel of horizontal bars per figure, subject beside baseline, with the
 * target drawn as a dashed line. Hand-written SVG, escaped, so it is valid XML with no library.
 */
import type { BenchResults } from './results.ts';

interface Bar {
  label: string;
  value: number;
  /** Text after the bar; defaults to the value with the panel's unit. */
  text?: string;
  kind: 'subject' | 'baseline' | 'ideal';
}

interface Panel {
  title: string;
  unit: string;
  bars: Bar[];
  target?: { value: number; label: string };
}

const WIDTH = 860;
const LABEL_WIDTH = 230;
const BAR_AREA = 470;
const BAR_HEIGHT = 16;
const BAR_GAP = 6;
const TITLE_HEIGHT = 28;
const PANEL_GAP = 22;
const COLORS: Record<Bar['kind'], string> = {
  subject: '#2563eb',
  baseline: '#9ca3af',
  ideal: '#10b981',
};

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function panelSvg(panel: Panel, top: number): { svg: string; height: number } {
  const values = [...panel.bars.map((bar) => bar.value), panel.target?.value ?? 0];
  const scale = BAR_AREA / Math.max(1e-9, ...values.filter(Number.isFinite));
  const parts = [`<text x="10" y="${top + 18}" class="title">${escapeXml(panel.title)}</text>`];
  // The target goes first so that bars and their values are drawn over its dashed line.
  const barsHeight = panel.bars.length * (BAR_HEIGHT + BAR_GAP);
  if (panel.target) {
    const x = (LABEL_WIDTH + panel.target.value * scale).toFixed(1);
    const y1 = top + TITLE_HEIGHT - 4;
    const y2 = top + TITLE_HEIGHT + barsHeight - BAR_GAP + 4;
    parts.push(
      `<line x1="${x}" y1="${y1}" x2="${x}" y2="${y2}" class="target"/>`,
      `<text x="${x}" y="${y2 + 12}" text-anchor="middle" class="note">${escapeXml(panel.target.label)}</text>`,
    );
  }
  panel.bars.forEach((bar, index) => {
    const y = top + TITLE_HEIGHT + index * (BAR_HEIGHT + BAR_GAP);
    const width = Math.max(0, Number.isFinite(bar.value) ? bar.value * scale : 0);
    const text =
      bar.text ??
      (panel.unit === '×' ? `${bar.value.toFixed(2)}×` : `${bar.value.toFixed(1)} ${panel.unit}`);
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${y + 12}" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${COLORS[bar.kind]}"/>`,
      `<text x="${(LABEL_WIDTH + width + 6).toFixed(1)}" y="${y + 12}">${escapeXml(text)}</text>`,
    );
  });
  return { svg: parts.join('\n'), height: TITLE_HEIGHT + barsHeight + (panel.target ? 16 : 0) };
}

function panels(results: BenchResults): Panel[] {
  const { perPush, fanOut, memory, bundleSize } = results;
  const mb = (kb: number) => kb / 1024;
  const first = memory.firstInvocation;
  return [
    {
      title:
        'Cold start: a process loading the bundle ÷ a bare node process (median of each round)',
      unit: '×',
      bars: results.coldStart.flatMap((row) => [
        { label: `${row.name} bundle`, value: row.ratio, kind: 'subject' as const },
        {
          label: `${row.name} documented floor`,
          value: row.documented.ratio,
          kind: 'baseline' as const,
        },
        {
          label: `${row.name} plain imports`,
          value: row.plainRatio,
          kind: 'baseline' as const,
        },
      ]),
      target: {
        value: results.coldStart[0]?.targetRatio ?? 1.25,
        label: `target ≤ ${results.coldStart[0]?.targetRatio ?? 1.25}×`,
      },
    },
    {
      title: 'Loaded at cold start (KB raw)',
      unit: 'KB',
      bars: [
        ...bundleSize.functions.map((row) => ({
          label: row.name,
          value: row.entry.raw / 1024,
          kind: 'subject' as const,
        })),
        {
          label: 'documented floor',
          value: bundleSize.documentedFloor.entry / 1024,
          kind: 'baseline' as const,
        },
        {
          label: 'plain (pop-core+zod+middy)',
          value: bundleSize.plainBaseline.raw / 1024,
          kind: 'baseline' as const,
        },
      ],
      target: {
        value: (bundleSize.functions[0]?.targetBytes ?? 0) / 1024,
        label: `target ≤ ${(bundleSize.functions[0]?.targetBytes ?? 0) / 1024} KB`,
      },
    },
    {
      title: `Per push, in-process (ms, ${perPush.iterations} calls each; target: p50 ≤ ${perPush.targetRatio}× bare)`,
      unit: 'ms',
      bars: [
        {
          label: 'handler p50',
          value: perPush.handlerMs.p50,
          text: `${perPush.handlerMs.p50.toFixed(2)} ms`,
          kind: 'subject',
        },
        {
          label: 'documented floor p50',
          value: perPush.documentedMs.p50,
          text: `${perPush.documentedMs.p50.toFixed(2)} ms`,
          kind: 'baseline',
        },
        {
          label: 'bare pop-core p50',
          value: perPush.bareMs.p50,
          text: `${perPush.bareMs.p50.toFixed(2)} ms`,
          kind: 'baseline',
        },
        {
          label: 'handler p99',
          value: perPush.handlerMs.p99,
          text: `${perPush.handlerMs.p99.toFixed(2)} ms`,
          kind: 'subject',
        },
        {
          label: 'bare pop-core p99',
          value: perPush.bareMs.p99,
          text: `${perPush.bareMs.p99.toFixed(2)} ms`,
          kind: 'baseline',
        },
      ],
    },
    {
      title: 'First invocation: a process loading http-push and sending one push ÷ bare node',
      unit: '×',
      bars: [
        { label: 'http-push bundle', value: first.ratio, kind: 'subject' },
        { label: 'documented floor', value: first.documented.ratio, kind: 'baseline' },
        { label: 'one signed round trip', value: first.floor.ratio, kind: 'baseline' },
        { label: 'plain imports + 1 call', value: first.plainRatio, kind: 'baseline' },
      ],
      target: { value: first.targetRatio, label: `target ≤ ${first.targetRatio}×` },
    },
    {
      title: `Fan-out: ${fanOut.targets} targets, ${fanOut.delayMs} ms per call (median ms)`,
      unit: 'ms',
      bars: [
        { label: 'http-push', value: fanOut.medianMs.handler, kind: 'subject' },
        { label: 'bare pop-core, 4 workers', value: fanOut.medianMs.bare, kind: 'baseline' },
        { label: 'ideal', value: fanOut.idealMs, kind: 'ideal' },
      ],
      target: {
        value: fanOut.medianMs.bare * fanOut.targetRatio,
        label: `target ≤ ${fanOut.targetRatio}× bare`,
      },
    },
    {
      title: 'Peak RSS of one invocation process (median MB)',
      unit: 'MB',
      bars: [
        { label: 'http-push bundle', value: mb(memory.medianKb.bundle), kind: 'subject' },
        { label: 'plain imports + 1 call', value: mb(memory.medianKb.plain), kind: 'baseline' },
        { label: 'bare node', value: mb(memory.medianKb.bare), kind: 'baseline' },
      ],
      target: { value: mb(memory.targetKb), label: `target ≤ ${mb(memory.targetKb)} MB` },
    },
  ];
}

function legend(): string {
  const items: Array<[string, string]> = [
    [COLORS.subject, 'this project'],
    [COLORS.baseline, 'baseline'],
    [COLORS.ideal, 'ideal'],
  ];
  const swatches = items.map(
    ([color, label], i) =>
      `<rect x="${10 + i * 95}" y="30" width="12" height="12" fill="${color}"/>` +
      `<text x="${26 + i * 95}" y="40" class="note">${escapeXml(label)}</text>`,
  );
  const x = 10 + items.length * 95;
  return [
    ...swatches,
    `<line x1="${x}" y1="36" x2="${x + 14}" y2="36" class="target"/>`,
    `<text x="${x + 18}" y="40" class="note">target</text>`,
  ].join('\n');
}

/** The chart as an SVG document. */
export function renderChart(results: BenchResults): string {
  const body: string[] = [];
  let top = 60;
  for (const panel of panels(results)) {
    const { svg, height } = panelSvg(panel, top);
    body.push(svg);
    top += height + PANEL_GAP;
  }
  const { machine } = results;
  const caption = `${machine.date} · Node.js ${machine.node} · ${machine.cpus} CPUs (${machine.cpuModel})`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${top}" viewBox="0 0 ${WIDTH} ${top}" font-family="system-ui, sans-serif" font-size="12">`,
    '<style>.title{font-weight:600;font-size:13px}.note{fill:#6b7280;font-size:11px}.target{stroke:#dc2626;stroke-width:1.5;stroke-dasharray:4 3}</style>',
    `<rect width="${WIDTH}" height="${top}" fill="#ffffff"/>`,
    `<text x="10" y="22" class="title">npm run bench</text>`,
    `<text x="130" y="22" class="note">${escapeXml(caption)}</text>`,
    legend(),
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
