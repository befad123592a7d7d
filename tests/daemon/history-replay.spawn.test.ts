import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { historyToShell } from '../../src/features/playground/history-script.ts'
import { addToHistory } from '../../src/features/playground/history-store.ts'
import { type Exchange, sendRequest } from '../../src/lib/daemon-client/send-request.ts'
import { toPlaygroundRequest } from '../../src/lib/daemon-client/to-playground-request.ts'
import { type DaemonServer, startDaemonServer } from '../../src/server/server.ts'

/**
 * A trainer's class run, as the playground records it, exported as .sh and replayed by a real
 * shell and curl against `npm run daemon` (over TCP and over a Unix socket): every step must get
 * the status the first daemon gave. The exec start streams while the resizes and the inspect are
 * sent, as a terminal does; before the fix its line came after them (the order requests
 * finished), the second resize got 404, and the script hung on the stream.
 */

const spawned: ChildProcess[] = []
const dir = mkdtempSync(join(tmpdir(), 'history-replay-'))
let first: DaemonServer
let history: Exchange[] = []

afterAll(async () => {
  for (const child of spawned) child.kill('SIGTERM')
  await first?.close()
  rmSync(dir, { recursive: true, force: true })
})

async function startNpmDaemon(args: string[]): Promise<string> {
  const npm = spawn('npm', ['run', 'daemon', '--', ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  spawned.push(npm)
  let out = ''
  const collect = (chunk: Buffer) => {
    out += chunk.toString()
  }
  npm.stdout?.on('data', collect)
  npm.stderr?.on('data', collect)
  const deadline = Date.now() + 30_000
  while (!/listening on (\S+)/.test(out)) {
    if (Date.now() > deadline) throw new Error(`the daemon did not start: ${out}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return /listening on (\S+)/.exec(out)?.[1] ?? ''
}

function runScript(script: string, dockerHost: string) {
  const file = join(dir, `replay-${Math.random().toString(36).slice(2)}.sh`)
  writeFileSync(file, script)
  return new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(
      'sh',
      [file],
      { env: { ...process.env, DOCKER_HOST: dockerHost, STREAM_SECONDS: '4' }, timeout: 60_000 },
      (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
    )
  })
}

const steps = (stdout: string) =>
  [...stdout.matchAll(/^# step (\d+): (\d{3}) \(the browser's daemon answered (\d{3})\)$/gm)].map(
    (m) => ({ step: Number(m[1]), got: m[2], expected: m[3] }),
  )

beforeAll(async () => {
  first = await startDaemonServer({ port: 0, log: null })
  let nextId = 1
  const send = (
    method: string,
    path: string,
    body = '',
    signal: AbortSignal = new AbortController().signal,
  ) =>
    sendRequest(
      first.url,
      toPlaygroundRequest({ method, path, body, contentType: body ? 'application/json' : '' }),
      { id: nextId++, signal },
    ).then((done) => {
      // As the playground does: each exchange enters the history when it finishes.
      history = addToHistory(history, done)
      return done
    })
  const text = (e: Exchange) => new TextDecoder().decode(e.body)

  await send('GET', '/v1.24/version')
  await send(
    'POST',
    '/v1.24/containers/create?name=web',
    '{"Image":"busybox","Cmd":["sh"],"Tty":true,"OpenStdin":true}',
  )
  await send('POST', '/v1.24/containers/web/start')
  await send('GET', '/v1.24/containers/nope/json')
  const exec = await send(
    'POST',
    '/v1.24/containers/web/exec',
    '{"AttachStdin":true,"AttachStdout":true,"AttachStderr":true,"Tty":true,"Cmd":["sh"]}',
  )
  const id = (JSON.parse(text(exec)) as { Id: string }).Id
  // The terminal's exec start: a stream that stays open while the next requests are sent.
  const stop = new AbortController()
  const streaming = send(
    'POST',
    `/v1.24/exec/${id}/start`,
    '{"Detach":false,"Tty":true}',
    stop.signal,
  )
  await new Promise((resolve) => setTimeout(resolve, 200))
  await send('POST', `/v1.24/exec/${id}/resize?h=40&w=80`)
  await send('POST', `/v1.24/exec/${id}/resize?h=30&w=120`)
  await send('GET', `/v1.24/exec/${id}/json`)
  await send('POST', `/v1.24/exec/${id.slice(0, 12)}/resize?h=1&w=1`)
  await send('DELETE', '/v1.24/containers/web')
  stop.abort()
  await streaming
  await send('POST', '/v1.24/containers/web/stop?t=1')
  await send('DELETE', '/v1.24/containers/web')
  await send('GET', '/v1.24/containers/json?all=1')
}, 30_000)

describe('the exported .sh replays a class run', () => {
  it('lists the requests in the order they were sent, not the order they finished', () => {
    const script = historyToShell(history, '1.12.6')
    const order = [...script.matchAll(/^# (\d+)\. (\S+ \S+)/gm)].map((m) => m[2])
    expect(order.slice(5, 8)).toEqual([
      expect.stringMatching(/^POST \/v1\.24\/exec\/[0-9a-f]{64}\/start$/),
      expect.stringMatching(/resize\?h=40&w=80$/),
      expect.stringMatching(/resize\?h=30&w=120$/),
    ])
    // Newest first, as the playground shows it; the exec start sits where it was sent.
    expect(history.map((e) => e.status)).toEqual([
      200, 204, 204, 409, 404, 200, 200, 200, 200, 201, 404, 204, 201, 200,
    ])
  })

  it('gets the same status at every step from npm run daemon over TCP', async () => {
    const url = await startNpmDaemon(['--port', '0', '--quiet'])
    const script = historyToShell(history, '1.12.6', { via: 'tcp', address: '127.0.0.1:2375' })
    const started = Date.now()
    const result = await runScript(script, url.replace('http://', 'tcp://'))
    const got = steps(result.stdout)
    expect(got.map((s) => s.step).sort((a, b) => a - b)).toEqual(history.map((_, i) => i + 1))
    for (const s of got) expect(s.got, `step ${s.step}\n${result.stdout}`).toBe(s.expected)
    expect(result.stdout).toContain('# every step answered as in the browser')
    expect(result.code).toBe(0)
    // The stream was cut after STREAM_SECONDS; nothing waited for ever.
    expect(Date.now() - started).toBeLessThan(30_000)
  }, 60_000)

  it('does the same over a Unix socket', async () => {
    const socket = join(dir, 'docker.sock')
    await startNpmDaemon(['--socket', socket, '--quiet'])
    const script = historyToShell(history, '1.12.6', { via: 'socket', path: socket })
    expect(script).toContain(`DOCKER_HOST="\${DOCKER_HOST:-unix://${socket}}"`)
    const result = await runScript(script, `unix://${socket}`)
    const got = steps(result.stdout)
    expect(got).toHaveLength(history.length)
    expect(got.filter((s) => s.got !== s.expected)).toEqual([])
    expect(result.code).toBe(0)
  }, 60_000)

  it('exits 1 and names the steps that answered differently', async () => {
    const url = await startNpmDaemon(['--port', '0', '--quiet'])
    // "web" already exists on this daemon: the create gets 409, and what follows differs too.
    const taken = await fetch(`${url}/containers/create?name=web`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"Image":"busybox","Cmd":["top"]}',
    })
    expect(taken.status).toBe(201)
    const result = await runScript(
      historyToShell(history, '1.12.6'),
      url.replace('http://', 'tcp://'),
    )
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^# step 2: 409 \(the browser's daemon answered 201\)$/m)
    expect(result.stdout).toMatch(/^# steps answered differently: 2 /m)
  }, 60_000)
})
