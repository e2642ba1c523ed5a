// The vitest settings of a narrowed mutation run (stryker.narrow.config.mjs): vitest.config.ts
// without the global setup that builds the bundles, which no mutant reaches, and without coverage.
import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: {
    // MUT_TESTS narrows a run to some test files (stryker.narrow.config.mjs)
    include: process.env.MUT_TESTS ? process.env.MUT_TESTS.split(',') : ['test/**/*.test.ts'],
    exclude: ['test/bench/**', 'node_modules/**', 'dist/**'],
    env: { IDEMPOTENCY_STORE: 'memory' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
