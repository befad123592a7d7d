import type { RequestHandler } from 'msw'
import type { Daemon } from '../../daemon/index.ts'
import { type DaemonBase, everythingPattern } from './base-url.ts'
import { forwardTo } from './forward.ts'
import { DaemonRequestHandler } from './route.ts'

/**
 * The catch-all, registered last; every other path under the base still goes to the daemon, which
 * answers 404 `page not found` as 1.12's `NotFoundHandler` did (JSON, or plain text for a
 * `/v1.23`-or-older prefix). Without it MSW would report an unhandled request instead.
 * @see api/server/server.go createMux at moby v1.12.6
 */
export function notFoundHandlers(daemon: Daemon, base: DaemonBase): RequestHandler[] {
  return [new DaemonRequestHandler('*', everythingPattern(base), forwardTo(daemon, base))]
}
