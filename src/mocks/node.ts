import { type SetupServer, setupServer } from 'msw/node'
import type { Daemon } from '../daemon/index.ts'
import { type CreateHandlersOptions, createHandlers } from './handlers/index.ts'

/** Default base for tests: a host no real network resolves. */
export const TEST_DAEMON_BASE_URL = 'http://docker.local'

/**
 * MSW `setupServer` for a simulated daemon, for node tests. Callers own the lifecycle:
 * `server.listen({ onUnhandledRequest: 'error' })` / `server.close()`.
 */
export function setupDaemonServer(
  daemon: Daemon,
  options: CreateHandlersOptions = { baseUrl: TEST_DAEMON_BASE_URL },
): SetupServer {
  return setupServer(...createHandlers(daemon, options))
}
