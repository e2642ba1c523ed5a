// @ts-check
/**
 * A narrowed mutation run, as the closing notes of 2026-12-02 ran them:
 *   MUT_NAME=a MUT_FILES=lib/send/mpaas/client.ts,lib/plan/wire.ts npx stryker run stryker.narrow.config.mjs
 * With MUT_TESTS (comma-separated globs), only those test files run, every one of them against
 * every mutant (coverage analysis `all`, not per test): slower per mutant, but a mutant counts as
 * survived only when none of those tests fails on it. Per-test coverage was seen to miss tests
 * that reach the code through a local server (a mutant it called survived was killed by hand).
 * `stryker.config.mjs` with only MUT_FILES mutated, its own incremental file, reports and sandbox
 * (reports/mutation/<MUT_NAME>.*), and vitest.mutate.config.ts: the project's vitest settings
 * without the global setup that builds the bundles, which no mutant reaches.
 */
import base from './stryker.config.mjs';
export default {
  ...base,
  vitest: {
    configFile: 'vitest.mutate.config.ts',
    ...(process.env.MUT_TESTS ? { related: false } : {}),
  },
  ...(process.env.MUT_TESTS ? { coverageAnalysis: 'all' } : {}),
  mutate: (process.env.MUT_FILES ?? '').split(','),
  incrementalFile: `reports/mutation/${process.env.MUT_NAME}-incremental.json`,
  jsonReporter: { fileName: `reports/mutation/${process.env.MUT_NAME}.json` },
  htmlReporter: { fileName: `reports/mutation/${process.env.MUT_NAME}.html` },
  reporters: ['clear-text', 'json', 'html'],
  concurrency: 2,
  tempDirName: `.stryker-tmp-${process.env.MUT_NAME}`,
};
