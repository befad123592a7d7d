/**
 * The attacks of issue 15 against `npm run daemon`, each on a fresh daemon on a loopback port:
 * `npx tsx bench/abuse.ts` (or `npm run bench -- abuse`). Every loop is bounded (bytes and
 * time). For each attack: what the daemon's process grew by (RSS, Linux /proc), how long the
 * request took, and `/_ping`'s latency measured alongside every 100 ms.
 *
 * Prints a markdown table and writes `bench/results/abuse.json`.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { connect, createServer, type Socket } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

interface Daemon {
  base: string
  port: number
  child: ChildProcess
  rssMb(): number
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  await new Promise((r) => server.close(r))
  return port
}

async function startDaemon(): Promise<Daemon> {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/server/main.ts'), '--port', String(port), '--quiet'],
    { cwd: ROOT, stdio: 'ignore' },
  )
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${base}/_ping`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break
    await sleep(100)
  }
  const rssMb = () => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
    } catch {
      return 0
    }
  }
  return { base, port, child, rssMb }
}

async function stopDaemon(d: Daemon): Promise<void> {
  d.child.kill('SIGTERM')
  await new Promise((r) => d.child.once('exit', r))
}

/** `/_ping` every 100 ms until stopped; its latencies. */
function pinger(base: string): { stop(): Promise<number[]> } {
  const latencies: number[] = []
  let running = true
  const loop = (async () => {
    while (running) {
      const started = performance.now()
      await fetch(`${base}/_ping`, { signal: AbortSignal.timeout(30_000) })
        .then((r) => r.text())
        .catch(() => '')
      latencies.push(performance.now() - started)
      await sleep(100)
    }
  })()
  return {
    async stop() {
      running = false
      await loop
      return latencies
    },
  }
}

async function json(base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await r.text()
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

const idOf = (v: unknown): string =>
  typeof v === 'object' && v !== null && 'Id' in v ? String(v.Id) : ''

/** A ustar archive of `names` (empty files), with GNU long names where needed. */
function tarOf(names: string[]): Buffer {
  const blocks: Buffer[] = []
  const header = (name: string, type: string, size: number): Buffer => {
    const h = Buffer.alloc(512)
    h.write(name.slice(0, 99), 0)
    h.write('0000644\0', 100)
    h.write(`${size.toString(8).padStart(11, '0')}\0`, 124)
    h.write('00000000000\0', 136)
    h.write('        ', 148)
    h.write(type, 156)
    h.write('ustar  \0', 257)
    let sum = 0
    for (const b of h) sum += b
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148)
    return h
  }
  for (const name of names) {
    if (Buffer.byteLength(name) > 99) {
      const long = Buffer.from(`${name}\0`)
      blocks.push(header('././@LongLink', 'L', long.length))
      blocks.push(Buffer.concat([long, Buffer.alloc((512 - (long.length % 512)) % 512)]))
    }
    blocks.push(header(name, '0', 0))
  }
  blocks.push(Buffer.alloc(1024))
  return Buffer.concat(blocks)
}

function rawSocket(port: number, head: string): Socket {
  const s = connect(port, '127.0.0.1')
  s.on('error', () => undefined)
  s.write(head)
  s.pause()
  return s
}

function maskedFrame(opcode: number, payload: Buffer): Buffer {
  const n = payload.length
  const key = randomBytes(4)
  let h: Buffer
  if (n < 126) h = Buffer.from([0x80 | opcode, 0x80 | n])
  else if (n < 65536) {
    h = Buffer.from([0x80 | opcode, 0x80 | 126, 0, 0])
    h.writeUInt16BE(n, 2)
  } else {
    h = Buffer.alloc(10)
    h[0] = 0x80 | opcode
    h[1] = 0x80 | 127
    h.writeBigUInt64BE(BigInt(n), 2)
  }
  const p = Buffer.from(payload)
  for (let i = 0; i < n; i++) p[i] = (p[i] ?? 0) ^ (key[i % 4] ?? 0)
  return Buffer.concat([h, key, p])
}

/** Writes `chunk` until `total` bytes, `ms`, or the server stops reading for 3 s; bytes taken. */
async function pump(s: Socket, chunk: Buffer, total: number, ms: number): Promise<number> {
  let sent = 0
  const until = Date.now() + ms
  while (sent < total && Date.now() < until && !s.destroyed) {
    sent += chunk.length
    if (!s.write(chunk)) {
      const drained = await Promise.race([
        new Promise<boolean>((r) => s.once('drain', () => r(true))),
        sleep(3000).then(() => false),
      ])
      if (!drained) break
    } else await new Promise((r) => setImmediate(r))
  }
  return sent
}

export interface AttackResult {
  attack: string
  detail: string
  ms: number
  rssGrowthMb: number
  pingMedianMs: number
  pingMaxMs: number
}

const LINES = Buffer.from('echo hello world\n'.repeat(3855))
const MB = 1024 * 1024

type Attack = (d: Daemon) => Promise<string>

/** Name, the attack, and what to build before it is timed. */
const attacks: Array<[string, Attack, (() => void)?]> = [
  ...[8000, 16000, 32000].map((n): [string, Attack, () => void] => {
    // Built once, before anything is timed: the pinger shares this process's event loop.
    let tar: Uint8Array<ArrayBuffer> | null = null
    return [
      `PUT /archive, ${n} files`,
      async (d) => {
        const id = idOf(await json(d.base, 'POST', '/containers/create', { Image: 'busybox' }))
        const r = await fetch(`${d.base}/containers/${id}/archive?path=/tmp`, {
          method: 'PUT',
          headers: { 'content-type': 'application/x-tar' },
          body: tar ?? new Uint8Array(),
        })
        return `${r.status}`
      },
      () => {
        tar = new Uint8Array(
          tarOf(Array.from({ length: n }, (_, i) => `d${Math.floor(i / 1000)}/f${i}`)),
        )
      },
    ]
  }),
  [
    'PUT /archive, one path 20,000 deep',
    async (d) => {
      const id = idOf(await json(d.base, 'POST', '/containers/create', { Image: 'busybox' }))
      const r = await fetch(`${d.base}/containers/${id}/archive?path=/tmp`, {
        method: 'PUT',
        body: new Uint8Array(tarOf([`${'a/'.repeat(20_000)}f`])),
      })
      return `${r.status} ${(await r.text()).slice(0, 60)}…`
    },
  ],
  [
    'exec -t, client never reads, 10 MB typed',
    async (d) => {
      const c = idOf(
        await json(d.base, 'POST', '/containers/create', { Image: 'busybox', Cmd: ['top'] }),
      )
      await json(d.base, 'POST', `/containers/${c}/start`)
      const ex = idOf(
        await json(d.base, 'POST', `/containers/${c}/exec`, {
          AttachStdin: true,
          AttachStdout: true,
          Tty: true,
          Cmd: ['sh'],
        }),
      )
      const body = JSON.stringify({ Detach: false, Tty: true })
      const s = rawSocket(
        d.port,
        `POST /exec/${ex}/start HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      )
      const sent = await pump(s, LINES, 10 * MB, 20_000)
      s.destroy()
      return `server took ${(sent / MB).toFixed(1)} MB`
    },
  ],
  [
    'attach/ws, client never reads, 10 MB typed',
    async (d) => {
      const c = idOf(
        await json(d.base, 'POST', '/containers/create', {
          Image: 'busybox',
          Cmd: ['sh'],
          OpenStdin: true,
          Tty: true,
        }),
      )
      await json(d.base, 'POST', `/containers/${c}/start`)
      const s = rawSocket(
        d.port,
        `GET /containers/${c}/attach/ws?stream=1&stdin=1&stdout=1 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      )
      await sleep(300)
      const sent = await pump(s, maskedFrame(1, LINES), 10 * MB, 20_000)
      s.destroy()
      return `server took ${(sent / MB).toFixed(1)} MB`
    },
  ],
  [
    'exec stdin, 12 MB of command lines (client reads)',
    async (d) => {
      const c = idOf(
        await json(d.base, 'POST', '/containers/create', { Image: 'busybox', Cmd: ['top'] }),
      )
      await json(d.base, 'POST', `/containers/${c}/start`)
      const ex = idOf(
        await json(d.base, 'POST', `/containers/${c}/exec`, {
          AttachStdin: true,
          AttachStdout: true,
          Cmd: ['sh'],
        }),
      )
      const body = JSON.stringify({ Detach: false })
      const s = rawSocket(
        d.port,
        `POST /exec/${ex}/start HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      )
      s.resume()
      const sent = await pump(s, LINES, 12 * MB, 30_000)
      s.destroy()
      return `${(sent / MB).toFixed(1)} MB sent`
    },
  ],
  [
    'five /events followers never read, 10 s of create/start/rm',
    async (d) => {
      const followers = Array.from({ length: 5 }, () =>
        rawSocket(d.port, 'GET /events HTTP/1.1\r\nHost: x\r\n\r\n'),
      )
      const label = 'x'.repeat(64 * 1024)
      let cycles = 0
      for (const until = Date.now() + 10_000; Date.now() < until; cycles++) {
        const c = idOf(
          await json(d.base, 'POST', '/containers/create', {
            Image: 'busybox',
            Cmd: ['true'],
            Labels: { big: label },
          }),
        )
        await json(d.base, 'POST', `/containers/${c}/start`)
        await json(d.base, 'DELETE', `/containers/${c}?force=1`)
      }
      for (const s of followers) s.destroy()
      return `${cycles} cycles`
    },
  ],
]

export async function runAbuseBench(): Promise<AttackResult[]> {
  const results: AttackResult[] = []
  for (const [attack, run, prepare] of attacks) {
    prepare?.()
    const d = await startDaemon()
    try {
      await sleep(500)
      const before = d.rssMb()
      const ping = pinger(d.base)
      const started = performance.now()
      const detail = await run(d)
      const ms = performance.now() - started
      await sleep(500)
      const latencies = (await ping.stop()).sort((a, b) => a - b)
      results.push({
        attack,
        detail,
        ms,
        rssGrowthMb: d.rssMb() - before,
        pingMedianMs: latencies[latencies.length >> 1] ?? 0,
        pingMaxMs: latencies[latencies.length - 1] ?? 0,
      })
    } finally {
      await stopDaemon(d)
    }
  }
  const dir = join(ROOT, 'bench/results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'abuse.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log(
    [
      '',
      '## The daemon under abuse (fresh daemon per attack, /_ping every 100 ms alongside)',
      '',
      '| attack | result | time | RSS growth | /_ping median | /_ping max |',
      '|---|---|---:|---:|---:|---:|',
      ...results.map(
        (r) =>
          `| ${r.attack} | ${r.detail} | ${(r.ms / 1000).toFixed(2)} s | ${r.rssGrowthMb.toFixed(0)} MB | ${r.pingMedianMs.toFixed(0)} ms | ${r.pingMaxMs.toFixed(0)} ms |`,
      ),
      '',
    ].join('\n'),
  )
  return results
}

if (import.meta.url === `file://${process.argv[1]}`) await runAbuseBench()
