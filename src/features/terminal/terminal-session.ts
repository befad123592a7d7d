import { API_VERSION_OF, DAEMON_STDIN_HEADER, type StdinSession } from '../../daemon/index.ts'
import type { DaemonSession } from '../../lib/daemon-client/daemon-session.ts'
import { inPageFetch } from '../../lib/daemon-client/in-page-fetch.ts'
import { type Exchange, sendRequest } from '../../lib/daemon-client/send-request.ts'
import { ResizeQueue, type TerminalSize } from './resize-queue.ts'

/** `kubectl exec -it` (a second process with its own TTY) or `kubectl attach -it` (the container's). */
export type TerminalMode = 'exec' | 'attach'
/** 1.3 never resized a remote TTY; 1.4 sends the exec or container resize call. */
export type ResizeBehaviour = '1.3' | '1.4'

export interface LoggedRequest {
  id: number
  /** Docker's operationId of the call (ExecResize …): the log links to its page. */
  endpoint: string
  method: string
  path: string
  /** null until the status line has arrived. */
  status: number | null
  startedAt: number
  /** Set once the answer has been read to its end (or the stream was closed). */
  ms: number | null
  bytes: number
  error?: string
}

export interface TerminalTarget {
  /** The container to exec into or attach to; created (busybox) and started when missing. */
  container: string
  /** Its command when it has to be created. */
  cmd: readonly string[]
}

export interface TerminalEvents {
  output(bytes: Uint8Array): void
  log(entry: LoggedRequest): void
  /** The stream is open; `stdin` is false when the daemon offers no way to write to it. */
  opened(info: { stdin: boolean }): void
  /** The stream ended: the process exited (with its code when known), or the session was closed. */
  closed(info: { exitCode: number | null; error?: string }): void
}

const encoder = new TextEncoder()
const LOG_INTERVAL_MS = 250

/**
 * One terminal session against the simulated daemon, made of the very requests the kubelet sent
 * to Docker 1.12 (`pkg/kubelet/dockertools` at v1.4.0): inspect the container (creating and
 * starting it when missing), then `exec` + `exec start` attached with a TTY, or `attach` with
 * stdin; resize calls while it runs (1.4 only); and after the stream ends, the exec's (or the
 * container's) inspect for the exit code, as the kubelet's InspectExec loop did.
 *
 * The browser cannot hijack a connection, so keys do not travel in the request: they are
 * written through the daemon's stdin session named by the answer's `x-daemon-stdin` header
 * (DAEMON_STDIN_HEADER). Every other call goes through the same transport as the playground
 * (the service worker); the attach / exec-start stream itself is answered by the same handlers
 * in the page, to keep the echo of a key within a frame. Every call shows in the request log.
 */
export class TerminalSession {
  private nextId = 1
  private readonly controller = new AbortController()
  private stdin: StdinSession | undefined
  private queue: ResizeQueue | null = null
  private size: TerminalSize
  private ended = false

  constructor(
    private readonly daemon: DaemonSession,
    private readonly options: {
      mode: TerminalMode
      behaviour: ResizeBehaviour
      target: TerminalTarget
      size: TerminalSize
    },
    private readonly events: TerminalEvents,
  ) {
    this.size = options.size
  }

  private get api(): string {
    return `/v${API_VERSION_OF[this.daemon.version]}`
  }

  /** One logged request; `stream` hands the body over chunk by chunk instead of keeping it. */
  private async request(
    endpoint: string,
    method: string,
    path: string,
    body?: unknown,
    stream?: { onHeaders(exchange: Exchange): void; onChunk(chunk: Uint8Array): void },
  ): Promise<Exchange> {
    const entry: LoggedRequest = {
      id: this.nextId++,
      endpoint,
      method,
      path,
      status: null,
      startedAt: performance.now(),
      ms: null,
      bytes: 0,
    }
    this.events.log({ ...entry })
    let headersSeen = false
    let loggedAt = 0
    let trailing: ReturnType<typeof setTimeout> | undefined
    try {
      // The long-lived stream is answered in the page (see in-page-fetch.ts: a service worker
      // adds ≈ 15 ms to every echoed key); every other call goes through the usual transport.
      const fetchFn = stream
        ? await inPageFetch(this.daemon.daemon, this.daemon.baseUrl)
        : this.daemon.transport.fetch
      const exchange = await sendRequest(
        this.daemon.baseUrl,
        {
          method: method as Exchange['request']['method'],
          path,
          body: body === undefined ? '' : JSON.stringify(body),
          contentType: body === undefined ? '' : 'application/json',
        },
        {
          id: entry.id,
          // Short calls are not aborted with the stream: a resize sent just before Close still
          // gets its answer in the log.
          signal: stream ? this.controller.signal : new AbortController().signal,
          fetch: fetchFn,
          onChunk: stream
            ? (chunk) => {
                entry.bytes += chunk.length
                stream.onChunk(chunk)
              }
            : undefined,
          onProgress: (partial) => {
            entry.status = partial.status
            if (!stream) return
            // The byte count reaches the log a few times a second, not per keystroke: a render
            // of the log between a key and its echo would delay the echo's frame.
            const now = performance.now()
            if (headersSeen && now - loggedAt < LOG_INTERVAL_MS) {
              // …and the last count of a burst still arrives, once the interval is over.
              trailing ??= setTimeout(
                () => {
                  trailing = undefined
                  loggedAt = performance.now()
                  if (entry.ms === null) this.events.log({ ...entry })
                },
                LOG_INTERVAL_MS - (now - loggedAt),
              )
              return
            }
            loggedAt = now
            this.events.log({ ...entry })
            if (!headersSeen) {
              headersSeen = true
              stream.onHeaders(partial)
            }
          },
        },
      )
      entry.status = exchange.status
      entry.ms = exchange.ms
      if (!stream) entry.bytes = exchange.body.length
      this.events.log({ ...entry })
      return exchange
    } catch (error) {
      entry.ms = performance.now() - entry.startedAt
      entry.error = error instanceof Error ? error.message : String(error)
      this.events.log({ ...entry })
      throw error
    } finally {
      clearTimeout(trailing)
      this.daemon.persist()
    }
  }

  private async json(endpoint: string, method: string, path: string, body?: unknown) {
    const exchange = await this.request(endpoint, method, path, body)
    let value: unknown = null
    try {
      value = JSON.parse(new TextDecoder().decode(exchange.body))
    } catch {
      // Empty or plain-text answers (204, errors) carry no JSON.
    }
    return { status: exchange.status, value: value as Record<string, unknown> | null, exchange }
  }

  /** The container's id, running: inspected, and created and started when needed. */
  private async ensureContainer(retried = false): Promise<string> {
    const { container, cmd } = this.options.target
    const inspected = await this.json(
      'ContainerInspect',
      'GET',
      `${this.api}/containers/${container}/json`,
    )
    let id: string
    let running = false
    if (inspected.status === 200 && inspected.value) {
      id = String(inspected.value.Id)
      const state = inspected.value.State as { Running?: boolean } | undefined
      running = state?.Running === true
      const config = inspected.value.Config as { Tty?: boolean } | undefined
      // Attaching to a container without a TTY would bring stdcopy frames, not a terminal.
      // kubectl attach -it prints these words and goes on without a TTY; this terminal stops.
      if (this.options.mode === 'attach' && config?.Tty !== true)
        throw new Error(`Unable to use a TTY - container ${container} did not allocate one`)
    } else {
      const created = await this.json(
        'ContainerCreate',
        'POST',
        `${this.api}/containers/create?name=${container}`,
        {
          Image: 'busybox',
          Cmd: cmd,
          Tty: true,
          OpenStdin: true,
          AttachStdin: true,
          AttachStdout: true,
          AttachStderr: true,
        },
      )
      // Two panes side by side both found no container: the second create meets the name
      // conflict (409) and uses the first one's container.
      if (created.status === 409 && !retried) return this.ensureContainer(true)
      if (created.status !== 201 || !created.value) throw new Error(errorText(created.exchange))
      id = String(created.value.Id)
    }
    if (!running) {
      const started = await this.request(
        'ContainerStart',
        'POST',
        `${this.api}/containers/${id}/start`,
      )
      if (started.status !== 204 && started.status !== 304) throw new Error(errorText(started))
    }
    return id
  }

  /** Runs the request sequence and reads the stream until it ends. */
  async open(): Promise<void> {
    let exitPath: string
    const isExec = this.options.mode === 'exec'
    const streamEndpoint = isExec ? 'ExecStart' : 'ContainerAttach'
    const resizeEndpoint = isExec ? 'ExecResize' : 'ContainerResize'
    const exitEndpoint = isExec ? 'ExecInspect' : 'ContainerInspect'
    let resizePath: (size: TerminalSize) => string
    let streamPath: string
    let streamBody: unknown
    try {
      const containerId = await this.ensureContainer()
      if (this.options.mode === 'exec') {
        const exec = await this.json(
          'ContainerExec',
          'POST',
          `${this.api}/containers/${containerId}/exec`,
          {
            AttachStdin: true,
            AttachStdout: true,
            AttachStderr: true,
            Tty: true,
            Cmd: ['sh'],
          },
        )
        if (exec.status !== 201 || !exec.value) throw new Error(errorText(exec.exchange))
        const execId = String(exec.value.Id)
        streamPath = `${this.api}/exec/${execId}/start`
        streamBody = { Detach: false, Tty: true }
        resizePath = (s) => `${this.api}/exec/${execId}/resize?h=${s.rows}&w=${s.cols}`
        exitPath = `${this.api}/exec/${execId}/json`
      } else {
        streamPath = `${this.api}/containers/${containerId}/attach?stream=1&stdin=1&stdout=1&stderr=1`
        resizePath = (s) => `${this.api}/containers/${containerId}/resize?h=${s.rows}&w=${s.cols}`
        exitPath = `${this.api}/containers/${containerId}/json`
      }
    } catch (error) {
      this.finish({ exitCode: null, error: error instanceof Error ? error.message : String(error) })
      return
    }
    if (this.ended) return
    let streamStatus = 0
    try {
      const done = await this.request(streamEndpoint, 'POST', streamPath, streamBody, {
        onHeaders: (exchange) => {
          streamStatus = exchange.status
          if (exchange.status !== 200) return
          const token = exchange.headers.find(([name]) => name === DAEMON_STDIN_HEADER)?.[1]
          this.stdin = token === undefined ? undefined : this.daemon.daemon.stdin(token)
          // The resize loop starts once the process runs, as the kubelet's did after
          // StartExec began (a resize before the start is a 404: no process in containerd yet).
          if (this.options.behaviour === '1.4') {
            this.queue = new ResizeQueue((size) =>
              this.request(resizeEndpoint, 'POST', resizePath(size)),
            )
            this.queue.push(this.size)
          }
          this.events.opened({ stdin: this.stdin !== undefined })
        },
        onChunk: (chunk) => this.events.output(chunk),
      })
      streamStatus = done.status
      if (done.status !== 200) {
        this.finish({ exitCode: null, error: errorText(done) })
        return
      }
      if (done.stopped || this.ended) {
        this.finish({ exitCode: null })
        return
      }
    } catch (error) {
      this.finish({ exitCode: null, error: error instanceof Error ? error.message : String(error) })
      return
    }
    // The stream ended by itself: the process exited. Ask for its code, as the kubelet did.
    this.stdin = undefined
    this.queue?.close()
    let exitCode: number | null = null
    if (streamStatus === 200) {
      const inspected = await this.json(exitEndpoint, 'GET', exitPath).catch(() => null)
      const value = inspected?.value
      const code = this.options.mode === 'exec' ? value?.ExitCode : stateExitCode(value)
      exitCode = typeof code === 'number' ? code : null
    }
    this.finish({ exitCode })
  }

  /** Keys typed in the terminal (xterm's onData). */
  write(data: string): void {
    if (this.ended) return
    this.stdin?.write(encoder.encode(data))
  }

  /** The pane's new size; sent with Kubernetes 1.4's behaviour only. */
  resize(size: TerminalSize): void {
    this.size = size
    this.queue?.push(size)
  }

  /** Hangs up: the client's end of the hijacked connection closes. */
  close(): void {
    if (this.ended) return
    this.stdin?.end()
    this.controller.abort()
    this.finish({ exitCode: null })
  }

  private finish(info: { exitCode: number | null; error?: string }): void {
    if (this.ended) return
    this.ended = true
    this.queue?.close()
    this.stdin = undefined
    this.events.closed(info)
  }
}

function stateExitCode(value: Record<string, unknown> | null | undefined): unknown {
  const state = value?.State as { ExitCode?: unknown; Running?: boolean } | undefined
  return state?.Running === true ? null : state?.ExitCode
}

function errorText(exchange: Exchange): string {
  const text = new TextDecoder().decode(exchange.body).trim()
  let message = text
  try {
    const parsed = JSON.parse(text) as { message?: unknown }
    if (typeof parsed.message === 'string') message = parsed.message
  } catch {
    // Docker 1.12 answered most errors in plain text.
  }
  return `${exchange.status} ${exchange.request.method} ${exchange.request.path}: ${message}`
}
