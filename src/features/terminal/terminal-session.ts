import { createKubelet, type Kubelet, type StreamHandle } from '../../kubelet/index.ts'
import type { DaemonSession } from '../../lib/daemon-client/daemon-session.ts'
import { inPageFetch } from '../../lib/daemon-client/in-page-fetch.ts'
import { sessionTransport } from '../../lib/daemon-client/kubelet-transport.ts'
import { type LoggedRequest, LoggingTransport } from './logging-transport.ts'
import type { TerminalSize } from './terminal-size.ts'

export type { LoggedRequest }

/** `kubectl exec -it` (a second process with its own TTY) or `kubectl attach -it` (the container's). */
export type TerminalMode = 'exec' | 'attach'
/** 1.3 never resized a remote TTY; 1.4 sends the exec or container resize call. */
export type ResizeBehaviour = '1.3' | '1.4'

export interface TerminalEvents {
  output(bytes: Uint8Array): void
  log(entry: LoggedRequest): void
  /** The stream is open; `stdin` is false when the daemon offers no way to write to it. */
  opened(info: { stdin: boolean }): void
  /** The stream ended: the process exited (with its code when known), or the session was closed. */
  closed(info: { exitCode: number | null; error?: string }): void
}

/**
 * Panes open one after another on a daemon: the first kubelet starts the pod (setup calls),
 * the next finds it running on its first relist instead of creating it a second time (two
 * kubelets racing to create one name was a 409 in the log).
 */
const staged = new WeakMap<object, Promise<unknown>>()
/**
 * One pod per daemon for the page's terminals: the model salts its pods' UIDs per kubelet, so
 * the panes' kubelets share a salt to mean the same pod.
 */
const salts = new WeakMap<object, string>()
function saltFor(daemon: object): string {
  let salt = salts.get(daemon)
  if (!salt) {
    salt = Math.floor(Math.random() * 0x10000)
      .toString(16)
      .padStart(4, '0')
    salts.set(daemon, salt)
  }
  return salt
}

/**
 * One terminal pane as the kubelet model runs it: a kubelet of the pane's release (on the
 * session's transport, every call in the log with its line at the tag) opens `kubectl exec -it`
 * or `attach -it` with kubectl's size queue (1.4) or none (1.3). The model sends the calls (the
 * container list first, no stderr with a TTY, no inspect around an attach) and polls the exec's
 * exit code; this class hands keys, pane sizes and the end of the session between it and xterm.
 *
 * The attach / exec-start stream is answered in the page (in-page-fetch.ts: a service worker
 * adds ≈ 15 ms to every echoed key); every other call goes through the session's transport.
 */
export class TerminalSession {
  private handle: StreamHandle | null = null
  private ended = false
  private readonly logging: LoggingTransport
  private readonly kubelet: Kubelet
  /** Pane sizes kubectl's full queue dropped (1.4: the channel's send does not block). */
  dropped = 0
  /** The pane's size, kubectl's first (1.4) when the session opens. */
  private size: TerminalSize

  constructor(
    private readonly daemon: DaemonSession,
    private readonly options: {
      mode: TerminalMode
      behaviour: ResizeBehaviour
      size: TerminalSize
      /** The kubelet's waits (its exec poll: up to five inspects 2 s apart); tests shorten them. */
      sleep?: (ms: number) => Promise<void>
    },
    private readonly events: TerminalEvents,
  ) {
    this.size = options.size
    this.logging = new LoggingTransport(
      sessionTransport(daemon, { streamFetch: inPageFetch(daemon.daemon, daemon.baseUrl) }),
      (entry) => events.log(entry),
    )
    this.kubelet = createKubelet({
      release: options.behaviour,
      salt: saltFor(daemon.daemon),
      transport: this.logging.transport,
      ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
      onCall: (call) => {
        this.logging.record(call)
        // The daemon's state is kept between visits, as the playground's is.
        daemon.persist()
      },
    })
  }

  /** Starts the pod if no kubelet has, opens the stream and waits for its end. */
  async open(): Promise<void> {
    const { mode } = this.options
    const before = staged.get(this.daemon.daemon) ?? Promise.resolve()
    let opened: Awaited<ReturnType<Kubelet['openTerminal']>>
    const turn = before.then(async () => {
      if (this.ended) return null
      // A kubelet starting on a node relists first (PLEG): a pod an earlier pane started is
      // then running in its cache, and SyncPod creates nothing.
      const client = this.kubelet.node.client
      client.operation = mode === 'exec' ? 'exec-it' : 'attach-it'
      client.setup = true
      try {
        await this.kubelet.node.relist()
      } finally {
        client.setup = false
      }
      return this.kubelet.openTerminal({
        kind: mode,
        size: { height: this.size.rows, width: this.size.cols },
        onOutput: (data) => this.events.output(data),
      })
    })
    staged.set(
      this.daemon.daemon,
      turn.catch(() => undefined),
    )
    try {
      const result = await turn
      if (!result) return
      opened = result
    } catch (error) {
      this.finish({ exitCode: null, error: error instanceof Error ? error.message : String(error) })
      return
    }
    this.handle = opened
    // The model polls the exec's end after a hang-up too; a daemon gone by then is no news.
    const done = opened.done.catch(() => ({ exitCode: null }))
    if (this.ended) {
      opened.hangUp()
      return
    }
    this.events.opened({ stdin: this.logging.stdinOffered })
    const { exitCode } = await done
    this.finish({ exitCode })
  }

  /** Keys typed in the terminal (xterm's onData). */
  write(data: string): void {
    if (!this.ended) this.handle?.write(data)
  }

  /** The pane's new size: offered to kubectl's queue (1.4), dropped when it is full. */
  resize(size: TerminalSize): void {
    this.size = size
    if (this.ended || !this.handle || this.options.behaviour !== '1.4') return
    if (!this.handle.resize({ height: size.rows, width: size.cols })) this.dropped++
  }

  /** Hangs up: the client's end of the hijacked connection closes. */
  close(): void {
    if (this.ended) return
    this.handle?.hangUp()
    this.finish({ exitCode: null })
  }

  private finish(info: { exitCode: number | null; error?: string }): void {
    if (this.ended) return
    this.ended = true
    this.events.closed(info)
  }
}
