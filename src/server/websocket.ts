import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { type WebSocket, WebSocketServer } from 'ws'
import type { StdinSession } from '../daemon/index.ts'
import { drained } from './node-http.ts'
import { StdinPump } from './stdin-pump.ts'

/**
 * `GET /containers/{id}/attach/ws` on the wire, through the `ws` library (docs/decisions/0006): the
 * daemon decides the handshake's answer and its errors (golang.org/x/net/websocket's 400s with
 * their reasons, 404, 409); only once it has answered 101 does `ws` complete the handshake and
 * speak RFC 6455 — masking, fragmented messages, control frames (a fragmented or oversized one
 * closes with 1002, as the RFC requires), close frames.
 */

/** A client message may carry at most this much; a bigger one closes the connection (1009). */
export const MAX_MESSAGE_BYTES = 1 << 20

/**
 * Pongs a client has not read yet, at most: past this its pings are not read either (the
 * socket is paused) until the pongs drain. `ws` answers pings as they come; a client that
 * sends pings and never reads would otherwise grow the server's write buffer without limit.
 */
export const PONG_BACKLOG_BYTES = 64 * 1024

const server = new WebSocketServer({
  noServer: true,
  maxPayload: MAX_MESSAGE_BYTES,
  // Pings are answered here, with back-pressure (see PONG_BACKLOG_BYTES).
  autoPong: false,
  // x/net/websocket negotiated no extension, and did not check that text frames were UTF-8.
  perMessageDeflate: false,
  skipUTF8Validation: true,
  clientTracking: false,
})

/**
 * Completes the handshake on `socket` (whose first bytes after the request are `head`).
 * Resolves null when `ws` refused it (it answered 400 itself: a key that is not 16 bytes of
 * base64, which x/net/websocket would have accepted — see the decision record).
 */
export function acceptWebSocket(
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): Promise<WebSocket | null> {
  return new Promise((resolve) => {
    const refused = (): void => resolve(null)
    socket.once('close', refused)
    server.handleUpgrade(request, socket, head, (ws) => {
      socket.off('close', refused)
      // The hijack paused the socket until the daemon answered; `ws` reads it from now on.
      socket.resume()
      resolve(ws)
    })
  })
}

/**
 * Pauses reading while any reason holds it (the stdin pump waiting for the process, pongs
 * waiting for the client), and resumes when none does.
 */
function holds(ws: WebSocket): (reason: string, held: boolean) => void {
  const reasons = new Set<string>()
  return (reason, held) => {
    const before = reasons.size
    if (held) reasons.add(reason)
    else reasons.delete(reason)
    if (before === 0 && reasons.size > 0) ws.pause()
    else if (before > 0 && reasons.size === 0) ws.resume()
  }
}

/**
 * The client's side: text and binary messages are stdin (through the pump: a slice per turn,
 * held while the process's output waits for the client), a close or a vanished client ends it.
 */
export function readWebSocket(
  ws: WebSocket,
  socket: Duplex,
  session: StdinSession | undefined,
): void {
  const hold = holds(ws)
  const pump = session === undefined ? null : new StdinPump(session, (held) => hold('stdin', held))
  ws.on('message', (data: Buffer) => pump?.push(data))
  ws.on('ping', (data: Buffer) => {
    ws.pong(data)
    if (socket.writableLength > PONG_BACKLOG_BYTES) {
      hold('pong', true)
      socket.once('drain', () => hold('pong', false))
    }
  })
  // A protocol error (1002, 1009) is answered by `ws` with a close frame; nothing to add.
  ws.on('error', () => undefined)
  ws.on('close', () => pump?.end())
  socket.once('close', () => pump?.abort())
}

/**
 * Writes the daemon's stream as one text frame per chunk (x/net/websocket's Conn.Write sends a
 * frame per call), waiting whenever the client falls behind, then closes as Go did: a close
 * frame, then the connection.
 */
export async function pipeToWebSocket(
  body: ReadableStream<Uint8Array> | null,
  ws: WebSocket,
  socket: Duplex,
): Promise<void> {
  if (body !== null) {
    const reader = body.getReader()
    const cancel = (): void => {
      reader.cancel().catch(() => undefined)
    }
    socket.once('close', cancel)
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done || socket.destroyed) break
        ws.send(value, { binary: false })
        if (socket.writableNeedDrain) await drained(socket)
      }
    } catch {
      // The stream failed or was cancelled: close the connection all the same.
    } finally {
      socket.off('close', cancel)
    }
  }
  if (socket.destroyed) return
  ws.close(1000)
  socket.end(() => socket.destroy())
}
