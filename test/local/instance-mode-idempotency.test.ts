/**
 * What a redelivery does to the built functions when FC reuses one warm instance and when it
 * scales out to a fresh instance per invocation (LOCAL_INSTANCE_MODE), with the idempotency
 * store they are configured with. The in-memory store lives in one instance, so it deduplicates
 * only while every delivery lands on the same instance; the shared Tablestore ledger (the
 * default of `npm start` and of a deployment) pushes once in both modes — which is what proves
 * the store matters.
 */
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { InstanceMode } from '#local/gateway/runtime.ts';
import { deliveries, pushes } from '#test/helpers/emulator.ts';
import { captureStdout, docsExample, fixture } from '#test/helpers/fc.ts';
import { type LocalStack, startLocalStack } from '#test/helpers/local-stack.ts';

interface StoreCase {
  store: string;
  tablestore: boolean;
  /** How often the same targets reach mPaaS from three deliveries, by instance mode. */
  pushes: Record<InstanceMode, number>;
}

const STORES: StoreCase[] = [
  { store: 'in-memory', tablestore: false, pushes: { reuse: 1, 'per-invocation': 3 } },
  { store: 'Tablestore', tablestore: true, pushes: { reuse: 1, 'per-invocation': 1 } },
];

const CASES = STORES.flatMap((store) =>
  (['reuse', 'per-invocation'] as const).map((instanceMode) => ({
    ...store,
    instanceMode,
    expected: store.pushes[instanceMode],
  })),
);

afterEach(() => {
  vi.restoreAllMocks();
});

async function stackFor(instanceMode: InstanceMode, tablestore: boolean) {
  const stack = await startLocalStack({ instanceMode, tablestore });
  onTestFinished(() => stack.close());
  return stack;
}

/** The `coldStart` of each summary line `name` wrote, in order. */
function coldStarts(stdout: string[], name: string): boolean[] {
  return stdout
    .join('')
    .split('\n')
    .filter((line) => line.includes('"invocation finished"') && line.includes(`"${name}"`))
    .map((line) => (JSON.parse(line) as { coldStart: boolean }).coldStart);
}

/** How many times each target of the docs example reached the emulator. */
async function pushedTargets(stack: LocalStack): Promise<number[]> {
  return [...deliveries(await pushes(stack.emulator.url)).values()];
}

const times = (count: number) => (count === 1 ? 'once' : `${count} times`);

describe('one message delivered three times, by instance mode and idempotency store', () => {
  for (const { store, instanceMode, tablestore, expected } of CASES) {
    it(`mns-push with the ${store} store (${instanceMode}) pushes the same targets ${times(expected)}`, async () => {
      const stdout: string[] = [];
      captureStdout(stdout);
      const stack = await stackFor(instanceMode, tablestore);
      const message = {
        ...fixture('mns-topic/json.json'),
        MessageId: `redelivered-${instanceMode}`,
        Message: JSON.stringify(docsExample()),
      };

      // MNS redelivers the same message, under a new request id each time, as FC's async retries.
      for (let delivery = 0; delivery < 3; delivery += 1) {
        expect((await stack.invoke('mns-push', message, 'Async')).status).toBe(202);
        await stack.gateway.runtime.drain();
      }

      expect(await pushedTargets(stack)).toEqual([expected]);
      expect(coldStarts(stdout, 'mns-push')).toEqual(
        instanceMode === 'reuse' ? [true, false, false] : [true, true, true],
      );
    });

    it(`http-push with the ${store} store (${instanceMode}) pushes one Idempotency-Key ${times(expected)}`, async () => {
      captureStdout([]);
      const stack = await stackFor(instanceMode, tablestore);

      const replayed: Array<string | null> = [];
      for (let request = 0; request < 3; request += 1) {
        const response = await fetch(`${stack.gateway.url}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': 'campaign-7' },
          body: JSON.stringify(docsExample()),
        });
        expect(response.status).toBe(200);
        replayed.push(response.headers.get('idempotent-replayed'));
      }

      expect(await pushedTargets(stack)).toEqual([expected]);
      expect(replayed.filter((header) => header === 'true')).toHaveLength(3 - expected);
    });
  }
});
