/**
 * Bundles every function in `functions/` into `dist/<name>/index.mjs` (one file, exporting
 * `handler`) with esbuild, and writes `dist/<name>/meta.json` for the size report.
 *
 * One self-contained bundle per function keeps cold start low on FC: nothing is resolved from
 * node_modules at run time, and the runtime's preinstalled pop-core 1.7.13 is never picked up.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The function names: every folder of `functions/` with an `index.ts`. */
export async function functionNames(): Promise<string[]> {
  const entries = await readdir(path.join(root, 'functions'), { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const exists = await stat(path.join(root, 'functions', entry.name, 'index.ts')).catch(
      () => null,
    );
    if (exists) names.push(entry.name);
  }
  return names.sort();
}

/** Bundles one function and returns its size in bytes. */
export async function bundle(name: string): Promise<number> {
  const outfile = path.join(root, 'dist', name, 'index.mjs');
  const result = await build({
    entryPoints: [path.join(root, 'functions', name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
    // pop-core and httpx are CommonJS and require() Node built-ins; ESM output needs a require.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    // @alicloud/fc2 require()s these when it loads but uses them only for OSS code uploads and
    // WebSocket instance exec, which no function calls; the stub throws if that ever changes.
    alias: {
      'ali-oss': './scripts/stubs/unused-dependency.cjs',
      axios: './scripts/stubs/unused-dependency.cjs',
      ws: './scripts/stubs/unused-dependency.cjs',
    },
  });
  const output = result.metafile.outputs[path.relative(root, outfile).split(path.sep).join('/')];
  return output?.bytes ?? 0;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const names = only.length > 0 ? only : await functionNames();
  if (only.length === 0) await rm(path.join(root, 'dist'), { recursive: true, force: true });
  for (const name of names) {
    const bytes = await bundle(name);
    process.stdout.write(`dist/${name}/index.mjs  ${(bytes / 1024).toFixed(1)} KB\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
