/**
 * Renders a Serverless Devs template the way `s` sees it, offline: `s preview` resolves `vars`,
 * `env()` and `path()` and prints the result without loading any component (reference
 * fc-platform.md §6.1). Outputs of other resources (`${resources.<name>.output.<key>}`) stay
 * as written, since they exist only once that resource is deployed.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);

export type Props = Record<string, unknown> & {
  functionName: string;
  environmentVariables: Record<string, string>;
  triggers?: Array<{
    triggerName: string;
    triggerType: string;
    sourceArn?: string;
    triggerConfig: Record<string, unknown>;
  }>;
};
export type Spec = {
  vars: Record<string, unknown>;
  flow?: Record<string, string[][]>;
  resources: Record<string, { component: string; props: Props; actions: unknown }>;
};

/** The rendered template, with the app variables every deployment names. */
export async function preview(template: string, env: Record<string, string> = {}): Promise<Spec> {
  const s = path.join(root, 'node_modules/@serverless-devs/s/bin/s');
  const { stdout } = await run(
    process.execPath,
    [s, 'preview', '-t', template, '-o', 'json', '--silent'],
    {
      cwd: root,
      env: {
        ...process.env,
        MPAAS_APP_ID: 'ONEX570DA89211721',
        MPAAS_WORKSPACE_ID: 'default',
        MPAAS_REGION: 'cn-hangzhou',
        ...env,
      },
      timeout: 60_000,
    },
  );
  return JSON.parse(stdout.slice(stdout.indexOf('{'))) as Spec;
}

/** The fc3 resources of a rendered template: one per function. */
export function functionResources(spec: Spec): Array<[string, Props]> {
  return Object.entries(spec.resources)
    .filter(([, resource]) => resource.component === 'fc3')
    .map(([name, resource]) => [name, resource.props]);
}
