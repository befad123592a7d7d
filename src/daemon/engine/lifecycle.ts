import { untyped } from '../errors.ts'
import { attachNetworks, detachNetworks } from '../model/networking.ts'
import { type ContainerRecord, type DaemonState, isRunning } from '../model/state.ts'
import { plan, type StartFailure } from '../process.ts'
import type { EngineEvents } from './events.ts'
import type { ExecEnds } from './exec-ends.ts'
import type { LiveProcesses } from './live.ts'
import type { ContainerOutput } from './output.ts'
import { processInput } from './process-input.ts'
import type { Registry } from './registry.ts'
import { restartDelay, shouldRestart } from './restart-policy.ts'
import type { Revisions } from './revisions.ts'
import type { Scheduler } from './scheduler.ts'
import { Scripts } from './scripts.ts'

/** The parts the lifecycle drives. */
export interface LifecycleParts {
  registry: Registry
  clock: Scheduler
  events: EngineEvents
  output: ContainerOutput
  live: LiveProcesses
  revisions: Revisions
  execs: ExecEnds
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
  private readonly scripts: Scripts

  constructor(private readonly p: LifecycleParts) {
    this.scripts = new Scripts(p.clock, p.output, (c, code) => this.finish(c, code))
  }

  /**
   * Starts the simulated process. Throws the runtime's error (after recording exit code 127
   * and a `die` event, as daemon/start.go does) when the binary does not exist.
   */
  start(c: ContainerRecord): void {
    const { clock, registry } = this.p
    this.p.revisions.touch(c)
    const input = processInput(c)
    const run = plan(input)
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
    c.process = {
      exitAt:
        run.kind === 'runs' && run.runForMs !== null && run.shell === undefined
          ? clock.nowMs() + run.runForMs
          : null,
      exitCode: run.exitCode,
      ignoresSigterm: run.ignoresSigterm,
      termExitCode: run.termExitCode,
    }
    this.p.events.container(c, 'start')
    if (run.output !== undefined)
      for (const o of run.output) this.p.output.write(c, o.stream, o.text)
    else {
      if (run.stdout !== '') this.p.output.write(c, 1, run.stdout)
      if (run.stderr !== '') this.p.output.write(c, 2, run.stderr)
    }
    this.scripts.forget(c.id)
    if (run.kind === 'runs' && run.live !== undefined) {
      this.p.live.spawnContainer(c, input, false)
    } else if (run.kind === 'runs' && run.shell?.pending?.kind === 'sleep') {
      this.scripts.run(c, run.shell, run.shell.pending.ms)
    } else if (run.kind === 'exits') {
      this.finish(c, run.exitCode)
    } else if (c.process.exitAt !== null) {
      this.scheduleExit(c, c.process.exitAt)
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
    this.scripts.forget(c.id)
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

  /** The cgroup freezer stops the process; a script due meanwhile waits for `unpause`. */
  pause(c: ContainerRecord): void {
    this.p.revisions.touch(c)
    c.state = { ...c.state, status: 'paused' }
    this.p.events.container(c, 'pause')
  }

  /** Thawed: a script whose sleep ended while it was frozen goes on now. */
  unpause(c: ContainerRecord): void {
    this.p.revisions.touch(c)
    c.state = { ...c.state, status: 'running' }
    this.p.events.container(c, 'unpause')
    this.scripts.resumeUnpaused(c)
  }

  private scheduleExit(c: ContainerRecord, at: number): void {
    this.p.clock.at(at, () => {
      if (this.p.registry.state.containers.get(c.id) !== c) return
      if (c.process?.exitAt === at && c.state.status === 'running') {
        this.finish(c, c.process.exitCode)
      }
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

  /** After a snapshot was loaded: timed ends, restart back-offs and live processes go on. */
  resumeAll(state: DaemonState): void {
    for (const c of state.containers.values()) {
      if (c.process?.exitAt != null && c.state.status === 'running') {
        this.scheduleExit(c, c.process.exitAt)
      }
    }
    for (const e of state.execs.values()) {
      if (e.exitAt !== null && e.phase === 'running') this.p.execs.scheduleExit(e)
    }
    for (const c of state.containers.values()) {
      if (c.state.status === 'restarting' && typeof c.restartAt === 'number') {
        this.scheduleRestart(c, c.restartAt)
      }
      // A shell that was waiting at its prompt waits again (without printing a second prompt).
      if (c.state.status === 'running' || c.state.status === 'paused') {
        const input = processInput(c)
        const run = plan(input)
        if (run.kind === 'runs' && run.live !== undefined)
          this.p.live.spawnContainer(c, input, true)
      }
    }
  }

  /** Forgets running scripts (reset, restore, dispose). Pending waits stay pending. */
  clear(): void {
    this.scripts.clear()
  }
}
