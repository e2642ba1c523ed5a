/**
 * `npm run invoke -- <function> <event-file>`: runs one built function once with the bytes of an
 * event file, as FC would, against a fresh embedded mPaaS emulator, then prints the result, the
 * pushes the emulator accepted, and the function's log lines. Exit code 1 when the function threw.
 *
 * For replaying the sample events in test/fixtures/events/ (put a push request inside them) or
 * your own captured events, without a cloud account.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '#local/emulator/server.ts';
import { bundle, functionNames } from '../scripts/build.ts';
import { type InvocationResult, LocalRuntime } from './gateway/runtime.ts';
import { stsMinter } from './sts-client.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface InvokeReport {
  result: InvocationResult;
  pushes: unknown[];
}

/**
 * Builds `name`, invokes it once with `event`, and returns the outcome and what mPaaS received.
 * @example const { result } = await invokeOnce('timer-push', await readFile('event.json'));
 */
export async function invokeOnce(name: string, event: Buffer, build = true): Promise<InvokeReport> {
  if (build) await bundle(name);
  const emulator = await startEmulator();
  const env = process.env;
  env.MPAAS_APP_ID ??= 'ONEX570DA89211721';
  env.MPAAS_WORKSPACE_ID ??= 'test';
  const endpoint = env.MPAAS_ENDPOINT;
  env.MPAAS_ENDPOINT = emulator.url;
  try {
    const runtime = new LocalRuntime({
      distDir: path.join(root, 'dist'),
      credentials: stsMinter(emulator.url),
    });
    const result = await runtime.invoke(name, event);
    return { result, pushes: emulator.pushes() };
  } finally {
    if (endpoint === undefined) delete env.MPAAS_ENDPOINT;
    else env.MPAAS_ENDPOINT = endpoint;
    await emulator.close();
  }
}

/**
 * `npm run invoke -- <function> <event-file>`: the exit code, with what went wrong in one line
 * (a misspelt function lists the functions; an unreadable file says why) instead of a stack.
 *
 * @example await invokeCommand(['timer-push', 'examples/events/timer.json'], process.stderr)
 */
export async function invokeCommand(
  args: readonly string[],
  out: { write(text: string): unknown },
): Promise<number> {
  const [name, file] = args;
  if (!name || !file) {
    out.write('usage: npm run invoke -- <function> <event-file>\n');
    return 2;
  }
  const names = await functionNames();
  if (!names.includes(name)) {
    out.write(
      `npm run invoke: no function ${JSON.stringify(name)}; the functions are ${names.join(', ')}\n`,
    );
    return 2;
  }
  let event: Buffer;
  try {
    event = await readFile(file);
  } catch (error) {
    const reason = Reflect.get(Object(error), 'code') === 'ENOENT' ? 'no such file' : String(error);
    out.write(`npm run invoke: cannot read the event file ${JSON.stringify(file)}: ${reason}\n`);
    return 2;
  }
  const { result, pushes } = await invokeOnce(name, event);
  const output = result.ok ? { result: result.value } : { error: result.error };
  out.write(`${JSON.stringify({ ...output, pushes }, null, 2)}\n`);
  return result.ok ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await invokeCommand(process.argv.slice(2), process.stderr);
}
