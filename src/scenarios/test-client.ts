import type { Daemon, DaemonRequest, DaemonResponse } from '../daemon/index.ts'
import { collect } from './run.ts'

/**
 * The small client the model's own tests (and the lesson replay) use to talk to a daemon
 * without HTTP: a path with its query, an optional JSON body, and the answer read in full.
 */
const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** `path` may carry a query; a string body is sent as is, anything else as JSON. */
export function jsonRequest(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): DaemonRequest {
  const [pathname = '', query = ''] = path.split('?')
  return {
    method,
    path: pathname,
    query: new URLSearchParams(query),
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body:
      body === undefined
        ? null
        : encoder.encode(typeof body === 'string' ? body : JSON.stringify(body)),
  }
}

/** The whole body; a stream is read until it ends or stays idle (see collect). */
export async function readBody(body: DaemonResponse['body']): Promise<Uint8Array> {
  if (body === null) return new Uint8Array()
  if (typeof body === 'string') return encoder.encode(body)
  if (body instanceof Uint8Array) return body
  return collect(body)
}

export async function readText(body: DaemonResponse['body']): Promise<string> {
  return typeof body === 'string' ? body : decoder.decode(await readBody(body))
}

export async function call(daemon: Daemon, method: string, path: string, body?: unknown) {
  const response = await daemon.handle(jsonRequest(method, path, body))
  const bytes = await readBody(response.body)
  return { status: response.status, headers: response.headers, bytes, text: decoder.decode(bytes) }
}
