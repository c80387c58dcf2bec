import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * One test command for the whole repository. `unit` and `server` run on PGlite and, when
 * TEST_DATABASE_URL is set, on PostgreSQL too; `e2e` drives Debian's chromium against a real server.
 */
export default defineConfig({
  test: {
    projects: [
      {
        // The web app's `@/` alias, so its helpers can be tested as they are written.
        resolve: { alias: { '@': fileURLToPath(new URL('./apps/web/src', import.meta.url)) } },
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          include: ['apps/server/**/*.test.ts', 'bench/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
