import type { ContainerFilesSink } from './engine/host-files.ts'
import type { DockerVersion } from './version.ts'

export type { ContainerFilesSink }

/**
 * The public contract of the simulated daemon: a request goes in, a response comes out.
 * Deliberately transport-free (no Request/Response, no node:http) so the same model serves
 * MSW in the browser, MSW in tests and the real HTTP front in `src/server/`.
 */

export interface DaemonRequest {
  method: string
  /** URL pathname as received, including any /v1.xx prefix; percent-decoding NOT applied. */
  path: string
  query: URLSearchParams
  /** Lower-case header names. */
  headers: Record<string, string>
  body: Uint8Array | null
}

export interface DaemonResponse {
  status: number
  /** Lower-case header names, e.g. 'content-type', 'server'. */
  headers: Record<string, string>
  /** null = no body; string/Uint8Array = whole body; AsyncIterable = streamed (events, logs follow, pull progress, attach). */
  body: string | Uint8Array | null | AsyncIterable<Uint8Array>
}

export type { DockerVersion }

export interface DaemonOptions {
  /** Docker release to imitate → max API 1.21 / 1.22 / 1.23 / 1.24; default 1.12.6. */
  dockerVersion?: DockerVersion
  /** The daemon's time; injectable for determinism (default: the wall clock). */
  clock?: () => Date
  /**
   * Real-time wake-ups for the daemon's timed work (a `sleep 5` container exiting, a restart
   * back-off, stats samples), so it happens without new requests: `wake` once after about
   * `delayMs`, and return a cancel function. Default: setTimeout, unref'd. A test with a fake
   * clock can pass `() => () => {}` and let requests (which run due work first) drive time.
   */
  wake?: WakeDriver
  /** 64-hex ids; the default is a seeded generator, deterministic per daemon instance. */
  idGenerator?: () => string
  /** Seed the images busybox, nginx and alpine (default true). */
  seed?: boolean
  /** A JSON snapshot from `daemon.snapshot()` to start from. */
  snapshot?: string
  /**
   * Docker's root directory (`/info` DockerRootDir; inspect's ResolvConfPath, HostnamePath and
   * HostsPath are under `<dataRoot>/containers/<id>/`). Default `/var/lib/docker`.
   */
  dataRoot?: string
  /** The host's /etc/resolv.conf that containers' resolv.conf derive from (default: a typical one). */
  hostResolvConf?: string
  /** Told of each container's resolv.conf, hostname and hosts (npm run daemon writes them). */
  containerFiles?: ContainerFilesSink
  /**
   * The simulated disk: bytes of client data (configs, copied files, labels) the daemon keeps
   * before it answers "no space left on device" (engine/disk.ts; default 128 MiB).
   */
  diskBytes?: number
  /**
   * An exception of the model itself (a bug, not a Docker error) while answering a request:
   * the client gets a 500 saying so, never the exception's own text; the exception comes here.
   * Default: console.error.
   */
  onInternalError?: (error: unknown) => void
  /**
   * Lets the transport serve other requests in the middle of a long piece of work (a large
   * archive upload): resolves after a turn of its event loop. The node server passes one
   * (setImmediate); without it (browser, tests) such work runs to its end at once.
   */
  yieldToIo?: () => Promise<void>
}

/** Real time for the daemon's wake-ups (see `DaemonOptions.wake`). */
export type WakeDriver = (delayMs: number, wake: () => void) => () => void

/**
 * A hijacked attach or exec start that reads stdin answers with this header: the token names
 * the session whose stdin the transport feeds (`daemon.stdin(token)`). Real Docker has no such
 * header — the node:http server strips it before the 101 goes out; in the browser, which cannot
 * hijack a connection, the page writes the learner's keys through it.
 */
export const DAEMON_STDIN_HEADER = 'x-daemon-stdin'

/** The client's side of a hijacked connection: what it sends after the request. */
export interface StdinSession {
  /** Bytes from the client (keys typed in a terminal, piped input). Ignored after `end`. */
  write(data: Uint8Array | string): void
  /** The client closed its writing half (`CloseWrite`, end of piped input) or hung up. */
  end(): void
  /**
   * Back-pressure: null while the process can take more input; otherwise a promise that
   * resolves once its client has read enough of the output. A real process writing to a client
   * that does not read blocked on the full pipe and stopped reading stdin; a transport that
   * reads the client's bytes as they come (src/server/) stops reading them until then.
   */
  ready?(): Promise<void> | null
}
