/**
 * Talks to a running emulator over HTTP, as a test would from outside the process.
 */
export interface RecordedPush {
  action: string;
  apiVersion: string;
  params: Record<string, unknown>;
  accessKeyId: string;
  text: string;
}

export async function mint(emulatorUrl: string) {
  const response = await fetch(`${emulatorUrl}/_sts`, { method: 'POST' });
  return (await response.json()) as {
    accessKeyId: string;
    accessKeySecret: string;
    securityToken: string;
  };
}

export async function pushes(emulatorUrl: string): Promise<RecordedPush[]> {
  const response = await fetch(`${emulatorUrl}/_pushes`);
  return ((await response.json()) as { pushes: RecordedPush[] }).pushes;
}

export async function clearPushes(emulatorUrl: string): Promise<void> {
  await fetch(`${emulatorUrl}/_pushes`, { method: 'DELETE' });
}

export async function injectFaults(
  emulatorUrl: string,
  faults: Array<Record<string, unknown>>,
): Promise<void> {
  const response = await fetch(`${emulatorUrl}/_faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ faults }),
  });
  if (!response.ok) throw new Error(`PUT /_faults answered ${response.status}`);
}

export async function clearFaults(emulatorUrl: string): Promise<void> {
  await fetch(`${emulatorUrl}/_faults`, { method: 'DELETE' });
}

/** How many times each target reached mPaaS, from the emulator's record of accepted pushes. */
export function deliveries(
  received: ReadonlyArray<{ params: Record<string, unknown> }>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const push of received) {
    for (const target of Object.keys(push.params.TargetMsgkey as Record<string, string>)) {
      counts.set(target, (counts.get(target) ?? 0) + 1);
    }
  }
  return counts;
}

/** Points the functions at `emulatorUrl` as the local gateway's environment does (vitest stubs). */
export function emulatorEnv(emulatorUrl: string): Record<string, string> {
  return {
    MPAAS_ENDPOINT: emulatorUrl,
    MPAAS_APP_ID: 'ONEX570DA89211721',
    MPAAS_WORKSPACE_ID: 'test',
  };
}
