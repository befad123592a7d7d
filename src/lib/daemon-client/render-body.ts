import { demux } from '../../daemon/index.ts'

export type RenderedBody =
  | { kind: 'empty' }
  | { kind: 'json'; text: string }
  | { kind: 'json-lines'; lines: string[] }
  | { kind: 'multiplexed'; frames: { stream: 'stdin' | 'stdout' | 'stderr'; text: string }[] }
  | { kind: 'text'; text: string }
  | { kind: 'binary'; bytes: number; preview: string }

const STREAMS = ['stdin', 'stdout', 'stderr'] as const
const decoder = new TextDecoder('utf-8', { fatal: false })

/** An 8-byte stdcopy header: stream 0–2, three zero bytes, big-endian length. */
function looksMultiplexed(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 8 && (bytes[0] ?? 9) <= 2 && bytes[1] === 0 && bytes[2] === 0 && bytes[3] === 0
  )
}

/**
 * How to show a daemon answer: pretty JSON, one JSON value per line for progress and event
 * streams, stdout/stderr frames for logs without a TTY, or text.
 */
export function renderBody(bytes: Uint8Array, contentType: string): RenderedBody {
  if (bytes.length === 0) return { kind: 'empty' }
  if (looksMultiplexed(bytes)) {
    const { frames } = demux(bytes)
    if (frames.length > 0)
      return {
        kind: 'multiplexed',
        frames: frames.map((f) => ({
          stream: STREAMS[f.stream] ?? 'stdout',
          text: decoder.decode(f.payload),
        })),
      }
  }
  const text = decoder.decode(bytes)
  if (contentType.includes('json')) {
    try {
      return { kind: 'json', text: JSON.stringify(JSON.parse(text), null, 2) }
    } catch {
      const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '')
      const pretty: string[] = []
      for (const line of lines) {
        try {
          pretty.push(JSON.stringify(JSON.parse(line)))
        } catch {
          return { kind: 'text', text }
        }
      }
      return { kind: 'json-lines', lines: pretty }
    }
  }
  // Mostly printable: show it; otherwise (a tar from export/archive) describe it.
  const printable = text.replace(/[^\t\n\r\x20-\x7e\u00a0-\uffff]/g, '')
  if (printable.length >= text.length * 0.9) return { kind: 'text', text }
  return { kind: 'binary', bytes: bytes.length, preview: printable.slice(0, 200) }
}
