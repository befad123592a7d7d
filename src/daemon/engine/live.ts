import type { ContainerRecord, ExecRecord } from '../model/state.ts'
import type { ProcessPlan } from '../process.ts'
import { LiveProcess, STDIN_BUFFER_LIMIT } from '../terminal/live-process.ts'
import type { StdinSession } from '../types.ts'
import type { ContainerOutput } from './output.ts'
import type { Scheduler } from './scheduler.ts'

/** A container's process or an exec's, for the calls that reach either. */
export type LiveTarget = { container: ContainerRecord } | { exec: ExecRecord }

/** What the running processes need from the rest of the engine. */
export interface ProcessesHost {
  clock: Pick<Scheduler, 'at' | 'nowMs'>
  output: Pick<ContainerOutput, 'write'>
  /** A stable id from a seed (`Registry.newIdFor`), for session tokens. */
  idFor(seed: string): string
  /** The container's live process ended by itself. */
  containerExited(c: ContainerRecord, code: number): void
  /** The exec's live process ended by itself. */
  execExited(ex: ExecRecord, code: number): void
}

/**
 * Every running process — each container's command and each exec's, all run by the one driver
 * (terminal/live-process.ts) — keyed `c:<container id>` or `e:<exec id>`, the stdin sessions
 * of hijacked connections that feed them, and their terminals. Live objects, not state: a
 * restored snapshot starts them afresh (process.ts `restoredProgram`).
 */
export class LiveProcesses {
  private readonly live = new Map<string, LiveProcess>()
  /** Stdin written to a created container before its process started (attach comes first). */
  private readonly pendingStdin = new Map<string, { text: string; eof: boolean }>()
  /** Exec id → listeners of its live output (an attached exec start). */
  private readonly execListeners = new Map<string, Set<(stream: 1 | 2, text: string) => void>>()
  /** Live hijacked sessions that read stdin, by the token their response carries. */
  private readonly sessions = new Map<string, StdinSession>()
  private sessionCounter = 0

  constructor(private readonly host: ProcessesHost) {}

  /** Runs the container's process; its output goes to the container's logs and attaches. */
  spawnContainer(c: ContainerRecord, plan: ProcessPlan, frozen = false): void {
    const proc = this.spawn(
      `c:${c.id}`,
      plan,
      (stream, text, at) => this.host.output.write(c, stream, text, at),
      (code) => this.host.containerExited(c, code),
      frozen,
    )
    // What a session wrote before the process started reaches it now.
    const pending = this.pendingStdin.get(c.id)
    this.pendingStdin.delete(c.id)
    if (pending !== undefined && !proc.exited) {
      proc.input(pending.text)
      if (pending.eof) proc.closeStdin()
    }
  }

  /** Runs an exec's process; its output goes to `onExecOutput` listeners (an attached start). */
  spawnExec(ex: ExecRecord, plan: ProcessPlan, frozen = false): void {
    this.spawn(
      `e:${ex.id}`,
      plan,
      (stream, text) => {
        const ls = this.execListeners.get(ex.id)
        if (ls !== undefined) for (const l of ls) l(stream, text)
      },
      (code) => this.host.execExited(ex, code),
      frozen,
    )
  }

  /**
   * Starts a live process under `key`; `exited` is told only while it is still the one there.
   * `frozen`: it starts under the cgroup freezer (a paused container restored from a snapshot).
   */
  private spawn(
    key: string,
    plan: ProcessPlan,
    emit: (stream: 1 | 2, text: string, at?: number) => void,
    exited: (code: number) => void,
    frozen: boolean,
  ): LiveProcess {
    this.kill(key)
    const proc: LiveProcess = new LiveProcess(plan.program, plan.terminal, {
      emit,
      exit: (code) => {
        if (this.live.get(key) !== proc) return
        this.live.delete(key)
        exited(code)
      },
      at: (at, fn) => this.host.clock.at(at, fn),
      nowMs: () => this.host.clock.nowMs(),
    })
    this.live.set(key, proc)
    if (frozen) proc.freeze()
    proc.start()
    return proc
  }

  /** docker pause: the cgroup freezer stops the process (and its execs', `freeze` each). */
  freeze(target: LiveTarget): void {
    this.live.get(keyOf(target))?.freeze()
  }

  /** docker unpause: a sleep that ended meanwhile, or input that came, runs now. */
  thaw(target: LiveTarget): void {
    this.live.get(keyOf(target))?.thaw()
  }

  /** Subscribes to an exec's live output; returns the unsubscribe function. */
  onExecOutput(execId: string, listener: (stream: 1 | 2, text: string) => void): () => void {
    let set = this.execListeners.get(execId)
    if (set === undefined) {
      set = new Set()
      this.execListeners.set(execId, set)
    }
    set.add(listener)
    return () => {
      set?.delete(listener)
      if (set?.size === 0) this.execListeners.delete(execId)
    }
  }

  /** The container's process ended or was stopped: its live process goes, unread stdin too. */
  endContainer(id: string): void {
    this.kill(`c:${id}`)
    this.pendingStdin.delete(id)
  }

  endExec(id: string): void {
    this.kill(`e:${id}`)
  }

  /**
   * The stdin of a container's or an exec's process, for a session: input goes to the live
   * process; before a container's process starts it is buffered (bounded), after it ended or
   * for a process that never reads it is dropped, as a closed pipe would.
   */
  stdinOf(target: LiveTarget): { input(text: string): void; closeStdin(): void } {
    const key = keyOf(target)
    const waiting = (): { text: string; eof: boolean } | null => {
      if ('exec' in target || target.container.state.status !== 'created') return null
      let p = this.pendingStdin.get(target.container.id)
      if (p === undefined) {
        p = { text: '', eof: false }
        this.pendingStdin.set(target.container.id, p)
      }
      return p
    }
    return {
      input: (text) => {
        const proc = this.live.get(key)
        if (proc !== undefined) {
          proc.input(text)
          return
        }
        const p = waiting()
        if (p !== null && p.text.length + text.length <= STDIN_BUFFER_LIMIT) p.text += text
      },
      closeStdin: () => {
        const proc = this.live.get(key)
        if (proc !== undefined) proc.closeStdin()
        else {
          const p = waiting()
          if (p !== null) p.eof = true
        }
      },
    }
  }

  /** TIOCSWINSZ on the process's pty; nothing when it has no live terminal. */
  resizeTty(target: LiveTarget, rows: number, cols: number): void {
    // The kernel keeps rows and columns as unsigned 16-bit numbers (struct winsize).
    this.live.get(keyOf(target))?.resize(rows & 0xffff, cols & 0xffff)
  }

  /** A fresh token for a stdin session (see DAEMON_STDIN_HEADER). */
  registerStdin(session: StdinSession): string {
    // Derived, not drawn from the PRNG, so sessions do not shift the ids that follow.
    const seed = `stdin:${++this.sessionCounter}:${this.host.clock.nowMs()}`
    const token = this.host.idFor(seed).slice(0, 24)
    this.sessions.set(token, session)
    return token
  }

  /** The session behind a token; undefined once it ended. */
  session(token: string): StdinSession | undefined {
    return this.sessions.get(token)
  }

  unregisterStdin(token: string): void {
    this.sessions.delete(token)
  }

  /** Ends every process and session (reset, restore, dispose). */
  clear(): void {
    for (const p of this.live.values()) p.kill()
    this.live.clear()
    this.pendingStdin.clear()
    for (const session of [...this.sessions.values()]) session.end()
    this.sessions.clear()
  }

  private kill(key: string): void {
    const p = this.live.get(key)
    if (p === undefined) return
    this.live.delete(key)
    p.kill()
  }
}

function keyOf(target: LiveTarget): string {
  return 'exec' in target ? `e:${target.exec.id}` : `c:${target.container.id}`
}
