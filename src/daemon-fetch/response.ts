import type { DaemonResponse } from '../daemon/index.ts'
import { encodeBody } from './encode-memo.ts'

// `DaemonResponse` → Fetch `Response`, for every caller of daemonFetch (index.ts) alike.

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
