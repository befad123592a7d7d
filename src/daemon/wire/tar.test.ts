import { describe, expect, it } from 'vitest'
import { readTar, tar } from './tar.ts'

/** A ustar header for `name` with `type` and `data`, its checksum computed as archive/tar does. */
function member(name: string, type: string, data = '', linkname = ''): Uint8Array {
  const body = new TextEncoder().encode(data)
  const header = new Uint8Array(512)
  const put = (offset: number, value: string) => header.set(new TextEncoder().encode(value), offset)
  put(0, name)
  put(100, '0000644\0')
  put(124, `${body.length.toString(8).padStart(11, '0')}\0`)
  put(148, '        ')
  put(156, type)
  put(157, linkname)
  put(257, 'ustar\0')
  put(263, '00')
  put(
    148,
    `${header
      .reduce((a, b) => a + b, 0)
      .toString(8)
      .padStart(6, '0')}\0 `,
  )
  const padded = new Uint8Array(Math.ceil(body.length / 512) * 512)
  padded.set(body)
  const out = new Uint8Array(512 + padded.length)
  out.set(header)
  out.set(padded, 512)
  return out
}

const join = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
const END = new Uint8Array(1024)

describe('readTar (Go 1.6 archive/tar)', () => {
  it('reads what tar() writes', () => {
    const read = readTar(
      tar([
        { name: 'etc', dir: true },
        { name: 'etc/a', content: 'x\n' },
      ]),
    )
    expect(read.error).toBeNull()
    expect(read.members.map((m) => [m.name, m.type, m.content])).toEqual([
      ['etc/', 'dir', ''],
      ['etc/a', 'file', 'x\n'],
    ])
  })

  it('a header whose checksum does not match is an invalid header; members before it stay', () => {
    const bad = member('b', '0', 'b')
    bad[0] = 0x63 // 'c': the stored checksum no longer matches
    const read = readTar(join(member('a', '0', 'a'), bad, END))
    expect(read.members.map((m) => m.name)).toEqual(['a'])
    expect(read.error).toBe('archive/tar: invalid tar header')
  })

  it('a stream cut inside a header or inside data is unexpected EOF', () => {
    expect(readTar(member('a', '0', 'abc').subarray(0, 300)).error).toBe('unexpected EOF')
    expect(readTar(member('a', '0', 'x'.repeat(600)).subarray(0, 700)).error).toBe('unexpected EOF')
  })

  it('PAX path and GNU long names apply to the next member; links keep their target', () => {
    const long = `${'d/'.repeat(60)}file`
    const pax = `${long.length + 9} path=${long}\n`
    const read = readTar(
      join(
        member('PaxHeader', 'x', pax),
        member('short', '0', 'p'),
        member('././@LongLink', 'L', `${long}-gnu\0`),
        member('short2', '0', 'g'),
        member('hard', '1', '', '../../etc/passwd'),
        member('soft', '2', '', '/etc'),
        END,
      ),
    )
    expect(read.error).toBeNull()
    expect(read.members.map((m) => [m.name, m.type, m.linkname])).toEqual([
      [long, 'file', ''],
      [`${long}-gnu`, 'file', ''],
      ['hard', 'link', '../../etc/passwd'],
      ['soft', 'symlink', '/etc'],
    ])
  })
})
