/**
 * Docker's stdcopy framing (non-TTY logs, attach, exec): an 8-byte header
 * `[stream, 0, 0, 0, size(uint32 BE)]` before each payload; stream 1 = stdout, 2 = stderr.
 * @see moby pkg/stdcopy/stdcopy.go at v1.12.6
 */
export function demultiplex(buffer: Uint8Array): { stdout: string; stderr: string } {
  const decoder = new TextDecoder()
  let stdout = ''
  let stderr = ''
  let offset = 0
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  while (offset + 8 <= buffer.byteLength) {
    const stream = buffer[offset]
    const size = view.getUint32(offset + 4)
    const payload = decoder.decode(buffer.subarray(offset + 8, offset + 8 + size))
    if (stream === 2) stderr += payload
    else stdout += payload
    offset += 8 + size
  }
  if (offset !== buffer.byteLength)
    throw new Error(`trailing ${buffer.byteLength - offset} bytes in a multiplexed stream`)
  return { stdout, stderr }
}
