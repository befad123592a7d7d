import { setupServer } from 'msw/node'
import { test } from 'vitest'
import { createDaemon, type DockerVersion, type SimulatedDaemon } from '../src/daemon/index.ts'
import { type DaemonSession, makeSession } from '../src/lib/daemon-client/daemon-session.ts'
import { createHandlers } from '../src/mocks/handlers/index.ts'

/**
 * The component tests' daemon, as a Vitest fixture: a real simulated daemon behind the real MSW
 * handlers, reached with real `fetch` calls, as the playground, the lessons, the terminal and the
 * kubelet view reach it in a page. Use `daemonTest` instead of `it` and ask for what the test needs:
 *
 *   daemonTest('…', async ({ openSession }) => render(<Lessons openSession={openSession} />))
 *
 * - `openSession(version)`: what the app's `openSession` gives, on a fresh daemon;
 * - `serveDaemon(version?)`: a fresh daemon served at DAEMON_TEST_BASE, in place of any daemon
 *   served before (one base URL, one daemon answering it);
 * - `daemonServer`: the file's MSW `setupServer`, listening with `onUnhandledRequest: 'error'`.
 *
 * One server per test file, started by the first test that needs it. After each test the test's
 * daemons are disposed (their timers stopped) but stay served until the next `serveDaemon`: a
 * kubelet model still polling an exec's end after its test (it polls after a hang-up too) gets
 * the daemon's answer, not an unhandled-request error in the next test's output.
 */
export const DAEMON_TEST_BASE = 'http://docker.test/'

/** The `openSession` prop of the playground, the lessons and the kubelet view. */
export type OpenSession = (version: DockerVersion) => Promise<DaemonSession>

export const daemonTest = test
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern, and this one has none.
  .extend('daemonServer', { scope: 'file' }, ({}, { onCleanup }) => {
    const server = setupServer()
    server.listen({ onUnhandledRequest: 'error' })
    onCleanup(() => server.close())
    return server
  })
  .extend('serveDaemon', ({ daemonServer }, { onCleanup }) => {
    const daemons: SimulatedDaemon[] = []
    onCleanup(() => {
      for (const daemon of daemons.splice(0)) daemon.dispose()
    })
    return (version: DockerVersion = '1.12.6'): SimulatedDaemon => {
      const daemon = createDaemon({ dockerVersion: version })
      daemons.push(daemon)
      daemonServer.resetHandlers(...createHandlers(daemon, { baseUrl: DAEMON_TEST_BASE }))
      return daemon
    }
  })
  .extend(
    'openSession',
    ({ serveDaemon }) =>
      async (version: DockerVersion): ReturnType<OpenSession> =>
        makeSession(version, DAEMON_TEST_BASE, {
          daemon: serveDaemon(version),
          restoreError: null,
        }),
  )
