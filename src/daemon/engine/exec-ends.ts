import type { DaemonState, ExecRecord } from '../model/state.ts'
import type { Scheduler } from './scheduler.ts'

/**
 * How execs end: a timed one (`sleep 5`) by the clock, a live one when its program exits, any
 * of them when its container stops; and who is told (an attached exec start's stream).
 */
export class ExecEnds {
  private readonly listeners = new Map<string, Array<() => void>>()

  constructor(
    private readonly clock: Pick<Scheduler, 'at'>,
    private readonly state: () => DaemonState,
  ) {}

  /** A timed exec ends at `ex.exitAt` by the daemon clock. */
  scheduleExit(ex: ExecRecord): void {
    const at = ex.exitAt
    if (at === null) return
    this.clock.at(at, () => {
      if (this.state().execs.get(ex.id) !== ex) return
      if (ex.phase === 'running' && ex.exitAt === at) this.finish(ex, ex.exitCode ?? 0)
    })
  }

  /** Calls `listener` once when the exec's process ends (or its container stops). */
  onEnd(execId: string, listener: () => void): void {
    const list = this.listeners.get(execId)
    if (list === undefined) this.listeners.set(execId, [listener])
    else list.push(listener)
  }

  /** The exec's process is gone (its container stopped or was removed): tell the listeners. */
  ended(execId: string): void {
    const list = this.listeners.get(execId)
    if (list === undefined) return
    this.listeners.delete(execId)
    for (const l of list) l()
  }

  /** The process exited with `code`. Exec records are in no cached list data: no revision moves. */
  finish(e: ExecRecord, code: number): void {
    e.phase = 'exited'
    e.exitCode = code
    e.exitAt = null
    this.ended(e.id)
    // 1.12 has no exec_die event (it came with 1.13); see daemon/exec.go at v1.12.6.
  }
}
