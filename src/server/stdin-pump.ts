import { setImmediate as nextTurn } from 'node:timers/promises'
import type { StdinSession } from '../daemon/index.ts'

/**
 * At most this much of one client's stdin is handed to its process per turn of the event loop.
 * A process answers every line it reads (a shell runs a command per line), so a client that
 * sends megabytes at once must not hold the one thread for the time all of them take: between
 * two slices, every other connection (a `/_ping`, another student's shell) is served. Before,
 * a whole socket read (up to 64 KiB, several reads in one turn) went in at once and a fast
 * writer pushed the median `/_ping` to over a second.
 */
export const STDIN_SLICE_BYTES = 4096

/**
 * Feeds a hijacked connection's bytes to the daemon's stdin session as the process can take
 * them: a slice per turn, and nothing while `session.ready()` says the client has not read the
 * process's output (a real process blocked on its full stdout pipe and stopped reading stdin).
 * Meanwhile the source is held (`hold(true)`: the socket is paused, so TCP pushes back on the
 * writer, as it did against Docker).
 */
export class StdinPump {
  private readonly pending: Buffer[] = []
  private running = false
  private ending = false
  private gone = false

  constructor(
    private readonly session: StdinSession,
    private readonly hold: (held: boolean) => void,
  ) {}

  /** Bytes from the client, in order. */
  push(chunk: Buffer): void {
    if (this.gone || this.ending || chunk.byteLength === 0) return
    this.pending.push(chunk)
    if (!this.running) void this.run()
  }

  /** The client finished sending (half-close): the session ends after what is pending. */
  end(): void {
    if (this.gone || this.ending) return
    this.ending = true
    if (!this.running) this.finish()
  }

  /** The client is gone: what it sent and was not read yet is dropped, the session ends. */
  abort(): void {
    if (this.gone) return
    this.pending.length = 0
    this.finish()
  }

  private finish(): void {
    if (this.gone) return
    this.gone = true
    this.session.end()
  }

  private async run(): Promise<void> {
    this.running = true
    this.hold(true)
    try {
      for (let chunk = this.pending.shift(); chunk !== undefined; chunk = this.pending.shift()) {
        for (let at = 0; at < chunk.byteLength && !this.gone; at += STDIN_SLICE_BYTES) {
          this.session.write(chunk.subarray(at, at + STDIN_SLICE_BYTES))
          const wait = this.session.ready?.()
          if (wait !== undefined && wait !== null) await wait
          await nextTurn()
        }
        if (this.gone) return
      }
    } finally {
      this.running = false
    }
    if (this.ending) this.finish()
    else this.hold(false)
  }
}
