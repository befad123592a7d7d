import { afterEach, describe, expect, it } from 'vitest'
import { call, jsonRequest, readText } from '../../../scenarios/test-client.ts'
import { createDaemon, type SimulatedDaemon } from '../../daemon.ts'

/**
 * PUT /archive under abuse: many small files, paths the kernel refuses, archives cut short,
 * and the simulated disk filling up. Archives are built here byte by byte (GNU long names for
 * paths over 100 bytes), as Python's tarfile or GNU tar writes them.
 */

const enc = new TextEncoder()

function header(name: string, type: string, size: number): Uint8Array {
  const h = new Uint8Array(512)
  const put = (offset: number, value: string) => h.set(enc.encode(value), offset)
  put(0, name.slice(0, 99))
  put(100, '0000644\0')
  put(108, '0000000\0')
  put(116, '0000000\0')
  put(124, `${size.toString(8).padStart(11, '0')}\0`)
  put(136, '00000000000\0')
  put(148, '        ')
  put(156, type)
  put(257, 'ustar  \0')
  const sum = h.reduce((a, b) => a + b, 0)
  put(148, `${sum.toString(8).padStart(6, '0')}\0 `)
  return h
}

function blocks(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / 512) * 512)
  out.set(data)
  return out
}

/** One regular file (with a GNU `L` record when the name is long). */
function fileMember(name: string, content = ''): Uint8Array[] {
  const data = enc.encode(content)
  const parts: Uint8Array[] = []
  if (enc.encode(name).length > 99) {
    const long = enc.encode(`${name}\0`)
    parts.push(header('././@LongLink', 'L', long.length), blocks(long))
  }
  parts.push(header(name, '0', data.length), blocks(data))
  return parts
}

function archive(parts: Uint8Array[], end = 1024): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0) + end
  const out = new Uint8Array(total)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

let daemons: SimulatedDaemon[] = []
afterEach(() => {
  for (const d of daemons) d.dispose()
  daemons = []
})

async function withContainer(opts: Parameters<typeof createDaemon>[0] = {}) {
  const d = createDaemon({ clock: () => new Date('2017-01-14T12:00:00Z'), ...opts })
  daemons.push(d)
  const created = await call(d, 'POST', '/containers/create?name=box', { Image: 'busybox' })
  expect(created.status).toBe(201)
  const put = async (tar: Uint8Array, path = '/tmp') => {
    const req = jsonRequest('PUT', `/containers/box/archive?path=${path}`)
    const res = await d.handle({
      ...req,
      headers: { 'content-type': 'application/x-tar' },
      body: tar,
    })
    return { status: res.status, text: await readText(res.body) }
  }
  return { d, put }
}

describe('PUT /archive with many files', () => {
  it('extracts 20,000 files in time linear in their number (was quadratic: seconds per thousand)', async () => {
    const { d, put } = await withContainer()
    const parts = Array.from({ length: 20_000 }, (_, i) => fileMember(`d${i % 40}/f${i}`)).flat()
    const started = performance.now()
    const res = await put(archive(parts))
    const ms = performance.now() - started
    expect(res.status).toBe(200)
    // The old extraction re-filtered every file and re-sorted every change per member: about
    // 20 s here. Linear work is well under a second; 5 s leaves room for a loaded machine.
    expect(ms).toBeLessThan(5_000)
    const changes = JSON.parse((await call(d, 'GET', '/containers/box/changes')).text) as Array<{
      Path: string
      Kind: number
    }>
    // /tmp, 40 directories and 20,000 files, sorted by path, each once.
    expect(changes).toHaveLength(1 + 40 + 20_000)
    const paths = changes.map((c) => c.Path)
    expect([...paths].sort()).toEqual(paths)
    expect(changes.find((c) => c.Path === '/tmp/d7/f7')).toEqual({ Path: '/tmp/d7/f7', Kind: 1 })
    expect(changes.find((c) => c.Path === '/tmp/d7')).toEqual({ Path: '/tmp/d7', Kind: 0 })
  })

  it('a file written twice is one change, the second content wins', async () => {
    const { d, put } = await withContainer()
    expect(
      (await put(archive([...fileMember('a/x', 'one'), ...fileMember('a/x', 'two')]))).status,
    ).toBe(200)
    expect((await put(archive(fileMember('a/x', 'three')))).status).toBe(200)
    const changes = JSON.parse((await call(d, 'GET', '/containers/box/changes')).text)
    expect(changes).toEqual([
      { Path: '/tmp', Kind: 0 },
      { Path: '/tmp/a', Kind: 0 },
      { Path: '/tmp/a/x', Kind: 1 },
    ])
    const got = await call(d, 'HEAD', '/containers/box/archive?path=/tmp/a/x')
    const stat = JSON.parse(atob(got.headers['x-docker-container-path-stat'] ?? ''))
    expect(stat.size).toBe(5)
  })
})

describe('PUT /archive shares the daemon (DaemonOptions.yieldToIo)', () => {
  it('pauses every thousand members; other requests are answered meanwhile', async () => {
    let pauses = 0
    let answered = 0
    const { d, put } = await withContainer({
      yieldToIo: async () => {
        pauses++
        // Another client's request, served while the extraction waits.
        const ping = await call(d, 'GET', '/_ping')
        if (ping.text === 'OK') answered++
      },
    })
    const parts = Array.from({ length: 10_000 }, (_, i) => fileMember(`d${i % 10}/f${i}`)).flat()
    expect((await put(archive(parts))).status).toBe(200)
    expect(pauses).toBe(10)
    expect(answered).toBe(10)
    const changes = JSON.parse((await call(d, 'GET', '/containers/box/changes')).text)
    expect(changes).toHaveLength(1 + 10 + 10_000)
  })

  it('two uploads into one container run one after the other: each path once', async () => {
    const { d, put } = await withContainer({ yieldToIo: () => new Promise((r) => setImmediate(r)) })
    const parts = (tag: string) =>
      Array.from({ length: 3000 }, (_, i) => fileMember(`same/f${i}`, `${tag}${i}`)).flat()
    const [a, b] = await Promise.all([put(archive(parts('a'))), put(archive(parts('b')))])
    expect([a.status, b.status]).toEqual([200, 200])
    const paths = JSON.parse((await call(d, 'GET', '/containers/box/changes')).text).map(
      (c: { Path: string }) => c.Path,
    )
    expect(new Set(paths).size).toBe(paths.length)
    expect(paths).toHaveLength(1 + 1 + 3000)
  })
})

describe('PUT /archive with names the kernel refuses (ENAMETOOLONG)', () => {
  it('refuses a path 20,000 directories deep with the open error 1.12 gave, storing nothing', async () => {
    const { d, put } = await withContainer()
    const deep = `${'a/'.repeat(20_000)}f`
    const res = await put(archive(fileMember(deep)))
    expect(res.status).toBe(500)
    const message = JSON.parse(res.text).message as string
    expect(message.startsWith('Error processing tar file(exit status 1): open /a/a/a/')).toBe(true)
    expect(message.endsWith('/a/f: file name too long')).toBe(true)
    expect((await call(d, 'GET', '/containers/box/changes')).text).toBe('null\n')
  })

  it('PATH_MAX: 4,095 bytes pass, 4,096 do not; NAME_MAX: 255 bytes pass, 256 do not', async () => {
    const { put } = await withContainer()
    // The path in the chroot is "/" + the name: 4,094 name bytes make a 4,095-byte path.
    const fits = `${'b/'.repeat(2046)}cc`
    expect(fits.length + 1).toBe(4095)
    expect((await put(archive(fileMember(fits)))).status).toBe(200)
    const over = `${'b/'.repeat(2046)}ccc`
    const refused = await put(archive(fileMember(over)))
    expect(refused.status).toBe(500)
    expect(refused.text).toContain(': file name too long')
    expect((await put(archive(fileMember(`x/${'n'.repeat(255)}`)))).status).toBe(200)
    const long = await put(archive(fileMember(`x/${'n'.repeat(256)}/f`)))
    expect(JSON.parse(long.text).message).toBe(
      `Error processing tar file(exit status 1): open /x/${'n'.repeat(256)}/f: file name too long`,
    )
    // Bytes, not characters: 128 two-byte letters are 256 bytes.
    expect((await put(archive(fileMember(`x/${'é'.repeat(128)}`)))).status).toBe(500)
  })

  it('members before the refused one stay extracted, the ones after it are not', async () => {
    const { d, put } = await withContainer()
    const res = await put(
      archive([
        ...fileMember('before', 'b'),
        ...fileMember(`${'z'.repeat(300)}`),
        ...fileMember('after', 'a'),
      ]),
    )
    expect(res.status).toBe(500)
    const paths = JSON.parse((await call(d, 'GET', '/containers/box/changes')).text).map(
      (c: { Path: string }) => c.Path,
    )
    expect(paths).toEqual(['/tmp', '/tmp/before'])
  })
})

describe('PUT /archive cut short, as Go 1.6 archive/tar reads it', () => {
  const whole = archive(fileMember('hello.txt', 'x'.repeat(3000)), 0)

  it('one zero block then part of the second: unexpected EOF (500)', async () => {
    const { put } = await withContainer()
    const cut = archive([whole, new Uint8Array(512), new Uint8Array(100)], 0)
    const res = await put(cut)
    expect(res.status).toBe(500)
    expect(JSON.parse(res.text).message).toBe(
      'Error processing tar file(exit status 1): unexpected EOF',
    )
  })

  it('a zero block then a header: invalid tar header', async () => {
    const { put } = await withContainer()
    const res = await put(archive([whole, new Uint8Array(512), ...fileMember('later')]))
    expect(JSON.parse(res.text).message).toBe(
      'Error processing tar file(exit status 1): archive/tar: invalid tar header',
    )
  })

  it('ending after the last member, or after one zero block, is a proper end (200)', async () => {
    const { put } = await withContainer()
    expect((await put(whole)).status).toBe(200)
    expect((await put(archive([whole], 512))).status).toBe(200)
    expect((await put(archive([whole], 1024))).status).toBe(200)
  })
})

describe('the simulated disk (DaemonOptions.diskBytes)', () => {
  it('an archive past it fails with ENOSPC; what fit stays', async () => {
    const { d, put } = await withContainer({ diskBytes: 64 * 1024 })
    const parts = Array.from({ length: 20 }, (_, i) => fileMember(`f${i}`, 'y'.repeat(4000))).flat()
    const res = await put(archive(parts))
    expect(res.status).toBe(500)
    expect(JSON.parse(res.text).message).toMatch(
      /^Error processing tar file\(exit status 1\): write \/f\d+: no space left on device$/,
    )
    const changes = JSON.parse((await call(d, 'GET', '/containers/box/changes')).text)
    expect(changes.length).toBeGreaterThan(5)
    expect(changes.length).toBeLessThan(21)
  })

  it('creates past it answer the config write error, and the list still answers JSON', async () => {
    const d = createDaemon({ diskBytes: 1024 * 1024 })
    daemons.push(d)
    const label = 'l'.repeat(400 * 1024)
    const statuses: number[] = []
    let last = ''
    for (let i = 0; i < 4; i++) {
      const res = await call(d, 'POST', `/containers/create?name=c${i}`, {
        Image: 'busybox',
        Labels: { big: label },
      })
      statuses.push(res.status)
      last = res.text
    }
    expect(statuses).toEqual([201, 201, 500, 500])
    expect(JSON.parse(last).message).toMatch(
      /^write \/var\/lib\/docker\/containers\/[0-9a-f]{64}\/\.tmp-config\.v2\.json\d{9}: no space left on device$/,
    )
    // The refused names are free again.
    expect((await call(d, 'GET', '/containers/c2/json')).status).toBe(404)
    const list = await call(d, 'GET', '/containers/json?all=1')
    expect(list.status).toBe(200)
    expect(JSON.parse(list.text)).toHaveLength(2)
    // Removing a container frees its space.
    expect((await call(d, 'DELETE', '/containers/c0')).status).toBe(204)
    expect(
      (
        await call(d, 'POST', '/containers/create?name=c9', {
          Image: 'busybox',
          Labels: { big: label },
        })
      ).status,
    ).toBe(201)
  })

  it('labels of networks and volumes count too', async () => {
    const d = createDaemon({ diskBytes: 64 * 1024 })
    daemons.push(d)
    const big = { a: 'v'.repeat(40 * 1024) }
    expect((await call(d, 'POST', '/networks/create', { Name: 'n1', Labels: big })).status).toBe(
      201,
    )
    const refused = await call(d, 'POST', '/volumes/create', { Name: 'v1', Labels: big })
    expect(refused.status).toBe(500)
    expect(JSON.parse(refused.text).message).toContain('no space left on device')
  })
})
