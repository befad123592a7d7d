import type { RequestHandler } from 'msw'
import type { Daemon } from '../../daemon/index.ts'
import { daemonFetch, everythingPattern, parseBaseUrl } from '../../daemon-fetch/index.ts'
import { DaemonRequestHandler } from './route.ts'

export interface CreateHandlersOptions {
  /**
   * Where the daemon is served. Absolute (`http://docker.local`) or a same-origin path prefix
   * (`/docker-api/`). Omitted: every URL on any host.
   */
  baseUrl?: string
}

function currentOrigin(): string | undefined {
  return typeof location === 'undefined' ? undefined : location.origin
}

/**
 * The MSW handlers for a simulated daemon. The same list serves the browser (service worker,
 * or msw's `getResponse` in the page when there is none) and the tests (`setupServer`). The
 * translation itself is `src/daemon-fetch/`, which the node:http server calls without MSW.
 *
 * One handler takes every URL under the base: which endpoint a path is, whether the method is
 * allowed and what an unknown path gets is the daemon's business, as it was gorilla/mux's in
 * 1.12 (a wrong method or an unknown path is 404 `page not found`, JSON or, for a `/v1.23`-or-older
 * prefix, plain text; api/server/server.go createMux at moby v1.12.6). Without a catch-all MSW
 * would report those as unhandled requests instead.
 */
export function createHandlers(
  daemon: Daemon,
  options: CreateHandlersOptions = {},
): RequestHandler[] {
  const base = parseBaseUrl(options.baseUrl, currentOrigin())
  const answer = daemonFetch(daemon, base)
  return [
    new DaemonRequestHandler('docker', everythingPattern(base), ({ request }) => answer(request)),
  ]
}
