import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { getResponse, type RequestHandler } from 'msw'
import type { Daemon, DockerVersion } from '../daemon/index.ts'
import { createDaemon } from '../daemon/index.ts'
import { createHandlers } from '../mocks/handlers/index.ts'
import { handleUpgrade } from './hijack.ts'
import { BodyTooLargeError, bodyTooLarge, toFetchRequest, writeFetchResponse } from './node-http.ts'

export interface DaemonServerOptions {
  /** 0 = an ephemeral port. */
  port: number
  /** Default 127.0.0.1: an unauthenticated Docker API belongs on loopback only. */
  host?: string
  dockerVersion?: DockerVersion
  /** An existing daemon (tests, benchmarks); otherwise `createDaemon({ dockerVersion })`. */
  daemon?: Daemon
  /** Where the per-request log line goes; `null` = no log. Default: stdout. */
  log?: ((line: string) => void) | null
  /** How long an upgrade request may take to send its declared body (default 30 s). */
  upgradeBodyTimeoutMs?: number
}

export interface DaemonServer {
  /** `http://host:port`, for DOCKER_HOST=tcp://host:port or dockerode's `{ host, port }`. */
  readonly url: string
  readonly host: string
  readonly port: number
  readonly daemon: Daemon
  close(): Promise<void>
}

/** How long close() lets in-flight requests finish before it cuts their connections. */
const SHUTDOWN_GRACE_MS = 5_000

/** `GET /containers/json 200 1.2ms`: method, path with query, status, time to the last byte. */
export function formatLogLine(method: string, target: string, status: number, ms: number): string {
  return `${method} ${target} ${status} ${ms.toFixed(1)}ms`
}

/** A daemon bug must not kill the server: answer as Go's error handler would, with a 500. */
function internalError(error: unknown): Response {
  const message = error instanceof Error ? error.message : String(error)
  return new Response(`${JSON.stringify({ message })}\n`, {
    status: 500,
    headers: { 'content-type': 'application/json' },
  })
}

/**
 * The simulated daemon over real HTTP. Every endpoint is answered by the same MSW handlers the
 * browser and the tests use, through msw's `getResponse`: there is no second implementation.
 */
export async function startDaemonServer(options: DaemonServerOptions): Promise<DaemonServer> {
  const host = options.host ?? '127.0.0.1'
  let daemon: Daemon
  let disposeDaemon = (): void => undefined
  if (options.daemon === undefined) {
    // A daemon we create is ours to dispose of (its timers for `sleep N` processes).
    const created = createDaemon({ dockerVersion: options.dockerVersion ?? '1.12.6' })
    daemon = created
    disposeDaemon = () => created.dispose()
  } else {
    daemon = options.daemon
  }
  const handlers: RequestHandler[] = createHandlers(daemon)
  const log =
    options.log === undefined ? (line: string) => process.stdout.write(`${line}\n`) : options.log
  let origin = ''

  const respond = async (request: Request): Promise<Response> => {
    try {
      return (
        (await getResponse(handlers, request)) ??
        // Unreachable while the catch-all handler exists; kept so a missing handler is visible.
        internalError(new Error(`no handler for ${request.method} ${request.url}`))
      )
    } catch (error) {
      return internalError(error)
    }
  }

  // Aborted by close(): streaming responses (events, logs?follow=1, stats) end cleanly.
  const shutdown = new AbortController()
  const server = createServer({ noDelay: true }, (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now()
    const method = req.method ?? 'GET'
    if (log !== null) {
      res.on('close', () => {
        log(formatLogLine(method, req.url ?? '/', res.statusCode, performance.now() - started))
      })
    }
    void (async () => {
      let response: Response
      try {
        response = await respond(await toFetchRequest(req, origin))
      } catch (error) {
        response = error instanceof BodyTooLargeError ? bodyTooLarge(error) : internalError(error)
      }
      try {
        await writeFetchResponse(response, res, method, shutdown.signal)
      } catch {
        res.destroy()
      }
    })()
  })
  // `Upgrade: tcp` (docker attach, docker exec without -d): the hijacked connection.
  const hijacked = new Set<Duplex>()
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const started = performance.now()
    hijacked.add(socket)
    socket.on('close', () => hijacked.delete(socket))
    socket.on('error', () => undefined)
    handleUpgrade(req, socket, head, origin, respond, {
      stdin: (token) => daemon.stdin(token),
      bodyTimeoutMs: options.upgradeBodyTimeoutMs,
    }).then(
      (status) => {
        log?.(
          formatLogLine(req.method ?? 'GET', req.url ?? '/', status, performance.now() - started),
        )
      },
      () => socket.destroy(),
    )
  })
  // Go's server has no idle timeout; keep idle keep-alive connections for a while so clients
  // that pool them (the docker CLI, dockerode's agent) are not surprised by resets.
  server.keepAliveTimeout = 30_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  origin = `http://${urlHost}:${address.port}`

  return {
    url: origin,
    host: address.address,
    port: address.port,
    daemon,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // In-flight requests finish; their keep-alive connections are closed once idle.
        const idleSweep = setInterval(() => server.closeIdleConnections(), 50)
        // A request that never finishes (a client that stops sending) is cut after a grace period.
        const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS)
        // Stop listening; the callback runs once every connection has closed.
        server.close((error) => {
          clearInterval(idleSweep)
          clearTimeout(deadline)
          disposeDaemon()
          if (error === undefined) resolve()
          else reject(error)
        })
        // Followers of /events or logs?follow=1 would otherwise keep the server open forever:
        // their streams end now, with a proper end of the chunked body.
        shutdown.abort()
        for (const socket of hijacked) socket.destroy()
        server.closeIdleConnections()
      }),
  }
}
