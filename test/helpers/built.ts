/**
 * Loads a function as it is deployed: the esbuild bundle `dist/<name>/index.mjs` that the
 * global setup built, not the TypeScript source.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');

export type BuiltHandler = (event: Buffer, context: object) => Promise<unknown>;

export async function builtHandler(name: string): Promise<BuiltHandler> {
  const module = (await import(pathToFileURL(path.join(dist, name, 'index.mjs')).href)) as {
    handler: BuiltHandler;
  };
  return module.handler;
}
