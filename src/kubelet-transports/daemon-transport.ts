import { DAEMON_STDIN_HEADER, type Daemon, type DaemonResponse } from '../daemon/index.ts'
import type { ByteStream, DockerRequest, DockerResponse, Transport } from '../kubelet/index.ts'

/**
 * The kubelet model talking to an in-process simulated daemon: the request the kubelet's
 * engine-api client would send, handed to `daemon.handle` as the HTTP front would hand it.
 * A hijacked answer's stdin goes through the daemon's stdin session (DAEMON_STDIN_HEADER),
 * as it does in the browser.
 */
const encoder = new TextEncoder()
const decoder = new TextDecoder()

export function daemonTransport(daemon: Daemon): Transport {
  return async (request: DockerRequest): Promise<DockerResponse> => {
    const query = new URLSearchParams()
    for (const key of Object.keys(request.query).sort()) {
      query.set(key, request.query[key] ?? '')
    }
    const response = await daemon.handle({
      method: request.method,
      path: request.path,
      query,
      headers: { ...request.headers },
      body: request.body === undefined ? null : encoder.encode(request.body),
    })
    return toDockerResponse(daemon, request, response)
  }
}

async function toDockerResponse(
  daemon: Daemon,
  request: DockerRequest,
  response: DaemonResponse,
): Promise<DockerResponse> {
  const { status, headers, body } = response
  const streamed = request.mode !== undefined && status < 400
  if (!streamed) {
    return { status, headers, body: await wholeText(body) }
  }
  const token = headers[DAEMON_STDIN_HEADER]
  const stdin = token === undefined ? undefined : daemon.stdin(token)
  const iterator = iterate(body)
  let ended = false
  const stream: ByteStream = {
    async read() {
      if (ended) return null
      const next = await iterator.next()
      if (next.done) {
        ended = true
        return null
      }
      return next.value
    },
    close() {
      ended = true
      stdin?.end()
      void iterator.return?.()
    },
  }
  if (request.mode === 'hijack') {
    stream.write = (data) => stdin?.write(data)
    stream.closeWrite = () => stdin?.end()
  }
  return { status, headers, body: '', stream }
}

function iterate(body: DaemonResponse['body']): AsyncIterator<Uint8Array> {
  if (body === null) return (async function* () {})()
  if (typeof body === 'string' || body instanceof Uint8Array) {
    const bytes = typeof body === 'string' ? encoder.encode(body) : body
    return (async function* () {
      yield bytes
    })()
  }
  return body[Symbol.asyncIterator]()
}

async function wholeText(body: DaemonResponse['body']): Promise<string> {
  if (body === null) return ''
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return decoder.decode(body)
  let text = ''
  for await (const chunk of body) text += decoder.decode(chunk, { stream: true })
  return text
}
