/**
 * The local push console's routes (#12): the page (`GET /_console`, its script and styles from
 * local/console/, nothing from elsewhere), its live feed (`GET /_events`, Server-Sent Events: one
 * `change` event whenever a push is accepted or refused, a schedule changes or a fault is used),
 * the state it draws (`GET /_console/state`), the template registry (`GET`/`PUT /_templates`),
 * and, when the emulator knows the local gateway, the composer's way to it: the OpenAPI document
 * (`GET /_console/openapi.json`) and `POST /_console/push`, sent on to the gateway's `/pushes`,
 * so the real function, its validation and signing run for every push composed in the page.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { RequestContext, Route } from './context.ts';
import { gatewayError } from './errors.ts';
import { sendJson } from './http-io.ts';

const CONSOLE_DIR = new URL('../console/', import.meta.url);

/** The console's files: name → media type. Nothing else is served. */
const FILES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

/** The newest pushes and refusals the state carries: enough for a page, bounded. */
const MAX_LISTED = 200;

/** How often an idle feed sends a comment, so proxies and browsers keep it open. */
const HEARTBEAT_MS = 15_000;

function serveFile(name: string): Route {
  return async function consoleFile(ctx: RequestContext): Promise<void> {
    const body = await readFile(fileURLToPath(new URL(name, CONSOLE_DIR)));
    ctx.res.writeHead(200, {
      'content-type': FILES[name] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-store',
      // the page runs its own script and styles only, and talks only to this emulator
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:",
    });
    ctx.res.end(body);
  };
}

export const consolePage = serveFile('index.html');
export const consoleScript = serveFile('app.js');
export const consoleStyles = serveFile('app.css');

/**
 * Whether a request comes from the console's own page: sent to this emulator by its loopback
 * name (a DNS-rebinding page has another Host), and from its origin when a browser says (another
 * site's form or script has another Origin). Anything else is refused 403: the console's routes
 * send pushes through the local function and show what it sent.
 */
function fromThePage(ctx: RequestContext): boolean {
  const host = ctx.req.headers.host ?? '';
  const port = ctx.req.socket.localPort;
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].map((name) => `${name}:${port}`);
  if (!loopback.includes(host)) return false;
  const origin = ctx.req.headers.origin;
  return origin === undefined || origin === `http://${host}`;
}

/** A console route, answered only for the console's own page. */
export function guarded(route: Route): Route {
  return function guardedRoute(ctx: RequestContext) {
    if (fromThePage(ctx)) return route(ctx);
    const message = "The console answers only its own page, at the emulator's loopback address.";
    const error = gatewayError('Forbidden', { status: 403, message });
    sendJson(ctx.res, error.status, error.body);
  };
}

/** `GET /_console/state`: what the page draws, newest first (without the calls' key ids). */
export const consoleState: Route = function consoleState(ctx) {
  const { state } = ctx;
  const pushes = state.pushes
    .list()
    .reverse()
    .slice(0, MAX_LISTED)
    .map(({ accessKeyId: _key, ...push }) => push);
  sendJson(ctx.res, 200, {
    now: state.now().toISOString(),
    pushes,
    refusals: state.refusals.list().reverse().slice(0, MAX_LISTED),
    schedules: state.schedules.list(),
    faults: state.faults.list(),
    templates: state.templates.list(),
    timeZone: state.timeZone,
    composer: state.gatewayUrl() !== undefined,
  });
};

/** `GET /_events`: a `change` event (`data: {"kind":…}`) on every change, until the page goes. */
export const consoleEvents: Route = function consoleEvents(ctx) {
  const { res, state } = ctx;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = state.changes.subscribe((kind) => {
    res.write(`event: change\ndata: ${JSON.stringify({ kind })}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': idle\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const end = () => res.end();
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
    state.closing.removeEventListener('abort', end);
  };
  // the request's own 'close' has fired once its body was read; the response's fires when the
  // page goes
  res.once('close', stop);
  state.closing.addEventListener('abort', end, { once: true });
};

/** `GET /_templates`: the registry, by name. */
export const listTemplates: Route = function listTemplates(ctx) {
  sendJson(ctx.res, 200, { templates: ctx.state.templates.list() });
};

/** `PUT /_templates`: adds a template `{ name, title?, content }`, or replaces its namesake. */
export const putTemplate: Route = function putTemplate(ctx) {
  let value: unknown;
  try {
    value = JSON.parse(ctx.body.toString('utf8'));
  } catch {
    return refuse(ctx, 'The request body is not valid JSON.');
  }
  try {
    const template = ctx.state.templates.put(value);
    ctx.state.changes.notify('templates');
    sendJson(ctx.res, 200, template);
  } catch (error) {
    const text = error instanceof z.ZodError ? z.prettifyError(error) : String(error);
    refuse(ctx, `Invalid template: ${text}`);
  }
};

function refuse(ctx: RequestContext, message: string): void {
  const error = gatewayError('InvalidParameter', { status: 400, message });
  sendJson(ctx.res, error.status, error.body);
}

/** The gateway's answer, passed on as it came (status, media type, body). */
async function relay(ctx: RequestContext, path: string, init: RequestInit): Promise<void> {
  const gateway = ctx.state.gatewayUrl();
  if (gateway === undefined) {
    const message = 'This emulator runs without the local gateway (npm start has both).';
    const error = gatewayError('NotFound', { status: 404, message });
    sendJson(ctx.res, error.status, error.body);
    return;
  }
  const answer = await fetch(`${gateway}${path}`, { ...init, signal: AbortSignal.timeout(30_000) });
  const body = Buffer.from(await answer.arrayBuffer());
  ctx.res.writeHead(answer.status, {
    'content-type': answer.headers.get('content-type') ?? 'application/json',
    'content-length': body.length,
  });
  ctx.res.end(body);
}

/** `GET /_console/openapi.json`: the gateway's OpenAPI document, for the composer's form. */
export const consoleOpenApi: Route = function consoleOpenApi(ctx) {
  return relay(ctx, '/openapi.json', { method: 'GET' });
};

/**
 * `POST /_console/push`: the composer's push, sent to the gateway's `POST /pushes` as it is. A
 * body that does not say it is JSON is refused 415, as the function would refuse it: a form of
 * another site can post text/plain without asking the browser first.
 */
export const consolePush: Route = function consolePush(ctx) {
  const type = (ctx.req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    const message = 'The composer posts application/json.';
    const error = gatewayError('UnsupportedMediaType', { status: 415, message });
    sendJson(ctx.res, error.status, error.body);
    return Promise.resolve();
  }
  const dryRun = ctx.url.searchParams.get('dryRun') === 'true' ? '?dryRun=true' : '';
  return relay(ctx, `/pushes${dryRun}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: ctx.body,
  });
};
