export interface TerminalSize {
  rows: number
  cols: number
}

/**
 * How resize calls leave the browser terminal: one at a time, the newest size waiting in a
 * single slot, nothing sent for an empty or unchanged size.
 *
 * Kubernetes 1.4 did this with channels, not timers:
 * - kubectl (`pkg/util/term`, `monitorResizeEvents` + `sizeQueue.monitorSize`) read the window
 *   size on each SIGWINCH and offered it to a channel of capacity 1 with a non-blocking send, so
 *   a burst of signals while a size was still pending collapsed into one. The queue was primed
 *   with the size at start.
 * - the kubelet (`pkg/kubelet/container/resize.go` `HandleResizing`) read those sizes one by one
 *   and called `ResizeExecTTY` / `ResizeContainerTTY` synchronously (`pkg/kubelet/dockertools`),
 *   so at most one resize call was in flight, and it skipped sizes with a zero dimension.
 *
 * Kept here: the priming, one call in flight, the skip of zero sizes, no timer. Changed: the
 * pending slot keeps the *newest* size (kubectl's non-blocking send kept the older one and dropped
 * the newer, so the last size of a burst could be lost until the next SIGWINCH), and a size equal
 * to the last one sent is not sent again (a browser reports every layout pass, SIGWINCH did not).
 * A drag of the window thus costs at most one call per answer of the daemon, and the terminal
 * always ends at the size on screen.
 */
export class ResizeQueue {
  private inFlight = false
  private pending: TerminalSize | null = null
  private last: TerminalSize | null = null
  private closed = false

  constructor(private readonly send: (size: TerminalSize) => Promise<unknown>) {}

  push(size: TerminalSize): void {
    if (this.closed || size.rows < 1 || size.cols < 1) return
    if (this.inFlight) {
      this.pending = size
      return
    }
    if (this.last && this.last.rows === size.rows && this.last.cols === size.cols) return
    this.last = size
    this.inFlight = true
    this.send(size)
      .catch(() => {
        // A failed call is in the request log already; the next size is still worth sending.
      })
      .finally(() => {
        this.inFlight = false
        const next = this.pending
        this.pending = null
        if (next) this.push(next)
      })
  }

  /** The session ended: nothing more is sent. */
  close(): void {
    this.closed = true
    this.pending = null
  }
}
