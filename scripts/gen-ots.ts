/**
 * Generates the Tablestore protobuf module, `lib/send/store/tablestore/proto/tablestore.js` and
 * its `tablestore.d.ts`, from the trimmed `tablestore.proto` beside them (`npm run gen:ots`).
 *
 * Static code keeps the client's cold start small: it needs only `protobufjs/minimal` at run
 * time, not the 2.7 MB compiled proto of the `tablestore` SDK nor protobufjs' parser. The output
 * is committed; `test/lib/send/store/tablestore/proto.test.ts` regenerates it into a temporary
 * folder and compares, so the committed files cannot drift from the `.proto`.
 *
 * Usage: `tsx scripts/gen-ots.ts [outDir]` (default: the proto folder itself).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The folder holding `tablestore.proto` and the committed output. */
export const PROTO_DIR = path.join(root, 'lib/send/store/tablestore/proto');

type Cli = { main(args: string[], callback: (error: Error | null) => void): unknown };

// protobufjs-cli is CommonJS without ESM entry points.
const require = createRequire(import.meta.url);
const pbjs = require('protobufjs-cli/pbjs.js') as Cli;
const pbts = require('protobufjs-cli/pbts.js') as Cli;

function run(cli: Cli, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    cli.main(args, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * The pbjs flags: an ES module importing only `protobufjs/minimal.js`, with encode and decode
 * and nothing else (no verify, JSON conversion, delimited variants, type URLs or services);
 * int64 fields typed as `number` (only the emulator writes one, the client reads none).
 */
export const PBJS_FLAGS = [
  '--target=static-module',
  '--wrap=esm',
  '--dependency=protobufjs/minimal.js',
  '--no-create',
  '--no-verify',
  '--no-convert',
  '--no-delimited',
  '--no-typeurl',
  '--no-service',
  '--force-number',
];

/**
 * Writes `tablestore.js` and `tablestore.d.ts` into `outDir`.
 * @example await generate(await mkdtemp(path.join(tmpdir(), 'ots-'))) // then compare with PROTO_DIR
 */
export async function generate(outDir: string = PROTO_DIR): Promise<void> {
  const js = path.join(outDir, 'tablestore.js');
  await run(pbjs, [...PBJS_FLAGS, `--out=${js}`, path.join(PROTO_DIR, 'tablestore.proto')]);
  await run(pbts, [`--out=${path.join(outDir, 'tablestore.d.ts')}`, js]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await generate(process.argv[2] ? path.resolve(process.argv[2]) : PROTO_DIR);
}
