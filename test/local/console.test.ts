/**
 * The local push console (#12) in a real browser: headless Chromium (Debian's `chromium`, driven
 * by playwright-core, which downloads nothing) opens `/_console` on the local stack as `npm
 * start` runs it, and sees a push sent through the gateway appear without a reload, rendered as
 * the device shows it; submits a bad push from the composer and sees the field's error beside
 * it; queues a throttle and sees the refusal. Where Chromium is missing the suite is skipped with
 * one line saying how to install it, except in CI, where it fails (test/helpers/system-program.ts).
 */
import { spawnSync } from 'node:child_process';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureStdout, docsExample } from '#test/helpers/fc.ts';
import { type LocalStack, startLocalStack } from '#test/helpers/local-stack.ts';
import { hasChromium } from '#test/helpers/system-program.ts';

function chromiumPath(): string {
  const found = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  if (path === '') throw new Error('chromium is not installed: apt-get install -y chromium');
  return path;
}

describe.runIf(hasChromium())('the push console in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    captureStdout([]);
    stack = await startLocalStack();
    stack.emulator.connectGateway(stack.gateway.url);
    // as root (CI containers) Chromium's sandbox cannot start; the page is our own
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
    page = await browser.newPage();
    await page.goto(stack.emulator.consoleUrl);
    await page.locator('#live', { hasText: 'live' }).waitFor();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    vi.restoreAllMocks();
  });

  it('labels every control, so it can be used by keyboard and screen reader', async () => {
    await page.locator('#field-taskName').waitFor();
    const unlabelled = await page.$$eval('input, select, textarea', (controls) =>
      controls
        .filter((control) => {
          // this project compiles without the DOM's types: a control's `labels`, read as data
          const labels = Reflect.get(control, 'labels') as ArrayLike<unknown> | null;
          return labels === null || labels.length === 0;
        })
        .map((control) => control.id),
    );

    expect(unlabelled).toEqual([]);
  });

  it('shows a push sent through the gateway as its device shows it, without a reload', async () => {
    // the mPaaS docs' example, as the README's quick start sends it
    const sent = await fetch(`${stack.gateway.url}/pushes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(docsExample()),
    });
    expect(sent.status).toBe(200);

    const card = page.locator('article.device', { hasText: 'user1024' });
    await card.waitFor({ timeout: 10_000 });
    expect(await card.textContent()).toContain('Hello Alice, congratulations on winning 200 yuan');
    expect(await card.textContent()).toContain('user');
    expect(await card.locator('.title').textContent()).toBe('Congratulations Alice');
  });

  it('sends a push from the composer through the gateway, and shows it', async () => {
    await page.locator('#field-targetMsgkey').fill('{"composer-user":"composer-msg-1"}');
    await page.locator('#composer-send').click();

    await page.locator('#composer-result', { hasText: '200 SENT' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('#composer-result').textContent()).toContain('1 of 1 sent');
    const card = page.locator('article.device', { hasText: 'composer-user' });
    await card.waitFor({ timeout: 10_000 });
    expect(
      stack.emulator.pushes().some((push) => 'composer-user' in Object(push.params.TargetMsgkey)),
    ).toBe(true);
  });

  it('shows the field error of a bad push from the composer beside its field', async () => {
    await page.locator('#field-templateName').fill('a,b');
    await page.locator('#composer-send').click();

    const error = page.locator('#error-templateName');
    await error.filter({ hasText: 'comma' }).waitFor({ timeout: 10_000 });
    expect(await error.textContent()).toContain('must not contain a comma');
    expect(await page.locator('#field-templateName').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#composer-result').textContent()).toContain('400');
  });

  it('queues a throttle from its button and shows the refusal it causes', async () => {
    await page.locator('#fault-throttle').click();
    await page.locator('#faults-list', { hasText: 'Throttling.User' }).waitFor();

    const body = docsExample({ targetMsgkey: { 'console-throttled': 'console-msg-2' } });
    const sent = await fetch(`${stack.gateway.url}/pushes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    // the function retries a throttled call: the push is sent, the throttle is still listed
    expect(sent.status).toBe(200);
    const refusal = page.locator('tr.refusal', { hasText: 'Throttling.User' });
    await refusal.waitFor({ timeout: 10_000 });
    expect(await refusal.textContent()).toContain('console-throttled');
  });
});
