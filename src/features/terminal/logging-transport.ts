import { DAEMON_STDIN_HEADER } from '../../daemon/index.ts'
import type { ByteStream, KubeletCall, Transport } from '../../kubelet/index.ts'
import { pathWithQuery } from '../../lib/daemon-client/kubelet-transport.ts'

/** One call in the terminal's request log. */
export interface LoggedRequest {
  id: number
  /** Docker's operationId of the call (ExecResize …): the log links to its page. Empty until the kubelet's record arrives. */
  endpoint: string
  method: string
  /** Path and query as sent (no /v1.24 prefix: the kubelet's client has no API version). */
  path: string
  /** null until the status line has arrived. */
  status: number | null
  startedAt: number
  /** Set once the answer has been read to its end (or the stream was closed). */
  ms: number | null
  bytes: number
  error?: string
  /** The line at the tag that sends it, e.g. pkg/kubelet/dockertools/exec.go:120. */
  source?: KubeletCall['source']
  release?: KubeletCall['release']
  /** Sets the stage (starting the pod), not the kubelet's work for kubectl. */
  setup?: boolean
}

const LOG_INTERVAL_MS = 250

/**
 * Wraps the kubelet model's transport so that every request shows in the terminal's log as it
 * happens: listed when sent, its status when the answer's head arrives, its bytes and time when
 * a stream ends. The kubelet's own record of the call (endpoint, source line, setup flag) joins
 * the entry through `record`, matched on the request line in order.
 */
export class LoggingTransport {
  private nextId = 1
  private readonly waiting: LoggedRequest[] = []
  /** Whether the last hijacked answer named a stdin session (the browser's way to write). */
  stdinOffered = true

  constructor(
    private readonly inner: Transport,
    private readonly log: (entry: LoggedRequest) => void,
  ) {}

  readonly transport: Transport = async (request) => {
    const entry: LoggedRequest = {
      id: this.nextId++,
      endpoint: '',
      method: request.method,
      path: pathWithQuery(request),
      status: null,
      startedAt: performance.now(),
      ms: null,
      bytes: 0,
    }
    this.waiting.push(entry)
    this.log({ ...entry })
    try {
      const response = await this.inner(request)
      entry.status = response.status
      if (request.mode === 'hijack')
        this.stdinOffered = response.headers[DAEMON_STDIN_HEADER] !== undefined
      if (!response.stream) {
        entry.ms = performance.now() - entry.startedAt
        entry.bytes = response.body.length
      }
      this.log({ ...entry })
      return response.stream
        ? { ...response, stream: this.counted(response.stream, entry) }
        : response
    } catch (error) {
      entry.ms = performance.now() - entry.startedAt
      entry.error = error instanceof Error ? error.message : String(error)
      this.log({ ...entry })
      throw error
    }
  }

  /** The kubelet's record of a call: its endpoint and line join the logged entry. */
  record(call: KubeletCall): void {
    const path = pathWithQuery(call)
    const index = this.waiting.findIndex((e) => e.method === call.method && e.path === path)
    const [entry] = index < 0 ? [] : this.waiting.splice(index, 1)
    if (!entry) return
    entry.endpoint = call.endpointId
    entry.source = call.source
    entry.release = call.release
    entry.setup = call.setup
    this.log({ ...entry })
  }

  /** Counts a stream's bytes; the count reaches the log a few times a second, not per key. */
  private counted(stream: ByteStream, entry: LoggedRequest): ByteStream {
    let loggedAt = 0
    let trailing: ReturnType<typeof setTimeout> | undefined
    const finish = () => {
      if (entry.ms !== null) return
      clearTimeout(trailing)
      entry.ms = performance.now() - entry.startedAt
      this.log({ ...entry })
    }
    return {
      ...stream,
      read: async () => {
        const chunk = await stream.read()
        if (chunk === null) {
          finish()
          return null
        }
        entry.bytes += chunk.length
        const now = performance.now()
        // A render of the log between a key and its echo would delay the echo's frame.
        if (now - loggedAt >= LOG_INTERVAL_MS) {
          loggedAt = now
          this.log({ ...entry })
        } else {
          trailing ??= setTimeout(
            () => {
              trailing = undefined
              loggedAt = performance.now()
              if (entry.ms === null) this.log({ ...entry })
            },
            LOG_INTERVAL_MS - (now - loggedAt),
          )
        }
        return chunk
      },
      close: () => {
        stream.close()
        finish()
      },
    }
  }
}
