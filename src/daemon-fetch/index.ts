import type { Daemon } from '../daemon/index.ts'
import { type DaemonBase, parseBaseUrl } from './base-url.ts'
import { toDaemonRequest } from './request.ts'
import { toResponse } from './response.ts'

/**
 * The simulated daemon as a Fetch function: `Request` → `DaemonRequest` → `daemon.handle` →
 * `Response`. The one translation between the Fetch API and the daemon, shared by the MSW
 * handler (`src/mocks/`: the service worker, the component tests), the page's in-page fetch
 * (`src/lib/daemon-client/in-page-fetch.ts`) and the node:http server (`src/server/`); the last
 * two call it directly, with no MSW in between
 * ([decision 7](../../docs/decisions/0007-node-server-without-msw.md)).
 *
 * Routing, validation, status codes and bodies all belong to the daemon, which does its own
 * gorilla/mux-style routing; a front only decides that a URL belongs to the daemon.
 */
export type DaemonFetch = (request: Request) => Promise<Response>

/** Every path on every host: the node:http server's base. */
const EVERYWHERE = parseBaseUrl(undefined)

export function daemonFetch(daemon: Daemon, base: DaemonBase = EVERYWHERE): DaemonFetch {
  return async (request) => {
    const pending = toDaemonRequest(request, base)
    // Most requests have no body: then no promise is awaited before the daemon runs.
    const daemonRequest = pending instanceof Promise ? await pending : pending
    return toResponse(await daemon.handle(daemonRequest), daemonRequest.method)
  }
}

export { type DaemonBase, everythingPattern, parseBaseUrl } from './base-url.ts'
export { DAEMON_RAW_PATH_HEADER } from './request.ts'
export { DAEMON_STATUS_HEADER } from './response.ts'
