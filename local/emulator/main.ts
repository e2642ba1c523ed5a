/**
 * Runs the emulator on its own: `npx tsx local/emulator/main.ts`.
 *
 * The local stack (functions run on the developer's machine) points its mPaaS endpoint at this
 * process. It listens on `MPAAS_EMULATOR_PORT` (default 9001) and `MPAAS_EMULATOR_HOST` (default
 * 127.0.0.1), prints its URL, logs one line per request (never parameters or secrets), and
 * closes cleanly on SIGINT or SIGTERM.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Emulator, startEmulator } from './server.ts';

/** The port the CLI uses when `MPAAS_EMULATOR_PORT` is not set. */
export const DEFAULT_PORT = 9001;

/**
 * Reads the port from the environment.
 * @throws Error when the value is not an integer between 0 and 65535
 * @example portFrom({ MPAAS_EMULATOR_PORT: '9100' }) // 9100
 */
export function portFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.MPAAS_EMULATOR_PORT;
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`MPAAS_EMULATOR_PORT must be an integer from 0 to 65535, got "${raw}"`);
  }
  return port;
}

/**
 * Starts the emulator as the CLI does and prints where it listens.
 * @example const emulator = await runEmulatorCli({ MPAAS_EMULATOR_PORT: '0' }, console.log)
 */
export async function runEmulatorCli(
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
): Promise<Emulator> {
  const emulator = await startEmulator({
    port: portFrom(env),
    host: env.MPAAS_EMULATOR_HOST || '127.0.0.1',
    log: print,
  });
  print(`mPaaS OpenAPI emulator listening on ${emulator.url}`);
  return emulator;
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const print = (line: string): void => void process.stdout.write(`${line}\n`);
  const emulator = await runEmulatorCli(process.env, print);
  const stop = (): void => {
    emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
