import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sourceFiles } from '../../tests/source-files.ts'
import { createDaemon } from './daemon.ts'

/**
 * All daemon time comes from the injected clock and wake driver (DaemonOptions.clock/.wake), so
 * a daemon with fake ones is deterministic. This scan keeps real timers and wall-clock reads out
 * of src/daemon, and the tests below show the injection drives every timed wake-up.
 */

const ROOT = import.meta.dirname

/** The one place real time enters: the default clock and wake driver. */
const DRIVER = 'engine/real-time.ts'

const REAL_TIME = [
  /\bsetTimeout\s*\(/,
  /\bsetInterval\s*\(/,
  /\bsetImmediate\s*\(/,
  /\bDate\.now\s*\(/,
  /\bnew Date\s*\(\s*\)/,
  /\bperformance\.now\s*\(/,
]

/** The code without comments (so a comment may name setTimeout). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
}

function realTimeUses(text: string): string[] {
  const body = code(text)
  return REAL_TIME.filter((re) => re.test(body)).map((re) => re.source)
}

describe('daemon time', () => {
  it('has no real timer or wall-clock read outside the injected driver', () => {
    const found: string[] = []
    for (const path of sourceFiles(ROOT)) {
      const file = relative(ROOT, path)
      if (file === DRIVER) continue
      for (const use of realTimeUses(readFileSync(path, 'utf8'))) found.push(`${file}: ${use}`)
    }
    expect(found).toEqual([])
  })

  it('the scan sees what it looks for (the driver itself, code in a comment not)', () => {
    expect(realTimeUses(readFileSync(join(ROOT, DRIVER), 'utf8')).sort()).toEqual(
      ['\\bnew Date\\s*\\(\\s*\\)', '\\bsetTimeout\\s*\\('].sort(),
    )
    expect(realTimeUses('const t = setInterval(f, 1000)')).toHaveLength(1)
    expect(realTimeUses('// setInterval(f, 1000)\n/* Date.now() */ const x = 1')).toEqual([])
  })

  it('runs timed wake-ups only through the injected driver, on the injected clock', async () => {
    let now = Date.parse('2017-01-14T12:00:00Z')
    const wakes: Array<{ delayMs: number; wake: () => void; cancelled: boolean }> = []
    const d = createDaemon({
      clock: () => new Date(now),
      wake: (delayMs, wake) => {
        const w = { delayMs, wake, cancelled: false }
        wakes.push(w)
        return () => {
          w.cancelled = true
        }
      },
    })
    const call = (method: string, path: string, body?: unknown) =>
      d.handle({
        method,
        path,
        query: new URLSearchParams(path.includes('create') ? 'name=sleeper' : ''),
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : new TextEncoder().encode(JSON.stringify(body)),
      })
    await call('POST', '/containers/create', { Image: 'busybox', Cmd: ['sleep', '5'] })
    await call('POST', '/containers/sleeper/start')
    const armed = wakes.filter((w) => !w.cancelled)
    expect(armed.map((w) => w.delayMs)).toEqual([5000])
    const container = () => [...d.state.containers.values()][0]
    // The driver fires before the clock got there: nothing ends.
    now += 4999
    armed[0]?.wake()
    expect(container()?.state.status).toBe('running')
    // At 5 s by the daemon clock the process exits, with no request in between.
    now += 1
    armed[0]?.wake()
    expect(container()?.state).toMatchObject({ status: 'exited', exitCode: 0 })
    expect(container()?.state.finishedAt).toBe('2017-01-14T12:00:05Z')
    d.dispose()
  })

  it('samples stats once per second of daemon time, however fast real time goes', async () => {
    let now = Date.parse('2017-01-14T12:00:00Z')
    const d = createDaemon({ clock: () => new Date(now), wake: () => () => {} })
    const call = async (method: string, path: string, query = '', body?: unknown) =>
      d.handle({
        method,
        path,
        query: new URLSearchParams(query),
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : new TextEncoder().encode(JSON.stringify(body)),
      })
    await call('POST', '/containers/create', 'name=top', { Image: 'busybox', Cmd: ['top'] })
    await call('POST', '/containers/top/start')
    const res = await call('GET', '/containers/top/stats')
    const body = res.body as AsyncIterable<Uint8Array>
    const it = body[Symbol.asyncIterator]()
    const pending = Symbol('pending')
    /** The next sample if one is there, without waiting for real time. */
    let waiting: Promise<IteratorResult<Uint8Array>> | null = null
    const next = async () => {
      waiting ??= it.next()
      const got = await Promise.race([
        waiting,
        new Promise<typeof pending>((resolve) => setTimeout(() => resolve(pending), 5)),
      ])
      if (got === pending) return pending
      waiting = null
      return JSON.parse(new TextDecoder().decode(got.value))
    }
    expect(await next()).toMatchObject({ read: '2017-01-14T12:00:00Z' })
    // Real time passes, daemon time does not: no sample.
    expect(await next()).toBe(pending)
    // Three and a half seconds of daemon time (a request runs what is due): three samples.
    now += 3500
    await call('GET', '/_ping')
    for (let i = 0; i < 3; i++) expect(await next()).toHaveProperty('read')
    expect(await next()).toBe(pending)
    await it.return?.()
    d.dispose()
  })
})
