import { EngineEvents } from './engine/events.ts'
import { ExecEnds } from './engine/exec-ends.ts'
import { Lifecycle } from './engine/lifecycle.ts'
import { LiveProcesses } from './engine/live.ts'
import { ContainerOutput } from './engine/output.ts'
import { Registry } from './engine/registry.ts'
import { Revisions } from './engine/revisions.ts'
import { Scheduler } from './engine/scheduler.ts'
import type { DaemonState } from './model/state.ts'
import type { DockerVersion, WakeDriver } from './types.ts'
import { API_VERSION_OF } from './version.ts'

/**
 * The model behind the API, as the handlers in api/ see it: the state value and the parts that
 * change it, each with one job (engine/):
 *
 * - `registry`: ids, names, lookups of containers, images and networks;
 * - `lifecycle`: start, end, restart policy, waits and removal of containers;
 * - `execs`: how exec processes end and who is told;
 * - `live`: processes that read stdin as it comes, their stdin sessions and terminals;
 * - `clock`: the injected clock and every timed wake-up;
 * - `events`, `output`: the event log and containers' output, with their live followers;
 * - `revisions`: change counters for the list cache, moved by every writer.
 */
export class Engine {
  readonly dockerVersion: DockerVersion
  readonly apiVersion: string
  readonly revisions = new Revisions()
  readonly clock: Scheduler
  readonly registry: Registry
  readonly events: EngineEvents
  readonly output: ContainerOutput
  readonly execs: ExecEnds
  readonly live: LiveProcesses
  readonly lifecycle: Lifecycle
  private readonly seed: boolean

  constructor(opts: {
    dockerVersion: DockerVersion
    clock: () => Date
    wake: WakeDriver
    idGenerator: (() => string) | null
    seed: boolean
  }) {
    this.dockerVersion = opts.dockerVersion
    this.apiVersion = API_VERSION_OF[opts.dockerVersion]
    this.seed = opts.seed
    this.clock = new Scheduler(opts.clock, opts.wake)
    this.registry = new Registry(opts.idGenerator, this.revisions)
    this.events = new EngineEvents(this.registry.state.events, this.clock)
    this.output = new ContainerOutput(this.clock)
    this.execs = new ExecEnds(this.clock, () => this.registry.state)
    this.live = new LiveProcesses({
      clock: this.clock,
      output: this.output,
      idFor: (seed) => this.registry.newIdFor(seed),
      containerExited: (c, code) => this.lifecycle.finish(c, code),
      execExited: (ex, code) => this.execs.finish(ex, code),
    })
    this.lifecycle = new Lifecycle(this)
    this.reset()
  }

  /** The state value (plain JSON-able records; see state.ts). */
  get state(): DaemonState {
    return this.registry.state
  }

  /** A fresh daemon: no containers, the seeded images, the default networks. */
  reset(): void {
    this.stopAll()
    this.registry.reset(this.seed)
    this.events.switchLog(this.registry.state.events)
  }

  /** Replaces the whole state (after restore); timed ends and live processes go on. */
  replaceState(state: DaemonState, prngState: number, pidCounter: number): void {
    this.stopAll()
    this.registry.load(state, prngState, pidCounter)
    this.events.switchLog(state.events)
    this.lifecycle.resumeAll(state)
  }

  dispose(): void {
    this.stopAll()
  }

  /** Cancels every wake-up, script, live process and stdin session. */
  private stopAll(): void {
    this.clock.clear()
    this.lifecycle.clear()
    this.live.clear()
  }
}
