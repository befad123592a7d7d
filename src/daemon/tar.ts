import { concat } from './bytes.ts'

/**
 * A minimal ustar writer, enough for GET /archive, /export and /images/get to return bytes
 * that `tar -t` accepts.
 */

const encoder = new TextEncoder()

export interface TarEntry {
  name: string
  content?: string
  dir?: boolean
  mode?: number
  mtime?: number
}

function field(buf: Uint8Array, offset: number, length: number, value: string): void {
  const bytes = encoder.encode(value)
  buf.set(bytes.subarray(0, length), offset)
}

function octal(n: number, length: number): string {
  return `${n.toString(8).padStart(length - 1, '0')}\0`
}

export function tar(entries: readonly TarEntry[]): Uint8Array {
  const blocks: Uint8Array[] = []
  for (const e of entries) {
    const data = encoder.encode(e.content ?? '')
    const header = new Uint8Array(512)
    const name = e.dir === true && !e.name.endsWith('/') ? `${e.name}/` : e.name
    field(header, 0, 100, name.slice(0, 99))
    field(header, 100, 8, octal(e.mode ?? (e.dir === true ? 0o755 : 0o644), 8))
    field(header, 108, 8, octal(0, 8))
    field(header, 116, 8, octal(0, 8))
    field(header, 124, 12, octal(e.dir === true ? 0 : data.length, 12))
    field(header, 136, 12, octal(e.mtime ?? 1484395200, 12))
    field(header, 148, 8, '        ')
    header[156] = e.dir === true ? 0x35 : 0x30
    field(header, 257, 6, 'ustar\0')
    field(header, 263, 2, '00')
    let sum = 0
    for (const b of header) sum += b
    field(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `)
    blocks.push(header)
    if (e.dir !== true && data.length > 0) {
      const padded = new Uint8Array(Math.ceil(data.length / 512) * 512)
      padded.set(data)
      blocks.push(padded)
    }
  }
  blocks.push(new Uint8Array(1024))
  return concat(blocks)
}

/** Lists the entries of a ustar archive (for PUT /archive); null when it is not a tar. */
export function untar(
  bytes: Uint8Array,
): Array<{ name: string; content: string; dir: boolean }> | null {
  const out: Array<{ name: string; content: string; dir: boolean }> = []
  const decoder = new TextDecoder()
  let i = 0
  while (i + 512 <= bytes.length) {
    const header = bytes.subarray(i, i + 512)
    if (header.every((b) => b === 0)) return out
    const name = decoder.decode(header.subarray(0, 100)).replace(/\0.*$/s, '')
    const sizeText = decoder.decode(header.subarray(124, 136)).replace(/[\0 ]/g, '')
    if (!/^[0-7]*$/.test(sizeText)) return null
    const size = sizeText === '' ? 0 : Number.parseInt(sizeText, 8)
    const type = header[156]
    i += 512
    const content = decoder.decode(bytes.subarray(i, i + size))
    out.push({ name, content, dir: type === 0x35 })
    i += Math.ceil(size / 512) * 512
  }
  return out.length > 0 || bytes.length === 0 ? out : null
}
