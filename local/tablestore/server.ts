/**
 * A local Tablestore on node:http that speaks the real wire protocol (`POST /<Operation>`,
 * protobuf bodies, PlainBuffer rows, `x-ots-*` signatures), so the wire client and the real SDK
 * can both be tested against it, and the local stack can keep its idempotency ledger in it.
 *
 * It checks signatures and STS tokens minted by its own STS (`local/emulator/sts.ts`), enforces
 * conditions, max versions and TTL on its clock (`now`, so tests can age rows), and suffers
 * injected faults. Control routes, outside the API: `PUT|GET|DELETE /_faults`, `POST /_sts`
 * (mint credentials) and `GET /_tables/<name>` (rows as JSON). It logs nothing unless given `log`,
 * and then only method, path, status and duration.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { closer, readBody, sendEmpty, sendJson } from '#local/emulator/http-io.ts';
import { CredentialStore, type StsCredentials } from '#local/emulator/sts.ts';
import { authenticate } from './auth.ts';
import { catalogued, OtsServiceError } from './errors.ts';
import {
  FaultListSchema,
  OPERATIONS,
  type Operation,
  type OtsFault,
  OtsFaultQueue,
  type QueuedOtsFault,
} from './faults.ts';
import { deleteRow, getRow, putRow, updateRow } from './row-operations.ts';
import {
  createTable,
  deleteTable,
  describeTable,
  type InstanceState,
  listTable,
  type OperationHandler,
} from './table-operations.ts';
import { type RowSnapshot, snapshot } from './tables.ts';

/** How to start the emulator; every field has a default. */
export interface TablestoreEmulatorOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** The instance name requests must carry in `x-ots-instancename`; default `local`. */
  instance?: string;
  /** The STS whose credentials are accepted; default a new one on the emulator's clock. */
  credentials?: CredentialStore;
  /**
   * The data clock, in ms: TTL, version timestamps and STS expiry; default `Date.now`. `x-ots-date`
   * is checked against the system clock, so tests can move this one days ahead.
   */
  now?: () => number;
  /** Receives one line per request (no headers, no bodies); default silent. */
  log?: (line: string) => void;
}

/** A running emulator and in-process access to its state. */
export interface TablestoreEmulator {
  /** The endpoint, e.g. `http://127.0.0.1:49152`. */
  url: string;
  port: number;
  instance: string;
  /** Mints STS credentials, as `POST /_sts` does; zero or negative duration: already expired. */
  mintCredentials(durationSeconds?: number): StsCredentials;
  /** Replaces the fault queue, as `PUT /_faults` does. @throws on an invalid fault */
  setFaults(faults: OtsFault[]): void;
  faults(): QueuedOtsFault[];
  clearFaults(): void;
  /** The rows of a table, sorted by key; undefined when there is no such table. */
  rows(table: string): RowSnapshot[] | undefined;
  /** Stops listening, drops connections and ends pending delays. Idempotent. */
  close(): Promise<void>;
}

/** Tablestore's request size limit. */
const BODY_LIMIT = 5 * 1024 * 1024;

const HANDLERS: Readonly<Record<Operation, OperationHandler>> = {
  CreateTable: createTable,
  DescribeTable: describeTable,
  ListTable: listTable,
  DeleteTable: deleteTable,
  GetRow: getRow,
  PutRow: putRow,
  UpdateRow: updateRow,
  DeleteRow: deleteRow,
};

interface EmulatorState extends InstanceState {
  instance: string;
  wallClock: () => number;
  credentials: CredentialStore;
  faults: OtsFaultQueue;
  closing: AbortSignal;
}

interface Answer {
  status: number;
  body: Uint8Array;
}

function isOperation(name: string): name is Operation {
  return (OPERATIONS as readonly string[]).includes(name);
}

function sendOts(res: ServerResponse, answer: Answer, now: number): void {
  res.writeHead(answer.status, {
    'x-ots-requestid': randomUUID(),
    'x-ots-date': new Date(now).toISOString(),
    'x-ots-contenttype': 'protocol buffer',
    'content-type': 'application/x-protobuf',
    'content-length': answer.body.length,
  });
  res.end(answer.body);
}

function sendError(res: ServerResponse, error: OtsServiceError, now: number): void {
  sendOts(res, { status: error.status, body: error.body() }, now);
}

function handle(operation: Operation, req: IncomingMessage, body: Buffer, state: EmulatorState) {
  try {
    authenticate(`/${operation}`, req.headers, body, state);
    return { status: 200, body: HANDLERS[operation](state, body) };
  } catch (error) {
    if (!(error instanceof OtsServiceError)) throw error;
    return { status: error.status, body: error.body() };
  }
}

/** The answer a fault replaces the call's with, if it does. */
function faultAnswer(fault: OtsFault | undefined): Answer | undefined {
  let error: OtsServiceError | undefined;
  if (fault?.type === 'unavailable') error = catalogued('OTSServerUnavailable');
  if (fault?.type === 'throttled') error = catalogued(fault.code ?? 'OTSServerBusy');
  if (fault?.type === 'error') error = catalogued(fault.code, fault.status, fault.message);
  return error && { status: error.status, body: error.body() };
}

async function serveOperation(
  operation: Operation,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  state: EmulatorState,
): Promise<void> {
  const fault = state.faults.take(operation);
  if (fault?.type === 'reset' && fault.afterApply !== true)
    return void req.socket.resetAndDestroy();
  if (fault?.type === 'slow') {
    try {
      await sleep(fault.ms, undefined, { signal: state.closing });
    } catch {
      return void req.socket.resetAndDestroy();
    }
  }
  const answer = faultAnswer(fault) ?? handle(operation, req, body, state);
  if (fault?.type === 'reset') return void req.socket.resetAndDestroy();
  sendOts(res, answer, state.now());
}

const StsRequestSchema = z.strictObject({ durationSeconds: z.number().finite().optional() });

function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8').trim();
  return text === '' ? undefined : JSON.parse(text);
}

type ControlRoute = (res: ServerResponse, body: Buffer, state: EmulatorState) => void;

const CONTROL_ROUTES: ReadonlyMap<string, ControlRoute> = new Map<string, ControlRoute>([
  [
    'PUT /_faults',
    function putFaults(res, body, state) {
      const parsed = FaultListSchema.safeParse(parseJson(body));
      if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
      state.faults.set(parsed.data.faults);
      sendJson(res, 200, { faults: state.faults.list() });
    },
  ],
  ['GET /_faults', (res, _body, state) => sendJson(res, 200, { faults: state.faults.list() })],
  [
    'DELETE /_faults',
    function clearFaults(res, _body, state) {
      state.faults.clear();
      sendEmpty(res, 204);
    },
  ],
  [
    'POST /_sts',
    function mint(res, body, state) {
      const parsed = StsRequestSchema.safeParse(parseJson(body) ?? {});
      if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
      sendJson(res, 200, state.credentials.mint(parsed.data.durationSeconds));
    },
  ],
]);

function serveControl(
  method: string,
  path: string,
  res: ServerResponse,
  body: Buffer,
  state: EmulatorState,
) {
  const route = CONTROL_ROUTES.get(`${method} ${path}`);
  if (route !== undefined) return route(res, body, state);
  const table = path.startsWith('/_tables/')
    ? state.tables.get(decodeURIComponent(path.slice('/_tables/'.length)))
    : undefined;
  if (table !== undefined && method === 'GET') {
    return sendJson(res, 200, { table: table.name, rows: snapshot(table, state.now()) });
  }
  sendJson(res, 404, { error: `No route for ${method} ${path}.` });
}

async function dispatch(req: IncomingMessage, res: ServerResponse, state: EmulatorState) {
  const path = new URL(req.url ?? '/', 'http://emulator.invalid').pathname;
  const method = req.method ?? '';
  const body = await readBody(req, BODY_LIMIT);
  if (body === undefined) {
    const message = 'The size of POST data is too large.';
    return sendError(res, new OtsServiceError(413, 'OTSRequestBodyTooLarge', message), state.now());
  }
  if (path.startsWith('/_')) {
    try {
      return serveControl(method, path, res, body, state);
    } catch {
      return sendJson(res, 400, { error: 'The request body is not valid JSON.' });
    }
  }
  const name = path.slice(1);
  if (method !== 'POST') {
    const message = 'Only POST method for requests is supported.';
    return sendError(res, new OtsServiceError(405, 'OTSMethodNotAllowed', message), state.now());
  }
  if (!isOperation(name)) {
    const message = `Unsupported operation: '${name}'.`;
    return sendError(res, new OtsServiceError(400, 'OTSUnsupportOperation', message), state.now());
  }
  await serveOperation(name, req, res, body, state);
}

function requestListener(state: EmulatorState, log: ((line: string) => void) | undefined) {
  return function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now();
    res.once('close', () => {
      const outcome = res.writableFinished ? String(res.statusCode) : 'reset';
      const path = new URL(req.url ?? '/', 'http://emulator.invalid').pathname;
      log?.(`${req.method ?? ''} ${path} ${outcome} ${Math.round(performance.now() - started)}ms`);
    });
    dispatch(req, res, state).catch(function onUnexpected() {
      if (res.headersSent) return void res.destroy();
      sendError(res, catalogued('OTSInternalServerError'), state.now());
    });
  };
}

/**
 * Starts a Tablestore emulator and resolves once it listens.
 * @example
 * const ots = await startTablestoreEmulator();
 * const credentials = ots.mintCredentials();
 * const table = otsTable({ endpoint: ots.url, instance: ots.instance, table: 'idem', primaryKey: 'id', credentials, timeoutMs: () => 1000 });
 */
export async function startTablestoreEmulator(
  options: TablestoreEmulatorOptions = {},
): Promise<TablestoreEmulator> {
  const now = options.now ?? Date.now;
  const abort = new AbortController();
  const state: EmulatorState = {
    instance: options.instance ?? 'local',
    credentials: options.credentials ?? new CredentialStore(() => new Date(now()), 3600),
    faults: new OtsFaultQueue(),
    tables: new Map(),
    now,
    wallClock: Date.now,
    closing: abort.signal,
  };
  const server = createServer(requestListener(state, options.log));
  const host = options.host ?? '127.0.0.1';
  server.listen(options.port ?? 0, host);
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    instance: state.instance,
    mintCredentials: (durationSeconds) => state.credentials.mint(durationSeconds),
    setFaults: (faults) => state.faults.set(FaultListSchema.parse({ faults }).faults),
    faults: () => state.faults.list(),
    clearFaults: () => state.faults.clear(),
    rows: (table) => {
      const found = state.tables.get(table);
      return found && snapshot(found, state.now());
    },
    close: closer(server, abort),
  };
}
