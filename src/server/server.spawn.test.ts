import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { controlledStream, createFakeDaemon } from '../../tests/daemon/fake-daemon.ts'
import { type DaemonServer, formatLogLine, startDaemonServer } from './server.ts'

let server: DaemonServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('startDaemonServer (transport only, fake daemon)', () => {
  it('listens on an ephemeral loopback port and forwards to the daemon', async () => {
    const daemon = createFakeDaemon()
    const lines: string[] = []
    server = await startDaemonServer({ port: 0, daemon, log: (line) => lines.push(line) })
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const response = await fetch(`${server.url}/v1.24/_ping?x=1`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('OK')
    expect(daemon.requests[0]?.path).toBe('/v1.24/_ping')
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(lines[0]).toMatch(/^GET \/v1\.24\/_ping\?x=1 200 \d+\.\dms$/)
  })

  it('passes POST bodies and headers', async () => {
    const daemon = createFakeDaemon(() => ({ status: 204, headers: {}, body: null }))
    server = await startDaemonServer({ port: 0, daemon, log: null })
    const response = await fetch(`${server.url}/containers/abc/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(response.status).toBe(204)
    expect(daemon.requests[0]?.headers['content-type']).toBe('application/json')
    expect(new TextDecoder().decode(daemon.requests[0]?.body ?? undefined)).toBe('{}')
  })

  it('flushes stream chunks as they are produced and closes followers on close()', async () => {
    const source = controlledStream()
    const daemon = createFakeDaemon(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: source.iterable,
    }))
    const current = await startDaemonServer({ port: 0, daemon, log: null })
    const response = await fetch(`${current.url}/events`)
    expect(response.headers.get('transfer-encoding')).toBe('chunked')
    const reader = response.body?.getReader()
    source.push('{"status":"create"}\n')
    expect(new TextDecoder().decode((await reader?.read())?.value)).toBe('{"status":"create"}\n')
    source.push('{"status":"start"}\n')
    expect(new TextDecoder().decode((await reader?.read())?.value)).toBe('{"status":"start"}\n')
    await current.close()
    // The follower gets a proper end of the chunked body, not a reset.
    await expect(reader?.read()).resolves.toEqual({ done: true, value: undefined })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(source.returned).toBe(true)
  })

  it('answers a throwing daemon with a JSON 500 and keeps serving', async () => {
    let calls = 0
    const daemon = createFakeDaemon(() => {
      calls++
      if (calls === 1) throw new Error('boom')
      return { status: 200, headers: {}, body: 'OK' }
    })
    server = await startDaemonServer({ port: 0, daemon, log: null })
    const first = await fetch(`${server.url}/_ping`)
    expect(first.status).toBe(500)
    expect(await first.json()).toEqual({ message: 'boom' })
    expect((await fetch(`${server.url}/_ping`)).status).toBe(200)
  })

  it('reuses keep-alive connections', async () => {
    const daemon = createFakeDaemon()
    server = await startDaemonServer({ port: 0, daemon, log: null })
    const { Agent } = await import('node:http')
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const ports = new Set<number>()
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest(`${server?.url}/_ping`, { agent }, (res) => {
          ports.add(res.socket.localPort ?? -1)
          res.resume()
          res.on('end', resolve)
        })
        req.on('error', reject)
        req.end()
      })
    }
    agent.destroy()
    expect(ports.size).toBe(1)
  })

  it('HEAD gets headers and no body', async () => {
    const daemon = createFakeDaemon(() => ({
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: '{"message":"page not found"}\n',
    }))
    server = await startDaemonServer({ port: 0, daemon, log: null })
    const response = await fetch(`${server.url}/_ping`, { method: 'HEAD' })
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.text()).toBe('')
  })
})

describe('startDaemonServer on a Unix socket', () => {
  const get = (socketPath: string, path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ socketPath, path }, (res) => {
        let body = ''
        res.on('data', (chunk) => {
          body += chunk
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      })
      req.on('error', reject)
      req.end()
    })

  it('serves there, replaces a stale socket file, refuses a live one and never a plain file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daemon-sock-'))
    const path = join(dir, 'docker.sock')
    const daemon = createFakeDaemon()
    server = await startDaemonServer({ port: 0, socketPath: path, daemon, log: null })
    expect(server.socketPath).toBe(path)
    expect(await get(path, '/_ping')).toEqual({ status: 200, body: 'OK' })
    // A second server on the same live socket is refused.
    await expect(
      startDaemonServer({ port: 0, socketPath: path, daemon, log: null }),
    ).rejects.toThrow(/in use/)
    // What a killed server leaves: a socket file nobody answers on.
    const killed = `require('node:net').createServer().listen(process.argv[1], () => process.kill(process.pid, 'SIGKILL'))`
    spawnSync(process.execPath, ['-e', killed, join(dir, 'stale.sock')])
    expect(statSync(join(dir, 'stale.sock')).isSocket()).toBe(true)
    const second = await startDaemonServer({
      port: 0,
      socketPath: join(dir, 'stale.sock'),
      daemon,
      log: null,
    })
    expect((await get(join(dir, 'stale.sock'), '/_ping')).status).toBe(200)
    await second.close()
    writeFileSync(join(dir, 'notes.txt'), 'keep me')
    await expect(
      startDaemonServer({ port: 0, socketPath: join(dir, 'notes.txt'), daemon, log: null }),
    ).rejects.toThrow(/not a socket/)
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep me')
    rmSync(dir, { recursive: true, force: true })
  })
})

describe('formatLogLine', () => {
  it('is method, target, status and milliseconds', () => {
    expect(formatLogLine('POST', '/containers/create', 201, 1.234)).toBe(
      'POST /containers/create 201 1.2ms',
    )
  })
})

describe('startDaemonServer: what fetch cannot carry', () => {
  it('passes the raw path when URL parsing would remove dot segments', async () => {
    const daemon = createFakeDaemon()
    server = await startDaemonServer({ port: 0, daemon, log: null })
    await new Promise<void>((resolve, reject) => {
      // An options object: a URL string would be normalised by the client already.
      const req = httpRequest(
        { host: '127.0.0.1', port: server?.port, path: '/containers/../etc/json' },
        (res) => {
          res.resume()
          res.on('end', resolve)
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(daemon.requests[0]?.path).toBe('/containers/../etc/json')
    expect(daemon.requests[0]?.headers['x-daemon-raw-path']).toBeUndefined()
  })

  it('answers a hijack (Upgrade: tcp) with 101 UPGRADED and the raw stream', async () => {
    const daemon = createFakeDaemon(() => ({
      status: 101,
      headers: { 'content-type': 'application/vnd.docker.raw-stream' },
      body: (async function* () {
        yield new TextEncoder().encode('hi\n')
      })(),
    }))
    server = await startDaemonServer({ port: 0, daemon, log: null })
    const { status, headers, text } = await new Promise<{
      status: number
      headers: Record<string, unknown>
      text: string
    }>((resolve, reject) => {
      const req = httpRequest(`${server?.url}/exec/abc/start`, {
        method: 'POST',
        headers: {
          upgrade: 'tcp',
          connection: 'Upgrade',
          'content-type': 'application/json',
          'content-length': '2',
        },
      })
      req.on('upgrade', (res, socket, head) => {
        let text = head.toString()
        socket.on('data', (chunk: Buffer) => {
          text += chunk.toString()
        })
        socket.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }))
      })
      req.on('error', reject)
      req.end('{}')
    })
    expect(status).toBe(101)
    expect(headers['content-type']).toBe('application/vnd.docker.raw-stream')
    expect(headers['x-daemon-status']).toBeUndefined()
    expect(text).toBe('hi\n')
    expect(new TextDecoder().decode(daemon.requests[0]?.body ?? undefined)).toBe('{}')
    expect(daemon.requests[0]?.headers.upgrade).toBe('tcp')
  })

  it('answers a failed hijack with a plain HTTP error and closes', async () => {
    const daemon = createFakeDaemon(() => ({
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: '{"message":"No such exec instance \'abc\' found in daemon"}\n',
    }))
    server = await startDaemonServer({ port: 0, daemon, log: null })
    const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${server?.url}/exec/abc/start`, {
        method: 'POST',
        headers: { upgrade: 'tcp', connection: 'Upgrade', 'content-type': 'application/json' },
      })
      req.on('response', (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString()
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      })
      req.on('error', reject)
      req.end()
    })
    expect(response.status).toBe(404)
    expect(response.body).toContain('No such exec instance')
  })
})
