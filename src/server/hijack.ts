import { type IncomingMessage, STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import type { StdinSession } from '../daemon/index.ts'
import { DAEMON_STDIN_HEADER, goResponseHeaders } from '../daemon/index.ts'
import { DAEMON_STATUS_HEADER } from '../daemon-fetch/index.ts'
import { daemonStatus, drained, requestFrom } from './node-http.ts'
import { StdinPump } from './stdin-pump.ts'
import { acceptWebSocket, pipeToWebSocket, readWebSocket } from './websocket.ts'

/**
 * The hijack: `POST /containers/{id}/attach` or `/exec/{id}/start` with `Upgrade: tcp`, and
 * `GET /containers/{id}/attach/ws` with `Upgrade: websocket`. Docker 1.12 answered `101
 * UPGRADED` and from then on the bare connection carried the process's output one way and
 * the client's stdin the other; any other answer (an error) is a plain HTTP response and the
 * connection is closed.
 * @see moby api/server/router/container/container_routes.go postContainersAttach, exec.go
 * postContainerExecStart, api/server/httputils hijack at v1.12.6
 */

/** Headers and body of an upgrade request (a small JSON document) may not exceed this. */
export const UPGRADE_BODY_LIMIT = 1 << 20
/** An upgrade request whose declared body has not arrived by then is dropped. */
export const UPGRADE_BODY_TIMEOUT_MS = 30_000
/**
 * TCP keep-alive on hijacked connections: a client that vanished without a word (its host
 * died, a NAT dropped it) is found by the kernel's probes and its socket freed. Go's server
 * had the same (net/http sets a 3-minute keep-alive on accepted connections); shorter here.
 */
export const KEEPALIVE_MS = 15_000

export interface HijackOptions {
  /** The daemon's sessions: the 101 names one in DAEMON_STDIN_HEADER when stdin is read. */
  stdin(token: string): StdinSession | undefined
  bodyTimeoutMs?: number
}

type Body = { kind: 'ok'; body: Buffer; rest: Buffer } | { kind: 'gone' }

/**
 * Reads the Content-Length body that follows an upgrade request's headers on the raw socket.
 * Bytes past it are the start of stdin. A client that hangs up, sends too much, or never sends
 * what it declared gets its socket closed (nothing is left in CLOSE-WAIT).
 */
function readUpgradeBody(
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  timeoutMs: number,
): Promise<Body> {
  const declared = request.headers['content-length']
  const length = declared === undefined ? 0 : Number(declared)
  if (!Number.isSafeInteger(length) || length < 0 || length > UPGRADE_BODY_LIMIT) {
    return Promise.resolve({ kind: 'gone' })
  }
  if (length <= head.byteLength) {
    return Promise.resolve({
      kind: 'ok',
      body: head.subarray(0, length),
      rest: head.subarray(length),
    })
  }
  return new Promise((resolve) => {
    const chunks = [head]
    let received = head.byteLength
    const finish = (result: Body): void => {
      clearTimeout(timer)
      socket.off('data', onData)
      socket.off('end', onGone)
      socket.off('close', onGone)
      resolve(result)
    }
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk)
      received += chunk.byteLength
      if (received >= length) {
        const all = Buffer.concat(chunks)
        finish({ kind: 'ok', body: all.subarray(0, length), rest: all.subarray(length) })
      }
    }
    const onGone = (): void => finish({ kind: 'gone' })
    const timer = setTimeout(onGone, timeoutMs)
    timer.unref()
    socket.on('data', onData)
    socket.once('end', onGone)
    socket.once('close', onGone)
  })
}

export async function handleUpgrade(
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  origin: string,
  respond: (request: Request) => Promise<Response>,
  options: HijackOptions,
): Promise<number> {
  const tcp = socket as Duplex & { setKeepAlive?: (on: boolean, ms: number) => void }
  tcp.setKeepAlive?.(true, KEEPALIVE_MS)
  // Data waits in the socket until a session reads it (no 'data' handler = paused).
  const read = await readUpgradeBody(
    request,
    socket,
    head,
    options.bodyTimeoutMs ?? UPGRADE_BODY_TIMEOUT_MS,
  )
  if (read.kind === 'gone') {
    socket.destroy()
    return 0
  }
  socket.pause()
  const response = await respond(requestFrom(request, origin, read.body))
  const status = daemonStatus(response)
  if (socket.destroyed) {
    await response.body?.cancel()
    return status
  }
  if (status !== 101) {
    // Not upgraded (an error, or a route that ignores Upgrade): a plain HTTP/1.1 response on
    // the raw socket, delimited by closing the connection.
    const pairs: Array<[string, string]> = []
    response.headers.forEach((value, name) => {
      if (name !== DAEMON_STATUS_HEADER && name !== DAEMON_STDIN_HEADER && name !== 'upgrade') {
        pairs.push([name, value])
      }
    })
    const declared = response.headers.get('content-length')
    const lines = goResponseHeaders({
      status,
      headers: pairs,
      bodyBytes: declared === null ? null : Number(declared),
      date: new Date().toUTCString(),
      close: true,
    })
      // The body is written as it comes and ended by the close: never chunked here.
      .filter(([name]) => name !== 'Transfer-Encoding')
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`,
    )
    await pipeToSocket(response, socket)
    return status
  }
  const token = response.headers.get(DAEMON_STDIN_HEADER)
  const session = token === null ? undefined : options.stdin(token)
  const websocket = (response.headers.get('upgrade') ?? '').toLowerCase() === 'websocket'
  if (websocket) {
    const ws = await acceptWebSocket(request, socket, read.rest)
    if (ws === null) {
      // `ws` answered 400 itself (see websocket.ts); the attach never started.
      session?.end()
      await response.body?.cancel()
      return 400
    }
    readWebSocket(ws, socket, session)
    await pipeToWebSocket(response.body, ws, socket)
    return status
  }
  // Exactly what 1.12 wrote on the hijacked connection: no Server, Date or other headers.
  const contentType = response.headers.get('content-type') ?? 'application/vnd.docker.raw-stream'
  socket.write(
    `HTTP/1.1 101 UPGRADED\r\nContent-Type: ${contentType}\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n`,
  )
  readStdin(socket, read.rest, session)
  await pipeToSocket(response, socket)
  return status
}

/**
 * The client's side of a raw hijack: its bytes are the process's stdin, its half-close
 * (`CloseWrite`: the CLI's end of piped input) is end of input. Without a session (no stdin
 * attached) the bytes are read and dropped, and a half-close changes nothing: the docker CLI
 * half-closes at once when it has no stdin to send, and still reads the output. With one, the
 * bytes go through a StdinPump: a slice per turn, and the socket paused while the process's
 * output waits for this client.
 */
function readStdin(socket: Duplex, rest: Buffer, session: StdinSession | undefined): void {
  if (session === undefined) {
    socket.on('data', () => undefined)
    socket.resume()
    return
  }
  const pump = new StdinPump(session, (held) => {
    if (held) socket.pause()
    else socket.resume()
  })
  socket.on('data', (chunk: Buffer) => pump.push(chunk))
  socket.on('end', () => pump.end())
  // A client that vanished: the attach ends as Go's ended when its copy failed.
  socket.on('close', () => pump.abort())
  socket.resume()
  pump.push(rest)
}

/**
 * Writes the daemon's stream to the socket, waiting for the socket to drain so a slow reader
 * holds at most one chunk in memory, then closes the connection (Go closed it whole).
 */
async function pipeToSocket(response: Response, socket: Duplex): Promise<void> {
  if (response.body !== null) {
    const reader = response.body.getReader()
    const cancel = (): void => {
      reader.cancel().catch(() => undefined)
    }
    socket.once('close', cancel)
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done || socket.destroyed) break
        if (!socket.write(value)) await drained(socket)
      }
    } catch {
      // The stream failed or was cancelled: close the connection all the same.
    } finally {
      socket.off('close', cancel)
    }
  }
  if (!socket.destroyed) socket.end(() => socket.destroy())
}
