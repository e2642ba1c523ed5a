/**
 * A local mPaaS OpenAPI emulator on node:http: the RPC endpoint with real signature checks,
 * PushTemplate business rules, an STS that mints the only keys it accepts, a record of accepted
 * pushes, and injectable faults.
 *
 * It lets the push client be tested end to end over real loopback HTTP, with no cloud account,
 * and it checks signatures with code of its own, so it is an independent judge of the project's
 * signer. It logs nothing unless given `log`, and then only method, path (never the query,
 * which can carry a SecurityToken), status and duration.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import * as admin from './admin.ts';
import { Changes } from './changes.ts';
import * as console from './console.ts';
import type { EmulatorState, Route } from './context.ts';
import { gatewayError } from './errors.ts';
import { type Fault, FaultListSchema, FaultQueue, type QueuedFault } from './faults.ts';
import { closer, DEFAULT_BODY_LIMIT, readBody, sendJson } from './http-io.ts';
import { NonceCache } from './nonces.ts';
import { PushLog, type RecordedPush } from './push-log.ts';
import type { AppInstance } from './push-template.ts';
import { type Refusal, RefusalLog } from './refusal-log.ts';
import { handleRpc } from './rpc.ts';
import { ScheduleBook, type ScheduledTask } from './schedules.ts';
import { CredentialStore, type StsCredentials } from './sts.ts';
import { loadTemplates } from './template-registry.ts';

/** How to start an emulator; every field has a default. */
export interface EmulatorOptions {
  /** Port to listen on; default 0 (ephemeral). The CLI passes 9001. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Template registry; default `templates.json` beside this module. */
  templatesFile?: string;
  /** Known app instances; anything else fails with 8012 INVALID_INSTANCE_ID. */
  apps?: AppInstance[];
  /** The clock for timestamps, token expiry and nonce memory; default the system clock. */
  now?: () => Date;
  /** Lifetime of credentials minted without an explicit one; default 3600. */
  stsDurationSeconds?: number;
  /**
   * The STS whose credentials are accepted and minted; default a new one. `npm start` shares one
   * with the Tablestore emulator, so the role credentials of an invocation work with both.
   */
  credentials?: CredentialStore;
  /** Largest accepted request body in bytes; default 1 MB, beyond it 413. */
  bodyLimitBytes?: number;
  /** Receives one line per request (no parameters, no secrets); default silent. */
  log?: (line: string) => void;
  /** The time zone the console shows schedules in; default `Asia/Shanghai` (MPAAS_TIME_ZONE's). */
  timeZone?: string;
}

/** A running emulator and in-process access to its state. */
export interface Emulator {
  /** Base URL, e.g. `http://127.0.0.1:9001`; the RPC endpoint is `url + '/'`. */
  url: string;
  port: number;
  /** Stops listening, drops open connections and ends pending delays. Idempotent. */
  close(): Promise<void>;
  /** Copies of every accepted push, oldest first. */
  pushes(): RecordedPush[];
  clearPushes(): void;
  /** Every task of the scheduled and loop pushes accepted, cancelled ones included. */
  schedules(): ScheduledTask[];
  /** Mints STS credentials, as `POST /_sts` does. */
  mintCredentials(durationSeconds?: number): StsCredentials;
  /** Replaces the fault queue, as `PUT /_faults` does. @throws on an invalid fault */
  setFaults(faults: Fault[]): void;
  /** The queued faults, next first. */
  faults(): QueuedFault[];
  clearFaults(): void;
  /** Every call refused (signature errors, result codes, injected faults), oldest first. */
  refusals(): Refusal[];
  /** How many console pages listen on `GET /_events` now. */
  feeds(): number;
  /** Lets the console's composer send pushes through the local gateway at `url`. */
  connectGateway(url: string): void;
  /** The console page: `url + '/_console'`. */
  consoleUrl: string;
}

/** Known instances when none are given: the sample App ID in two workspaces. */
export const DEFAULT_APPS: readonly AppInstance[] = [
  { appId: 'ONEX570DA89211721', workspaceId: 'test' },
  { appId: 'ONEX570DA89211721', workspaceId: 'default' },
];

/** How long a nonce is remembered: a Timestamp may be 15 minutes ahead and still be valid
 * 15 minutes later, so 30 minutes covers every replay the clock check would let through. */
const NONCE_TTL_MS = 30 * 60 * 1000;

const ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>([
  ['GET /', handleRpc],
  ['POST /', handleRpc],
  ['POST /_sts', admin.mintCredentials],
  ['GET /_pushes', admin.listPushes],
  ['DELETE /_pushes', admin.clearPushes],
  ['GET /_schedules', admin.listSchedules],
  ['PUT /_faults', admin.putFaults],
  ['GET /_faults', admin.listFaults],
  ['DELETE /_faults', admin.clearFaults],
  ['GET /_refusals', admin.listRefusals],
  ['GET /_templates', console.guarded(console.listTemplates)],
  ['PUT /_templates', console.guarded(console.putTemplate)],
  ['GET /_events', console.guarded(console.consoleEvents)],
  ['GET /_console', console.guarded(console.consolePage)],
  ['GET /_console/app.js', console.guarded(console.consoleScript)],
  ['GET /_console/app.css', console.guarded(console.consoleStyles)],
  ['GET /_console/state', console.guarded(console.consoleState)],
  ['GET /_console/openapi.json', console.guarded(console.consoleOpenApi)],
  ['POST /_console/push', console.guarded(console.consolePush)],
]);

async function dispatch(
  req: IncomingMessage,
  res: ServerResponse,
  state: EmulatorState,
  bodyLimit: number,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const body = await readBody(req, bodyLimit);
  if (body === undefined) {
    const message = `The request body exceeds ${bodyLimit} bytes.`;
    const error = gatewayError('RequestEntityTooLarge', { status: 413, message });
    if (url.pathname === '/') {
      // a call refused before it was read: listed with what its query names, if anything
      state.refusals.add({
        requestId: error.body.RequestId,
        action: url.searchParams.get('Action') ?? '',
        kind: 'gateway',
        code: 'RequestEntityTooLarge',
        message,
        status: 413,
        params: {},
        receivedAt: state.now().toISOString(),
      });
      state.changes.notify('rpc');
    }
    sendJson(res, error.status, error.body);
    return;
  }
  const route = ROUTES.get(`${req.method ?? ''} ${url.pathname}`);
  if (route === undefined) {
    const message = `No route for ${req.method ?? ''} ${url.pathname}.`;
    const error = gatewayError('NotFound', { status: 404, message });
    sendJson(res, error.status, error.body);
    return;
  }
  await route({ req, res, url, body, state });
}

function requestListener(state: EmulatorState, options: EmulatorOptions) {
  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  return function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const started = Date.now();
    const path = new URL(req.url ?? '/', 'http://emulator.invalid').pathname;
    res.once('close', () => {
      const outcome = res.writableFinished ? String(res.statusCode) : 'reset';
      options.log?.(`${req.method ?? ''} ${path} ${outcome} ${Date.now() - started}ms`);
    });
    dispatch(req, res, state, bodyLimit).catch(function onUnexpected() {
      // Never leak internals: the standard 500 body, or a dropped socket if already answering.
      if (res.headersSent) return void res.destroy();
      const error = gatewayError('InternalError');
      sendJson(res, error.status, error.body);
    });
  };
}

async function buildState(
  options: EmulatorOptions,
  closing: AbortSignal,
  gatewayUrl: () => string | undefined,
): Promise<EmulatorState> {
  const now = options.now ?? (() => new Date());
  const file = options.templatesFile ?? fileURLToPath(new URL('./templates.json', import.meta.url));
  return {
    credentials:
      options.credentials ?? new CredentialStore(now, options.stsDurationSeconds ?? 3600),
    nonces: new NonceCache({ ttlMs: NONCE_TTL_MS, maxEntries: 100_000, now }),
    faults: new FaultQueue(),
    pushes: new PushLog(),
    refusals: new RefusalLog(),
    changes: new Changes(),
    schedules: new ScheduleBook(),
    templates: await loadTemplates(file),
    apps: options.apps ?? DEFAULT_APPS,
    now,
    timeZone: options.timeZone ?? 'Asia/Shanghai',
    gatewayUrl,
    closing,
  };
}

/**
 * Starts an emulator and resolves once it listens.
 * @example const emulator = await startEmulator(); const creds = emulator.mintCredentials();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const abort = new AbortController();
  let gateway: string | undefined;
  const state = await buildState(options, abort.signal, () => gateway);
  const server = createServer(requestListener(state, options));
  const host = options.host ?? '127.0.0.1';
  server.listen(options.port ?? 0, host);
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    consoleUrl: `${url}/_console`,
    port,
    close: closer(server, abort),
    pushes: () => state.pushes.list(),
    clearPushes: () => {
      state.pushes.clear();
      state.schedules.clear();
      state.refusals.clear();
      state.changes.notify('pushes');
    },
    schedules: () => state.schedules.list(),
    mintCredentials: (durationSeconds) => state.credentials.mint(durationSeconds),
    setFaults: (faults) => {
      state.faults.set(FaultListSchema.parse({ faults }).faults);
      state.changes.notify('faults');
    },
    faults: () => state.faults.list(),
    clearFaults: () => {
      state.faults.clear();
      state.changes.notify('faults');
    },
    refusals: () => state.refusals.list(),
    feeds: () => state.changes.size,
    connectGateway: (gatewayUrl) => {
      gateway = gatewayUrl.replace(/\/+$/, '');
    },
  };
}
