import { type IncomingMessage, STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import { DAEMON_STATUS_HEADER } from '../mocks/handlers/forward.ts'
import { daemonStatus, requestFrom } from './node-http.ts'

/** Reads a Content-Length body that arrives on a raw socket after an upgrade request's headers. */
function readUpgradeBody(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<Buffer> {
  const length = Number(request.headers['content-length'] ?? 0)
  if (!Number.isFinite(length) || length <= head.byteLength) {
    return Promise.resolve(head.subarray(0, Math.max(0, length)))
  }
  return new Promise((resolve) => {
    const chunks = [head]
    let received = head.byteLength
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk)
      received += chunk.byteLength
      if (received >= length) {
        socket.off('data', onData)
        resolve(Buffer.concat(chunks).subarray(0, length))
      }
    }
    socket.on('data', onData)
  })
}

/**
 * The hijack: `POST /containers/{id}/attach` or `/exec/{id}/start` with `Upgrade: tcp`.
 * Docker 1.12 answered `101 UPGRADED` and then wrote the raw stream on the bare connection,
 * closing it at the end; any other answer (an error) is a normal HTTP response and the
 * connection is closed. Stdin from the client is not forwarded: the daemon model has none.
 * @see moby api/server/router/container/container_routes.go postContainersAttach at v1.12.6
 */
export async function handleUpgrade(
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  origin: string,
  respond: (request: Request) => Promise<Response>,
): Promise<number> {
  const body = await readUpgradeBody(request, socket, head)
  const response = await respond(requestFrom(request, origin, body))
  const status = daemonStatus(response)
  if (status === 101) {
    // Exactly what 1.12 wrote on the hijacked connection: no Server, Date or other headers.
    const contentType = response.headers.get('content-type') ?? 'application/vnd.docker.raw-stream'
    socket.write(
      `HTTP/1.1 101 UPGRADED\r\nContent-Type: ${contentType}\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n`,
    )
    // Stdin is not modelled: drain whatever the client sends.
    socket.on('data', () => undefined)
    await pipeToSocket(response, socket)
    return status
  }
  // Not upgraded (an error, or a route that ignores Upgrade): a plain HTTP/1.1 response on the
  // raw socket, delimited by closing the connection.
  const lines: string[] = []
  response.headers.forEach((value, name) => {
    if (name !== DAEMON_STATUS_HEADER && !['connection', 'upgrade'].includes(name)) {
      lines.push(`${name}: ${value}\r\n`)
    }
  })
  socket.write(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('')}Date: ${new Date().toUTCString()}\r\nConnection: close\r\n\r\n`,
  )
  await pipeToSocket(response, socket)
  return status
}

async function pipeToSocket(response: Response, socket: Duplex): Promise<void> {
  if (response.body !== null) {
    const reader = response.body.getReader()
    socket.on('close', () => {
      reader.cancel().catch(() => undefined)
    })
    for (;;) {
      const { done, value } = await reader.read()
      if (done || socket.destroyed) break
      socket.write(value)
    }
  }
  socket.end()
}
