import { type Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import type { Send, SentResponse } from '../../src/scenarios/index.ts'

/**
 * A scenario transport over real HTTP: node:http with a keep-alive agent, the exact method,
 * path, headers and body of the scenario (no fetch: it would add headers, refuse `Upgrade`
 * and normalise paths). Live streams (events, follow, attach) are read until they have been
 * quiet for `idleMs`, as the in-process transport does.
 */
export function sendOverHttp(baseUrl: string, agent: Agent, idleMs = 100): Send {
  const { hostname, port } = new URL(baseUrl)
  return (wire) =>
    new Promise<SentResponse>((resolve, reject) => {
      const headers: Record<string, string> = { ...wire.headers }
      if (wire.body !== null) headers['content-length'] = String(wire.body.byteLength)
      const upgrade = headers.upgrade !== undefined
      const req = httpRequest({
        host: hostname,
        port,
        method: wire.method,
        path: wire.query === '' ? wire.path : `${wire.path}?${wire.query}`,
        headers,
        // A hijacked connection cannot go back to a pool.
        agent: upgrade ? false : agent,
      })
      const chunks: Buffer[] = []
      let timer: ReturnType<typeof setTimeout> | undefined
      const finish = (status: number, responseHeaders: IncomingHttpHeaders): void => {
        clearTimeout(timer)
        const bytes = Buffer.concat(chunks)
        const flat: Record<string, string> = {}
        for (const [name, value] of Object.entries(responseHeaders)) {
          if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
        }
        const type = flat['content-type'] ?? ''
        // Same decoding as the in-process transport: JSON and text as UTF-8, the rest byte by byte.
        const text =
          type.includes('json') || type.startsWith('text/')
            ? bytes.toString('utf8')
            : bytes.toString('latin1')
        resolve({ status, headers: flat, text })
      }
      const collect = (
        source: NodeJS.ReadableStream & { destroy(): void },
        status: number,
        responseHeaders: IncomingHttpHeaders,
      ): void => {
        let done = false
        const end = (): void => {
          if (done) return
          done = true
          finish(status, responseHeaders)
        }
        const arm = (): void => {
          clearTimeout(timer)
          timer = setTimeout(() => {
            source.destroy()
            end()
          }, idleMs)
        }
        arm()
        source.on('data', (chunk: Buffer) => {
          chunks.push(chunk)
          arm()
        })
        source.on('end', end)
        source.on('close', end)
        source.on('error', end)
      }
      req.on('response', (res) => collect(res, res.statusCode ?? 0, res.headers))
      req.on('upgrade', (res, socket, head) => {
        if (head.byteLength > 0) chunks.push(head)
        collect(socket, res.statusCode ?? 0, res.headers)
      })
      req.on('error', reject)
      req.end(wire.body === null ? undefined : Buffer.from(wire.body))
    })
}
