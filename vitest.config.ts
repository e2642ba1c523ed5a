import { defineConfig } from 'vitest/config';

// Coverage thresholds are a quality gate: .ci/run fails when they are not met.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    exclude: ['test/bench/**', 'node_modules/**', 'dist/**'],
    // Functions under test keep their idempotency records in memory unless a test chooses a
    // shared store; a deployed function must name its store (lib/handler/store-choice.ts).
    env: { IDEMPOTENCY_STORE: 'memory' },
    testTimeout: 20_000,
    hookTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['lib/**/*.ts', 'functions/**/*.ts', 'local/**/*.ts'],
      // The Tablestore protobuf module is generated (npm run gen:ots) and checked against its source.
      exclude: [
        'test/**',
        'local/start.ts',
        'local/invoke.ts',
        'lib/send/store/tablestore/proto/**',
      ],
      reporter: ['text-summary', 'json-summary'],
      thresholds: { lines: 90, functions: 90, branches: 85, statements: 90 },
    },
  },
});
