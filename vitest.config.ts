import { defineConfig } from 'vitest/config'
import { layerAliases } from './vite.config'

export default defineConfig({
  resolve: { alias: layerAliases() },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
          globalSetup: ['test/unit/postgres-setup.ts'],
          // Server tests start embedded PostgreSQL (PGlite) and real server processes: seconds on a
          // busy two-core machine, never a hang.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A file per core, not vitest's one fewer (one file at a time on the two-core machines):
          // much of a server test is waiting on PostgreSQL or a server process.
          maxWorkers: '100%',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One Chromium at a time: the machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
})
