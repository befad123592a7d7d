import { DAEMON_STDIN_HEADER } from '../../daemon/index.ts'
import type { ByteStream, DockerRequest, DockerResponse, Transport } from '../../kubelet/index.ts'
import type { DaemonSession } from './daemon-session.ts'
import { daemonUrl } from './daemon-url.ts'

/**
 * The kubelet model's Transport over a browser daemon session: every request the model builds
 * is a real `fetch` through the session's transport (the service worker, as the playground's
 * requests are), with engine-api's sorted query and no `/v1.24` prefix. A hijacked answer's
 * stdin goes through the daemon's stdin session named by `x-daemon-stdin` (a browser cannot
 * hijack a connection, see decision 0005).
 *
 * `streamFetch` answers the long-lived streams (attach, exec start, logs -f) another way: the
 * terminal passes the in-page fetch so an echoed key stays within a frame (in-page-fetch.ts).
 */
export function sessionTransport(
  session: DaemonSession,
  options: { streamFetch?: typeof fetch } = {},
): Transport {
  return async (request: DockerRequest): Promise<DockerResponse> => {
    const url = daemonUrl(session.baseUrl, pathWithQuery(request))
    const headers = new Headers()
    for (const [name, value] of Object.entries(request.headers)) headers.set(name, value)
    const controller = new AbortController()
    const fetchFn =
      request.mode !== undefined && options.streamFetch
        ? options.streamFetch
        : session.transport.fetch
    const response = await fetchFn(url, {
      method: request.method,
      headers,
      body: request.body,
      signal: controller.signal,
    })
    const answerHeaders: Record<string, string> = {}
    response.headers.forEach((value, name) => {
      answerHeaders[name] = value
    })
    if (request.mode === undefined || response.status >= 400 || !response.body) {
      return { status: response.status, headers: answerHeaders, body: await response.text() }
    }
    return {
      status: response.status,
      headers: answerHeaders,
      body: '',
      stream: byteStream(session, request, response, controller),
    }
  }
}

/** engine-api's request line: the path as built, the query keys sorted (url.Values.Encode). */
export function pathWithQuery(request: Pick<DockerRequest, 'path' | 'query'>): string {
  const query = new URLSearchParams()
  for (const key of Object.keys(request.query).sort()) query.set(key, request.query[key] ?? '')
  const text = query.toString()
  return text ? `${request.path}?${text}` : request.path
}

function byteStream(
  session: DaemonSession,
  request: DockerRequest,
  response: Response,
  controller: AbortController,
): ByteStream {
  const reader = response.body?.getReader()
  const token = response.headers.get(DAEMON_STDIN_HEADER)
  const stdin =
    request.mode === 'hijack' && token !== null ? session.daemon.stdin(token) : undefined
  let ended = false
  const stream: ByteStream = {
    async read() {
      if (ended || !reader) return null
      try {
        const next = await reader.read()
        if (next.done) {
          ended = true
          return null
        }
        return next.value
      } catch {
        // Hung up by our own close (the fetch aborted): the stream is over.
        ended = true
        return null
      }
    },
    close() {
      if (ended) return
      ended = true
      stdin?.end()
      // Cancel the reader ourselves: a body served by a service worker does not always error
      // when the fetch is aborted (send-request.ts).
      reader?.cancel().catch(() => undefined)
      controller.abort()
    },
  }
  if (request.mode === 'hijack') {
    stream.write = (data) => stdin?.write(data)
    stream.closeWrite = () => stdin?.end()
  }
  return stream
}
