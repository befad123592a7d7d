import { Agent, request as httpRequest, type IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { ByteStream, DockerRequest, DockerResponse, Transport } from '../kubelet/index.ts'

/**
 * The kubelet model over HTTP to any daemon that speaks API 1.24 — `npm run daemon`, a real
 * Docker — at `tcp://host:port` or `unix:///path.sock`, as engine-api reaches it: the path
 * without a version prefix, the query keys sorted (url.Values.Encode), `Connection: Upgrade`
 * and `Upgrade: tcp` on hijacked calls, whose 101 gives a two-way byte stream.
 */
export type DockerHost = { socketPath: string } | { host: string; port: number }

/** `tcp://h:p` or `unix:///p`; throws a readable message for anything else. */
export function parseDockerHost(value: string): DockerHost {
  if (value.startsWith('unix://')) {
    const socketPath = value.slice('unix://'.length)
    if (!socketPath.startsWith('/'))
      throw new Error(`--docker-host ${value}: unix:// needs an absolute path`)
    return { socketPath }
  }
  const match = /^tcp:\/\/([^:/]+):(\d{1,5})\/?$/.exec(value)
  const port = Number(match?.[2])
  if (!match?.[1] || !(port > 0 && port < 65536)) {
    throw new Error(`--docker-host ${value}: expected tcp://HOST:PORT or unix:///PATH`)
  }
  return { host: match[1], port }
}

/** Go's url.Values.Encode: keys sorted, QueryEscape (space as +). */
export function encodeQuery(query: Readonly<Record<string, string>>): string {
  return Object.keys(query)
    .sort()
    .map((k) => `${queryEscape(k)}=${queryEscape(query[k] ?? '')}`)
    .join('&')
}

const queryEscape = (s: string) => encodeURIComponent(s).replace(/%20/g, '+')

export interface HttpTransport {
  transport: Transport
  /** Frees pooled sockets (the CLI calls it before exiting). */
  close(): void
}

export function httpTransport(target: DockerHost): HttpTransport {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 })
  const transport: Transport = (request) =>
    new Promise<DockerResponse>((resolve, reject) => {
      const query = encodeQuery(request.query)
      const headers: Record<string, string> = { ...request.headers, host: 'docker' }
      if (request.body !== undefined)
        headers['content-length'] = String(Buffer.byteLength(request.body))
      const req = httpRequest({
        ...('socketPath' in target
          ? { socketPath: target.socketPath }
          : { host: target.host, port: target.port }),
        method: request.method,
        path: query === '' ? request.path : `${request.path}?${query}`,
        headers,
        agent: request.mode === 'hijack' ? false : agent,
      })
      req.on('response', (res) => {
        void answer(request, res).then(resolve, reject)
      })
      req.on('upgrade', (res, socket, head) => {
        resolve({
          status: res.statusCode ?? 0,
          headers: flatten(res),
          body: '',
          stream: socketStream(socket, head),
        })
      })
      req.on('error', reject)
      req.end(request.body)
    })
  return { transport, close: () => agent.destroy() }
}

async function answer(request: DockerRequest, res: IncomingMessage): Promise<DockerResponse> {
  const status = res.statusCode ?? 0
  if (request.mode !== undefined && status < 400) {
    return { status, headers: flatten(res), body: '', stream: socketStream(res, Buffer.alloc(0)) }
  }
  const chunks: Buffer[] = []
  for await (const chunk of res) chunks.push(chunk as Buffer)
  return { status, headers: flatten(res), body: Buffer.concat(chunks).toString('utf8') }
}

function flatten(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

/** A readable (and, for a hijacked socket, writable) stream as a pull-based ByteStream. */
function socketStream(source: IncomingMessage | Duplex, head: Buffer): ByteStream {
  const queued: Uint8Array[] = head.byteLength > 0 ? [new Uint8Array(head)] : []
  let ended = false
  let waiting: ((chunk: Uint8Array | null) => void) | null = null
  const deliver = (chunk: Uint8Array | null) => {
    if (waiting) {
      const wake = waiting
      waiting = null
      wake(chunk)
    } else if (chunk) queued.push(chunk)
  }
  source.on('data', (chunk: Buffer) => deliver(new Uint8Array(chunk)))
  const finish = () => {
    if (ended) return
    ended = true
    deliver(null)
  }
  source.on('end', finish)
  source.on('close', finish)
  source.on('error', finish)
  const writable =
    'write' in source && typeof source.write === 'function' ? (source as Duplex) : null
  return {
    read: () => {
      const next = queued.shift()
      if (next) return Promise.resolve(next)
      if (ended) return Promise.resolve(null)
      return new Promise((resolve) => {
        waiting = resolve
      })
    },
    ...(writable
      ? {
          write: (data: Uint8Array | string) => {
            writable.write(data)
          },
          closeWrite: () => {
            writable.end()
          },
        }
      : {}),
    close: () => {
      finish()
      source.destroy()
    },
  }
}
