/**
 * `authType: function` locally (#13): with `httpAuth: 'function'` (LOCAL_HTTP_AUTH=function in
 * npm start) the gateway's HTTP trigger takes only ACS3-HMAC-SHA256 signed requests, as FC 3.0's
 * gateway does, and examples/signed-push.mjs, run as a user runs it, signs a push that goes
 * through.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '#test/helpers/local-stack.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

describe('the HTTP trigger with authType function', () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startLocalStack({ httpAuth: 'function' });
  });
  afterAll(() => stack.close());

  it('sends the push that examples/signed-push.mjs signs with keys from the emulator', async () => {
    const { stdout } = await run(process.execPath, ['examples/signed-push.mjs'], {
      cwd: root,
      env: {
        ...process.env,
        HTTP_PUSH_URL: `${stack.gateway.url}/pushes`,
        STS_URL: `${stack.emulator.url}/_sts`,
      },
      timeout: 30_000,
    });

    expect(stdout).toMatch(/^200 \{"requestId":/);
    expect(stack.emulator.pushes()).toHaveLength(1);
  });

  it('refuses an unsigned request and one signed with another secret, before the function runs', async () => {
    const body = '{}';
    const unsigned = await fetch(`${stack.gateway.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const { signV3 } = (await import(path.join(root, 'examples/signed-push.mjs'))) as {
      signV3: (input: Record<string, unknown>) => Record<string, string>;
    };
    const keys = stack.emulator.mintCredentials();
    const { host: _host, ...headers } = signV3({
      method: 'POST',
      url: `${stack.gateway.url}/`,
      body,
      headers: { 'content-type': 'application/json' },
      credentials: { ...keys, accessKeySecret: 'not-the-secret' },
    });
    const wrong = await fetch(`${stack.gateway.url}/`, { method: 'POST', headers, body });

    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toMatchObject({ Code: 'AccessDenied' });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ Code: 'SignatureNotMatch' });
  });
});
