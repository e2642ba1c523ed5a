/**
 * What `npm start` says when a port it needs is taken: the port, the variable that moves it, and
 * an example, in one line instead of Node's `EADDRINUSE` stack.
 */

/** The servers `npm start` runs, with the variable that sets each one's port. */
export const PORT_VARIABLES = {
  'FC gateway': 'PORT',
  'mPaaS emulator': 'MPAAS_EMULATOR_PORT',
  'Tablestore emulator': 'TABLESTORE_EMULATOR_PORT',
} as const;

export type LocalServer = keyof typeof PORT_VARIABLES;

/**
 * The one line for a server that could not listen, or undefined when the error is not a port in
 * use (then the stack is the better report).
 *
 * @example
 * portInUseLine(Object.assign(new Error('x'), { code: 'EADDRINUSE' }), 'FC gateway', 9000);
 * // 'npm start: port 9000 (the FC gateway) is already in use; set PORT to a free port, e.g. PORT=9100 npm start'
 */
export function portInUseLine(
  error: unknown,
  server: LocalServer,
  port: number,
): string | undefined {
  if (!(error instanceof Error) || Reflect.get(error, 'code') !== 'EADDRINUSE') return undefined;
  const variable = PORT_VARIABLES[server];
  return `npm start: port ${port} (the ${server}) is already in use; set ${variable} to a free port, e.g. ${variable}=${port + 100} npm start`;
}

/**
 * Runs `start`; a port in use ends the process with that one line on stderr and exit code 1.
 *
 * @example
 * const emulator = await listening('mPaaS emulator', 9001, () => startEmulator({ port: 9001 }));
 */
export async function listening<T>(
  server: LocalServer,
  port: number,
  start: () => Promise<T>,
): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const line = portInUseLine(error, server, port);
    if (line === undefined) throw error;
    process.stderr.write(`${line}\n`);
    process.exit(1);
  }
}
