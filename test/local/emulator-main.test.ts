import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, portFrom, runEmulatorCli } from '#local/emulator/main.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the emulator command line', () => {
  it('listens on port 9001 unless MPAAS_EMULATOR_PORT says otherwise', () => {
    // Act / Assess
    expect(portFrom({})).toBe(DEFAULT_PORT);
    expect(DEFAULT_PORT).toBe(9001);
    expect(portFrom({ MPAAS_EMULATOR_PORT: '' })).toBe(9001);
    expect(portFrom({ MPAAS_EMULATOR_PORT: '9100' })).toBe(9100);
  });

  it.each(['nine', '-1', '65536', '80.5'])('refuses the port %s', (value) => {
    // Act / Assess
    expect(() => portFrom({ MPAAS_EMULATOR_PORT: value })).toThrow(/MPAAS_EMULATOR_PORT/);
  });

  it('starts the emulator, prints its URL and logs requests', async () => {
    // Prepare
    const lines: string[] = [];

    // Act
    const emulator = await runEmulatorCli({ MPAAS_EMULATOR_PORT: '0' }, (l) => lines.push(l));

    try {
      await fetch(`${emulator.url}/_faults`);
      await new Promise((resolve) => setTimeout(resolve, 50));

      // Assess
      expect(lines[0]).toBe(`mPaaS OpenAPI emulator listening on ${emulator.url}`);
      expect(lines[1]).toMatch(/^GET \/_faults 200 \d+ms$/);
    } finally {
      await emulator.close();
    }
  });

  it('runs alone with tsx and stops cleanly on SIGTERM', async () => {
    // Prepare
    const child = spawn(process.execPath, ['--import', 'tsx', 'local/emulator/main.ts'], {
      cwd: root,
      env: { ...process.env, MPAAS_EMULATOR_PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [firstLine] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    const url = firstLine.replace('mPaaS OpenAPI emulator listening on ', '');

    // Act
    const answer = await fetch(`${url}/_pushes`);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;

    // Assess
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await answer.json()).toEqual({ pushes: [] });
    expect(code).toBe(0);
  });
});
