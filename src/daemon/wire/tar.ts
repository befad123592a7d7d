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

export type TarMemberType = 'file' | 'dir' | 'symlink' | 'link' | 'other'

export interface TarMember {
  /** The name as stored (ustar prefix joined, PAX `path` / GNU long name applied). */
  name: string
  content: string
  dir: boolean
  type: TarMemberType
  /** Target of a hard or symbolic link. */
  linkname: string
}

/** What a tar reader got through: the members before the first error, and that error. */
export interface TarRead {
  members: TarMember[]
  /** Go 1.6 archive/tar's error text, or null when the archive ended properly. */
  error: string | null
}

const decoder = new TextDecoder()
const text = (b: Uint8Array): string => decoder.decode(b).replace(/\0.*$/s, '')

function octalField(b: Uint8Array): number | null {
  const t = decoder.decode(b).replace(/[\0 ]/g, '')
  if (!/^[0-7]*$/.test(t)) return null
  return t === '' ? 0 : Number.parseInt(t, 8)
}

/**
 * archive/tar's checksum test (Go 1.6 reader.go): the header's bytes summed with the checksum
 * field read as spaces, unsigned — or signed, which some old tars used.
 */
function checksumOk(header: Uint8Array): boolean {
  const stored = octalField(header.subarray(148, 156))
  if (stored === null) return false
  let unsigned = 0
  let signed = 0
  for (let i = 0; i < 512; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0)
    unsigned += b
    signed += b > 127 ? b - 256 : b
  }
  return stored === unsigned || stored === signed
}

/** PAX extended header records (`<len> key=value\n`): only `path` and `linkpath` matter here. */
function paxRecords(data: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const line of data.split('\n')) {
    const m = /^\d+ ([^=]+)=(.*)$/s.exec(line)
    if (m?.[1] !== undefined && m[2] !== undefined) out.set(m[1], m[2])
  }
  return out
}

/**
 * Reads a tar stream as Go 1.6's archive/tar does: each header's checksum is verified
 * ("archive/tar: invalid tar header"), a stream that stops inside a header or a member's data
 * is "unexpected EOF", two zero blocks (or the end of the bytes) end it. PAX `x` headers and
 * GNU long names (`L`, `K`) apply to the next member; `g` headers are skipped.
 */
export function readTar(bytes: Uint8Array): TarRead {
  const members: TarMember[] = []
  let i = 0
  let longName: string | null = null
  let longLink: string | null = null
  for (;;) {
    if (i >= bytes.length) return { members, error: null }
    if (i + 512 > bytes.length) return { members, error: 'unexpected EOF' }
    const header = bytes.subarray(i, i + 512)
    if (header.every((b) => b === 0)) return { members, error: null }
    if (!checksumOk(header)) return { members, error: 'archive/tar: invalid tar header' }
    const size = octalField(header.subarray(124, 136))
    if (size === null) return { members, error: 'archive/tar: invalid tar header' }
    const flag = String.fromCharCode(header[156] ?? 0)
    i += 512
    if (i + size > bytes.length) return { members, error: 'unexpected EOF' }
    const data = bytes.subarray(i, i + size)
    i += Math.ceil(size / 512) * 512
    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      if (flag === 'x') {
        const records = paxRecords(decoder.decode(data))
        longName = records.get('path') ?? longName
        longLink = records.get('linkpath') ?? longLink
      } else if (flag === 'L') longName = text(data)
      else if (flag === 'K') longLink = text(data)
      continue
    }
    let name = text(header.subarray(0, 100))
    const magic = decoder.decode(header.subarray(257, 263))
    const prefix = magic.startsWith('ustar') ? text(header.subarray(345, 500)) : ''
    if (prefix !== '') name = `${prefix}/${name}`
    if (longName !== null) name = longName
    const linkname = longLink ?? text(header.subarray(157, 257))
    longName = null
    longLink = null
    const type: TarMemberType =
      flag === '5' || (flag === '0' && name.endsWith('/'))
        ? 'dir'
        : flag === '0' || flag === '\0' || flag === '7'
          ? 'file'
          : flag === '1'
            ? 'link'
            : flag === '2'
              ? 'symlink'
              : 'other'
    members.push({
      name,
      content: type === 'file' ? decoder.decode(data) : '',
      dir: type === 'dir',
      type,
      linkname,
    })
  }
}

/** The members of a tar archive (image import and load); null when it is not a valid tar. */
export function untar(bytes: Uint8Array): TarMember[] | null {
  const read = readTar(bytes)
  if (read.error === null) return read.members
  return null
}
