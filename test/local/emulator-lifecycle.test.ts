import { describe, expect, it } from 'vitest';
import { startEmulator } from '#local/emulator/server.ts';
import {
  control,
  getQuery,
  pushParams,
  signed,
  signedPush,
} from '#test/local/helpers/emulator-client.ts';

describe('the emulator lifecycle', () => {
  it('listens on an ephemeral loopback port by default and closes idempotently', async () => {
    // Prepare
    const emulator = await startEmulator();

    // Act
    await emulator.close();
    await emulator.close();

    // Assess
    expect(emulator.port).toBeGreaterThan(0);
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
    await expect(fetch(`${emulator.url}/_pushes`)).rejects.toThrow(TypeError);
  });

  it('closes promptly while a delayed call is pending and drops that call', async () => {
    // Prepare
    const emulator = await startEmulator();
    emulator.setFaults([{ type: 'delay', ms: 10_000 }]);
    const pending = signedPush(emulator.url, emulator.mintCredentials()).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();

    // Act
    await emulator.close();

    // Assess
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await pending).toBeInstanceOf(TypeError);
  });

  it('logs method, path, status and duration only, never the query or credentials', async () => {
    // Prepare
    const lines: string[] = [];
    const emulator = await startEmulator({ log: (line) => lines.push(line) });
    const creds = emulator.mintCredentials();
    emulator.setFaults([{ type: 'delay', ms: 0 }, { type: 'reset' }]);

    try {
      // Act
      await getQuery(emulator.url, signed('GET', pushParams(creds), creds.accessKeySecret));
      await signedPush(emulator.url, creds).catch(() => undefined);
      await control(emulator.url, 'GET', '/_pushes');
      await new Promise((resolve) => setTimeout(resolve, 50));

      // Assess
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^GET \/ 200 \d+ms$/);
      expect(lines[1]).toMatch(/^POST \/ reset \d+ms$/);
      expect(lines[2]).toMatch(/^GET \/_pushes 200 \d+ms$/);
      const logged = lines.join('\n');
      for (const secret of [creds.securityToken, creds.accessKeySecret, creds.accessKeyId]) {
        expect(logged).not.toContain(secret);
      }
    } finally {
      await emulator.close();
    }
  });

  it('answers InternalError without internals when handling fails unexpectedly', async () => {
    // Prepare
    let broken = false;
    const emulator = await startEmulator({
      now: () => {
        if (broken) throw new Error('clock exploded at /secret/path');
        return new Date();
      },
    });
    const creds = emulator.mintCredentials();
    broken = true;

    try {
      // Act
      const answer = await signedPush(emulator.url, creds);

      // Assess
      expect(answer.status).toBe(500);
      expect(answer.json).toMatchObject({ Code: 'InternalError', HostId: 'mpaas.aliyuncs.com' });
      expect(answer.text).not.toContain('exploded');
    } finally {
      await emulator.close();
    }
  });

  it('honours a smaller body limit', async () => {
    // Prepare
    const emulator = await startEmulator({ bodyLimitBytes: 16 });

    try {
      // Act
      const answer = await control(emulator.url, 'POST', '/_sts', { durationSeconds: 123456789 });

      // Assess
      expect(answer.status).toBe(413);
      expect(answer.json.Message).toBe('The request body exceeds 16 bytes.');
    } finally {
      await emulator.close();
    }
  });
});
