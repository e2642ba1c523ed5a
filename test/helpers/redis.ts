/**
 * Starts a real, throwaway redis-server on a free loopback port for a test file, and stops it.
 *
 * The Redis store's guarantees (Lua atomicity, PEXPIRE, AUTH failures) are Redis's, so its tests
 * run against the real server rather than a mock. `redis-server` must be on PATH: .ci/run
 * installs it (Debian package `redis-server`). Outside CI its tests are skipped with one line
 * saying what to install (system-program.ts); in CI a missing server fails them.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createConnection, createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RedisServer {
  /** `redis://[:password@]127.0.0.1:<port>` */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 10_000;

/** Servers still running; killed when the test process exits, even if a test forgot to stop one. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A TCP port nothing listens on right now: bound by the OS, then released. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no TCP port was bound');
  return address.port;
}

/** Starts redis-server (no persistence) and resolves once it answers PING. */
export async function startRedis(options: { port?: number; password?: string } = {}) {
  assertRedisInstalled();
  const port = options.port ?? (await freePort());
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  if (options.password) args.push('--requirepass', options.password);
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout?.on('data', (data: Buffer) => (output += data.toString()));
  child.stderr?.on('data', (data: Buffer) => (output += data.toString()));
  try {
    await waitForPing(port, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`redis-server on port ${port} did not start: ${String(error)}\n${output}`);
  }
  const auth = options.password ? `:${encodeURIComponent(options.password)}@` : '';
  return {
    url: `redis://${auth}127.0.0.1:${port}`,
    port,
    stop: () => stop(child),
  } satisfies RedisServer;
}

function assertRedisInstalled(): void {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'redis-server is not on PATH; the Redis store tests need a real server. ' +
        'Install it with `apt-get install -y redis-server` (.ci/run does this).',
    );
  }
}

async function waitForPing(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    if (await answersPing(port)) return;
    await sleep(25);
  }
  throw new Error(`no PING answer within ${START_TIMEOUT_MS} ms`);
}

/** True when something on `port` answers PING as Redis does (+PONG, or -NOAUTH with a password). */
async function answersPing(port: number): Promise<boolean> {
  const socket = createConnection({ host: '127.0.0.1', port });
  try {
    await once(socket, 'connect');
    socket.write('PING\r\n');
    const [data] = (await once(socket, 'data')) as [Buffer];
    return /^(\+PONG|-NOAUTH)/.test(data.toString());
  } catch {
    return false;
  } finally {
    socket.destroy();
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
