import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { DAEMON_STDIN_HEADER, goResponseHeaders } from '../daemon/index.ts'
import { DAEMON_RAW_PATH_HEADER, DAEMON_STATUS_HEADER } from '../daemon-fetch/index.ts'

/**
 * node:http ⇄ Fetch API. The only code between a TCP socket and the daemon's Fetch face
 * (`src/daemon-fetch/`); it knows nothing about Docker beyond the hijack handshake.
 */

/**
 * The largest request body the server reads: 64 MiB. Docker streams bodies and has no limit;
 * this server holds a body in memory (a Fetch Request for the daemon's Fetch face), and a hostile one
 * must not exhaust a classroom machine. The biggest legitimate bodies are image tars for
 * `docker load` and build contexts: the simulated daemon's own `docker save` output is a few
 * kilobytes, a real busybox or alpine image tar 1–6 MB, a classroom build context well under
 * that — 64 MiB leaves room for a real debian:jessie-slim-sized tar (layers are not modelled
 * anyway). Beyond it the answer is 413 (`bodyTooLarge`); a declared Content-Length beyond it is
 * refused before anything is read, and the connection is closed after the answer. Exported so
 * the hijack path applies the same bound.
 */
export const MAX_REQUEST_BODY_BYTES = 64 * 1024 * 1024

/** Thrown (as a rejected body read) when a request body is over MAX_REQUEST_BODY_BYTES. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number = MAX_REQUEST_BODY_BYTES) {
    super(
      `request body too large: the simulated daemon accepts at most ${limit} bytes (Docker has no limit)`,
    )
  }
}

/**
 * The 413 for a body over the limit, in the daemon's JSON error shape. Not a Docker status:
 * a deviation of this server, listed in the README.
 */
export function bodyTooLarge(error: BodyTooLargeError): Response {
  return new Response(`${JSON.stringify({ message: error.message })}\n`, {
    status: 413,
    // The rest of the body is never read, so the connection cannot carry another request: close
    // it (node:http would otherwise stop reading the socket and leave the client hanging).
    headers: { 'content-type': 'application/json', connection: 'close' },
  })
}

/**
 * The request body, or undefined when the headers say there is none (then nothing is awaited).
 * At most `limit` bytes are kept: with a Content-Length the buffer is allocated once (no second
 * copy to concatenate); a chunked body is collected and joined. Past the limit the chunks are
 * dropped at once and the read rejects with BodyTooLargeError; what still arrives is discarded
 * (memory stays flat) until the 413 is written and the connection closed.
 */
function readBody(
  request: IncomingMessage,
  limit = MAX_REQUEST_BODY_BYTES,
): Promise<Buffer> | undefined {
  const length = request.headers['content-length']
  const chunked = request.headers['transfer-encoding'] !== undefined
  if ((length === undefined || length === '0') && !chunked) {
    request.resume()
    return undefined
  }
  const declared = chunked || length === undefined ? -1 : Number(length)
  if (declared > limit) {
    request.resume()
    return Promise.reject(new BodyTooLargeError(limit))
  }
  return new Promise((resolve, reject) => {
    const whole = declared >= 0 ? Buffer.allocUnsafe(declared) : null
    let chunks: Buffer[] = []
    let received = 0
    const onData = (chunk: Buffer): void => {
      if (received + chunk.length > limit) {
        request.off('data', onData)
        request.off('end', onEnd)
        chunks = []
        request.resume() // discard what still comes until the 413 closes the connection
        reject(new BodyTooLargeError(limit))
        return
      }
      if (whole !== null) chunk.copy(whole, received)
      else chunks.push(chunk)
      received += chunk.length
    }
    const onEnd = (): void => {
      if (whole !== null) resolve(received === whole.length ? whole : whole.subarray(0, received))
      else
        resolve(chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks))
      chunks = []
    }
    request.on('data', onData)
    request.on('end', onEnd)
    request.on('error', reject)
  })
}

/**
 * An origin-form target that the URL parser leaves exactly as it is: only characters it never
 * re-encodes in a path or query, and no `.` segment (`/./`, `/../`, `%2e`) for it to remove.
 * For such a target `origin + target` is already the normalised URL; no parse is needed here
 * (the Request constructor parses it anyway).
 */
const PLAIN_TARGET = /^\/[A-Za-z0-9\-_~!$&'()*+,;=:@/%?]*$/
const DOT_SEGMENT = /\/\.|%2e/i

function requestUrl(target: string, origin: string): { url: string; rawPath: string | null } {
  if (PLAIN_TARGET.test(target) && !DOT_SEGMENT.test(target)) {
    return { url: `${origin}${target}`, rawPath: null }
  }
  // Absolute-form targets (`GET http://host/path`) keep only path and query.
  const url = new URL(target.startsWith('/') ? `${origin}${target}` : target)
  // The path as sent, before WHATWG URL parsing removed `.` and `..` segments.
  const rawPath = target.startsWith('/') ? target.replace(/[?#].*$/s, '') : url.pathname
  return {
    url: `${origin}${url.pathname}${url.search}`,
    rawPath: rawPath === url.pathname ? null : rawPath,
  }
}

export function requestFrom(
  request: IncomingMessage,
  origin: string,
  body: Buffer | undefined,
): Request {
  const { url, rawPath } = requestUrl(request.url ?? '/', origin)
  const fetchRequest = new Request(url, {
    method: request.method ?? 'GET',
    // A view, not a copy; typed as the ArrayBuffer-backed view BodyInit wants.
    body:
      body === undefined || body.byteLength === 0
        ? null
        : new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength),
  })
  // The header pairs as sent, appended one by one: the same "append" as the constructor's
  // `init.headers` (Fetch "fill"), without the WebIDL conversion of a sequence of pairs (≈ 1 µs
  // of a ≈ 5 µs Request). A byte body has no Content-Type of its own, so nothing else is added.
  // The raw-path header is only this server's to set: a client's copy is dropped.
  const { headers } = fetchRequest
  const raw = request.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string
    if (name.toLowerCase() !== DAEMON_RAW_PATH_HEADER) headers.append(name, raw[i + 1] as string)
  }
  if (rawPath !== null) headers.append(DAEMON_RAW_PATH_HEADER, rawPath)
  return fetchRequest
}

/**
 * Builds a Fetch `Request`. The origin is the server's own address, whatever the Host header
 * says (the docker CLI sends its DOCKER_HOST, others may send anything): the handlers of the
 * HTTP server accept any origin.
 */
export function toFetchRequest(
  request: IncomingMessage,
  origin: string,
): Request | Promise<Request> {
  const method = request.method ?? 'GET'
  const pending = method === 'GET' || method === 'HEAD' ? undefined : readBody(request)
  if (pending === undefined) {
    // No body to wait for: the Request at once, with no promise in between.
    request.resume()
    return requestFrom(request, origin, undefined)
  }
  return pending.then((body) => requestFrom(request, origin, body))
}

/** The status the daemon meant (a 101 travels in a Fetch Response as 200 plus a header). */
export function daemonStatus(response: Response): number {
  const smuggled = response.headers.get(DAEMON_STATUS_HEADER)
  return smuggled === null ? response.status : Number(smuggled)
}

/**
 * Writes a Fetch `Response` to node:http. A body without Content-Length goes out chunked, one
 * HTTP chunk per stream chunk, headers flushed first, so followers of `/events`,
 * `logs?follow=1` and pull progress see each message as the daemon produces it.
 */
export async function writeFetchResponse(
  response: Response,
  res: ServerResponse,
  method: string,
  /** Aborted when the server shuts down: a stream ends there, with its terminating chunk. */
  shutdown?: AbortSignal,
): Promise<void> {
  const pairs: Array<[string, string]> = []
  response.headers.forEach((value, name) => {
    // The stdin token is for in-process transports only; it never goes on the wire.
    if (name !== DAEMON_STATUS_HEADER && name !== DAEMON_STDIN_HEADER) pairs.push([name, value])
  })
  const declared = response.headers.get('content-length')
  const wantsClose = response.headers.get('connection') === 'close'
  const close = !res.shouldKeepAlive || wantsClose
  const http11 = res.req.httpVersionMajor === 1 && res.req.httpVersionMinor >= 1
  // Go's header set and order (wire-headers.ts): our own Date in Go's place, no Node
  // `Connection: keep-alive` / `Keep-Alive: timeout=…` (the connection stays open all the same).
  // Node still closes when it must; only a close the daemon asks for (the 413) needs the header
  // itself to make Node close.
  res.sendDate = false
  if (!wantsClose) res.removeHeader('connection')
  else if (!res.req.complete && res.socket !== null) lingerBeforeClose(res.socket)
  const lines = goResponseHeaders({
    status: response.status,
    headers: pairs,
    bodyBytes:
      response.body === null ? Number(declared ?? 0) : declared === null ? null : Number(declared),
    date: httpDate(),
    // Go said `Connection: close` only to HTTP/1.1 clients.
    close: close && http11,
    head: method === 'HEAD' || !http11,
  })
  // One writeHead with a flat [name, value, …] list: cheaper than a setHeader per header.
  const flat: string[] = []
  for (const [name, value] of lines) flat.push(name, value)
  res.writeHead(response.status, flat)
  if (response.body === null) {
    res.end()
    return
  }
  if (method === 'HEAD') {
    await response.body.cancel()
    res.end()
    return
  }
  const reader = response.body.getReader()
  if (declared !== null) {
    // A whole body (the common case): one write for headers and body together (over 2 KiB as
    // one chunk, as Go's one Write of a JSON document went out). Read through the reader, not
    // arrayBuffer(), which would copy the bytes once more.
    const chunks: Uint8Array[] = []
    for (let next = await reader.read(); !next.done; next = await reader.read())
      chunks.push(next.value)
    res.end(chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks))
    return
  }
  res.flushHeaders()
  let clientGone = false
  const onClose = (): void => {
    if (!res.writableFinished) {
      clientGone = true
      reader.cancel().catch(() => undefined)
    }
  }
  res.on('close', onClose)
  // Cancelling the reader ends the loop below (and unsubscribes the daemon-side follower);
  // `finally` then ends the chunked body properly.
  const onShutdown = (): void => {
    reader.cancel().catch(() => undefined)
  }
  if (shutdown?.aborted) onShutdown()
  else shutdown?.addEventListener('abort', onShutdown, { once: true })
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done || clientGone) break
      if (!res.write(value)) await drained(res)
    }
  } finally {
    res.off('close', onClose)
    shutdown?.removeEventListener('abort', onShutdown)
    res.end()
  }
}

/** Go's `Date` value (RFC 1123, GMT), made once per second as net/http did. */
let dateCache = { second: -1, text: '' }
/**
 * Go 1.6's server, closing a connection whose request body it had not read (the 413 here), shut
 * its write side and waited `rstAvoidanceDelay` (500 ms) before the close (net/http
 * `closeWriteAndWait`): closing a socket with unread data sends a TCP RST, and an RST can make
 * the client's kernel drop the answer before the client reads it, so the client sees EPIPE or
 * ECONNRESET instead of the 413. Node destroys the socket as soon as the answer is out
 * (`destroySoon`); for this socket that becomes: FIN, discard what still arrives, then destroy.
 */
export const RST_AVOIDANCE_DELAY_MS = 500
function lingerBeforeClose(socket: Socket): void {
  socket.destroySoon = () => {
    socket.end()
    socket.resume()
    setTimeout(() => socket.destroy(), RST_AVOIDANCE_DELAY_MS).unref()
  }
}

function httpDate(): string {
  const now = Date.now()
  const second = Math.floor(now / 1000)
  if (second !== dateCache.second) dateCache = { second, text: new Date(now).toUTCString() }
  return dateCache.text
}

/** Resolves when a stream that refused a write can take more, or is gone. */
export function drained(stream: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done)
      stream.off('close', done)
      resolve()
    }
    stream.on('drain', done)
    stream.on('close', done)
  })
}
