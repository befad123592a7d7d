/**
 * Child process of `bench/daemon.ts`: hosts the two servers under test on ephemeral loopback
 * ports, so the load generator (the parent) does not share an event loop with them.
 *
 * - the simulated daemon (`startDaemonServer`: node:http → daemonFetch → daemon.handle),
 *   holding `CONTAINERS` running containers;
 * - a bare node:http server answering each benchmarked path with the very status, headers and
 *   bytes the daemon sent for it (captured once at start-up).
 *
 * Prints one JSON line `{ daemonUrl, bareUrl, paths }` on stdout, then serves until killed.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createDaemon } from '../src/daemon/index.ts'
import { startDaemonServer } from '../src/server/server.ts'

const CONTAINERS = Number(process.env.BENCH_CONTAINERS ?? 100)
const encoder = new TextEncoder()

async function main(): Promise<void> {
  const daemon = createDaemon({ dockerVersion: '1.12.6' })
  let firstId = ''
  for (let i = 0; i < CONTAINERS; i++) {
    const created = await daemon.handle({
      method: 'POST',
      path: '/containers/create',
      query: new URLSearchParams({ name: `bench-${i}` }),
      headers: { 'content-type': 'application/json' },
      body: encoder.encode(JSON.stringify({ Image: 'busybox', Cmd: ['sleep', '3600'], Tty: true })),
    })
    const id = (JSON.parse(String(created.body)) as { Id: string }).Id
    if (i === 0) firstId = id
    const started = await daemon.handle({
      method: 'POST',
      path: `/containers/${id}/start`,
      query: new URLSearchParams(),
      headers: {},
      body: null,
    })
    if (started.status !== 204) throw new Error(`start answered ${started.status}`)
  }
  const daemonServer = await startDaemonServer({ port: 0, daemon, log: null })
  const paths = {
    list: { method: 'GET', path: '/containers/json' },
    resize: { method: 'POST', path: `/containers/${firstId}/resize?h=40&w=80` },
  } as const

  // Capture the daemon's exact answers, so the bare server sends the same bytes.
  const canned = new Map<string, { status: number; headers: [string, string][]; body: Buffer }>()
  for (const { method, path } of Object.values(paths)) {
    const response = await fetch(`${daemonServer.url}${path}`, { method })
    const headers: [string, string][] = []
    response.headers.forEach((value, name) => {
      if (name !== 'date' && name !== 'connection' && name !== 'keep-alive')
        headers.push([name, value])
    })
    canned.set(`${method} ${path}`, {
      status: response.status,
      headers,
      body: Buffer.from(await response.arrayBuffer()),
    })
  }

  const bare = createServer({ noDelay: true }, (req, res) => {
    const answer = canned.get(`${req.method} ${req.url}`)
    req.resume()
    if (answer === undefined) {
      res.statusCode = 404
      res.end()
      return
    }
    res.statusCode = answer.status
    for (const [name, value] of answer.headers) res.setHeader(name, value)
    res.end(answer.body)
  })
  bare.keepAliveTimeout = 30_000
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve))
  const bareAddress = bare.address() as AddressInfo

  process.stdout.write(
    `${JSON.stringify({
      daemonUrl: daemonServer.url,
      bareUrl: `http://127.0.0.1:${bareAddress.port}`,
      paths,
      listBytes: canned.get(`GET ${paths.list.path}`)?.body.byteLength ?? 0,
    })}\n`,
  )
}

void main()

// Exit normally on SIGTERM/SIGINT so `node --cpu-prof` writes its profile.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => process.exit(0))
