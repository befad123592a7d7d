import { existsSync, statSync, unlinkSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { type AddressInfo, connect } from 'node:net'
import type { Duplex } from 'node:stream'
import type { Daemon, DockerVersion } from '../daemon/index.ts'
import { createDaemon, INTERNAL_ERROR_MESSAGE } from '../daemon/index.ts'
import { daemonFetch } from '../daemon-fetch/index.ts'
import { type DataRoot, openDataRoot } from './container-files.ts'
import { handleUpgrade } from './hijack.ts'
import { BodyTooLargeError, bodyTooLarge, toFetchRequest, writeFetchResponse } from './node-http.ts'

export interface DaemonServerOptions {
  /** 0 = an ephemeral port. */
  port: number
  /** Default 127.0.0.1: an unauthenticated Docker API belongs on loopback only. */
  host?: string
  /**
   * Listen on this Unix socket instead of TCP (DOCKER_HOST=unix://…), as dockerd does by default.
   * A stale socket file left by a crash is replaced; one a live server answers on is refused.
   */
  socketPath?: string
  dockerVersion?: DockerVersion
  /** An existing daemon (tests, benchmarks); otherwise `createDaemon({ dockerVersion })`. */
  daemon?: Daemon
  /**
   * Where a daemon created here writes its containers' resolv.conf, hostname and hosts
   * (DockerRootDir). Default: a fresh temporary directory, removed on close. Not used with
   * `daemon`, which reports its own paths and writes nothing.
   */
  dataRoot?: string
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
  /** The Unix socket listened on, or null on TCP. */
  readonly socketPath: string | null
  readonly daemon: Daemon
  /** The data root of a daemon created here (DockerRootDir), or null. */
  readonly dataRoot: string | null
  close(): Promise<void>
}

/** A socket file nobody answers on is what a killed server leaves behind: remove it. */
async function removeStaleSocket(path: string): Promise<void> {
  if (!existsSync(path)) return
  if (!statSync(path).isSocket()) throw new Error(`${path} exists and is not a socket`)
  const live = await new Promise<boolean>((resolve) => {
    const probe = connect(path)
    probe.once('connect', () => {
      probe.destroy()
      resolve(true)
    })
    probe.once('error', () => resolve(false))
  })
  if (live) throw new Error(`${path} is in use by a running server`)
  unlinkSync(path)
}

/** How long close() lets in-flight requests finish before it cuts their connections. */
const SHUTDOWN_GRACE_MS = 5_000

/** `GET /containers/json 200 1.2ms`: method, path with query, status, time to the last byte. */
export function formatLogLine(method: string, target: string, status: number, ms: number): string {
  return `${method} ${target} ${status} ${ms.toFixed(1)}ms`
}

function logInternalError(error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
  process.stderr.write(`daemon: internal error: ${text}\n`)
}

/**
 * A bug (in the adapter or the daemon) must not kill the server, nor show a client
 * JavaScript's own error text: a 500 in the daemon's error shape saying what happened, and the
 * exception on stderr for whoever runs the server.
 */
function internalError(error: unknown): Response {
  logInternalError(error)
  return new Response(`${JSON.stringify({ message: INTERNAL_ERROR_MESSAGE })}\n`, {
    status: 500,
    headers: { 'content-type': 'application/json' },
  })
}

/**
 * The simulated daemon over real HTTP. Every request goes through the same Fetch ⇄ daemon
 * translation (`src/daemon-fetch/`) as the browser's and the tests' MSW handler, called
 * directly: MSW has nothing to route here (every URL is the daemon's), so it stays out of the
 * server (decision 7). There is no second implementation.
 */
export async function startDaemonServer(options: DaemonServerOptions): Promise<DaemonServer> {
  const host = options.host ?? '127.0.0.1'
  const log =
    options.log === undefined ? (line: string) => process.stdout.write(`${line}\n`) : options.log
  let daemon: Daemon
  let disposeDaemon = (): void => undefined
  let dataRoot: DataRoot | null = null
  if (options.daemon === undefined) {
    // A daemon we create is ours to dispose of (its timers for `sleep N` processes), and so is
    // its data root.
    const root = openDataRoot(options.dataRoot, { log: log ?? undefined })
    dataRoot = root
    const created = createDaemon({
      dockerVersion: options.dockerVersion ?? '1.12.6',
      dataRoot: root.path,
      ...(root.hostResolvConf === undefined ? {} : { hostResolvConf: root.hostResolvConf }),
      containerFiles: root,
      onInternalError: logInternalError,
      // A large upload pauses every thousand members, so other clients are served meanwhile.
      yieldToIo: () => new Promise((resolve) => setImmediate(resolve)),
    })
    daemon = created
    disposeDaemon = () => {
      created.dispose()
      root.dispose()
    }
  } else {
    daemon = options.daemon
  }
  const answer = daemonFetch(daemon)
  let origin = ''

  const respond = async (request: Request): Promise<Response> => {
    try {
      return await answer(request)
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

  const socketPath = options.socketPath ?? null
  try {
    if (socketPath !== null) await removeStaleSocket(socketPath)
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      const listening = () => {
        server.off('error', reject)
        resolve()
      }
      if (socketPath !== null) server.listen(socketPath, listening)
      else server.listen(options.port, host, listening)
    })
  } catch (error) {
    // Nothing listens: the daemon and a temporary data root made for it go.
    disposeDaemon()
    throw error
  }
  let address: AddressInfo = { address: 'localhost', family: 'IPv4', port: 0 }
  if (socketPath === null) {
    address = server.address() as AddressInfo
    const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
    origin = `http://${urlHost}:${address.port}`
  } else {
    // Clients on a socket send Host: localhost (or a placeholder); requests are parsed against this.
    origin = 'http://localhost'
  }

  return {
    url: origin,
    host: address.address,
    port: address.port,
    socketPath,
    daemon,
    dataRoot: dataRoot?.path ?? null,
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
