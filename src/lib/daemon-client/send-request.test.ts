import { describe, expect, it } from 'vitest'
import { sendRequest } from './send-request.ts'

/** A fetch that answers with `count` chunks of `size` bytes, each byte its chunk's index mod 256. */
function streamingFetch(count: number, size: number): typeof fetch {
  return async () => {
    let i = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i === count) controller.close()
        else controller.enqueue(new Uint8Array(size).fill(i++ % 256))
      },
    })
    return new Response(body, { status: 200 })
  }
}

describe('sendRequest on a long stream', () => {
  it('keeps every chunk in order and reports each as it arrives', async () => {
    let progress = 0
    const exchange = await sendRequest(
      'http://daemon.test',
      { method: 'GET', path: '/events', body: '', contentType: '' },
      {
        id: 1,
        signal: new AbortController().signal,
        fetch: streamingFetch(20_000, 10),
        onProgress: () => progress++,
      },
    )
    expect(exchange.body.length).toBe(200_000)
    expect(exchange.truncated).toBe(false)
    for (const i of [0, 1, 255, 256, 19_999]) expect(exchange.body[i * 10 + 9]).toBe(i % 256)
    // Once for the headers, once per chunk.
    expect(progress).toBe(20_001)
  })

  it('stops at the body cap and says so', async () => {
    const exchange = await sendRequest(
      'http://daemon.test',
      { method: 'GET', path: '/events', body: '', contentType: '' },
      { id: 2, signal: new AbortController().signal, fetch: streamingFetch(100_000, 64) },
    )
    expect(exchange.truncated).toBe(true)
    expect(exchange.body.length).toBe(512 * 1024)
  })
})
