import type { TermSize } from './types.ts'

/**
 * kubectl's terminal size queue (pkg/util/term/resize.go at v1.4.0): a channel with one slot
 * per initial size — one for `exec -it` (`MonitorSize(t.GetSize())`, exec.go:271), two for
 * `attach -it` (`MonitorSize(&sizePlusOne, size)`, attach.go:214: the size plus one row and
 * column first, to force a redraw, then the real size). A later window change is offered
 * without blocking (`select … default:`) and dropped when the queue is full. The kubelet takes
 * one size at a time (its resize channel is unbuffered, httpstream.go), so a slot frees when
 * the previous resize call has been handed on.
 */
export class SizeQueue {
  private readonly queued: TermSize[] = []
  private waiting: ((size: TermSize | null) => void) | null = null
  private closed = false

  constructor(
    readonly capacity: number,
    initial: readonly TermSize[] = [],
  ) {
    for (const size of initial) this.queued.push(size)
  }

  /** A window change: queued, or dropped (false) when every slot is taken. */
  offer(size: TermSize): boolean {
    if (this.closed) return false
    if (this.waiting) {
      const wake = this.waiting
      this.waiting = null
      wake(size)
      return true
    }
    if (this.queued.length >= this.capacity) return false
    this.queued.push(size)
    return true
  }

  /** The next size, or null once closed and empty (sizeQueue.Next). */
  next(): Promise<TermSize | null> {
    const size = this.queued.shift()
    if (size) return Promise.resolve(size)
    if (this.closed) return Promise.resolve(null)
    return new Promise((resolve) => {
      this.waiting = resolve
    })
  }

  close(): void {
    this.closed = true
    if (this.waiting) {
      const wake = this.waiting
      this.waiting = null
      wake(null)
    }
  }

  get pending(): readonly TermSize[] {
    return this.queued
  }
}

/** The initial sizes kubectl 1.4 queues: exec sends the size, attach size+1 then size. */
export function initialSizes(kind: 'exec' | 'attach', size: TermSize): TermSize[] {
  if (kind === 'exec') return [size]
  return [{ height: size.height + 1, width: size.width + 1 }, size]
}
