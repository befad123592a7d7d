import {
  Interrupt,
  type Program,
  type ReadResult,
  type Step,
  type Terminal,
} from '../shell/program.ts'
import { LineDiscipline } from './line-discipline.ts'

/** What a process needs from the engine: somewhere to write, to exit, and the daemon clock. */
export interface ProcessHost {
  /**
   * Output as the reader of the pty master (or the stdout/stderr pipes) sees it. `at`: the
   * daemon time it was written, when that is not now (a sleep that ended earlier, caught up).
   */
  emit(stream: 1 | 2, text: string, at?: number): void
  /** The program ended with this status. */
  exit(code: number): void
  /** Calls `fn` once the daemon clock reaches `at` (ms), with that time; returns a cancel. */
  at(at: number, fn: (at: number) => void): () => void
  nowMs(): number
}

/**
 * Stdin the program has not read yet is kept up to this many characters; more is dropped. A
 * real pipe would block the writer instead (64 KiB on Linux); the daemon must not grow without
 * bound because a client keeps sending to a process that never reads.
 */
export const STDIN_BUFFER_LIMIT = 1 << 20

/** Status of a program whose model failed: what ash would show after SIGSEGV (128 + 11). */
const CRASHED = 139

/**
 * THE driver of every simulated process — a container's command or an exec's, `echo` as much
 * as an interactive `sh`: a program (a generator of steps, see shell/program.ts) with its
 * stdin, its terminal if it has one, and its timers on the daemon clock. It runs the program
 * until it waits (a read, a sleep, for good) or ends; the engine schedules the wake-ups.
 * Everything the client sends goes through `input`; with a TTY it passes the line discipline
 * first (echo, line editing, Ctrl-C). Writes of one run on one stream make one chunk (one log
 * entry, one stream frame), as the daemon's copier would read them from the pipe in one go.
 */
export class LiveProcess {
  private readonly ld: LineDiscipline | null
  private state: 'new' | 'running' | 'read' | 'sleep' | 'forever' | 'exited' = 'new'
  /** The current read wants SIGWINCH and timeouts (`top`). */
  private readWantsEvents = false
  private cancelTimer: (() => void) | null = null
  private readonly inbox: ReadResult[] = []
  private inboxChars = 0
  /** The writing end of stdin closed and everything before it was read: reads get end of file. */
  private stdinEnded = false
  /** Frozen by the cgroup freezer (pause): nothing runs; a wake-up that came waits for thaw. */
  private frozen = false
  private wokeWhileFrozen: (() => void) | null = null
  /** Daemon time of the current run when it is not now (resumed by a timer that was due then). */
  private time: number | undefined
  private pending: { stream: 1 | 2; text: string } | null = null

  constructor(
    private readonly program: Program,
    readonly terminal: Terminal | null,
    private readonly host: ProcessHost,
  ) {
    this.ld = terminal === null ? null : new LineDiscipline()
  }

  get exited(): boolean {
    return this.state === 'exited'
  }

  start(): void {
    if (this.state !== 'new') return
    const run = () => this.resume(() => this.program.next(undefined))
    // Frozen before it started (a paused container restored from a snapshot): not even its
    // first step runs until the thaw, or a sleep that ended meanwhile would exit a paused process.
    if (this.frozen) this.wokeWhileFrozen = run
    else run()
  }

  /** What the client sent on stdin. */
  input(text: string): void {
    if (this.state === 'exited' || text === '') return
    if (this.ld === null) {
      this.deliver({ kind: 'data', text })
      return
    }
    const { echo, events } = this.ld.receive(text)
    // The kernel echoes even for a frozen process: the line discipline is not the process.
    if (echo !== '') this.host.emit(1, echo)
    for (const ev of events) {
      if (this.exited) return
      if (ev.kind === 'signal') {
        // SIGINT and SIGQUIT end the foreground job; the shell itself survives them.
        if (ev.signal !== 'TSTP') this.interrupt()
      } else this.deliver(ev)
    }
  }

  /**
   * The writing end of stdin closed. Through a pipe the program reads end of file (and again
   * at every later read); a pty master stays open (Docker ends the attach instead:
   * container/container.go AttachStreams).
   */
  closeStdin(): void {
    if (this.ld === null) this.deliver({ kind: 'eof' })
  }

  /** TIOCSWINSZ: takes effect at once; the foreground program gets SIGWINCH if it changed. */
  resize(rows: number, cols: number): void {
    if (this.terminal === null) return
    const changed = this.terminal.rows !== rows || this.terminal.cols !== cols
    this.terminal.rows = rows
    this.terminal.cols = cols
    if (changed && this.state === 'read' && this.readWantsEvents && !this.frozen) {
      this.wake({ kind: 'winch' })
    }
  }

  /** SIGINT to the foreground job. */
  interrupt(): void {
    if (this.state !== 'read' && this.state !== 'sleep' && this.state !== 'forever') return
    if (this.frozen) return
    this.clearTimer()
    this.inbox.length = 0
    this.inboxChars = 0
    this.resume(() => this.program.throw(new Interrupt()))
  }

  /** The cgroup freezer (docker pause): the process stops where it is. */
  freeze(): void {
    this.frozen = true
  }

  /** Thawed: a wake-up that came while frozen (a sleep that ended, input) runs now. */
  thaw(): void {
    if (!this.frozen) return
    this.frozen = false
    const woke = this.wokeWhileFrozen
    this.wokeWhileFrozen = null
    if (woke !== null) woke()
    else if (this.state === 'read' && this.inbox.length > 0) {
      const queued = this.takeQueued()
      if (queued !== undefined) this.wake(queued)
    }
  }

  /** The process was killed (stop, kill, its container ended): nothing runs any more. */
  kill(): void {
    if (this.state === 'exited') return
    const running = this.state === 'running'
    this.state = 'exited'
    this.clearTimer()
    this.inbox.length = 0
    this.pending = null
    // A program cannot be closed from inside its own run (an output listener that kills it):
    // the run loop sees `exited` and stops.
    if (!running) this.program.return(137)
  }

  private deliver(r: ReadResult): void {
    if (this.state === 'read' && this.inbox.length === 0 && !this.frozen) {
      this.wake(r)
      return
    }
    const size = r.kind === 'data' ? r.text.length : 0
    if (this.inboxChars + size > STDIN_BUFFER_LIMIT) return
    this.inboxChars += size
    this.inbox.push(r)
  }

  private takeQueued(): ReadResult | undefined {
    const queued = this.inbox.shift()
    if (queued?.kind === 'data') this.inboxChars -= queued.text.length
    if (queued?.kind === 'eof') this.stdinEnded = true
    return queued
  }

  private wake(r: ReadResult): void {
    if (r.kind === 'eof') this.stdinEnded = true
    this.clearTimer()
    this.resume(() => this.program.next(r))
  }

  private clearTimer(): void {
    this.cancelTimer?.()
    this.cancelTimer = null
  }

  /** Schedules `then` at daemon time `at`; while frozen it waits for the thaw instead. */
  private timer(at: number, then: () => void): void {
    this.cancelTimer = this.host.at(at, (due) => {
      this.cancelTimer = null
      if (this.frozen) {
        this.wokeWhileFrozen = then
        return
      }
      this.time = due
      then()
    })
  }

  private write(stream: 1 | 2, text: string): void {
    if (text === '') return
    if (this.pending !== null && this.pending.stream === stream) this.pending.text += text
    else {
      this.flush()
      this.pending = { stream, text }
    }
  }

  private flush(): void {
    const p = this.pending
    this.pending = null
    if (p === null) return
    this.host.emit(
      this.ld === null ? p.stream : 1,
      this.ld === null ? p.text : this.ld.output(p.text),
      this.time,
    )
  }

  /** Runs the program until it waits (read, sleep, forever) or ends. */
  private resume(first: () => IteratorResult<Step, number>): void {
    this.state = 'running'
    try {
      this.run(first)
    } finally {
      this.time = undefined
    }
  }

  private run(first: () => IteratorResult<Step, number>): void {
    let next = first
    for (;;) {
      let r: IteratorResult<Step, number>
      try {
        r = next()
      } catch (e) {
        // An Interrupt nobody caught (a bare `cat`, `top` as the container's command) kills
        // the process like SIGINT: 128 + 2. Anything else is a failure of the model, which
        // ends the process as a crash would, without JavaScript's own message.
        this.flush()
        this.end(e instanceof Interrupt ? 130 : CRASHED)
        return
      }
      if (this.exited) return
      if (r.done === true) {
        this.flush()
        this.end(r.value)
        return
      }
      const step = r.value
      if (step.kind === 'out') {
        this.write(step.stream, step.text)
        next = () => this.program.next(undefined)
        continue
      }
      if (step.kind === 'tty') {
        if (this.ld !== null) {
          this.ld.canonical = !step.raw
          this.ld.echo = !step.raw
          this.ld.signals = !step.raw
        }
        next = () => this.program.next(undefined)
        continue
      }
      if (step.kind === 'read') {
        const queued = this.frozen ? undefined : this.takeQueued()
        if (queued !== undefined || this.stdinEnded) {
          const value = queued ?? { kind: 'eof' }
          next = () => this.program.next(value)
          continue
        }
      }
      // The program waits: what it wrote goes out now (a listener may kill it meanwhile).
      this.flush()
      if (this.exited) return
      if (step.kind === 'sleep') {
        this.state = 'sleep'
        const from = this.time ?? this.host.nowMs()
        this.timer(from + step.ms, () => this.resume(() => this.program.next(undefined)))
      } else if (step.kind === 'forever') {
        this.state = 'forever'
      } else {
        this.state = 'read'
        this.readWantsEvents = step.timeoutMs !== undefined
        if (step.timeoutMs !== undefined) {
          this.timer((this.time ?? this.host.nowMs()) + step.timeoutMs, () => {
            if (this.state === 'read') this.resume(() => this.program.next({ kind: 'timeout' }))
          })
        }
      }
      return
    }
  }

  private end(code: number): void {
    if (this.state === 'exited') return
    this.state = 'exited'
    this.clearTimer()
    this.host.exit(code)
  }
}
