import { defineConfig } from 'vitest/config';
import { availableTestTargets } from './tests/support/targets.ts';

// One `vitest run` runs everything CI runs: pure core tests, API tests on PGlite and on a
// throwaway PostgreSQL 15 cluster, and browser journeys in Debian's Chromium.
// Off CI, a target whose binaries are missing is left out with a printed notice;
// on CI (CI=true) it is always included, so a missing install fails loudly instead of skipping.
const targets = availableTestTargets();

const dbProject = (db: 'pglite' | 'postgres') => ({
  test: {
    name: `api-${db}`,
    include: ['tests/api/**/*.test.ts'],
    // tests/api/postgres: what only the PostgreSQL driver does (prepared statements on its connections).
    exclude: db === 'pglite' ? ['tests/api/postgres/**'] : [],
    env: { TEST_DB: db },
    globalSetup: db === 'postgres' ? ['tests/support/postgres-cluster.ts'] : [],
    setupFiles: ['tests/support/no-console-error.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks' as const,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          setupFiles: ['tests/support/no-console-error.ts'],
        },
      },
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
