import type { RequestHandler } from 'msw'
import type { Daemon } from '../../daemon/index.ts'
import { parseBaseUrl } from './base-url.ts'
import { containersHandlers } from './containers.ts'
import { execHandlers } from './exec.ts'
import { imagesHandlers } from './images.ts'
import { networksHandlers } from './networks.ts'
import { notFoundHandlers } from './not-found.ts'
import { pluginsHandlers } from './plugins.ts'
import { swarmHandlers } from './swarm.ts'
import { systemHandlers } from './system.ts'
import { volumesHandlers } from './volumes.ts'

export interface CreateHandlersOptions {
  /**
   * Where the daemon is served. Absolute (`http://docker.local`) or a same-origin path prefix
   * (`/docker-api/`). Omitted: every URL on any host (the node:http server).
   */
  baseUrl?: string
}

function currentOrigin(): string | undefined {
  return typeof location === 'undefined' ? undefined : location.origin
}

/**
 * The MSW handlers for a simulated daemon. The same list serves the browser (service worker),
 * the tests (`setupServer`) and the real HTTP server (`getResponse`).
 *
 * Order matters only for speed (the containers handler is the busiest) and for the catch-all,
 * which must be last.
 */
export function createHandlers(
  daemon: Daemon,
  options: CreateHandlersOptions = {},
): RequestHandler[] {
  const base = parseBaseUrl(options.baseUrl, currentOrigin())
  return [
    ...containersHandlers(daemon, base),
    ...execHandlers(daemon, base),
    ...imagesHandlers(daemon, base),
    ...systemHandlers(daemon, base),
    ...volumesHandlers(daemon, base),
    ...networksHandlers(daemon, base),
    ...swarmHandlers(daemon, base),
    ...pluginsHandlers(daemon, base),
    ...notFoundHandlers(daemon, base),
  ]
}

export { type DaemonBase, parseBaseUrl } from './base-url.ts'
export { toDaemonRequest, toResponse } from './forward.ts'
