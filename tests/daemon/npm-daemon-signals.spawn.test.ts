import { type ChildProcess, spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'

/**
 * `npm run daemon` as a user runs it: npm, the shell npm starts, node. A SIGTERM or SIGINT to
 * the npm process must stop the server (no orphan keeps the port), end /events and log
 * followers with a proper end of stream, and let in-flight requests finish.
 */

const spawned: ChildProcess[] = []
let leftovers: number[] = []
afterEach(() => {
  // Only what this test started: the npm child and the processes found under it.
  for (const pid of leftovers) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  for (const child of spawned) child.kill('SIGKILL')
  spawned.length = 0
  leftovers = []
})

/** Every descendant of `pid`, from /proc. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {
      // exited while listing
    }
  }
  const out: number[] = []
  const walk = (p: number): void => {
    for (const c of children.get(p) ?? []) {
      out.push(c)
      walk(c)
    }
  }
  walk(pid)
  return out
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return true
}

async function startNpmDaemon(): Promise<{ npm: ChildProcess; url: string; output: () => string }> {
  const npm = spawn('npm', ['run', 'daemon', '--', '--port', '0', '--quiet'], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  spawned.push(npm)
  let out = ''
  npm.stdout?.on('data', (c: Buffer) => {
    out += c.toString()
  })
  npm.stderr?.on('data', (c: Buffer) => {
    out += c.toString()
  })
  const up = await waitFor(() => /listening on http:\/\/\S+/.test(out), 30_000)
  if (!up) throw new Error(`the daemon did not start: ${out}`)
  const url = /listening on (http:\/\/\S+)/.exec(out)?.[1] ?? ''
  return { npm, url, output: () => out }
}

/** Reads a streaming body to its end; 'end' for a proper end of stream, else the error. */
async function readToEnd(res: Response): Promise<{ how: string; text: string }> {
  const reader = res.body?.getReader()
  if (reader === undefined) return { how: 'no body', text: '' }
  const decoder = new TextDecoder()
  let text = ''
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read())
      text += decoder.decode(next.value, { stream: true })
    return { how: 'end', text }
  } catch (error) {
    return { how: `error: ${String(error)}`, text }
  }
}

describe('npm run daemon and signals', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} to npm stops the server, ends followers cleanly, leaves no process`, async () => {
      const { npm, url } = await startNpmDaemon()
      const tree = descendants(npm.pid ?? 0)
      leftovers = tree
      expect(tree.length).toBeGreaterThan(0)

      // A running container with a log follower, and an /events follower.
      const create = await fetch(`${url}/containers/create?name=web`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ Image: 'busybox', Cmd: ['top'] }),
      })
      expect(create.status).toBe(201)
      expect((await fetch(`${url}/containers/web/start`, { method: 'POST' })).status).toBe(204)
      const events = await fetch(`${url}/events`)
      const logs = await fetch(`${url}/containers/web/logs?stdout=1&follow=1`)
      expect(events.status).toBe(200)
      expect(logs.status).toBe(200)
      const eventsDone = readToEnd(events)
      const logsDone = readToEnd(logs)

      const exited = new Promise<number | null>((resolve) =>
        npm.on('exit', (code) => resolve(code)),
      )
      npm.kill(signal)

      // Followers get a proper end of the chunked stream, not a reset.
      expect((await eventsDone).how).toBe('end')
      expect((await logsDone).how).toBe('end')
      await exited
      // Nothing npm started is left, and nothing serves the port any more.
      expect(await waitFor(() => tree.every((pid) => !alive(pid)), 10_000)).toBe(true)
      await expect(fetch(`${url}/_ping`)).rejects.toThrow()
    }, 60_000)
  }

  it('npm killed with SIGKILL: the server sees its parent gone and stops', async () => {
    const { npm, url } = await startNpmDaemon()
    const tree = descendants(npm.pid ?? 0)
    leftovers = tree
    const events = await fetch(`${url}/events`)
    const eventsDone = readToEnd(events)
    npm.kill('SIGKILL')
    expect((await eventsDone).how).toBe('end')
    expect(await waitFor(() => tree.every((pid) => !alive(pid)), 10_000)).toBe(true)
  }, 60_000)

  it('an in-flight request finishes during the shutdown', async () => {
    const { npm, url } = await startNpmDaemon()
    leftovers = descendants(npm.pid ?? 0)
    // A 2 MB body sent slowly: the request is in flight when the signal arrives.
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(
          new TextEncoder().encode('{"Image":"busybox","Cmd":["top"],"Labels":{"a":"'),
        )
        await new Promise((resolve) => setTimeout(resolve, 300))
        controller.enqueue(new TextEncoder().encode(`${'x'.repeat(2 * 1024 * 1024)}"}}`))
        controller.close()
      },
    })
    const pending = fetch(`${url}/containers/create?name=slow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit)
    await new Promise((resolve) => setTimeout(resolve, 100))
    npm.kill('SIGTERM')
    const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)))
    const res = await pending
    expect(res.status).toBe(201)
    // …and then the server stops all the same.
    await exited
    expect(await waitFor(() => leftovers.every((pid) => !alive(pid)), 10_000)).toBe(true)
  }, 60_000)
})
