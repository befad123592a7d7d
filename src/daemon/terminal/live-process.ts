import { Interrupt, type Program, type ReadResult, type Step } from '../shell/program.ts'
import { LineDiscipline, ttyOutput } from './line-discipline.ts'

/** What a live process needs from the daemon: somewhere to write, to exit, and a clock. */
export interface LiveHost {
  /** Output as the reader of the pty master (or the stdout/stderr pipes) sees it. */
  emit(stream: 1 | 2, text: string): void
  /** The program ended with this status. */
  exit(code: number): void
  /** Calls `fn` after `ms` of daemon time; the returned function cancels it. */
  timer(ms: number, fn: () => void): () => void
}

/** A pseudo-terminal's window size. A new pty is 0×0 until someone sets it (TIOCSWINSZ). */
export interface Terminal {
  rows: number
  cols: number
}

/**
 * Stdin the program has not read yet is kept up to this many characters; more is dropped. A
 * real pipe would block the writer instead (64 KiB on Linux); the daemon must not grow without
 * bound because a client keeps sending to a process that never reads.
 */
export const STDIN_BUFFER_LIMIT = 1 << 20

/**
 * A running process that reads stdin: a program (a generator of steps, see shell/run.ts) with
 * its stdin, its terminal if it has one, and its timers. Everything the client sends goes
 * through `input`; with a TTY it passes the line discipline first (echo, line editing, Ctrl-C).
 */
export class LiveProcess {
  readonly terminal: Terminal | null
  private readonly ld: LineDiscipline | null
  private state: 'new' | 'running' | 'read' | 'sleep' | 'forever' | 'exited' = 'new'
  /** The current read wants SIGWINCH and timeouts (`top`). */
  private readWantsEvents = false
  private cancelTimer: (() => void) | null = null
  private readonly inbox: ReadResult[] = []
  private inboxChars = 0

  constructor(
    private readonly program: Program,
    terminal: Terminal | null,
    private readonly host: LiveHost,
  ) {
    this.terminal = terminal
    this.ld = terminal === null ? null : new LineDiscipline()
  }

  get exited(): boolean {
    return this.state === 'exited'
  }

  start(): void {
    if (this.state === 'new') this.resume(() => this.program.next(undefined))
  }

  /** What the client sent on stdin. */
  input(text: string): void {
    if (this.state === 'exited' || text === '') return
    if (this.ld === null) {
      this.deliver({ kind: 'data', text })
      return
    }
    const { echo, events } = this.ld.receive(text)
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
   * The writing end of stdin closed. Through a pipe the program reads end of file; a pty
   * master stays open (Docker ends the attach instead: container/container.go AttachStreams).
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
    if (changed && this.state === 'read' && this.readWantsEvents) this.wake({ kind: 'winch' })
  }

  /** SIGINT to the foreground job. */
  interrupt(): void {
    if (this.state !== 'read' && this.state !== 'sleep' && this.state !== 'forever') return
    this.clearTimer()
    this.inbox.length = 0
    this.inboxChars = 0
    this.resume(() => this.program.throw(new Interrupt()))
  }

  /** The process was killed (stop, kill, its container ended): nothing runs any more. */
  kill(): void {
    if (this.state === 'exited') return
    this.state = 'exited'
    this.clearTimer()
    this.inbox.length = 0
    this.program.return(137)
  }

  private deliver(r: ReadResult): void {
    if (this.state === 'read' && this.inbox.length === 0) {
      this.wake(r)
      return
    }
    const size = r.kind === 'data' ? r.text.length : 0
    if (this.inboxChars + size > STDIN_BUFFER_LIMIT) return
    this.inboxChars += size
    this.inbox.push(r)
  }

  private wake(r: ReadResult): void {
    this.clearTimer()
    this.resume(() => this.program.next(r))
  }

  private clearTimer(): void {
    this.cancelTimer?.()
    this.cancelTimer = null
  }

  /** Runs the program until it waits (read, sleep, forever) or ends. */
  private resume(first: () => IteratorResult<Step, number>): void {
    this.state = 'running'
    let next = first
    for (;;) {
      let r: IteratorResult<Step, number>
      try {
        r = next()
      } catch (e) {
        // An Interrupt nobody caught (a bare `cat`, `top` as the container's command) kills
        // the process like SIGINT: 128 + 2. Anything else is a bug in the model: exit 2.
        this.end(e instanceof Interrupt ? 130 : 2)
        return
      }
      if (r.done === true) {
        this.end(r.value)
        return
      }
      const step = r.value
      if (step.kind === 'out') {
        this.host.emit(
          this.ld === null ? step.stream : 1,
          this.ld === null ? step.text : ttyOutput(step.text),
        )
        if (this.exited) return
        next = () => this.program.next(undefined)
      } else if (step.kind === 'tty') {
        if (this.ld !== null) {
          this.ld.canonical = !step.raw
          this.ld.echo = !step.raw
          this.ld.signals = !step.raw
        }
        next = () => this.program.next(undefined)
      } else if (step.kind === 'sleep') {
        this.state = 'sleep'
        this.cancelTimer = this.host.timer(step.ms, () => {
          this.cancelTimer = null
          if (this.state === 'sleep') this.resume(() => this.program.next(undefined))
        })
        return
      } else if (step.kind === 'forever') {
        this.state = 'forever'
        return
      } else {
        const queued = this.inbox.shift()
        if (queued !== undefined) {
          if (queued.kind === 'data') this.inboxChars -= queued.text.length
          next = () => this.program.next(queued)
          continue
        }
        this.state = 'read'
        this.readWantsEvents = step.timeoutMs !== undefined
        if (step.timeoutMs !== undefined) {
          this.cancelTimer = this.host.timer(step.timeoutMs, () => {
            this.cancelTimer = null
            if (this.state === 'read') this.resume(() => this.program.next({ kind: 'timeout' }))
          })
        }
        return
      }
    }
  }

  private end(code: number): void {
    if (this.state === 'exited') return
    this.state = 'exited'
    this.clearTimer()
    this.host.exit(code)
  }
}
