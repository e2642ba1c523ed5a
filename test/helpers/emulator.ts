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
