/**
 * The local stack as `npm start` runs it, for tests that talk to it over loopback: the mPaaS
 * emulator and the FC gateway running the built functions (`dist/`), whose environment points
 * them at the emulator, and the idempotency store: memory, or with `tablestore` the embedded
 * Tablestore ledger (one STS for both emulators). `environment` adds variables for every function
 * instance without touching the test process's own environment.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Emulator, startEmulator } from '#local/emulator/server.ts';
import { CredentialStore } from '#local/emulator/sts.ts';
import { type Gateway, type GatewayOptions, startGateway } from '#local/gateway/server.ts';
import { stsMinter } from '#local/sts-client.ts';
import { startLocalLedger } from '#local/tablestore/ledger.ts';
import { emulatorEnv } from '#test/helpers/emulator.ts';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');

export interface LocalStack {
  emulator: Emulator;
  gateway: Gateway;
  /** A sync or async invocation of `name` through the gateway's invoke API. */
  invoke(name: string, event: unknown, type?: 'Sync' | 'Async'): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Starts an emulator and a gateway on 127.0.0.1 ports of their own.
 * @example const stack = await startLocalStack({ instanceMode: 'per-invocation' });
 */
export async function startLocalStack(
  options: Partial<Omit<GatewayOptions, 'distDir' | 'credentials'>> & {
    /** With the embedded Tablestore ledger, as `npm start` has it. */
    tablestore?: boolean;
  } = {},
): Promise<LocalStack> {
  const { tablestore, ...gatewayOptions } = options;
  const sts = new CredentialStore(() => new Date(), 3600);
  const emulator = await startEmulator({ credentials: sts });
  const ledgerEnv: NodeJS.ProcessEnv = tablestore ? {} : { IDEMPOTENCY_STORE: 'memory' };
  const ledger = await startLocalLedger(ledgerEnv, sts, 0);
  const storeEnv = Object.fromEntries(
    Object.entries(ledgerEnv).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const gateway = await startGateway({
    ...gatewayOptions,
    distDir: dist,
    credentials: stsMinter(emulator.url),
    // as npm start: a signed HTTP trigger knows the keys the emulator's STS minted
    httpAuthLookup: (id) => sts.find(id),
    environment: {
      ...emulatorEnv(emulator.url),
      ...(tablestore ? { IDEMPOTENCY_STORE: 'tablestore' } : {}),
      ...storeEnv,
      ...options.environment,
    },
  });
  return {
    emulator,
    gateway,
    invoke: (name, event, type = 'Sync') =>
      fetch(`${gateway.url}/2023-03-30/functions/${name}/invocations`, {
        method: 'POST',
        headers: { 'x-fc-invocation-type': type },
        body: JSON.stringify(event),
      }),
    close: async () => {
      await gateway.close();
      await ledger.close();
      await emulator.close();
    },
  };
}
