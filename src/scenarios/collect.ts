import { concat } from '../daemon/index.ts'

/**
 * Reads a streamed body to its end, or until it has been quiet for `idleMs` (live streams such
 * as events never end on their own), then cancels it.
 */
export async function collect(body: AsyncIterable<Uint8Array>, idleMs = 50): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  const it = body[Symbol.asyncIterator]()
  for (;;) {
    let timer: ReturnType<typeof setTimeout> | undefined
    const idle = new Promise<'idle'>((resolve) => {
      timer = setTimeout(() => resolve('idle'), idleMs)
    })
    const next = await Promise.race([it.next(), idle])
    clearTimeout(timer)
    if (next === 'idle') {
      await it.return?.()
      break
    }
    if (next.done === true) break
    chunks.push(next.value)
  }
  return concat(chunks)
}

/** Latin-1 keeps every byte visible (multiplexed frames have binary headers). */
export function bytesToText(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 8192)
    s += String.fromCharCode(...bytes.subarray(i, i + 8192))
  return s
}
