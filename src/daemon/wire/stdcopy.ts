/**
 * Docker's stream multiplexing for non-TTY output: each frame is an 8-byte header
 * `[stream, 0, 0, 0, size (uint32 big-endian)]` followed by `size` bytes.
 * Stream 0 = stdin, 1 = stdout, 2 = stderr.
 * @see moby pkg/stdcopy/stdcopy.go at v1.12.6
 */

const encoder = new TextEncoder()

export function frame(stream: 0 | 1 | 2, payload: Uint8Array | string): Uint8Array {
  const data = typeof payload === 'string' ? encoder.encode(payload) : payload
  const out = new Uint8Array(8 + data.length)
  out[0] = stream
  new DataView(out.buffer).setUint32(4, data.length, false)
  out.set(data, 8)
  return out
}

export interface Frame {
  stream: number
  payload: Uint8Array
}

/** Splits a multiplexed byte stream; a truncated trailing frame is returned as `rest`. */
export function demux(bytes: Uint8Array): { frames: Frame[]; rest: Uint8Array } {
  const frames: Frame[] = []
  let i = 0
  while (i + 8 <= bytes.length) {
    const size = new DataView(bytes.buffer, bytes.byteOffset + i + 4, 4).getUint32(0, false)
    if (i + 8 + size > bytes.length) break
    frames.push({ stream: bytes[i] ?? 0, payload: bytes.slice(i + 8, i + 8 + size) })
    i += 8 + size
  }
  return { frames, rest: bytes.slice(i) }
}
