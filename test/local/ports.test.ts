/**
 * `npm start` on a busy port (#9): one line naming the port, the server and the variable that
 * moves it, and exit code 1, instead of Node's EADDRINUSE stack.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { portInUseLine } from '#local/ports.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const inUse = () => Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });

describe('portInUseLine', () => {
  it('names the port, the server and its variable', () => {
    expect(portInUseLine(inUse(), 'mPaaS emulator', 9001)).toBe(
      'npm start: port 9001 (the mPaaS emulator) is already in use; set MPAAS_EMULATOR_PORT to a free port, e.g. MPAAS_EMULATOR_PORT=9101 npm start',
    );
    expect(portInUseLine(inUse(), 'FC gateway', 9000)).toContain('set PORT to a free port');
  });

  it('leaves any other error to its stack', () => {
    expect(portInUseLine(new Error('EACCES'), 'FC gateway', 80)).toBeUndefined();
    expect(portInUseLine('EADDRINUSE', 'FC gateway', 80)).toBeUndefined();
  });
});

describe('npm start on a busy port', () => {
  it('exits with one line naming the gateway port and PORT', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(port),
          MPAAS_EMULATOR_PORT: '0',
          TABLESTORE_EMULATOR_PORT: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const [code] = (await once(child, 'exit')) as [number | null];

      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        `npm start: port ${port} (the FC gateway) is already in use; set PORT to a free port, e.g. PORT=${port + 100} npm start`,
      );
    } finally {
      blocker.close();
    }
  }, 60_000);
});
