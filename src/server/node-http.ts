import type { IncomingMessage, ServerResponse } from 'node:http'
import { DAEMON_RAW_PATH_HEADER, DAEMON_STATUS_HEADER } from '../mocks/handlers/forward.ts'

/**
 * node:http ⇄ Fetch API. The only code between a TCP socket and MSW's `getResponse`;
 * it knows nothing about Docker beyond the hijack handshake.
 */

/** The request body, or undefined when the headers say there is none (then nothing is awaited). */
function readBody(request: IncomingMessage): Promise<Buffer> | undefined {
  const length = request.headers['content-length']
  if (
    (length === undefined || length === '0') &&
    request.headers['transfer-encoding'] === undefined
  ) {
    request.resume()
    return undefined
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

/** Header pairs as sent, minus the one only this server may set. */
function headerPairs(request: IncomingMessage): [string, string][] {
  const pairs: [string, string][] = []
  const raw = request.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]
    const value = raw[i + 1]
    if (
      name !== undefined &&
      value !== undefined &&
      name.toLowerCase() !== DAEMON_RAW_PATH_HEADER
    ) {
      pairs.push([name, value])
    }
  }
  return pairs
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
  const headers = headerPairs(request)
  if (rawPath !== null) headers.push([DAEMON_RAW_PATH_HEADER, rawPath])
  return new Request(url, {
    method: request.method ?? 'GET',
    headers,
    // A view, not a copy; typed as the ArrayBuffer-backed view BodyInit wants.
    body:
      body === undefined || body.byteLength === 0
        ? null
        : new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength),
  })
}

/**
 * Builds a Fetch `Request`. The origin is the server's own address, whatever the Host header
 * says (the docker CLI sends its DOCKER_HOST, others may send anything): the handlers of the
 * HTTP server accept any origin.
 */
export async function toFetchRequest(request: IncomingMessage, origin: string): Promise<Request> {
  const method = request.method ?? 'GET'
  const pending = method === 'GET' || method === 'HEAD' ? undefined : readBody(request)
  if (pending === undefined) request.resume()
  return requestFrom(request, origin, pending === undefined ? undefined : await pending)
}

/** The status the daemon meant (a 101 travels through MSW as 200 plus a header). */
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
): Promise<void> {
  // One writeHead with a flat [name, value, …] list: cheaper than a setHeader per header.
  const flat: string[] = []
  response.headers.forEach((value, name) => {
    if (name !== DAEMON_STATUS_HEADER) flat.push(name, value)
  })
  res.writeHead(response.status, flat)
  if (response.body === null || method === 'HEAD') {
    await response.body?.cancel()
    res.end()
    return
  }
  const reader = response.body.getReader()
  if (response.headers.has('content-length')) {
    // A whole body (the common case): one write for headers and body together. Read through
    // the reader, not arrayBuffer(), which would copy the bytes once more.
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
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done || clientGone) break
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const resume = (): void => {
            res.off('drain', resume)
            res.off('close', resume)
            resolve()
          }
          res.on('drain', resume)
          res.on('close', resume)
        })
      }
    }
  } finally {
    res.off('close', onClose)
    res.end()
  }
}
