/**
 * Bundle size: what each function loads at cold start (its entry and every chunk the entry
 * imports statically, transitively) and what it loads only on demand (chunks reached through
 * `import()`), raw and gzipped, beside a plain baseline: pop-core, zod and @middy/core bundled
 * from their package roots with the same esbuild settings.
 *
 * `bundle()` reports the raw bytes from esbuild's metafile; the gzip sizes need the files, so
 * the eager set is re-derived here from the static imports of the output and checked against
 * `bundle()`'s figures, so the two can never silently disagree.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { bundle } from '../../scripts/build.ts';
import { buildDocumentedFloor, childScript, root, snapshotBundle } from './paths.ts';
import { type Verdict, verdict } from './stats.ts';

/** Target: at most this many bytes loaded at cold start (250 KB, KB = 1024 bytes). */
export const ENTRY_TARGET_BYTES = 100 * 1024;

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface BundleSizeRow {
  name: string;
  /** Loaded at cold start: entry + statically imported chunks. */
  entry: Bytes & { files: string[] };
  /** Loaded on demand through `import()`. */
  lazy: Bytes & { files: string[] };
  targetBytes: number;
  verdict: Verdict;
}

export interface BundleSizeReport {
  functions: BundleSizeRow[];
  /** pop-core + zod + @middy/core package roots, bundled and minified like a function. */
  plainBaseline: Bytes;
  /** The documented floor (documented-floor.ts), built into the snapshot with the same build. */
  documentedFloor: { entry: number; lazy: number };
}

// Static `import … from "./x.mjs"`, `import "./x.mjs"` and `export … from "./x.mjs"`; a dynamic
// `import("./x.mjs")` has a parenthesis before the quote and is not matched.
const STATIC_IMPORT =
  /\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;

async function outputFiles(dir: string): Promise<string[]> {
  const chunks = await readdir(path.join(dir, 'chunks')).catch(() => [] as string[]);
  return [
    path.join(dir, 'index.mjs'),
    ...chunks.filter((file) => file.endsWith('.mjs')).map((file) => path.join(dir, 'chunks', file)),
  ];
}

/** The files a bundle's entry loads at start: itself and its static imports, transitively. */
export async function eagerFiles(entry: string): Promise<Set<string>> {
  const eager = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (eager.has(file)) return;
    eager.add(file);
    const code = await readFile(file, 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) {
      const specifier = match[1];
      if (specifier) await visit(path.resolve(path.dirname(file), specifier));
    }
  };
  await visit(entry);
  return eager;
}

async function measure(files: readonly string[]): Promise<Bytes> {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = await readFile(file);
    raw += bytes.length;
    // Per file, as each is stored and read separately (FC's code package is a zip of files).
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
}

async function measureFunction(name: string, snapshot: string): Promise<BundleSizeRow> {
  const built = await bundle(name);
  const dir = await snapshotBundle(snapshot, name);
  const files = await outputFiles(dir);
  const eager = await eagerFiles(path.join(dir, 'index.mjs'));
  const entryFiles = files.filter((file) => eager.has(file));
  const lazyFiles = files.filter((file) => !eager.has(file));
  const entry = await measure(entryFiles);
  const lazy = await measure(lazyFiles);
  if (entry.raw !== built.entry || lazy.raw !== built.lazy) {
    throw new Error(
      `${name}: static-import walk found ${entry.raw}/${lazy.raw} bytes eager/lazy, ` +
        `esbuild's metafile ${built.entry}/${built.lazy}`,
    );
  }
  const relative = (file: string) => path.relative(dir, file);
  return {
    name,
    entry: { ...entry, files: entryFiles.map(relative) },
    lazy: { ...lazy, files: lazyFiles.map(relative) },
    targetBytes: ENTRY_TARGET_BYTES,
    verdict: verdict(entry.raw, ENTRY_TARGET_BYTES),
  };
}

async function plainBaseline(): Promise<Bytes> {
  const result = await build({
    entryPoints: [childScript('plain-imports.mjs')],
    bundle: true,
    write: false,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minify: true,
    legalComments: 'none',
    logLevel: 'error',
    absWorkingDir: root,
  });
  let raw = 0;
  let gzip = 0;
  for (const file of result.outputFiles) {
    raw += file.contents.length;
    gzip += gzipSync(file.contents).length;
  }
  return { raw, gzip };
}

/**
 * Builds every function (a fresh clone needs nothing else), copies each bundle into `snapshot`
 * (the later figures run these copies), and measures it.
 * @example const { functions } = await measureBundleSizes(await functionNames(), snapshot);
 */
export async function measureBundleSizes(
  names: readonly string[],
  snapshot: string,
): Promise<BundleSizeReport> {
  const functions: BundleSizeRow[] = [];
  for (const name of names) functions.push(await measureFunction(name, snapshot));
  return {
    functions,
    plainBaseline: await plainBaseline(),
    documentedFloor: await buildDocumentedFloor(snapshot),
  };
}
