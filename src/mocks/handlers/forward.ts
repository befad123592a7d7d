import type { Daemon, DaemonRequest, DaemonResponse } from '../../daemon/index.ts'
import { type DaemonBase, daemonPath } from './base-url.ts'
import type { DaemonResolver } from './route.ts'

/**
 * The only thing a handler does: MSW request → `DaemonRequest` → `daemon.handle` → `Response`.
 * Routing, validation, status codes and bodies all belong to the daemon (`src/daemon`), which
 * does its own gorilla/mux-style routing; MSW only decides that a URL belongs to the daemon.
 */

const encoder = new TextEncoder()
const EMPTY = new Uint8Array(0)

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

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value
}

/**
 * An ArrayBuffer-backed view, the only kind `BodyInit` accepts in the DOM types. No copy unless
 * the bytes live in a SharedArrayBuffer: `new Response(view)` copies the bytes itself (Fetch
 * "extract a body"), so the daemon's buffer is never shared with the consumer.
 */
function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  if (bytes.buffer instanceof ArrayBuffer) return bytes as Uint8Array<ArrayBuffer>
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  return copy
}

/**
 * The UTF-8 bytes of the last large string body. A repeated list (the daemon hands back the
 * very same string while nothing in it changed) is then not encoded again; any other string is
 * compared by content first, so the bytes always match the text. The bytes are never written
 * to; should a consumer detach them (transfer the buffer), they are encoded afresh.
 */
const lastEncoded = { text: '', bytes: new Uint8Array(0), length: 0 }
const ENCODE_MEMO_MIN = 4096
const ENCODE_MEMO_MAX = 8 * 2 ** 20

function encodeBody(text: string): Uint8Array<ArrayBuffer> {
  if (text.length < ENCODE_MEMO_MIN || text.length > ENCODE_MEMO_MAX) return encoder.encode(text)
  if (text !== lastEncoded.text || lastEncoded.bytes.byteLength !== lastEncoded.length) {
    lastEncoded.text = text
    lastEncoded.bytes = encoder.encode(text)
    lastEncoded.length = lastEncoded.bytes.byteLength
  }
  return lastEncoded.bytes
}

/**
 * A whole body as a one-chunk stream. `new Response(bytes)` would copy the bytes into a fresh
 * buffer first (Fetch "extract a body"); for bytes that are the encoding of a string, which no
 * one else writes to, that copy (and the garbage of a 64 KB list per request) buys nothing.
 * Consumers see the same Response either way: its `body` is always a ReadableStream.
 */
function oneChunk(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes)
      controller.close()
    },
  })
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

/**
 * A Response with the daemon's headers appended one by one after construction: the same
 * "append" the constructor's `init.headers` would run (Fetch "fill"), without its WebIDL
 * conversion of a record, which cost more than the rest of the Response for a small answer
 * (≈ 1.5 µs of ≈ 2.8 µs for a resize in `bench/daemon-profile.ts`). None of these bodies has a
 * Content-Type of its own (null, a stream or bytes), so the constructor adds none.
 */
function withHeaders(
  body: ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer> | null,
  status: number,
  daemonHeaders: Record<string, string>,
  extra: Record<string, string | undefined>,
): Response {
  const response = new Response(body, { status })
  const { headers } = response
  for (const name in daemonHeaders) {
    if (!(name in extra)) headers.append(name, daemonHeaders[name] as string)
  }
  for (const name in extra) {
    const value = extra[name]
    if (value !== undefined) headers.append(name, value)
  }
  return response
}

const NO_EXTRA: Record<string, string | undefined> = {}

export function toResponse(daemonResponse: DaemonResponse, method = 'GET'): Response {
  const { body, headers } = daemonResponse
  let status = daemonResponse.status
  // Headers this function sets or removes; `undefined` = removed.
  let extra = NO_EXTRA
  if (status < 200 || status > 599) {
    extra = { [DAEMON_STATUS_HEADER]: String(status) }
    status = 200
  }
  if (BODILESS_STATUSES.has(status) || body === null)
    return withHeaders(null, status, headers, extra)
  if (isAsyncIterable(body)) {
    return withHeaders(method === 'HEAD' ? null : iterableToStream(body), status, headers, {
      ...extra,
      'content-length': undefined,
    })
  }
  // A string goes out as bytes: `new Response(string)` would add its own
  // `text/plain;charset=UTF-8`, and the daemon decides Content-Type, as Go did.
  const text = typeof body === 'string'
  const bytes = body === '' ? EMPTY : text ? encodeBody(body) : ownBytes(body)
  if (headers['content-length'] === undefined) {
    extra = Object.assign({ 'content-length': String(bytes.byteLength) }, extra)
  }
  // An empty body (resize, exec resize, detached exec start) needs no stream at all.
  if (method === 'HEAD' || bytes.byteLength === 0) return withHeaders(null, status, headers, extra)
  // The daemon's own Uint8Array bodies may be kept by it: those the Response copies.
  return withHeaders(text ? oneChunk(bytes) : bytes, status, headers, extra)
}

export function forwardTo(daemon: Daemon, base: DaemonBase): DaemonResolver {
  return async ({ request }) => {
    const pending = toDaemonRequest(request, base)
    const daemonRequest = pending instanceof Promise ? await pending : pending
    const daemonResponse = await daemon.handle(daemonRequest)
    return toResponse(daemonResponse, daemonRequest.method)
  }
}
