import { afterEach, describe, expect, it } from 'vitest'
import { createDaemon, type SimulatedDaemon } from '../daemon.ts'
import { Prng } from '../ids/prng.ts'
import { DAEMON_STDIN_HEADER, type DaemonResponse, type StdinSession } from '../types.ts'
import { listCache } from './containers/list-cache.ts'

/**
 * GET /containers/json serves cached, pre-serialised entries (api/containers/list-cache.ts). Here random
 * sequences of every kind of write, with a clock that moves (timed exits, restart back-offs,
 * "Up 2 minutes"), check after each step that the cached list is byte for byte the list built
 * from scratch, as it was before the cache.
 */

const enc = new TextEncoder()
const dec = new TextDecoder()

async function text(res: DaemonResponse): Promise<string> {
  const b = res.body
  if (b === null) return ''
  if (typeof b === 'string') return b
  if (b instanceof Uint8Array) return dec.decode(b)
  let out = ''
  // Streams (pull progress, attach) are drained so their side effects happen.
  for await (const chunk of b) out += dec.decode(chunk)
  return out
}

let daemons: SimulatedDaemon[] = []
afterEach(() => {
  listCache.enabled = true
  for (const d of daemons) d.dispose()
  daemons = []
})

const LISTS = [
  '/containers/json',
  '/containers/json?all=1',
  '/containers/json?all=1&size=1',
  '/v1.24/containers/json?all=1&filters=%7B%22status%22%3A%5B%22running%22%5D%7D',
  '/containers/json?limit=3',
]

const COMMANDS = [
  ['top'],
  ['sleep', '5'],
  ['sh', '-c', 'exit 3'],
  ['echo', 'a <b> & c'],
  ['false'],
  ['nginx', '-g', 'daemon off;'],
]

describe('list cache', () => {
  it('keeps a whole list only while no Status text changes', async () => {
    let now = Date.parse('2017-01-14T12:00:00Z')
    const d = createDaemon({ clock: () => new Date(now) })
    daemons.push(d)
    const call = async (method: string, path: string, query = '', body?: unknown) =>
      text(
        await d.handle({
          method,
          path,
          query: new URLSearchParams(query),
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body: body === undefined ? null : enc.encode(JSON.stringify(body)),
        }),
      )
    // Started (and stopped) at different times, so their texts change at different moments.
    for (const [i, offset] of [0, 400, 59_500, 3_599_000, 7_000].entries()) {
      now += offset
      await call('POST', '/containers/create', `name=t${i}`, { Image: 'busybox', Cmd: ['top'] })
      await call('POST', `/containers/t${i}/start`)
      if (i % 2 === 1) await call('POST', `/containers/t${i}/stop`, 't=0')
    }
    const steps = [1, 1, 98, 400, 499, 1, 1, 57_000, 1_500, 1, 60_000, 3_540_000, 1, 3_600_000]
    for (const [i, step] of [...steps, ...steps.map((x) => x * 7)].entries()) {
      now += step
      const cached = await call('GET', '/containers/json', 'all=1')
      listCache.enabled = false
      const fresh = await call('GET', '/containers/json', 'all=1')
      listCache.enabled = true
      expect(cached, `step ${i}`).toBe(fresh)
    }
  })

  it('sees a container whose interactive shell exits on its own, outside any request', async () => {
    let now = Date.parse('2017-01-14T12:00:00Z')
    const d = createDaemon({ clock: () => new Date(now) })
    daemons.push(d)
    const request = (method: string, path: string, query = '', body?: unknown) =>
      d.handle({
        method,
        path,
        query: new URLSearchParams(query),
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : enc.encode(JSON.stringify(body)),
      })
    const list = async () => text(await request('GET', '/containers/json', 'all=1'))
    await request('POST', '/containers/create', 'name=box', {
      Image: 'busybox',
      Cmd: ['sh'],
      Tty: true,
      OpenStdin: true,
      AttachStdin: true,
    })
    const attached = await request('POST', '/containers/box/attach', 'stdin=1&stdout=1&stream=1')
    const stdin = d.stdin(attached.headers[DAEMON_STDIN_HEADER] ?? '')
    expect(stdin).toBeDefined()
    await request('POST', '/containers/box/start')
    now += 2_000
    expect(await list()).toContain('"Status":"Up 2 seconds"')
    // Typed into the terminal: the shell exits by itself; no request in between.
    stdin?.write('exit 3\r')
    const cached = await list()
    listCache.enabled = false
    const fresh = await list()
    expect(cached).toBe(fresh)
    expect(cached).toContain('"Status":"Exited (3) Less than a second ago"')
  })

  for (const seed of [1, 2, 3, 4]) {
    it(`matches the uncached list after every step (seed ${seed})`, async () => {
      let now = Date.parse('2017-01-14T12:00:00Z')
      const d = createDaemon({ clock: () => new Date(now) })
      daemons.push(d)
      const prng = new Prng(seed)
      const pick = <T>(xs: readonly T[]): T => xs[prng.next() % xs.length] as T
      const names: string[] = []
      const call = async (method: string, target: string, body?: unknown) => {
        const [path = '', query = ''] = target.split('?')
        const res = await d.handle({
          method,
          path,
          query: new URLSearchParams(query),
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body: body === undefined ? null : enc.encode(JSON.stringify(body)),
        })
        return { status: res.status, text: await text(res) }
      }
      const someName = () => (names.length === 0 ? 'nosuch' : pick(names))
      /** Stdin of interactive shells (attach with stdin=1), typed into between requests. */
      const sessions: StdinSession[] = []
      const steps: Array<() => Promise<unknown>> = [
        async () => {
          const name = `c${prng.next() % 1000}`
          const ports = prng.next() % 2 === 0
          const res = await call('POST', `/containers/create?name=${name}`, {
            Image: pick(['busybox', 'nginx', 'alpine:latest', 'busybox:latest']),
            Cmd: pick(COMMANDS),
            Labels: prng.next() % 2 === 0 ? { tier: 'web&<db>' } : {},
            ...(ports ? { ExposedPorts: { '80/tcp': {} } } : {}),
            HostConfig: {
              ...(ports ? { PortBindings: { '80/tcp': [{ HostPort: '8080' }] } } : {}),
              ...(prng.next() % 3 === 0 ? { RestartPolicy: { Name: 'always' } } : {}),
              ...(prng.next() % 4 === 0 ? { Binds: ['/data:/data:ro'] } : {}),
              ...(prng.next() % 5 === 0 && names.length > 0
                ? { Links: [`${someName()}:alias`] }
                : {}),
            },
          })
          if (res.status === 201) names.push(name)
        },
        () => call('POST', `/containers/${someName()}/start`),
        () => call('POST', `/containers/${someName()}/stop?t=0`),
        () => call('POST', `/containers/${someName()}/kill`),
        () => call('POST', `/containers/${someName()}/pause`),
        () => call('POST', `/containers/${someName()}/unpause`),
        () => call('POST', `/containers/${someName()}/restart?t=0`),
        () => call('POST', `/containers/${someName()}/resize?h=10&w=20`),
        () => call('POST', `/containers/${someName()}/update`, { RestartPolicy: { Name: 'no' } }),
        async () => {
          const from = someName()
          const to = `r${prng.next() % 1000}`
          const res = await call('POST', `/containers/${from}/rename?name=${to}`)
          if (res.status === 204) names[names.indexOf(from)] = to
        },
        () => call('DELETE', `/containers/${someName()}?force=1`),
        () => call('DELETE', `/containers/${someName()}/alias?link=1`),
        async () => {
          const res = await call('POST', `/containers/${someName()}/exec`, {
            Cmd: ['touch', '/tmp/x'],
          })
          if (res.status === 201) {
            const { Id } = JSON.parse(res.text) as { Id: string }
            await call('POST', `/exec/${Id}/start`, { Detach: true })
          }
        },
        () => call('POST', '/networks/create', { Name: `n${prng.next() % 3}` }),
        () => call('POST', `/networks/n${prng.next() % 3}/connect`, { Container: someName() }),
        () => call('POST', `/networks/n${prng.next() % 3}/disconnect`, { Container: someName() }),
        () => call('POST', '/images/busybox/tag?repo=nginx&tag=latest&force=1'),
        () => call('POST', '/images/create?fromImage=nginx&tag=latest'),
        () => call('DELETE', '/images/alpine?force=1'),
        () => call('POST', `/commit?container=${someName()}&repo=snap`),
        async () => {
          now += pick([1, 30, 200, 999, 1_000, 5_000, 59_000, 61_000, 3_600_000, 86_400_000])
        },
        async () => {
          // An interactive shell (TTY or a plain pipe), attached before it starts.
          const name = `i${prng.next() % 1000}`
          const res = await call('POST', `/containers/create?name=${name}`, {
            Image: 'busybox',
            Cmd: ['sh'],
            Tty: prng.next() % 2 === 0,
            OpenStdin: true,
            AttachStdin: true,
            HostConfig: prng.next() % 3 === 0 ? { RestartPolicy: { Name: 'always' } } : {},
          })
          if (res.status !== 201) return
          names.push(name)
          const attached = await d.handle({
            method: 'POST',
            path: `/containers/${name}/attach`,
            query: new URLSearchParams('stdin=1&stdout=1&stream=1'),
            headers: {},
            body: null,
          })
          const stdin = d.stdin(attached.headers[DAEMON_STDIN_HEADER] ?? '')
          if (stdin !== undefined) sessions.push(stdin)
          if (prng.next() % 2 === 0) await call('POST', `/containers/${name}/start`)
        },
        async () => {
          // Typed between requests: exits now, after a sleep on the clock, or at end of input.
          if (sessions.length === 0) return
          pick(sessions).write(
            pick(['exit 3\r', 'echo hi\r', 'sleep 2; exit 4\r', 'true\r', '\x04', 'exit 3\n']),
          )
        },
      ]
      for (let i = 0; i < 400; i++) {
        await pick(steps)()
        for (const path of LISTS) {
          listCache.enabled = true
          const cached = await call('GET', path)
          listCache.enabled = false
          const fresh = await call('GET', path)
          listCache.enabled = true
          expect(cached, `step ${i}, ${path}`).toEqual(fresh)
        }
      }
      // The sequence did reach the interesting states.
      const all = JSON.parse((await call('GET', '/containers/json?all=1')).text) as unknown[]
      expect(all.length).toBeGreaterThan(0)
    })
  }
})
