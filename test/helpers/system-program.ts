/**
 * Tests that need a program from outside npm (redis-server, Chromium): where it is installed
 * they run; outside CI, where it is missing, they are skipped with one line saying what to
 * install; in CI (`CI=true`) they run anyway, so a missing program fails them loudly and CI never
 * passes on a skipped suite.
 */
import { spawnSync } from 'node:child_process';

const warned = new Set<string>();

/**
 * Whether the tests that need `program` should run here.
 * @example describe.runIf(hasProgram('redis-server', 'apt-get install -y redis-server'))('…', …)
 */
export function hasProgram(program: string, install: string): boolean {
  const probe = spawnSync(program, ['--version'], { encoding: 'utf8' });
  if (!probe.error && probe.status === 0) return true;
  if (process.env.CI === 'true') return true;
  if (!warned.has(program)) {
    warned.add(program);
    console.warn(`skipped: tests that need ${program}; install it with \`${install}\``);
  }
  return false;
}

/** redis-server, for the Redis store's tests. */
export const hasRedis = (): boolean =>
  hasProgram('redis-server', 'apt-get install -y redis-server');

/** Chromium (Debian's `chromium`), for the console's browser test. */
export const hasChromium = (): boolean => hasProgram('chromium', 'apt-get install -y chromium');

/** Firefox (Debian's `firefox-esr`), for the console's browser test. */
export const hasFirefox = (): boolean =>
  hasProgram('firefox-esr', 'apt-get install -y firefox-esr');
