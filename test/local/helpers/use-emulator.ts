/**
 * The lifecycle every emulator test file shares: one emulator per file with freshly minted STS
 * credentials, its record of pushes and its fault queue cleared before each test, closed after.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import { mintOverHttp, type TestCredentials } from './emulator-client.ts';

export interface StartedEmulator {
  emulator: Emulator;
  creds: TestCredentials;
}

/**
 * Registers the hooks; `onStart` receives the emulator and credentials once they exist.
 * @example useEmulator((started) => ({ emulator, creds } = started));
 */
export function useEmulator(onStart: (started: StartedEmulator) => void): void {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator();
    onStart({ emulator, creds: await mintOverHttp(emulator.url) });
  });
  afterAll(async () => {
    await emulator?.close();
  });
  beforeEach(() => {
    emulator?.clearPushes();
    emulator?.clearFaults();
  });
}
