/**
 * The emulator's side of the push console (#12): the page and its files, the live feed of
 * changes, the state it draws (refusals with their codes and requests, never a credential), the
 * editable template registry, and the composer's way to the gateway.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import { signedPush } from '#test/local/helpers/emulator-client.ts';

/** A GET with a Host header of our choosing, which fetch does not let a caller set. */
function getWithHost(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${emulator.url}${path}`, { headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});

/** The next `change` event on the feed, after `act` ran. */
async function nextChange(act: () => Promise<unknown>): Promise<string> {
  const abort = new AbortController();
  const response = await fetch(`${emulator.url}/_events`, { signal: abort.signal });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  // the feed opens with a comment; then act, and read until an event arrives
  while (!text.includes(': connected')) text += decoder.decode((await reader.read()).value);
  await act();
  while (!text.includes('event: change')) text += decoder.decode((await reader.read()).value);
  abort.abort();
  return text.slice(text.indexOf('event: change'));
}

describe('the console routes', () => {
  it('serves the page, its script and styles, from this emulator only', async () => {
    const page = await fetch(emulator.consoleUrl);
    const script = await fetch(`${emulator.url}/_console/app.js`);
    const styles = await fetch(`${emulator.url}/_console/app.css`);

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain('/_console/app.js');
    expect(html).not.toMatch(/https?:\/\//);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).not.toMatch(/https?:\/\/(?!emulator)/);
    expect(styles.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('tells the feed of every change: a call, a fault queued', async () => {
    const credentials = emulator.mintCredentials();
    const call = await nextChange(() =>
      signedPush(emulator.url, credentials, { TemplateName: 'no-such-template' }),
    );
    const fault = await nextChange(() =>
      fetch(`${emulator.url}/_faults`, {
        method: 'PUT',
        body: JSON.stringify({ faults: [{ type: 'html' }] }),
      }),
    );

    expect(call).toContain('data: {"kind":"rpc"}');
    expect(fault).toContain('data: {"kind":"faults"}');
    emulator.clearFaults();
  });

  it('lists refusals with their code and request, and no credential', async () => {
    emulator.clearPushes();
    const credentials = emulator.mintCredentials();
    const unknown = await signedPush(emulator.url, credentials, {
      TemplateName: 'no-such-template',
    });
    emulator.setFaults([{ type: 'gateway', code: 'Throttling.User' }]);
    const throttled = await signedPush(emulator.url, credentials, {});

    const state = (await (await fetch(`${emulator.url}/_console/state`)).json()) as {
      refusals: Array<Record<string, unknown> & { params: Record<string, string> }>;
      composer: boolean;
      timeZone: string;
    };

    expect(state.refusals.map((refusal) => [refusal.kind, refusal.code])).toEqual([
      ['fault', 'Throttling.User'],
      ['result', '3022'],
    ]);
    expect(state.refusals[1]?.params.TemplateName).toBe('no-such-template');
    // each with the RequestId the caller was answered
    expect(state.refusals.map((refusal) => refusal.requestId)).toEqual([
      throttled.json.RequestId,
      unknown.json.RequestId,
    ]);
    const text = JSON.stringify(state);
    expect(text).not.toContain(credentials.securityToken);
    expect(text).not.toContain(credentials.accessKeyId);
    expect(text).not.toContain('Signature');
    expect(state.composer).toBe(false);
    expect(state.timeZone).toBe('Asia/Shanghai');
  });

  it('adds a template that a push can use at once, and refuses one that is not a template', async () => {
    const put = await fetch(`${emulator.url}/_templates`, {
      method: 'PUT',
      body: JSON.stringify({
        name: 'fresh',
        title: 'Hi #who#',
        content: 'Your order #id# shipped',
      }),
    });
    const bad = await fetch(`${emulator.url}/_templates`, {
      method: 'PUT',
      body: JSON.stringify({ name: '', content: 'x'.repeat(3000) }),
    });
    const answer = await signedPush(emulator.url, emulator.mintCredentials(), {
      TemplateName: 'fresh',
      TemplateKeyValue: JSON.stringify({ who: 'Ann', id: '42' }),
    });

    expect(put.status).toBe(200);
    expect(bad.status).toBe(400);
    expect(answer.json).toMatchObject({ ResultCode: 'OK' });
    expect(emulator.pushes().at(-1)).toMatchObject({
      title: 'Hi Ann',
      text: 'Your order 42 shipped',
    });
  });

  it("answers the composer's routes 404 until a gateway is connected", async () => {
    const push = await fetch(`${emulator.url}/_console/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const document = await fetch(`${emulator.url}/_console/openapi.json`);

    expect(push.status).toBe(404);
    expect(document.status).toBe(404);
  });

  it('forgets a feed when its page goes', async () => {
    await nextChange(() => fetch(`${emulator.url}/_faults`, { method: 'DELETE' }));
    // the aborted feed's response closes on the server a moment later
    for (let waited = 0; emulator.feeds() > 0 && waited < 2_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    expect(emulator.feeds()).toBe(0);
  });

  it('withholds the string to sign of a signature error, which holds the token', async () => {
    emulator.clearPushes();
    const credentials = emulator.mintCredentials();
    const wrong = { ...credentials, accessKeySecret: 'not-the-secret' };
    const refused = await signedPush(emulator.url, wrong, { TemplateName: 'template1024' });
    await signedPush(emulator.url, credentials, {});

    const text = await (await fetch(`${emulator.url}/_console/state`)).text();
    const state = JSON.parse(text) as { refusals: Array<{ code: string; message: string }> };

    expect(refused.json.Code).toBe('SignatureDoesNotMatch');
    expect(state.refusals[0]).toMatchObject({ code: 'SignatureDoesNotMatch' });
    expect(state.refusals[0]?.message).toMatch(/string to sign is: \[withheld\]$/);
    for (const secret of [credentials.securityToken, credentials.accessKeyId]) {
      for (const shown of [
        secret,
        encodeURIComponent(secret),
        encodeURIComponent(encodeURIComponent(secret)),
      ]) {
        expect(text).not.toContain(shown);
      }
    }
  });

  it('lists an injected result code as the fault it is', async () => {
    emulator.clearPushes();
    emulator.setFaults([
      { type: 'result', resultCode: '8011', resultMessage: 'FLOW_CONTROL_ERROR' },
    ]);
    await signedPush(emulator.url, emulator.mintCredentials(), {});

    expect(emulator.refusals().map((refusal) => [refusal.kind, refusal.code])).toEqual([
      ['fault', '8011'],
    ]);
  });

  it('answers only its own page: another Origin or Host is refused, a push must be JSON', async () => {
    const foreign = await fetch(`${emulator.url}/_console/state`, {
      headers: { origin: 'http://evil.example' },
    });
    const own = await fetch(`${emulator.url}/_console/state`, {
      headers: { origin: emulator.url },
    });
    const rebound = await getWithHost('/_console/state', `evil.example:${emulator.port}`);
    const plain = await fetch(`${emulator.url}/_console/push`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });

    expect(foreign.status).toBe(403);
    expect(own.status).toBe(200);
    expect(rebound).toBe(403);
    expect(plain.status).toBe(415);
  });

  it('lists a call refused for its size before it was read', async () => {
    const small = await startEmulator({ bodyLimitBytes: 1024 });
    try {
      const answer = await fetch(`${small.url}/?Action=PushTemplate`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `TargetMsgkey=${'x'.repeat(4096)}`,
      });

      expect(answer.status).toBe(413);
      expect(small.refusals()).toMatchObject([
        { kind: 'gateway', code: 'RequestEntityTooLarge', status: 413, action: 'PushTemplate' },
      ]);
    } finally {
      await small.close();
    }
  });
});
