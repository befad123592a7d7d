import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { createDaemon, type DockerVersion } from '../../daemon/index.ts'
import { makeSession } from '../../lib/daemon-client/daemon-session.ts'
import { createHandlers } from '../../mocks/handlers/index.ts'

/**
 * The playground tests' daemon: a real simulated daemon behind the real MSW handlers, reached
 * with real fetch calls. Importing this registers the server's hooks on the importing test file
 * (Vitest gives each file its own copy) and starts every test with empty storage and the
 * playground's URL. BASE is where the handlers answer; tests may fetch it directly.
 */
export const BASE = 'http://docker.test/'
const server = setupServer()

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())
beforeEach(() => {
  window.localStorage.clear()
  window.history.replaceState(null, '', '/?view=playground')
})

/** What the playground calls to open its session: a fresh daemon of that version. */
export async function openTestSession(version: DockerVersion) {
  const daemon = createDaemon({ dockerVersion: version })
  server.use(...createHandlers(daemon, { baseUrl: BASE }))
  return makeSession(version, BASE, { daemon, restoreError: null })
}
