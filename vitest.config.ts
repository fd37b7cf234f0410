import { defineConfig } from 'vitest/config';

// Every project fails a test that calls console.error; the database projects
// build their template database once per run (tests/support/db-template.ts).
const failOnConsoleError = ['tests/support/fail-on-console-error.ts'];
const databaseTemplate = ['tests/support/global-setup.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          environment: 'node',
          // The HiGHS solves and the 300-retailer property test take 1–3 s on
          // a quiet machine; on 2 cores shared with other work they passed the
          // default 5 s and failed for no fault of their own.
          testTimeout: 30_000,
          setupFiles: failOnConsoleError,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // One process for all the files: each file still opens its own
          // database and app, but the modules are loaded once, not per file
          // (half of a light file's CPU; decision 0831).
          isolate: false,
          setupFiles: failOnConsoleError,
          globalSetup: databaseTemplate,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // One process for all the files: each file still opens its own
          // database and app, but the modules are loaded once, not per file
          // (half of a light file's CPU; decision 0831).
          isolate: false,
          setupFiles: failOnConsoleError,
          globalSetup: databaseTemplate,
        },
      },
    ],
  },
});
