/**
 * The header block Go 1.6's net/http server wrote for a handler's answer, for the transports
 * that show or send one (`npm run daemon`, the playground's response view): canonical names,
 * the handler's headers sorted by name, then `Date`, then `Content-Length` for a body the
 * handler wrote whole in at most 2,048 bytes or `Transfer-Encoding: chunked` for anything
 * longer or streamed. Never `Connection: keep-alive` or `Keep-Alive` on HTTP/1.1 (Node's
 * server adds both; Go's did not).
 * @see go1.6 src/net/http/server.go chunkWriter.writeHeader, extraHeader.Write,
 * bufferBeforeChunkingSize; src/net/textproto/reader.go CanonicalMIMEHeaderKey
 */

/**
 * Go's response writer buffered this much before it had to choose: a handler that finished
 * within it got a Content-Length, one that wrote more (a list of many containers, a tar) was
 * sent chunked.
 */
export const GO_CHUNKING_BUFFER_BYTES = 2048

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/** `content-type` → `Content-Type`, `x-docker-container-path-stat` → `X-Docker-Container-Path-Stat`. */
export function canonicalHeaderName(name: string): string {
  const known = canonicalNames.get(name)
  if (known !== undefined) return known
  // CanonicalMIMEHeaderKey leaves a name with a byte outside the token set as it is.
  if (!TOKEN.test(name)) return name
  let out = ''
  let upper = true
  for (const ch of name) {
    out += upper ? ch.toUpperCase() : ch.toLowerCase()
    upper = ch === '-'
  }
  // The daemon uses a few dozen names: remembered, so a response costs no regex per header.
  if (canonicalNames.size < 256) canonicalNames.set(name, out)
  return out
}

const canonicalNames = new Map<string, string>()

/** Statuses whose answers carry no body, so no length and no chunking (Go's bodyAllowedForStatus). */
function bodyAllowed(status: number): boolean {
  return !((status >= 100 && status < 200) || status === 204 || status === 304)
}

export interface GoHeaderInput {
  status: number
  /** The handler's headers as the daemon gave them (any case, any order). */
  headers: ReadonlyArray<readonly [string, string]>
  /** The body's length when it was written whole; null for a stream. */
  bodyBytes: number | null
  /** `Date`'s value: the answer's wall-clock time as `Date.prototype.toUTCString` writes it (RFC 1123, GMT, as Go did). */
  date: string
  /** The server closes the connection after this answer (Go then said so). */
  close?: boolean
  /** A HEAD request: never chunked (Go wrote a length only for a body it had whole). */
  head?: boolean
}

/**
 * The header lines, in the order Go wrote them. A `Content-Length` or `Transfer-Encoding`
 * among `headers` is replaced by Go's choice; a `Date` among them is kept where it was.
 */
export function goResponseHeaders(input: GoHeaderInput): Array<[string, string]> {
  const handler: Array<[string, string]> = []
  let date: string | null = null
  for (const [name, value] of input.headers) {
    const canonical = canonicalHeaderName(name)
    if (canonical === 'Content-Length' || canonical === 'Transfer-Encoding') continue
    if (canonical === 'Connection' || canonical === 'Keep-Alive') continue
    if (canonical === 'Date') date = value
    else handler.push([canonical, value])
  }
  handler.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const out = handler
  out.push(['Date', date ?? input.date])
  const allowed = bodyAllowed(input.status)
  const whole = input.bodyBytes !== null && input.bodyBytes <= GO_CHUNKING_BUFFER_BYTES
  if (allowed && whole) out.push(['Content-Length', String(input.bodyBytes)])
  // extraHeader.Write's order: Date, Content-Length, (a sniffed Content-Type), Connection,
  // Transfer-Encoding.
  if (input.close === true) out.push(['Connection', 'close'])
  if (allowed && !whole && input.head !== true) out.push(['Transfer-Encoding', 'chunked'])
  return out
}
