import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { matrixRowsPlugin } from './scripts/vite-plugin-matrix-rows.ts'

// Two projects: pure code (domain, daemon, server, data) runs in Node; components run in jsdom.
export default defineConfig({
  plugins: [react(), matrixRowsPlugin()],
  test: {
    // Generous: CI machines can be several times slower than this one (property tests, the
    // real docker CLI). Speed is measured by npm run bench, never by a test's timeout.
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
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
    ],
  },
})
