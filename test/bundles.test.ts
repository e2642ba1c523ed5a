/**
 * The deployed bundles as FC loads them (dist/<name>/index.mjs, built by the global setup): what
 * a cold start pays for, and the stand-ins scripts/build.ts puts in for dependencies' modules.
 *
 * - No bundle loads, when imported, the Node built-ins that a dependency imports for a path no
 *   function takes (web streams for middy, zlib for httpx, tty for `debug`), nor pop-core's
 *   (https, tls, assert: the client loads pop-core on its first call): each is a compile that
 *   every cold start would pay.
 * - Nor the source modules only some requests need: the stores' code, and in http-push what a
 *   push without a key does not run (the store, dry runs, dispatch, progress, schedules, the
 *   OpenAPI document).
 * - The stand-ins behave as the modules they replace where the dependency uses them.
 * - `DEBUG=*` prints nothing: the dependencies' debug loggers would write signed requests to
 *   stderr, past the functions' redacting logger.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '#lib/handler/config.ts';
import { documentConfigOf } from '#lib/handler/openapi.ts';
import { openApiDocument } from '#lib/report/openapi/document.ts';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import { type BuiltHandler, builtHandler } from '#test/helpers/built.ts';
import {
  captureStdout,
  docsExample,
  fcContext,
  httpEvent,
  jsonPushEvent,
} from '#test/helpers/fc.ts';
import { functionNames } from '../scripts/build.ts';
import { ReadableStream as StandIn } from '../scripts/stubs/lazy-stream-web.mjs';
import { eagerFiles } from './bench/bundle-size.ts';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const names = await functionNames();

/** Runs ESM `source` in a fresh node with `env`; its stdout, stderr and exit status. */
function runModule(source: string, env: Record<string, string> = {}) {
  const { NODE_OPTIONS: _loader, ...inherited } = process.env;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: root,
    env: { ...inherited, ...env },
    encoding: 'utf8',
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** As `runModule`, without blocking this process (whose emulator the child calls). */
function runModuleAsync(source: string, env: Record<string, string>) {
  const { NODE_OPTIONS: _loader, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], {
    cwd: root,
    env: { ...inherited, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise<ReturnType<typeof runModule>>((resolve) => {
    child.on('close', (status) => resolve({ stdout, stderr, status }));
  });
}

describe('what a bundle loads at cold start', () => {
  it.each(names)(
    '%s loads no web streams, zlib, tty, https, tls or assert when imported',
    (name) => {
      const { stdout, status, stderr } = runModule(
        `await import('./dist/${name}/index.mjs'); console.log(JSON.stringify(process.moduleLoadList));`,
      );
      expect(status, stderr).toBe(0);
      const loaded = new Set(JSON.parse(stdout) as string[]);

      // https, tls and assert come with pop-core, which the mPaaS client loads on its first call;
      // nor `node:http` (problem titles are a table of their own), so neither are net and its
      // HTTP parser; Node's streams still come, with crypto
      for (const builtin of ['stream/web', 'zlib', 'tty', 'https', 'tls', 'assert', 'http']) {
        expect(loaded.has(`NativeModule ${builtin}`), builtin).toBe(false);
      }
      // the measurement itself works: what every function needs at load is there
      expect(loaded.has('NativeModule crypto')).toBe(true);
    },
  );
});

/** The source modules (lib/…) of what `name`'s bundle loads at start, from the source maps. */
async function sourcesAtStart(name: string): Promise<Set<string>> {
  const sources = new Set<string>();
  for (const file of await eagerFiles(path.join(root, 'dist', name, 'index.mjs'))) {
    // index.mjs is one line re-exporting the start chunk (the next test), with no map of its own
    if (file.endsWith(`${name}${path.sep}index.mjs`)) continue;
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
    for (const source of map.sources) {
      const local = /(?:^|\/)(lib\/.+)$/.exec(source)?.[1];
      if (local && !source.includes('node_modules')) sources.add(local);
    }
  }
  return sources;
}

describe('the source a bundle loads at cold start', () => {
  const STORES = [
    'lib/send/store/memory-store.ts',
    'lib/send/store/tablestore-store.ts',
    'lib/send/store/redis-store.ts',
  ];

  it.each(names)('%s loads no store until a request needs one', async (name) => {
    const sources = await sourcesAtStart(name);

    // the measurement itself works: the pipeline every push runs is there
    expect(sources).toContain('lib/validate/push-request.ts');
    for (const store of STORES) expect(sources, store).not.toContain(store);
  });

  it('http-push loads nothing a push without a key does not run', async () => {
    const sources = await sourcesAtStart('http-push');

    expect(sources).toContain('lib/send/fanout.ts');
    for (const lazy of [
      'lib/handler/store-scope.ts',
      'lib/send/store/bounded-store.ts',
      'lib/send/store/lazy-store.ts',
      'lib/plan/dry-run.ts',
      'lib/report/dry-run-answer.ts',
      'lib/send/dispatch.ts',
      'lib/handler/progress.ts',
      'lib/handler/schedules.ts',
      'lib/handler/openapi.ts',
      'lib/report/openapi/document.ts',
    ]) {
      expect(sources, lazy).not.toContain(lazy);
    }
  });

  it('the event functions load the store scope at start, as every message has a key', async () => {
    expect(await sourcesAtStart('mns-push')).toContain('lib/handler/store-scope.ts');
  });

  it.each(names)(
    '%s starts from one file of code: index.mjs re-exports the chunk the others are merged into',
    async (name) => {
      const dir = path.join(root, 'dist', name);
      const start = [...(await eagerFiles(path.join(dir, 'index.mjs')))];

      expect(start.map((file) => path.relative(dir, file))).toEqual([
        'index.mjs',
        expect.stringMatching(/^chunks\/start-[A-Z2-7]{8}\.mjs$/),
      ]);
      expect(readFileSync(path.join(dir, 'index.mjs'), 'utf8')).toMatch(
        /^export \* from '\.\/chunks\/start-[A-Z2-7]{8}\.mjs';\n$/,
      );
    },
  );

  it("shares the start's modules with the chunks loaded later, whatever URL the entry is imported by", async () => {
    // route-parameters.ts is in a chunk loaded on the first GET /schedules; the BadRequestError
    // it throws is answered as its 400 only if it is the start's class (a second copy of
    // errors.ts in that chunk would fail the problem middleware's instanceof: a 500). An entry
    // imported by a second URL (FC's docs do not say how its runtime imports a handler) is a
    // second module, and must still share its code with those chunks.
    captureStdout([]);
    try {
      const entry = pathToFileURL(path.join(root, 'dist', 'http-push', 'index.mjs')).href;
      const answers = [];
      for (const url of [entry, `${entry}?instance=2`]) {
        const { handler } = (await import(url)) as { handler: BuiltHandler };
        for (const request of [
          { method: 'GET', path: '/schedules', query: { pageSize: '0' } },
          { method: 'GET', path: '/pushes/has%20space' },
        ]) {
          const answer = (await handler(httpEvent(request), fcContext())) as { body: string };
          answers.push(JSON.parse(answer.body) as { status: number; code: string });
        }
      }

      const refusals = [
        { status: 400, code: 'InvalidQueryParameter' },
        { status: 400, code: 'InvalidPushId' },
      ];
      expect(answers).toMatchObject([...refusals, ...refusals]);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('the stand-ins', () => {
  it('answers instanceof ReadableStream as the global class does, for middy', () => {
    expect(new globalThis.ReadableStream()).toBeInstanceOf(StandIn);
    expect({ _readableState: {} }).not.toBeInstanceOf(StandIn);
    expect('body').not.toBeInstanceOf(StandIn);
  });

  it("loads zlib on first use and inflates as zlib does, for httpx's compressed answers", () => {
    const zlib = require('../scripts/stubs/lazy-zlib.cjs') as typeof import('node:zlib');
    const packed = gzipSync('{"ResultCode":"OK"}');

    expect('createGunzip' in zlib).toBe(true);
    expect(zlib.gunzipSync(packed).toString()).toBe('{"ResultCode":"OK"}');
    expect(typeof zlib.createInflate).toBe('function');
  });

  it('gives debug loggers that are off, with the shape the dependencies call', () => {
    type Logger = ((...args: unknown[]) => void) & {
      enabled: boolean;
      namespace: string;
      extend(sub: string, delimiter?: string): Logger;
    };
    type Factory = ((namespace: string) => Logger) & { default: Factory; enabled(): boolean };
    const debug = require('../scripts/stubs/silent-debug.cjs') as Factory;
    const logger = debug.default('ioredis:redis');

    expect(logger.enabled).toBe(false);
    expect(logger.extend('connection').namespace).toBe('ioredis:redis:connection');
    expect(logger('%s', 'Signature=abc')).toBeUndefined();
    expect(debug.enabled()).toBe(false);
  });
});

describe('a push through a bundle with DEBUG=*', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());

  it('is sent, and nothing but the JSON log lines is written', async () => {
    const event = jsonPushEvent(docsExample()).toString('base64');
    const context = fcContext(emulator.mintCredentials());
    const source = `
      const { handler } = await import('./dist/http-push/index.mjs');
      const event = Buffer.from(process.env.TEST_EVENT, 'base64');
      const response = await handler(event, JSON.parse(process.env.TEST_CONTEXT));
      console.log('STATUS ' + response.statusCode);
      process.exit(0);`;
    const env = {
      DEBUG: '*',
      MPAAS_ENDPOINT: emulator.url,
      MPAAS_APP_ID: 'ONEX570DA89211721',
      MPAAS_WORKSPACE_ID: 'test',
      IDEMPOTENCY_STORE: 'memory',
      TEST_EVENT: event,
      TEST_CONTEXT: JSON.stringify(context),
    };
    const run = await runModuleAsync(source, env);

    expect(run.stdout).toContain('STATUS 200');
    expect(run.stderr).toBe('');
    expect(emulator.pushes()).toHaveLength(1);
    for (const line of run.stdout.trim().split('\n').slice(0, -1)) {
      expect(() => JSON.parse(line), line).not.toThrow();
    }
  });
});

describe('the OpenAPI document of the bundles', () => {
  it.each(names)('%s carries no zod JSON Schema generator: the build ran it', (name) => {
    const files = readdirSync(path.join(root, 'dist', name), { recursive: true, encoding: 'utf8' });
    const generator = files.filter(
      (file) =>
        file.endsWith('.mjs') &&
        readFileSync(path.join(root, 'dist', name, file), 'utf8').includes(
          'Unprocessed schema. This is a bug in Zod.',
        ),
    );

    expect(generator).toEqual([]);
  });

  it('is served by the bundled http-push as the source generates it', async () => {
    const handler = await builtHandler('http-push');
    const event = httpEvent({ method: 'GET', path: '/openapi.json' });
    const lines: string[] = [];
    captureStdout(lines);

    const answer = (await handler(event, fcContext())) as { statusCode: number; body: string };

    expect(answer.statusCode).toBe(200);
    const served = JSON.parse(answer.body) as Record<string, unknown>;
    const source = openApiDocument(documentConfigOf(loadConfig(process.env)), new Date());
    expect(served.components).toEqual(source.components);
    expect(served.info).toEqual(source.info);
    vi.restoreAllMocks();
  });

  it('is written to dist/openapi.json by the build, with the default limits', () => {
    const built = JSON.parse(readFileSync(path.join(root, 'dist', 'openapi.json'), 'utf8')) as {
      components: unknown;
    };
    expect(built.components).toEqual(
      openApiDocument(documentConfigOf(loadConfig({})), new Date()).components,
    );
  });
});
