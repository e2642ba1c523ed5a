/**
 * Bundles every function in `functions/` into `dist/<name>/index.mjs` (exporting `handler`),
 * with what only some invocations need in chunks beside it, loaded on first use.
 *
 * One self-contained bundle per function keeps cold start low on FC: nothing is resolved from
 * node_modules at run time, and the runtime's preinstalled pop-core 1.7.13 is never picked up;
 * everything a cold start loads is one file (`mergeStart`).
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { loadConfig } from '#lib/handler/config.ts';
import { documentConfigOf } from '#lib/handler/openapi.ts';
import { openApiDocument } from '#lib/report/openapi/document.ts';
import { zodRequestJsonSchema } from '#lib/report/openapi/zod-json.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Node built-ins that a dependency imports at its top level for a path no function takes, each
 * replaced, for that dependency only, by a stand-in in scripts/stubs/ that loads the real module
 * on first use. Together they kept about 3 ms of Node's own module compiling (with the `debug` stand-in) out of every cold
 * start (measured 2026-12-02; test/bench). Each stand-in says what its dependency uses it for.
 */
const LAZY_BUILTINS: readonly { dependency: string; builtin: RegExp; stub: string }[] = [
  { dependency: '@middy/core', builtin: /^node:stream\/web$/, stub: 'lazy-stream-web.mjs' },
  { dependency: 'httpx', builtin: /^(node:)?zlib$/, stub: 'lazy-zlib.cjs' },
];

/** The esbuild plugin of `LAZY_BUILTINS`. */
export function lazyBuiltins(): Plugin {
  return {
    name: 'lazy-builtins',
    setup(plugin) {
      for (const { dependency, builtin, stub } of LAZY_BUILTINS) {
        const importer = `${path.sep}node_modules${path.sep}${dependency.replace('/', path.sep)}${path.sep}`;
        plugin.onResolve({ filter: builtin }, (args) =>
          args.importer.includes(importer)
            ? { path: path.join(root, 'scripts', 'stubs', stub) }
            : undefined,
        );
      }
    },
  };
}

/**
 * The esbuild plugin that generates the push request's zod JSON Schema at build time: the module
 * lib/report/openapi/zod-json.ts is replaced by its output, so the bundles carry the JSON, not
 * zod's generator (test/bundles.test.ts checks both).
 */
export function prebuiltZodJson(): Plugin {
  return {
    name: 'prebuilt-zod-json',
    setup(plugin) {
      plugin.onResolve({ filter: /report\/openapi\/zod-json\.ts$/ }, (args) => ({
        path: args.path,
        namespace: 'prebuilt-zod-json',
      }));
      plugin.onLoad({ filter: /.*/, namespace: 'prebuilt-zod-json' }, () => ({
        contents: `const generated = ${JSON.stringify(zodRequestJsonSchema())};\nexport function zodRequestJsonSchema() { return structuredClone(generated); }\n`,
        loader: 'js',
      }));
    },
  };
}

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

/** Bytes FC loads at cold start (`entry`) and in chunks loaded only when needed (`lazy`). */
export interface BundleSize {
  entry: number;
  lazy: number;
}

/** pop-core and httpx are CommonJS and require() Node built-ins; ESM output needs a require. */
const REQUIRE_BANNER =
  "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

/** The esbuild settings both passes share. */
const OUTPUT = {
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
} as const;

/**
 * Bundles one function into `dist/<name>/index.mjs`. Code splitting keeps what only some
 * invocations need (ioredis, fc2, the stores, the routes a push does not take) in chunks beside
 * it, loaded by `import()` on first use; then `mergeStart` makes what a cold start loads one file.
 */
export function bundle(name: string): Promise<BundleSize> {
  return bundleEntry(path.join(root, 'functions', name, 'index.ts'), path.join(root, 'dist', name));
}

/**
 * Bundles one entry into `<outdir>/index.mjs` as `bundle` bundles a function: the same settings,
 * splitting and merge (test/bench builds its documented floor with it).
 */
export async function bundleEntry(entryPoint: string, into: string): Promise<BundleSize> {
  // absolute, so that the entry is found among esbuild's outputs whatever the caller passed
  const outdir = path.resolve(root, into);
  await rm(outdir, { recursive: true, force: true });
  const result = await build({
    ...OUTPUT,
    entryPoints: { index: entryPoint },
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: REQUIRE_BANNER },
    // @alicloud/fc2 require()s these when it loads but uses them only for OSS code uploads and
    // WebSocket instance exec, which no function calls; the stub throws if that ever changes.
    alias: {
      'ali-oss': './scripts/stubs/unused-dependency.cjs',
      axios: './scripts/stubs/unused-dependency.cjs',
      ws: './scripts/stubs/unused-dependency.cjs',
      // every `DEBUG` logger of the dependencies off: they print signed requests past the
      // redacting logger (scripts/stubs/silent-debug.cjs)
      debug: './scripts/stubs/silent-debug.cjs',
      // int64 as numbers, as the generated Tablestore code is typed (scripts/stubs/no-long.cjs)
      long: './scripts/stubs/no-long.cjs',
    },
    plugins: [lazyBuiltins(), prebuiltZodJson()],
  });
  const outputs = result.metafile.outputs;
  const entryFile = Object.keys(outputs).find(
    (file) => path.resolve(root, file) === path.join(outdir, 'index.mjs'),
  );
  // without it nothing would be merged, and the build would look fine
  if (entryFile === undefined) throw new Error(`esbuild wrote no ${outdir}/index.mjs`);
  // What FC loads at cold start: the entry and every chunk it imports statically, transitively.
  const eager = new Set<string>();
  const visit = (file: string): void => {
    if (eager.has(file) || !outputs[file]) return;
    eager.add(file);
    for (const imported of outputs[file].imports) {
      if (imported.kind === 'import-statement') visit(imported.path);
    }
  };
  visit(entryFile);
  const chunks = [...eager]
    .filter((file) => file !== entryFile)
    .map((file) => ({ file: path.join(root, file), exports: outputs[file]?.exports ?? [] }));
  const start = chunks.length > 0 ? await mergeStart(outdir, chunks) : undefined;
  return sizeOf(outdir, start);
}

/**
 * Makes what a cold start loads one file of code: the entry and the chunks it imports statically
 * are bundled again into `chunks/start-<hash>.mjs`, `index.mjs` becomes one line re-exporting it,
 * and each of those chunks a line that re-exports its bindings from it, for the chunks loaded
 * later that import them (so they share the one instance of each module: the same classes, the
 * same caches). Node's ESM loader resolves, reads and links every file on its own, about 0.4 ms
 * each on the bench machine (13 empty modules against one, 2026-12-02): http-push started with
 * 17 files (#11).
 *
 * Why not the code in `index.mjs` itself: the chunks' re-exports would then name `index.mjs`,
 * and a runtime that imports the entry by another URL (a query string, a symlinked path; FC's
 * docs do not say how its runtime imports a handler) would load a second copy of everything for
 * the first chunk loaded later. Every file here is imported by a relative path, so they resolve to
 * one URL whatever the entry's.
 */
async function mergeStart(
  outdir: string,
  chunks: readonly { file: string; exports: readonly string[] }[],
): Promise<string> {
  const entry = path.join(outdir, 'index.mjs');
  const eager = new Set([entry, ...chunks.map((chunk) => chunk.file)]);
  const alias = (index: number, name: string) => `__start${index}_${name}`;
  const lines = [`export * from ${JSON.stringify(entry)};`];
  chunks.forEach((chunk, index) => {
    if (chunk.exports.length === 0) return;
    const names = chunk.exports.map((name) => `${name} as ${alias(index, name)}`).join(', ');
    lines.push(`export { ${names} } from ${JSON.stringify(chunk.file)};`);
  });
  const chunksDir = path.join(outdir, 'chunks');
  // esbuild writes nothing unless the whole build succeeds: a failed merge leaves the split
  // build as it was, which runs as it is
  const result = await build({
    ...OUTPUT,
    stdin: {
      contents: lines.join('\n'),
      resolveDir: outdir,
      sourcefile: 'start.mjs',
      loader: 'js',
    },
    outdir: chunksDir,
    entryNames: 'start-[hash]',
    outExtension: { '.js': '.mjs' },
    // one require for the merged file, not one per file merged (each brings the banner)
    banner: { js: REQUIRE_BANNER },
    plugins: [
      {
        name: 'start-files',
        setup(plugin) {
          // a chunk loaded later stays where it is: its import() is written relative to the
          // start chunk, beside it in chunks/
          plugin.onResolve({ filter: /^\.\.?\// }, (args) => {
            const file = path.resolve(args.resolveDir, args.path);
            if (eager.has(file)) return undefined;
            return {
              path: `./${path.relative(chunksDir, file).split(path.sep).join('/')}`,
              external: true,
            };
          });
          // each merged file without its own banner: the line stays, empty, so that its
          // source map (read from its sourceMappingURL) still lines up
          plugin.onLoad({ filter: /\.mjs$/ }, async (args) => {
            if (!eager.has(args.path)) return undefined;
            const code = await readFile(args.path, 'utf8');
            if (!code.startsWith(REQUIRE_BANNER)) {
              throw new Error(`${args.path} does not start with the require banner`);
            }
            return {
              contents: code.slice(REQUIRE_BANNER.length),
              loader: 'js',
              resolveDir: path.dirname(args.path),
            };
          });
        },
      },
    ],
  });
  const output = Object.keys(result.metafile.outputs).find((file) => file.endsWith('.mjs'));
  if (output === undefined) throw new Error(`the merge of ${outdir} wrote no start chunk`);
  const start = path.basename(output);
  // the entry, then the chunks' re-exports, which name bindings only the start chunk has
  await writeFile(entry, `export * from './chunks/${start}';\n`);
  await rm(`${entry}.map`, { force: true });
  for (const [index, chunk] of chunks.entries()) {
    const names = chunk.exports.map((name) => `${alias(index, name)} as ${name}`).join(', ');
    // every chunk lives in chunks/, beside the start chunk
    await writeFile(chunk.file, names === '' ? '' : `export { ${names} } from './${start}';\n`);
    await rm(`${chunk.file}.map`, { force: true });
  }
  return start;
}

/**
 * The bytes of what `outdir`'s cold start loads (after `mergeStart`, `index.mjs` and the start
 * chunk it re-exports) and of the chunks loaded later (test/bench/bundle-size.ts finds the start
 * files again from the code).
 */
async function sizeOf(outdir: string, start: string | undefined): Promise<BundleSize> {
  const chunks = await readdir(path.join(outdir, 'chunks')).catch(() => [] as string[]);
  const size: BundleSize = { entry: (await stat(path.join(outdir, 'index.mjs'))).size, lazy: 0 };
  for (const file of chunks.filter((name) => name.endsWith('.mjs'))) {
    const bytes = (await stat(path.join(outdir, 'chunks', file))).size;
    if (file === start) size.entry += bytes;
    else size.lazy += bytes;
  }
  return size;
}

/**
 * Writes `dist/openapi.json`: the document `GET /openapi.json` serves, with the default limits
 * (a deployment's own limits are in what its function serves).
 */
export async function writeOpenApi(): Promise<string> {
  const document = openApiDocument(documentConfigOf(loadConfig({})), new Date());
  const file = path.join(root, 'dist', 'openapi.json');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const names = only.length > 0 ? only : await functionNames();
  if (only.length === 0) await rm(path.join(root, 'dist'), { recursive: true, force: true });
  for (const name of names) {
    const { entry, lazy } = await bundle(name);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    process.stdout.write(
      `dist/${name}: ${kb(entry)} loaded at cold start, ${kb(lazy)} on demand\n`,
    );
  }
  if (only.length === 0) process.stdout.write(`${path.relative(root, await writeOpenApi())}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
