import type { Daemon } from '../daemon/index.ts'
import { bytesToText, collect } from './collect.ts'
import type { Send } from './types.ts'

/** The model as a transport. UTF-8 text bodies are decoded as UTF-8, others as latin1. */
export function sendToDaemon(daemon: Daemon): Send {
  return async (req) => {
    const res = await daemon.handle({
      method: req.method,
      path: req.path,
      query: new URLSearchParams(req.query),
      headers: req.headers,
      body: req.body,
    })
    let text = ''
    const body = res.body
    if (typeof body === 'string') text = body
    else if (body instanceof Uint8Array) text = bytesToText(body)
    else if (body !== null) {
      const bytes = await collect(body)
      text = (res.headers['content-type'] ?? '').includes('json')
        ? new TextDecoder().decode(bytes)
        : bytesToText(bytes)
    }
    return { status: res.status, headers: res.headers, text }
  }
}
