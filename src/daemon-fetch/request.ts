import type { DaemonRequest } from '../daemon/index.ts'
import { type DaemonBase, daemonPath } from './base-url.ts'

// Fetch `Request` → `DaemonRequest`, for every caller of daemonFetch (index.ts) alike.

/**
 * A Fetch `Request` URL is always normalised: `/containers/../etc/json` becomes `/etc/json`
 * (even written `%2e%2e`), while Docker's router answered the raw path with a 301 to the
 * cleaned one. The node:http server, which sees the raw request line, passes it in this header
 * when the two differ; the daemon then gets the path as the client sent it. Browsers and fetch
 * normalise before sending, so for them the header never applies.
 */
export const DAEMON_RAW_PATH_HEADER = 'x-daemon-raw-path'

/**
 * Path and query of a `Request.url`, which is always serialised by the URL parser
 * (`scheme://host[:port]/path[?query][#fragment]`, path never empty for http(s)): slicing that
 * string gives what `new URL(url).pathname` and `.searchParams` would, without a second parse.
 */
function splitUrl(url: string): { pathname: string; search: string } {
  const authority = url.indexOf('//')
  const start = url.indexOf('/', authority + 2)
  if (authority < 0 || start < 0) {
    // Not a hierarchical URL (never for http); let the URL parser decide.
    const parsed = new URL(url)
    return { pathname: parsed.pathname, search: parsed.search }
  }
  const hash = url.indexOf('#', start)
  const end = hash < 0 ? url.length : hash
  const question = url.indexOf('?', start)
  if (question < 0 || question > end) return { pathname: url.slice(start, end), search: '' }
  return { pathname: url.slice(start, question), search: url.slice(question, end) }
}

/**
 * The daemon's view of a request. Synchronous when there is no body to read (most requests):
 * no promise and no microtask in between.
 */
export function toDaemonRequest(
  request: Request,
  base: DaemonBase,
): DaemonRequest | Promise<DaemonRequest> {
  const url = splitUrl(request.url)
  const headers: Record<string, string> = {}
  let rawPath: string | null = null
  request.headers.forEach((value, name) => {
    if (name === DAEMON_RAW_PATH_HEADER) rawPath = value
    else headers[name] = value
  })
  const pathname =
    rawPath !== null && (rawPath as string).startsWith(base.pathPrefix) ? rawPath : url.pathname
  const daemonRequest: DaemonRequest = {
    // As sent: gorilla/mux compared methods case-sensitively.
    method: request.method,
    path: daemonPath(base, pathname),
    query: new URLSearchParams(url.search),
    headers,
    body: null,
  }
  if (request.method === 'GET' || request.method === 'HEAD' || request.body === null) {
    return daemonRequest
  }
  return request.arrayBuffer().then((buffer) => {
    const bytes = new Uint8Array(buffer)
    daemonRequest.body = bytes.byteLength === 0 ? null : bytes
    return daemonRequest
  })
}
