/**
 * The in-process side of the benchmark: an mPaaS emulator on loopback, the built `http-push`
 * handler configured against it, and the bare pop-core call it is compared with.
 *
 * The bare call is what a minimal implementation does per invocation: a pop-core RPCClient made
 * with that invocation's role credentials (FC hands out fresh ones every time), the same wire
 * parameters, `POST`, and one keep-alive agent reused across calls, as the handler's client
 * keeps one. Neither side sends an Idempotency-Key, and every call carries fresh msgKeys.
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import RPCClient from '@alicloud/pop-core';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import { CredentialStore } from '#local/emulator/sts.ts';
import type { BuiltHandler } from '#test/helpers/built.ts';
import { docsExample, fcContext, jsonPushEvent } from '#test/helpers/fc.ts';
import { bundlePath, DOCUMENTED_FLOOR } from './paths.ts';

export const APP_ID = 'ONEX570DA89211721';
export const WORKSPACE_ID = 'test';
export const API_VERSION = '2020-10-28';
/** The handler's default MPAAS_REQUEST_TIMEOUT_MS, given to the bare call too. */
const CALL_TIMEOUT_MS = 5000;

export interface Harness {
  emulator: Emulator;
  /** The emulator's STS, to share with the Tablestore emulator of the store figures. */
  sts: CredentialStore;
  /** The snapshot the handler was loaded from (see paths.ts). */
  snapshot: string;
  handler: BuiltHandler;
  /** The documented floor's handler (documented-floor.ts), built into the same snapshot. */
  documentedFloor: BuiltHandler;
  /** The wire parameters the handler sent for the docs example (TargetMsgkey replaced per call). */
  wireParams: Record<string, string>;
  close(): Promise<void>;
}

interface PushBody {
  PushResult?: { Success?: boolean };
  ResultCode?: string;
}

/** `count` target/msgKey pairs, unique per `tag` so that no two calls share a msgKey. */
export function targetPairs(count: number, tag: string): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`user${i}`, `${tag}-${i}`] as const),
  );
}

/** The HTTP trigger event of the docs example with these targets. */
export function pushEvent(targetMsgkey: Record<string, string>): Buffer {
  return jsonPushEvent(docsExample({ targetMsgkey }));
}

/** Runs `fn` with stdout swallowed: the handler's JSON log lines would otherwise be timed too. */
export async function silenced<T>(fn: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await fn();
  } finally {
    process.stdout.write = write;
  }
}

function statusCodeOf(response: unknown): number {
  if (typeof response === 'object' && response !== null && 'statusCode' in response) {
    return Number(response.statusCode);
  }
  return Number.NaN;
}

/** The FC context of one invocation, with fresh role credentials as FC hands them out. */
export function invocationContext(harness: Harness): InvocationContextOf {
  return fcContext(harness.emulator.mintCredentials());
}

type InvocationContextOf = ReturnType<typeof fcContext>;

/**
 * Invokes the built handler once as FC would; returns its HTTP status. Minting the context's
 * credentials is FC's work, not the handler's: a timed caller makes the context before its timer
 * starts, as the bare call's credentials are minted before its timer.
 */
export async function invokeHandler(
  harness: Harness,
  event: Buffer,
  context: InvocationContextOf = invocationContext(harness),
  handler: BuiltHandler = harness.handler,
): Promise<number> {
  return statusCodeOf(await handler(event, context));
}

const bareAgent = new http.Agent({ keepAlive: true, keepAliveMsecs: 1000 });

/** A bare pop-core PushTemplate call; throws unless mPaaS answered success. */
export async function bareCall(
  harness: Harness,
  targetMsgkey: Record<string, string>,
  credentials = harness.emulator.mintCredentials(),
): Promise<void> {
  const client = new RPCClient({
    endpoint: harness.emulator.url,
    apiVersion: API_VERSION,
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    securityToken: credentials.securityToken,
  });
  const params = { ...harness.wireParams, TargetMsgkey: JSON.stringify(targetMsgkey) };
  const body = await client.request<PushBody>('PushTemplate', params, {
    method: 'POST',
    timeout: CALL_TIMEOUT_MS,
    agent: bareAgent,
    formatParams: false,
  });
  if (body.PushResult?.Success !== true) {
    throw new Error(`bare PushTemplate failed: ${body.ResultCode ?? 'no ResultCode'}`);
  }
}

/** Wire form of what the emulator recorded: JSON-valued parameters back to strings. */
function toWire(params: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
}

/**
 * Starts the emulator, points the handler's environment at it, imports the built handler from
 * `snapshot`, and sends the docs example once to learn the exact wire parameters of the call.
 * @example const harness = await startHarness(snapshot); await invokeHandler(harness, pushEvent({ u: 'm' }));
 */
export async function startHarness(snapshot: string): Promise<Harness> {
  const sts = new CredentialStore(() => new Date(), 3600);
  const emulator = await startEmulator({ credentials: sts });
  process.env.MPAAS_ENDPOINT = emulator.url;
  process.env.MPAAS_APP_ID = APP_ID;
  process.env.MPAAS_WORKSPACE_ID = WORKSPACE_ID;
  const url = pathToFileURL(bundlePath(snapshot, 'http-push')).href;
  const { handler } = (await import(url)) as { handler: BuiltHandler };
  const floorUrl = pathToFileURL(bundlePath(snapshot, DOCUMENTED_FLOOR)).href;
  const { handler: documentedFloor } = (await import(floorUrl)) as { handler: BuiltHandler };
  const partial = {
    emulator,
    sts,
    snapshot,
    handler,
    documentedFloor,
    wireParams: {},
    close: () => emulator.close(),
  };
  const status = await silenced(() => invokeHandler(partial, pushEvent(targetPairs(1, 'probe'))));
  const recorded = emulator.pushes()[0];
  if (status !== 200 || recorded === undefined) {
    throw new Error(`http-push answered ${status} to the docs example; cannot benchmark it`);
  }
  emulator.clearPushes();
  // the documented floor must make the same call, or comparing it would say nothing
  const floorStatus = await silenced(() =>
    invokeHandler(partial, pushEvent(targetPairs(1, 'probe')), undefined, documentedFloor),
  );
  const floorRecorded = emulator.pushes()[0];
  if (
    floorStatus !== 200 ||
    floorRecorded === undefined ||
    JSON.stringify(toWire(floorRecorded.params)) !== JSON.stringify(toWire(recorded.params))
  ) {
    throw new Error(
      `the documented floor answered ${floorStatus} or sent other parameters than http-push`,
    );
  }
  emulator.clearPushes();
  return {
    ...partial,
    wireParams: toWire(recorded.params),
    close: async () => {
      bareAgent.destroy();
      await emulator.close();
    },
  };
}
