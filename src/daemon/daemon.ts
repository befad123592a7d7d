import type { Handler } from './api/context.ts'
import { Dispatcher } from './api/dispatch.ts'
import { handlers as defaultHandlers } from './api/handlers.ts'
import { systemClock, timeoutWake } from './engine/real-time.ts'
import { Engine } from './engine.ts'
import { fromSnapshot, toSnapshot } from './model/snapshot.ts'
import type { DaemonState } from './model/state.ts'
import type {
  DaemonOptions,
  DaemonRequest,
  DaemonResponse,
  DockerVersion,
  StdinSession,
} from './types.ts'
import { isDockerVersion } from './version.ts'

export interface Daemon {
  handle(request: DaemonRequest): Promise<DaemonResponse>
  /** Read-only view for UIs and tests. */
  readonly state: DaemonState
  reset(): void
  /** JSON; restore with `createDaemon({ snapshot })` or `daemon.restore(json)`. */
  snapshot(): string
  /** Rejects malformed snapshots with an Error, leaving the state untouched. */
  restore(json: string): void
  /** The stdin of a live hijacked session (see `DAEMON_STDIN_HEADER`); undefined once it ended. */
  stdin(token: string): StdinSession | undefined
}

/** What createDaemon really returns: the contract plus a few conveniences. */
export interface SimulatedDaemon extends Daemon {
  readonly dockerVersion: DockerVersion
  readonly apiVersion: string
  /** Cancels pending timers (simulated `sleep N` exits). */
  dispose(): void
}

export function createDaemon(options: DaemonOptions = {}): SimulatedDaemon {
  const dockerVersion = options.dockerVersion ?? '1.12.6'
  if (!isDockerVersion(dockerVersion)) {
    throw new Error(`Unsupported Docker version ${String(dockerVersion)}`)
  }
  const engine = new Engine({
    dockerVersion,
    clock: options.clock ?? systemClock,
    wake: options.wake ?? timeoutWake,
    idGenerator: options.idGenerator ?? null,
    seed: options.seed ?? true,
  })
  const dispatcher = new Dispatcher(engine, defaultHandlers as ReadonlyMap<string, Handler>)

  const daemon: SimulatedDaemon = {
    async handle(request) {
      try {
        return await dispatcher.handle(request)
      } catch (err) {
        // Last line of defence: an internal bug is a 500, never a rejected promise.
        return dispatcher.errorResponse(err, '', {})
      }
    },
    get state() {
      return engine.state
    },
    dockerVersion,
    apiVersion: engine.apiVersion,
    reset() {
      engine.reset()
    },
    snapshot() {
      return toSnapshot(engine.state, {
        dockerVersion,
        prng: engine.registry.prng.state,
        pid: engine.registry.pidState,
      })
    },
    restore(json) {
      const parsed = fromSnapshot(json)
      engine.replaceState(parsed.state, parsed.prng, parsed.pid)
    },
    dispose() {
      engine.dispose()
    },
    stdin(token) {
      return engine.live.session(token)
    },
  }
  if (options.snapshot !== undefined) daemon.restore(options.snapshot)
  return daemon
}
