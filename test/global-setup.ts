/**
 * Builds every function once before the tests, so integration tests exercise the same
 * `dist/<name>/index.mjs` bundles that are deployed, and dist/openapi.json as the build writes it.
 */
import { bundle, functionNames, writeOpenApi } from '../scripts/build.ts';

export default async function setup(): Promise<void> {
  for (const name of await functionNames()) await bundle(name);
  await writeOpenApi();
}
