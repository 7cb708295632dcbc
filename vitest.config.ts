import { defineConfig } from 'vitest/config';
import { availableTestTargets } from './tests/support/targets.ts';

// One `vitest run` runs everything CI runs, in projects named for what they need and how long
// they take (docs/decisions/009-test-projects.md):
//   core              src/core: the pure domain, no I/O — seconds (`npm run test:core`)
//   extraction        the extractor over the seed documents and generated text (fixture files)
//   web               the web app's pure logic (forms, drafts, work lists), in Node
//   server            server units without a database: readers of uploaded files, .docx/.xlsx writers, statement naming
//   cli               the `trienkhai` command as a child process on an embedded database
//   bench-smoke       `npm run bench -- --scale small`: the benchmark still runs and prints its figures
//   documents-visual  generated .docx through LibreOffice and poppler (A4, one page, header lines)
//   api-pglite        the API in process on PGlite; api-postgres the same on a throwaway PostgreSQL 15
//   e2e               browser journeys in Debian's Chromium against a real server
// Off CI, a target whose binaries are missing is left out with a printed notice; on CI (CI=true)
// it is always included, so a missing install fails loudly instead of skipping.
const targets = availableTestTargets();

const noConsoleError = ['tests/support/no-console-error.ts'];

const project = (name: string, include: string[], extra: Record<string, unknown> = {}) => ({
  test: { name, include, setupFiles: noConsoleError, ...extra },
});

const dbProject = (db: 'pglite' | 'postgres') =>
  project(`api-${db}`, ['tests/api/**/*.test.ts'], {
    // tests/api/postgres: what only the PostgreSQL driver does (prepared statements on its connections).
    // The route fuzz checks what the HTTP layer and the schemas refuse, the same on both databases:
    // it runs once, on PGlite (it is the suite's slowest file).
    exclude: db === 'pglite' ? ['tests/api/postgres/**'] : ['tests/api/fuzz.test.ts'],
    env: { TEST_DB: db },
    globalSetup: db === 'postgres' ? ['tests/support/postgres-cluster.ts'] : [],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks' as const,
  });

export default defineConfig({
  test: {
    projects: [
      project('core', ['src/core/**/*.test.ts']),
      project('extraction', ['tests/extraction/**/*.test.ts']),
      project('web', ['src/web/**/*.test.ts']),
      project('server', ['src/server/**/*.test.ts', 'tests/server/**/*.test.ts']),
      project('cli', ['tests/cli/**/*.test.ts'], { testTimeout: 60_000 }),
      project('bench-smoke', ['tests/bench/**/*.test.ts'], { testTimeout: 300_000 }),
      project('documents-visual', ['tests/visual/**/*.test.ts'], { testTimeout: 30_000, hookTimeout: 240_000 }),
      dbProject('pglite'),
      ...(targets.postgres ? [dbProject('postgres')] : []),
      ...(targets.browser
        ? [
            {
              test: {
                name: 'e2e',
                include: ['tests/e2e/**/*.e2e.test.ts'],
                globalSetup: ['tests/e2e/global-setup.ts'],
                testTimeout: 60_000,
                hookTimeout: 180_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
