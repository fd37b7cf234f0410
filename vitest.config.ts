import { defineConfig } from 'vitest/config';

// Every project fails a test that calls console.error; the database projects
// build their template database once per run (tests/support/db-template.ts).
const failOnConsoleError = ['tests/support/fail-on-console-error.ts'];
const databaseTemplate = ['tests/support/global-setup.ts'];
// `npm test` runs the integration suite in two parts per engine, so that its two
// slots end close together (scripts/run-tests.mjs): the few long files, and the rest.
const LONG_FILES = ['fuzz-openapi', 'server-kill', 'authorization-matrix'].map((f) => `tests/integration/${f}.test.ts`);
const part = process.env.TEST_PART;
// The browser journeys in two halves of about equal time (E2E_PART=1|2), so that `npm test` can run them side by
// side: each journey waits on the browser and the server most of its time (decision 0851).
const E2E_FIRST_HALF = ['phone-width', 'stored-xss', 'home', 'care', 'rating', 'org-tree', 'measures', 'desk', 'first-day', 'notices'].map(
  (f) => `tests/e2e/${f}.test.ts`,
);
const e2ePart = process.env.E2E_PART;

export default defineConfig({
  test: {
    // Transformed modules are kept on disk (node_modules/.experimental-vitest-cache) and shared by the seven vitest
    // processes of `npm test`: each step after the first ones reads what an earlier step transformed instead of
    // transforming all of src again (decision 0864). Written atomically; keyed by each file's content and the config.
    experimental: { fsModuleCache: true },
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
          // One process for the files, as in the database projects (decision 0831): the unit files are pure
          // and set nothing global that outlives a test; loading the modules once per worker, not per file,
          // is most of the project's CPU (decision 0852).
          isolate: false,
          setupFiles: failOnConsoleError,
        },
      },
      {
        test: {
          name: 'integration',
          include: part === 'long' ? LONG_FILES : ['tests/integration/**/*.test.ts'],
          exclude: part === 'rest' ? LONG_FILES : [],
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
          include: e2ePart === '1' ? E2E_FIRST_HALF : ['tests/e2e/**/*.test.ts'],
          exclude: e2ePart === '2' ? E2E_FIRST_HALF : [],
          environment: 'node',
          testTimeout: 180_000,
          // expect.poll's default of 1 s failed journeys on a loaded 2-core machine (a click's request took longer).
          expect: { poll: { timeout: 15_000 } },
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
