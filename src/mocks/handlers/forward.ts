import type { Daemon, DaemonRequest, DaemonResponse } from '../../daemon/index.ts'
import { type DaemonBase, daemonPath } from './base-url.ts'
import type { DaemonResolver } from './route.ts'

/**
 * The only thing a handler does: MSW request → `DaemonRequest` → `daemon.handle` → `Response`.
 * Routing, validation, status codes and bodies all belong to the daemon (`src/daemon`), which
 * does its own gorilla/mux-style routing; MSW only decides that a URL belongs to the daemon.
 */

const encoder = new TextEncoder()

/** Statuses that never carry a body (Go's net/http drops it too). */
const BODILESS_STATUSES = new Set([204, 205, 304])

/**
 * A Fetch `Response` cannot carry a status outside 200–599, but the daemon answers a hijack
 * request (`Upgrade: tcp` on attach or exec start) with `101 UPGRADED`. Such a response goes
 * out as 200 with the real status in this header; the node:http server (the only transport
 * that can send a 101, browsers and fetch cannot even send `Upgrade`) puts it back.
 */
export const DAEMON_STATUS_HEADER = 'x-daemon-status'

/**
 * A Fetch `Request` URL is always normalised: `/containers/../etc/json` becomes `/etc/json`
 * (even written `%2e%2e`), while Docker's router answered the raw path with a 301 to the
 * cleaned one. The node:http server, which sees the raw request line, passes it in this header
 * when the two differ; the daemon then gets the path as the client sent it. Browsers and fetch
 * normalise before sending, so for them the header never applies.
 */
export const DAEMON_RAW_PATH_HEADER = 'x-daemon-raw-path'

export async function toDaemonRequest(request: Request, base: DaemonBase): Promise<DaemonRequest> {
  const url = new URL(request.url)
  const headers: Record<string, string> = {}
  request.headers.forEach((value, name) => {
    if (name !== DAEMON_RAW_PATH_HEADER) headers[name] = value
  })
  const rawPath = request.headers.get(DAEMON_RAW_PATH_HEADER)
  const pathname = rawPath?.startsWith(base.pathPrefix) ? rawPath : url.pathname
  let body: Uint8Array | null = null
  if (request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null) {
    const bytes = new Uint8Array(await request.arrayBuffer())
    body = bytes.byteLength === 0 ? null : bytes
  }
  return {
    // As sent: gorilla/mux compared methods case-sensitively.
    method: request.method,
    path: daemonPath(base, pathname),
    query: url.searchParams,
    headers,
    body,
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value
}

/** Copies into a fresh ArrayBuffer-backed view, the only kind `BodyInit` accepts in the DOM types. */
function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  return copy
}

/** Pulls the daemon's async iterable lazily, so `docker events` and `logs --follow` flush chunk by chunk. */
export function iterableToStream(iterable: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = iterable[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next()
        if (next.done === true) {
          controller.close()
        } else {
          controller.enqueue(next.value)
        }
      } catch (error) {
        controller.error(error)
      }
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}

export function toResponse(daemonResponse: DaemonResponse, method = 'GET'): Response {
  // A plain record, not a Headers instance: Response copies its init headers anyway.
  const headers: Record<string, string> = { ...daemonResponse.headers }
  const { body } = daemonResponse
  let status = daemonResponse.status
  if (status < 200 || status > 599) {
    headers[DAEMON_STATUS_HEADER] = String(status)
    status = 200
  }
  if (BODILESS_STATUSES.has(status) || body === null) {
    return new Response(null, { status, headers })
  }
  if (isAsyncIterable(body)) {
    delete headers['content-length']
    return new Response(method === 'HEAD' ? null : iterableToStream(body), { status, headers })
  }
  // A string goes out as bytes: `new Response(string)` would add its own
  // `text/plain;charset=UTF-8`, and the daemon decides Content-Type, as Go did.
  const bytes = typeof body === 'string' ? encoder.encode(body) : ownBytes(body)
  headers['content-length'] ??= String(bytes.byteLength)
  // An empty body (resize, exec resize, detached exec start) needs no stream at all.
  const sent = method === 'HEAD' || bytes.byteLength === 0 ? null : bytes
  return new Response(sent, { status, headers })
}

export function forwardTo(daemon: Daemon, base: DaemonBase): DaemonResolver {
  return async ({ request }) => {
    const daemonRequest = await toDaemonRequest(request, base)
    const daemonResponse = await daemon.handle(daemonRequest)
    return toResponse(daemonResponse, daemonRequest.method)
  }
}
