// @ts-check
/**
 * `npm run mutate`: mutation testing with Stryker over the send stage (fan-out, retries, the
 * ledger, the stores, outcome classification) and the PushTemplate schema. Outside CI because of
 * its length; incremental, so a second run re-tests only the mutants of changed code or tests.
 * Reports go to reports/mutation/ (ignored by git). Pass `--mutate <glob>` to narrow a run.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'lib/send/**/*.ts',
    'lib/validate/**/*.ts',
    // the wire form of a call, measured by the plan stage and sent by the client
    'lib/plan/wire.ts',
    // connection handling is tested against a real server's failures, not mutation
    '!lib/send/store/redis-connection.ts',
    '!lib/send/fc/fc2.d.ts',
  ],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  concurrency: 2,
  timeoutMS: 20_000,
  thresholds: { high: 95, low: 90, break: null },
  tempDirName: '.stryker-tmp',
};
