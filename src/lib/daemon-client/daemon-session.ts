import {
  createDaemon,
  type Daemon,
  type DockerVersion,
  type SimulatedDaemon,
} from '../../daemon/index.ts'
import { readStored, writeStored } from '../storage.ts'
import { writeStoredSoon } from '../storage-soon.ts'

/**
 * One simulated daemon per Docker version, kept in localStorage between visits: a learner's
 * containers survive a reload. A stored snapshot that no longer parses is dropped, never fatal.
 */
/** How requests reach the daemon: fetch through the service worker, or inside the page. */
export interface Transport {
  readonly fetch: typeof fetch
  /** No service worker: requests are answered in the page and do not show in DevTools' network panel. */
  readonly inPage: boolean
}

const NETWORK: Transport = { fetch: (input, init) => fetch(input, init), inPage: false }

export interface DaemonSession {
  readonly version: DockerVersion
  readonly transport: Transport
  /** Where requests go: `${baseUrl}${daemonPath}`. */
  readonly baseUrl: string
  readonly daemon: SimulatedDaemon
  /**
   * Writes the daemon's state to storage (after each exchange): once the page is idle, or when
   * it hides, so the snapshot is not on the way from an answer to the screen.
   */
  persist(): void
  /** Back to a fresh daemon with only the seeded images. */
  reset(): void
  /** Set when a stored state could not be restored and a fresh daemon was started instead. */
  readonly restoreError: string | null
}

const storageKey = (version: DockerVersion) => `docker-api-explorer:daemon:${version}`

/** Restores the stored daemon for `version`, or starts a fresh one. */
export function openDaemon(version: DockerVersion): {
  daemon: SimulatedDaemon
  restoreError: string | null
} {
  const daemon = createDaemon({ dockerVersion: version })
  const stored = readStored(storageKey(version))
  if (stored === null) return { daemon, restoreError: null }
  try {
    daemon.restore(stored)
    return { daemon, restoreError: null }
  } catch (error) {
    writeStored(storageKey(version), null)
    return { daemon, restoreError: error instanceof Error ? error.message : String(error) }
  }
}

export function makeSession(
  version: DockerVersion,
  baseUrl: string,
  opened: { daemon: SimulatedDaemon; restoreError: string | null },
  transport: Transport = NETWORK,
): DaemonSession {
  const { daemon, restoreError } = opened
  return {
    version,
    baseUrl,
    transport,
    daemon,
    restoreError,
    persist: () => writeStoredSoon(storageKey(version), () => daemon.snapshot()),
    reset: () => {
      daemon.reset()
      writeStored(storageKey(version), null)
    },
  }
}

/**
 * The service worker's handlers are created once; they talk to whichever daemon is current, so
 * switching the Docker version does not need a second worker.
 */
export class DaemonSwitch implements Daemon {
  constructor(public current: Daemon) {}
  handle: Daemon['handle'] = (request) => this.current.handle(request)
  get state() {
    return this.current.state
  }
  reset = () => this.current.reset()
  snapshot = () => this.current.snapshot()
  restore = (json: string) => this.current.restore(json)
  stdin = (token: string) => this.current.stdin(token)
}
