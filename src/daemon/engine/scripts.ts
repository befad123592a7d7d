import type { ContainerRecord } from '../model/state.ts'
import type { ShellProcess } from '../shell/run.ts'
import type { ContainerOutput } from './output.ts'
import type { Scheduler } from './scheduler.ts'

/**
 * Containers' running `sh -c` scripts, resumed at the end of each `sleep`. Live objects, not
 * state: a snapshot restored mid-script keeps the container running, silent, until stopped.
 */
export class Scripts {
  private readonly shells = new Map<string, ShellProcess>()

  constructor(
    private readonly clock: Pick<Scheduler, 'at' | 'nowMs'>,
    private readonly output: Pick<ContainerOutput, 'write'>,
    /** The script exited (`exit N`, or its end) with this status. */
    private readonly exited: (c: ContainerRecord, code: number) => void,
  ) {}

  /** The container's process is this script, now at its first sleep. */
  run(c: ContainerRecord, shell: ShellProcess, firstSleepMs: number): void {
    this.shells.set(c.id, shell)
    this.sleep(c, shell, firstSleepMs, this.clock.nowMs())
  }

  /** The container's process ended: its script goes with it. */
  forget(id: string): void {
    this.shells.delete(id)
  }

  clear(): void {
    this.shells.clear()
  }

  /** After unpause: a script whose sleep ended while it was frozen goes on now. */
  resumeUnpaused(c: ContainerRecord): void {
    const shell = this.shells.get(c.id)
    if (shell !== undefined && shell.wakeAt === null && c.state.status === 'running') {
      this.resume(c, shell, this.clock.nowMs())
    }
  }

  /** `from`: the simulated time the sleep starts (the previous wake-up's, when catching up). */
  private sleep(c: ContainerRecord, shell: ShellProcess, ms: number, from: number): void {
    const at = from + ms
    shell.wakeAt = at
    this.clock.at(at, () => {
      if (this.shells.get(c.id) !== shell || shell.wakeAt !== at) return
      // A frozen (paused) script is due: it resumes on unpause (`resumeUnpaused`).
      if (c.state.status === 'paused') shell.wakeAt = null
      else if (c.state.status === 'running') this.resume(c, shell, at)
    })
  }

  /**
   * A script's sleep is over (at simulated time `at`, maybe earlier than now after a clock
   * jump): run it to its next sleep, block or exit. Output is stamped and the next sleep counted
   * from `at`, so `while …; sleep 1` logs one line per simulated second however the clock moves.
   */
  private resume(c: ContainerRecord, shell: ShellProcess, at: number): void {
    shell.wakeAt = null
    const { output, next } = shell.advance()
    for (const o of output) this.output.write(c, o.stream, o.text, at)
    if (next.kind === 'sleep') this.sleep(c, shell, next.ms, at)
    else if (next.kind === 'exit') this.exited(c, next.code)
    else this.shells.delete(c.id) // blocked for good: runs until stopped
  }
}
