import { availableParallelism } from 'node:os'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { matrixRowsPlugin } from './scripts/vite-plugin-matrix-rows.ts'

// Three projects: pure code (domain, daemon, server, data) runs in Node; tests that start other
// processes (the docker CLI, tmux, npm run daemon, signals, biome) are their own project, so
// `npx vitest run --project node` stays fast; components run in jsdom.
// tests/project-split.test.ts keeps every test that spawns a process named *.spawn.test.ts.
export default defineConfig({
  plugins: [react(), matrixRowsPlugin()],
  test: {
    // Generous: CI machines can be several times slower than this one (property tests, the
    // real docker CLI). Speed is measured by npm run bench, never by a test's timeout.
    testTimeout: 20_000,
    // Vitest's default is one worker per core less one: a single worker on a 2-core CI machine,
    // where the process tests mostly wait on other programs. Three keep both cores busy.
    maxWorkers: Math.max(3, availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // Pure tests share a worker's modules (no fresh module graph per file: 44 s → 11 s);
          // they keep no state between files but what they create themselves.
          isolate: false,
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['**/*.spawn.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'processes',
          environment: 'node',
          include: ['src/**/*.spawn.test.ts', 'tests/**/*.spawn.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'tests/**/*.test.tsx'],
          setupFiles: ['./tests/setup-dom.ts'],
        },
      },
      {
        // End-to-end tests drive the production build in Debian's headless Chromium. In the same
        // run as the others, so their waits on the browser leave the CPU to unit test files.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.spec.ts'],
          globalSetup: ['./e2e/global-setup.ts'],
          // A test that loads six pages and runs axe on each took over 60 s with unit test files
          // and another Chromium beside it on 2 cores.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // expect.poll's 1 s is too short for a page whose service worker is still installing
          // while another file's Chromium has the CPU; a poll that succeeds returns at once.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
})
