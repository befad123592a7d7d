import { untyped } from '../errors.ts'
import { attachNetworks, detachNetworks } from '../model/networking.ts'
import { type ContainerRecord, type DaemonState, isRunning } from '../model/state.ts'
import { plan, restoredProgram, type StartFailure } from '../process.ts'
import type { EngineEvents } from './events.ts'
import type { ExecEnds } from './exec-ends.ts'
import type { ContainerHostSetup } from './host-files.ts'
import type { LiveProcesses } from './live.ts'
import type { ContainerOutput } from './output.ts'
import { execInput, processInput } from './process-input.ts'
import type { Registry } from './registry.ts'
import { restartDelay, shouldRestart } from './restart-policy.ts'
import type { Revisions } from './revisions.ts'
import type { Scheduler } from './scheduler.ts'

/** The parts the lifecycle drives. */
export interface LifecycleParts {
  registry: Registry
  clock: Scheduler
  events: EngineEvents
  output: ContainerOutput
  live: LiveProcesses
  revisions: Revisions
  execs: ExecEnds
  hostSetup: ContainerHostSetup
}

/**
 * Containers and execs from start to end, with the rules of daemon/start.go, daemon/monitor.go
 * and restartmanager/ at v1.12.6: starting the process, its end (by itself, by a signal or by
 * its clock), the restart policy, POST /wait, removal. Every write here marks the container
 * (`Revisions.touch`) as it happens.
 */
export class Lifecycle {
  /** Container id → resolvers of pending POST /wait calls. */
  private readonly waiters = new Map<string, Set<(code: number) => void>>()

  constructor(private readonly p: LifecycleParts) {}

  /**
   * Starts the simulated process. Throws the runtime's error (after recording exit code 127
   * and a `die` event, as daemon/start.go does) when the binary does not exist.
   */
  start(c: ContainerRecord): void {
    const { clock, registry } = this.p
    this.p.revisions.touch(c)
    this.joinNamespaces(c)
    const run = plan(
      processInput(
        c,
        () => clock.nowMs(),
        () => this.p.hostSetup.etcFiles(c),
      ),
    )
    if (run.kind === 'fails') this.failStart(c, run)
    c.state = {
      status: 'running',
      pid: registry.nextPid(),
      exitCode: 0,
      error: '',
      startedAt: clock.nowString(),
      finishedAt: c.state.finishedAt,
      oomKilled: false,
    }
    attachNetworks(registry, c)
    this.p.hostSetup.started(c)
    c.process = {
      // Kept in the state so a restored snapshot still ends a `sleep 5` on time.
      exitAt: run.runForMs === null ? null : clock.nowMs() + run.runForMs,
      exitCode: 0,
      ignoresSigterm: run.ignoresSigterm,
      termExitCode: run.termExitCode,
    }
    this.p.events.container(c, 'start')
    // The one driver runs it: what it writes at once is logged now, and if it ends at once
    // (`echo hi`), `finish` runs before this returns.
    this.p.live.spawnContainer(c, run)
  }

  /**
   * `container:<id>` network and IPC modes need that container running. A failed start records
   * the error and exit code 128 (unless one is set), as containerStart's deferred cleanup does
   * (daemon/start.go; no `die` event: no process was created).
   */
  private joinNamespaces(c: ContainerRecord): void {
    try {
      this.p.hostSetup.join(c)
    } catch (err) {
      const exitCode = c.state.exitCode === 0 ? 128 : c.state.exitCode
      c.state = { ...c.state, exitCode, error: err instanceof Error ? err.message : String(err) }
      throw err
    }
  }

  private failStart(c: ContainerRecord, f: StartFailure): never {
    c.state = { ...c.state, exitCode: f.exitCode, error: f.message }
    this.p.events.container(c, 'die', { exitCode: String(f.exitCode) })
    throw untyped(f.message)
  }

  /**
   * The process ended (by itself or by a signal): record it, wake waiters, end follows.
   * `manual` = stopped or killed through the API (ExitOnNext: no restart).
   * Otherwise the restart policy may put the container in `restarting` and start it again
   * after a back-off (100 ms, doubling, at most 1 min), as daemon/monitor.go and
   * restartmanager/restartmanager.go do in 1.12.
   */
  finish(c: ContainerRecord, exitCode: number, manual = false): void {
    if (!isRunning(c)) return
    const { clock, registry, live } = this.p
    this.p.revisions.touch(c)
    if (c.state.status === 'restarting') {
      // Killing or stopping a restarting container only cancels the pending restart.
      if (manual) this.settle(c, c.state.exitCode)
      return
    }
    const ranMs = clock.nowMs() - Date.parse(c.state.startedAt)
    c.process = null
    live.endContainer(c.id)
    detachNetworks(registry, c)
    // daemon.Cleanup unregisters exec instances that have not exited (daemon/monitor.go, daemon/start.go).
    const kept: string[] = []
    for (const execId of c.execIds) {
      const e = registry.state.execs.get(execId)
      if (e === undefined) continue
      if (e.phase === 'exited') kept.push(execId)
      else registry.state.execs.delete(execId)
      live.endExec(execId)
      this.p.execs.ended(execId)
    }
    c.execIds = kept
    const now = clock.nowString()
    this.p.events.container(c, 'die', { exitCode: String(exitCode) })
    if (!manual && shouldRestart(c, exitCode)) {
      const delay = restartDelay(ranMs, c.restartDelayMs ?? 0)
      c.restartDelayMs = delay
      c.restartCount += 1
      c.restartAt = clock.nowMs() + delay
      c.state = { ...c.state, status: 'restarting', pid: 0, exitCode, finishedAt: now }
      this.scheduleRestart(c, c.restartAt)
      return
    }
    c.state = { ...c.state, status: 'exited', pid: 0, exitCode, finishedAt: now }
    this.settle(c, exitCode)
  }

  /** The container is down for good: wake POST /wait calls and end follow streams. */
  private settle(c: ContainerRecord, exitCode: number): void {
    c.state = { ...c.state, status: 'exited', pid: 0, exitCode }
    c.restartAt = null
    this.wakeWaiters(c.id, exitCode)
    this.p.output.close(c.id)
  }

  /** Removes a container that is not running: its record, execs, name, endpoints and streams. */
  remove(c: ContainerRecord): void {
    const execIds = c.execIds
    this.p.hostSetup.removed(c)
    this.p.registry.deleteContainer(c)
    for (const execId of execIds) {
      this.p.live.endExec(execId)
      this.p.execs.ended(execId)
    }
    this.p.live.endContainer(c.id)
    this.wakeWaiters(c.id, c.state.exitCode)
    this.p.output.close(c.id)
  }

  /** Resolves with the exit code once the container is not running (container/state.go WaitStop). */
  waitStop(c: ContainerRecord): Promise<number> {
    if (!isRunning(c)) return Promise.resolve(c.state.exitCode)
    return new Promise((resolve) => {
      let set = this.waiters.get(c.id)
      if (set === undefined) {
        set = new Set()
        this.waiters.set(c.id, set)
      }
      set.add(resolve)
    })
  }

  private wakeWaiters(id: string, code: number): void {
    const w = this.waiters.get(id)
    if (w !== undefined) {
      this.waiters.delete(id)
      for (const resolve of w) resolve(code)
    }
  }

  /** The cgroup freezer stops the container's processes; a sleep due meanwhile waits for `unpause`. */
  pause(c: ContainerRecord): void {
    this.p.revisions.touch(c)
    c.state = { ...c.state, status: 'paused' }
    this.p.events.container(c, 'pause')
    this.p.live.freeze({ container: c })
    for (const exec of this.execsOf(c)) this.p.live.freeze({ exec })
  }

  /** Thawed: a sleep that ended while frozen, or input that came, goes on now. */
  unpause(c: ContainerRecord): void {
    this.p.revisions.touch(c)
    c.state = { ...c.state, status: 'running' }
    this.p.events.container(c, 'unpause')
    this.p.live.thaw({ container: c })
    for (const exec of this.execsOf(c)) this.p.live.thaw({ exec })
  }

  private execsOf(c: ContainerRecord) {
    return c.execIds.flatMap((id) => {
      const e = this.p.registry.state.execs.get(id)
      return e === undefined ? [] : [e]
    })
  }

  private scheduleRestart(c: ContainerRecord, at: number): void {
    this.p.clock.at(at, () => {
      if (this.p.registry.state.containers.get(c.id) !== c) return
      if (c.state.status !== 'restarting' || c.restartAt !== at) return
      c.restartAt = null
      c.state = { ...c.state, status: 'exited' }
      this.p.revisions.touch(c)
      try {
        this.start(c)
      } catch {
        // A restart that cannot start the process leaves the container exited.
        this.settle(c, c.state.exitCode)
      }
    })
  }

  // ---------- restore ----------

  /** After a snapshot was loaded: restart back-offs and running processes go on. */
  resumeAll(state: DaemonState): void {
    const now = () => this.p.clock.nowMs()
    for (const c of state.containers.values()) {
      if (c.state.status === 'restarting' && typeof c.restartAt === 'number') {
        this.scheduleRestart(c, c.restartAt)
      }
      if (c.state.status !== 'running' && c.state.status !== 'paused') continue
      const p = c.process
      const run = restoredProgram(
        processInput(c, now, () => this.p.hostSetup.etcFiles(c)),
        p?.exitAt ?? null,
        p?.exitCode ?? 0,
      )
      if (run.kind === 'fails') continue
      const paused = c.state.status === 'paused'
      this.p.live.spawnContainer(c, run, paused)
      for (const ex of this.execsOf(c)) {
        if (ex.phase !== 'running') continue
        const r = restoredProgram(
          execInput(c, ex, now, () => this.p.hostSetup.etcFiles(c)),
          ex.exitAt,
          0,
        )
        if (r.kind === 'fails') continue
        this.p.live.spawnExec(ex, r, paused)
      }
    }
  }
}
