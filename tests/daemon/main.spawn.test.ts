import { type ChildProcess, spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'

/** `npm run daemon` is `tsx src/server/main.ts`; run it as node --import tsx so signals reach it directly. */
function runMain(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

function collect(child: ChildProcess): {
  out: () => string
  err: () => string
  exit: Promise<number | null>
} {
  let out = ''
  let err = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString()
  })
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { out: () => out, err: () => err, exit }
}

async function waitFor(predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

describe('npm run daemon (src/server/main.ts)', () => {
  it('--help prints usage and exits 0', async () => {
    const run = collect(runMain(['--help']))
    expect(await run.exit).toBe(0)
    expect(run.out()).toContain('Usage: npm run daemon -- [options]')
    expect(run.out()).toContain('--docker-version')
  }, 20_000)

  it('rejects a bad flag with a message and exit code 2', async () => {
    const run = collect(runMain(['--port', 'nope']))
    expect(await run.exit).toBe(2)
    expect(run.err()).toContain('daemon: invalid --port: nope')
  }, 20_000)

  it('serves, logs each request, and exits 0 on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const child = runMain(['--port', '0', '--docker-version', '1.12.6'])
      const run = collect(child)
      await waitFor(() => /listening on (http:\/\/\S+)/.test(run.out()))
      const url = /listening on (http:\/\/\S+)/.exec(run.out())?.[1] ?? ''
      const response = await fetch(`${url}/_ping`)
      expect(await response.text()).toBe('OK')
      await waitFor(() => run.out().includes('GET /_ping 200 '))
      child.kill(signal)
      expect(await run.exit).toBe(0)
    }
  }, 40_000)

  it('--quiet logs no requests', async () => {
    const child = runMain(['--port', '0', '--quiet'])
    const run = collect(child)
    await waitFor(() => /listening on (http:\/\/\S+)/.test(run.out()))
    const url = /listening on (http:\/\/\S+)/.exec(run.out())?.[1] ?? ''
    await (await fetch(`${url}/version`)).text()
    child.kill('SIGTERM')
    expect(await run.exit).toBe(0)
    expect(run.out()).not.toContain('GET /version')
  }, 20_000)
})
