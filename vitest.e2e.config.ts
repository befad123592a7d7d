import { defineConfig } from 'vitest/config'

// End-to-end tests drive the production build in Debian's headless Chromium.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll's 1 s is too short for a page whose service worker is still installing while
    // another spec file's Chromium has the CPU; a poll that succeeds returns at once anyway.
    expect: { poll: { timeout: 15_000 } },
    // Spec files run side by side, each with its own Chromium: they wait on the browser more than
    // they compute (one at a time: 160 s of specs on 2 cores). The update test builds its second
    // deployment into a directory of its own, so dist/ stays as the global setup built it.
    maxWorkers: 2,
  },
})
