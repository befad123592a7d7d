/** One buffer from several: stream frames, tar blocks, a response read in chunks. */
export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let n = 0
  for (const c of chunks) n += c.length
  const out = new Uint8Array(n)
  let i = 0
  for (const c of chunks) {
    out.set(c, i)
    i += c.length
  }
  return out
}
