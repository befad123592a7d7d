import { ChunkQueue } from '../model/events.ts'
import { type ContainerRecord, isRunning, type LogEntry } from '../model/state.ts'
import { rfc3339Nano } from '../wire/clock.ts'

/** The log buffer a chatty container keeps, at most (so the state cannot grow without limit). */
const LOGS_KEPT = 5000

/**
 * Containers' output: the log buffer in each record, and the live listeners (logs follow,
 * attach streams) per container id. Logs are in no cached list data, so writing them marks no
 * revision.
 */
export class ContainerOutput {
  /** Container id → live log/attach listeners. */
  private readonly listeners = new Map<string, Set<(e: LogEntry) => void>>()
  private readonly closers = new Map<(e: LogEntry) => void, () => void>()

  constructor(private readonly clock: { nowString(): string }) {}

  /** `at`: when it was written (ms, daemon clock), if not now (a script catching up). */
  write(c: ContainerRecord, stream: 1 | 2, text: string, at?: number): void {
    const time = at === undefined ? this.clock.nowString() : rfc3339Nano(new Date(at))
    const entry: LogEntry = { stream, text, time }
    c.logs.push(entry)
    if (c.logs.length > LOGS_KEPT) c.logs.splice(0, c.logs.length - LOGS_KEPT)
    const ls = this.listeners.get(c.id)
    if (ls !== undefined) for (const l of ls) l(entry)
  }

  /**
   * Subscribes to new output; the returned queue closes when the container stops. Logs follow
   * only a running container (`follow && IsRunning()`); an attach (`untilNextStop`) also waits
   * on a created or stopped container, as its stream config outlives the process: output of
   * the next run arrives, and the stream ends when that run ends (daemon/attach.go).
   */
  follow(
    c: ContainerRecord,
    encode: (e: LogEntry) => Uint8Array | null,
    untilNextStop = false,
  ): ChunkQueue {
    const q = new ChunkQueue()
    if (!isRunning(c) && !untilNextStop) {
      q.close()
      return q
    }
    let set = this.listeners.get(c.id)
    if (set === undefined) {
      set = new Set()
      this.listeners.set(c.id, set)
    }
    const listener = (e: LogEntry) => {
      const chunk = encode(e)
      if (chunk !== null) q.push(chunk)
    }
    set.add(listener)
    const closeListener = () => q.close()
    this.closers.set(listener, closeListener)
    q.onCancel = () => {
      set?.delete(listener)
      this.closers.delete(listener)
    }
    return q
  }

  /** Ends every stream following the container `id`. */
  close(id: string): void {
    const set = this.listeners.get(id)
    if (set === undefined) return
    this.listeners.delete(id)
    for (const l of set) {
      this.closers.get(l)?.()
      this.closers.delete(l)
    }
  }
}
