import { ByteBuffer } from './byte-buffer.ts'
import type { PlaygroundRequest } from './client-request.ts'
import { daemonUrl } from './daemon-url.ts'

export interface Exchange {
  id: number
  request: PlaygroundRequest
  status: number
  headers: [string, string][]
  /** The body as received (capped); streams are read until they end or are stopped. */
  body: Uint8Array
  truncated: boolean
  /** The stream was stopped by the reader before it ended. */
  stopped: boolean
  ms: number
}

/**
 * Go's server stamped every answer with a Date; an answer made in the browser (the service
 * worker, the page) has none, so the time it arrived stands in for it.
 */
function withDate(headers: [string, string][]): [string, string][] {
  if (headers.some(([name]) => name === 'date')) return headers
  headers.push(['date', new Date().toUTCString()])
  return headers
}

/** Keep the page responsive when a learner follows an endless stream (events, logs -f). */
export const MAX_BODY_BYTES = 512 * 1024

/**
 * Sends one request to the simulated daemon and reads the answer, calling `onProgress` as
 * streamed chunks arrive. Never throws for an HTTP status: every status is an answer to show.
 * Throws RejectedPath for a path the browser cannot send to the daemon unchanged.
 */
export async function sendRequest(
  baseUrl: string,
  request: Exchange['request'],
  options: {
    id: number
    signal: AbortSignal
    onProgress?: (partial: Exchange) => void
    /** The session's transport; the network by default. */
    fetch?: typeof fetch
    /**
     * Each chunk as it arrives. With it the body is handed over, not kept: a terminal's stream
     * has no end, so it is neither capped nor copied (`body` stays empty).
     */
    onChunk?: (chunk: Uint8Array) => void
  },
): Promise<Exchange> {
  const started = performance.now()
  const hasBody = request.body !== '' && request.method !== 'GET' && request.method !== 'HEAD'
  const headers = new Headers()
  if (hasBody && request.contentType) headers.set('content-type', request.contentType)
  const url = daemonUrl(baseUrl, request.path)
  const response = await (options.fetch ?? fetch)(url, {
    method: request.method,
    headers,
    body: hasBody ? request.body : undefined,
    signal: options.signal,
  })
  const exchange: Exchange = {
    id: options.id,
    request,
    status: response.status,
    headers: withDate([...response.headers.entries()]),
    body: new Uint8Array(0),
    truncated: false,
    stopped: false,
    ms: 0,
  }
  // Headers are an answer already (an attached exec may then stay silent for ever).
  options.onProgress?.({ ...exchange })
  const received = new ByteBuffer()
  const reader = response.body?.getReader()
  // Cancel the reader ourselves: a body served by a service worker does not always error when
  // the fetch is aborted, and an endless stream (attach, events) would never let go.
  const onAbort = () => {
    exchange.stopped = true
    reader?.cancel().catch(() => {})
  }
  options.signal.addEventListener('abort', onAbort, { once: true })
  try {
    while (reader) {
      const { done, value } = await reader.read()
      if (done) break
      if (options.onChunk) {
        options.onChunk(value)
        exchange.ms = performance.now() - started
        options.onProgress?.({ ...exchange })
        continue
      }
      received.append(value)
      exchange.body = received.view()
      exchange.ms = performance.now() - started
      options.onProgress?.({ ...exchange })
      if (received.length >= MAX_BODY_BYTES) {
        exchange.truncated = true
        await reader.cancel()
        break
      }
    }
  } catch (error) {
    if (!options.signal.aborted) throw error
    exchange.stopped = true
  } finally {
    options.signal.removeEventListener('abort', onAbort)
  }
  exchange.body = received.view()
  exchange.ms = performance.now() - started
  return exchange
}
