/**
 * The local push console (#12) in real browsers: headless Chromium and Firefox (Debian's
 * `chromium` and `firefox-esr`, driven by puppeteer-core over CDP and WebDriver BiDi; it
 * downloads no browser) open `/_console` on the local stack as `npm start` runs it. Each sees a
 * push sent through the gateway appear without a reload, rendered as the device shows it; sends
 * one from the composer; submits a bad one and sees the field's error beside the field; queues a
 * throttle and sees the refusal. Where a browser is missing its suite is skipped with one line
 * saying how to install it, except in CI, where it fails (test/helpers/system-program.ts).
 */
import { spawnSync } from 'node:child_process';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureStdout, docsExample } from '#test/helpers/fc.ts';
import { type LocalStack, startLocalStack } from '#test/helpers/local-stack.ts';
import { hasChromium, hasFirefox } from '#test/helpers/system-program.ts';

function pathOf(program: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  if (path === '') throw new Error(`${program} is not installed: apt-get install -y ${program}`);
  return path;
}

/** The browsers live in New York: the console must show schedules in the functions' zone. */
const BROWSER_ENV = { ...process.env, TZ: 'America/New_York' };

const BROWSERS = [
  {
    name: 'Chromium',
    present: hasChromium,
    // as root (CI containers) Chromium's sandbox cannot start; the page is our own
    launch: () =>
      puppeteer.launch({
        browser: 'chrome',
        executablePath: pathOf('chromium'),
        headless: true,
        args: ['--no-sandbox'],
        env: BROWSER_ENV,
      }),
  },
  {
    name: 'Firefox',
    present: hasFirefox,
    launch: () =>
      puppeteer.launch({
        browser: 'firefox',
        executablePath: pathOf('firefox-esr'),
        headless: true,
      }),
  },
];

/** Waits until `expression`, run in the page, is true. */
async function until(page: Page, expression: string): Promise<void> {
  await page.waitForFunction(expression, { timeout: 10_000 });
}

const text = (page: Page, selector: string) =>
  page.$eval(selector, (element) => element.textContent ?? '');

for (const browserKind of BROWSERS) {
  describe.runIf(browserKind.present())(`the push console in ${browserKind.name}`, () => {
    let stack: LocalStack;
    let browser: Browser;
    let page: Page;

    /** The docs' example with `overrides`, sent through the gateway. */
    const push = (overrides: Record<string, unknown> = {}) =>
      fetch(`${stack.gateway.url}/pushes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(docsExample(overrides)),
      });
    const cardOf = (target: string) =>
      `[...document.querySelectorAll('article.device')].find((card) => card.textContent.includes(${JSON.stringify(target)}))`;

    beforeAll(async () => {
      captureStdout([]);
      stack = await startLocalStack();
      stack.emulator.connectGateway(stack.gateway.url);
      browser = await browserKind.launch();
      page = await browser.newPage();
      await page.goto(stack.emulator.consoleUrl);
      await until(page, "document.getElementById('live').textContent === 'live'");
      await until(page, "document.getElementById('field-taskName') !== null");
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      await stack?.close();
      vi.restoreAllMocks();
    });

    it('labels every control, so it can be used by keyboard and screen reader', async () => {
      const unlabelled = await page.evaluate(
        "[...document.querySelectorAll('input, select, textarea')].filter((control) => control.labels.length === 0).map((control) => control.id)",
      );

      expect(unlabelled).toEqual([]);
    });

    it('shows a push sent through the gateway as its device shows it, without a reload', async () => {
      // the mPaaS docs' example, as the README's quick start sends it
      expect((await push()).status).toBe(200);

      await until(page, `${cardOf('user1024')} !== undefined`);
      const card = String(await page.evaluate(`${cardOf('user1024')}.textContent`));
      expect(card).toContain('Hello Alice, congratulations on winning 200 yuan');
      expect(card).toContain('Congratulations Alice');
      expect(card).toContain('user');
    });

    it('sends a push from the composer through the gateway, and shows it', async () => {
      await page.$eval(
        '#field-targetMsgkey',
        (field, value) => {
          Reflect.set(field, 'value', value);
        },
        '{"composer-user":"composer-msg-1"}',
      );
      await page.click('#composer-send');

      await until(
        page,
        "document.getElementById('composer-result').textContent.includes('200 SENT')",
      );
      expect(await text(page, '#composer-result')).toContain('1 of 1 sent');
      await until(page, `${cardOf('composer-user')} !== undefined`);
      const sent = stack.emulator.pushes().map((entry) => Object(entry.params.TargetMsgkey));
      expect(sent.some((targets) => 'composer-user' in targets)).toBe(true);
    });

    it('shows the field error of a bad push from the composer beside its field', async () => {
      await page.$eval('#field-templateName', (field) => {
        Reflect.set(field, 'value', 'a,b');
      });
      await page.click('#composer-send');

      await until(
        page,
        "document.getElementById('error-templateName').textContent.includes('comma')",
      );
      expect(await text(page, '#error-templateName')).toContain('must not contain a comma');
      const invalid = await page.$eval('#field-templateName', (field) =>
        field.getAttribute('aria-invalid'),
      );
      expect(invalid).toBe('true');
      expect(await text(page, '#composer-result')).toContain('400');
    });

    it('draws a Live Activity as its activity, and an SMS supplement with its parameters', async () => {
      const live = {
        deliveryType: 5,
        targetMsgkey: { [`la-${browserKind.name}`]: 'la-msg' },
        activityEvent: 'update',
        activityContentState: { progress: 0.6, eta: '12:40' },
      };
      const sms = {
        targetMsgkey: { [`sms-${browserKind.name}`]: 'sms-msg' },
        smsStrategy: 1,
        smsSignName: 'Shop',
        smsTemplateCode: 'SMS_1',
        smsTemplateParam: { code: '1234' },
      };
      for (const overrides of [live, sms]) expect((await push(overrides)).status).toBe(200);

      await until(page, `${cardOf(`la-${browserKind.name}`)} !== undefined`);
      await until(page, `${cardOf(`sms-${browserKind.name}`)} !== undefined`);
      const activity = String(
        await page.evaluate(`${cardOf(`la-${browserKind.name}`)}.textContent`),
      );
      const supplement = String(
        await page.evaluate(`${cardOf(`sms-${browserKind.name}`)}.textContent`),
      );
      expect(activity).toContain('Live Activity updates');
      expect(activity).toMatch(/progress\s*0\.6/);
      expect(activity).toContain('Live Activity (pushToken)');
      expect(supplement).toContain('SMS if not delivered: Shop SMS_1 {"code":"1234"}');
    });

    it('filters the inbox and groups it by target', async () => {
      await page.$eval('#inbox-filter', (field) => {
        Reflect.set(field, 'value', 'composer-user');
        field.dispatchEvent(new Event('input'));
      });
      const shown = async () =>
        page.evaluate(
          "[...document.querySelectorAll('article.device .device-head strong')].map((name) => name.textContent)",
        );
      expect(await shown()).toEqual(['composer-user']);

      await page.$eval('#inbox-filter', (field) => {
        Reflect.set(field, 'value', '');
        field.dispatchEvent(new Event('input'));
      });
      await page.select('#inbox-group', 'target');
      const groups = await page.evaluate(
        "[...document.querySelectorAll('#inbox-list h3')].map((heading) => heading.textContent)",
      );
      expect(groups).toContain('user1024');
      expect(groups).toContain('composer-user');
      await page.select('#inbox-group', 'request');
    });

    it('adds a template from its form that a push can use at once', async () => {
      const name = `console-${browserKind.name}`;
      await page.$eval(
        '#template-name',
        (field, value) => Reflect.set(field, 'value', value),
        name,
      );
      await page.$eval('#template-title', (field) => Reflect.set(field, 'value', 'Hi #who#'));
      await page.$eval('#template-content', (field) =>
        Reflect.set(field, 'value', 'Order #id# left'),
      );
      await page.click('#template-form button[type=submit]');
      await until(
        page,
        `document.getElementById('templates-list').textContent.includes(${JSON.stringify(name)})`,
      );

      const target = `tpl-${browserKind.name}`;
      const sent = await push({
        templateName: name,
        targetMsgkey: { [target]: `msg-${target}` },
        templateKeyValue: { who: 'Ann', id: '42' },
      });
      expect(sent.status).toBe(200);
      await until(page, `${cardOf(target)} !== undefined`);
      const card = String(await page.evaluate(`${cardOf(target)}.textContent`));
      expect(card).toContain('Hi Ann');
      expect(card).toContain('Order 42 left');
    });

    it('lists a scheduled push with its firing in the time zone, then cancelled', async () => {
      const fixedTime = Math.ceil((Date.now() + 86_400_000) / 60_000) * 60_000;
      const target = `later-${browserKind.name}`;
      const sent = await push({
        targetMsgkey: { [target]: `m-${target}` },
        strategyType: 1,
        StrategyContent: { fixedTime },
      });
      const taskId = String(
        ((await sent.json()) as { calls: Array<{ taskId: string }> }).calls[0]?.taskId,
      );
      const row = `[...document.querySelectorAll('#schedules-list tr')].find((tr) => tr.textContent.includes(${JSON.stringify(taskId)}))`;
      await until(page, `${row} !== undefined`);
      const shanghai = new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(fixedTime));

      expect(await text(page, '#schedules-zone')).toBe('Firings in Asia/Shanghai');
      expect(String(await page.evaluate(`${row}.textContent`))).toContain('pending');
      // the firing is shown at its Shanghai time, whatever the browser's own zone and locale
      expect(await page.evaluate(`${row}.cells[0].textContent`)).toBe(shanghai);
      await fetch(`${stack.gateway.url}/schedules/${taskId}`, { method: 'DELETE' });
      await until(page, `${row}.textContent.includes('cancelled')`);
    });

    it('queues a throttle from its button and shows the refusal it causes', async () => {
      await page.click('#fault-throttle');
      await until(
        page,
        "document.getElementById('faults-list').textContent.includes('Throttling.User')",
      );

      // the function retries a throttled call: the push is sent, the throttle is still listed
      const target = `throttled-${browserKind.name}`;
      expect((await push({ targetMsgkey: { [target]: `msg-${target}` } })).status).toBe(200);
      await until(
        page,
        `[...document.querySelectorAll('tr.refusal')].some((row) => row.textContent.includes('Throttling.User') && row.textContent.includes(${JSON.stringify(target)}))`,
      );
    });
  });
}
