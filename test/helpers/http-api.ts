/**
 * The HTTP API through the http-push handler against a local mPaaS emulator, for the route
 * tests: registers the emulator's lifecycle and per-test environment, and calls the handler as
 * FC's HTTP trigger would, answering the parsed JSON body.
 */
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { handler } from '#functions/http-push/index.ts';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import { emulatorEnv } from '#test/helpers/emulator.ts';
import { captureStdout, fcContext, httpEvent } from '#test/helpers/fc.ts';

export interface ApiAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  json: Record<string, unknown>;
}

export interface HttpApi {
  /** The emulator of the current file, started before its tests. */
  readonly emulator: Emulator;
  /** What the handler wrote to stdout during the current test. */
  readonly stdout: string[];
  /** One request, JSON by default, with fresh role credentials. */
  call(options: Parameters<typeof httpEvent>[0]): Promise<ApiAnswer>;
}

/**
 * Registers the hooks; use the returned object inside tests.
 * @example const api = useHttpApi(); it('…', async () => { await api.call({ path: '/schedules', method: 'GET' }); });
 */
export function useHttpApi(): HttpApi {
  let emulator: Emulator | undefined;
  const stdout: string[] = [];
  const started = (): Emulator => {
    if (!emulator) throw new Error('useHttpApi: the emulator starts in beforeAll');
    return emulator;
  };
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator?.close();
  });
  beforeEach(() => {
    for (const [name, value] of Object.entries(emulatorEnv(started().url))) vi.stubEnv(name, value);
    stdout.length = 0;
    captureStdout(stdout);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    started().clearPushes();
    started().clearFaults();
  });
  return {
    get emulator() {
      return started();
    },
    stdout,
    async call(options) {
      const response = (await handler(
        httpEvent({ headers: { 'content-type': 'application/json' }, ...options }),
        fcContext(started().mintCredentials()),
      )) as Omit<ApiAnswer, 'json'>;
      return { ...response, json: JSON.parse(response.body) as Record<string, unknown> };
    },
  };
}
