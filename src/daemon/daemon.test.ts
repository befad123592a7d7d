import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { collect } from '../scenarios/run.ts'
import { jsonRequest, readText } from '../scenarios/test-client.ts'
import { handlers } from './api/handlers.ts'
import { routes } from './api/routes.ts'
import { createDaemon, type SimulatedDaemon } from './daemon.ts'
import type { DaemonResponse } from './types.ts'
import { demux } from './wire/stdcopy.ts'

const dec = new TextDecoder()

const text = (res: DaemonResponse) => readText(res.body)

let now = Date.parse('2017-01-14T12:00:00Z')
let daemons: SimulatedDaemon[] = []
function daemon(opts: Parameters<typeof createDaemon>[0] = {}): SimulatedDaemon {
  now = Date.parse('2017-01-14T12:00:00Z')
  const d = createDaemon({ clock: () => new Date(now), ...opts })
  daemons.push(d)
  return d
}
afterEach(() => {
  for (const d of daemons) d.dispose()
  daemons = []
})

async function call(d: SimulatedDaemon, method: string, path: string, body?: unknown) {
  const res = await d.handle(jsonRequest(method, path, body))
  return { status: res.status, headers: res.headers, text: await text(res) }
}

describe('routing table', () => {
  it('has the 78 documented endpoints plus the pre-1.24 copy route', () => {
    expect(routes.filter((r) => r.documented)).toHaveLength(78)
    expect(new Set(routes.map((r) => `${r.method} ${r.path}`)).size).toBe(routes.length)
    expect(routes.find((r) => r.id === 'ContainerCopy')?.documented).toBe(false)
  })

  it('every registered route has a handler; plugin routes are not registered', () => {
    for (const r of routes) expect(handlers.has(r.id), r.id).toBe(r.registered)
  })

  it('routes every documented endpoint (nothing answers "not implemented")', async () => {
    const d = daemon()
    for (const r of routes) {
      const path = r.path.replace('{id}', 'x1').replace('{name}', 'x1')
      const res = await d.handle(jsonRequest(r.method, path))
      await text(res)
      const expected404 = !r.registered
      if (expected404) expect(res.status, r.id).toBe(404)
      expect(String(res.body ?? '')).not.toMatch(/not implemented/i)
    }
  })
})

describe('container state machine', () => {
  it('create → start → pause → unpause → stop → start → kill → remove', async () => {
    const d = daemon()
    const { text: created } = await call(d, 'POST', '/containers/create?name=web', {
      Image: 'busybox',
      Cmd: ['top'],
    })
    const id = JSON.parse(created).Id as string
    const status = () => d.state.containers.get(id)?.state.status
    expect(status()).toBe('created')
    expect((await call(d, 'POST', '/containers/web/start')).status).toBe(204)
    expect(status()).toBe('running')
    expect(d.state.containers.get(id)?.state.pid).toBeGreaterThan(0)
    expect((await call(d, 'POST', '/containers/web/pause')).status).toBe(204)
    expect(status()).toBe('paused')
    expect((await call(d, 'POST', '/containers/web/unpause')).status).toBe(204)
    expect((await call(d, 'POST', '/containers/web/stop')).status).toBe(204)
    expect(status()).toBe('exited')
    expect(d.state.containers.get(id)?.state.exitCode).toBe(143)
    expect((await call(d, 'POST', '/containers/web/start')).status).toBe(204)
    expect((await call(d, 'POST', '/containers/web/kill')).status).toBe(204)
    expect(d.state.containers.get(id)?.state.exitCode).toBe(137)
    expect((await call(d, 'DELETE', '/containers/web')).status).toBe(204)
    expect(d.state.containers.has(id)).toBe(false)
    expect(d.state.names.has('/web')).toBe(false)
  })

  it('a PID 1 shell ignores SIGTERM, so stop ends with SIGKILL (137)', async () => {
    const d = daemon()
    await call(d, 'POST', '/containers/create?name=sh1', {
      Image: 'busybox',
      Cmd: ['sh'],
      OpenStdin: true,
      Tty: true,
    })
    await call(d, 'POST', '/containers/sh1/start')
    await call(d, 'POST', '/containers/sh1/stop')
    expect([...d.state.containers.values()][0]?.state.exitCode).toBe(137)
  })

  it('wait blocks until the container stops', async () => {
    const d = daemon()
    await call(d, 'POST', '/containers/create?name=web', { Image: 'busybox', Cmd: ['top'] })
    await call(d, 'POST', '/containers/web/start')
    let done = false
    const waiting = call(d, 'POST', '/containers/web/wait').then((r) => {
      done = true
      return r
    })
    await new Promise((r) => setTimeout(r, 10))
    expect(done).toBe(false)
    await call(d, 'POST', '/containers/web/kill?signal=TERM')
    const r = await waiting
    expect(r.text).toBe('{"StatusCode":143}\n')
  })

  it('sleep N ends by the injected clock', async () => {
    const d = daemon()
    await call(d, 'POST', '/containers/create?name=nap', { Image: 'busybox', Cmd: ['sleep', '5'] })
    await call(d, 'POST', '/containers/nap/start')
    now += 4000
    expect(JSON.parse((await call(d, 'GET', '/containers/nap/json')).text).State.Running).toBe(true)
    now += 2000
    const st = JSON.parse((await call(d, 'GET', '/containers/nap/json')).text).State
    expect(st).toMatchObject({ Running: false, Status: 'exited', ExitCode: 0 })
  })

  it('a restart policy restarts a crashing container with a doubling back-off', async () => {
    const d = daemon()
    await call(d, 'POST', '/containers/create?name=flaky', {
      Image: 'busybox',
      Cmd: ['sh', '-c', 'exit 2'],
      HostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 } },
    })
    await call(d, 'POST', '/containers/flaky/start')
    const c = [...d.state.containers.values()][0]
    expect(c?.state).toMatchObject({ status: 'restarting', exitCode: 2 })
    expect(c?.restartCount).toBe(1)
    now += 100
    await call(d, 'GET', '/_ping')
    expect(c?.state.status).toBe('restarting')
    expect(c?.restartCount).toBe(2)
    expect(c?.restartDelayMs).toBe(200)
    now += 200
    await call(d, 'GET', '/_ping')
    // MaximumRetryCount reached: it stays exited.
    expect(c?.state).toMatchObject({ status: 'exited', exitCode: 2 })
    expect((await call(d, 'POST', '/containers/flaky/wait')).text).toBe('{"StatusCode":2}\n')
  })

  it('list Status uses go-units HumanDuration', async () => {
    const d = daemon()
    await call(d, 'POST', '/containers/create?name=web', { Image: 'busybox', Cmd: ['top'] })
    await call(d, 'POST', '/containers/web/start')
    now += 5 * 60_000
    expect(JSON.parse((await call(d, 'GET', '/containers/json')).text)[0].Status).toBe(
      'Up 5 minutes',
    )
  })

  it('resize records a resize event with height and width', async () => {
    const d = daemon()
    await call(d, 'POST', '/containers/create?name=web', { Image: 'busybox', Cmd: ['top'] })
    await call(d, 'POST', '/containers/web/start')
    await call(d, 'POST', '/containers/web/resize?h=24&w=80')
    const e = d.state.events.at(-1)
    expect(e).toMatchObject({
      Type: 'container',
      Action: 'resize',
      Actor: { Attributes: { height: '24', width: '80', name: 'web' } },
    })
  })

  it('logs: tail, timestamps, stderr', async () => {
    const d = daemon()
    await call(d, 'POST', '/containers/create?name=xx', {
      Image: 'busybox',
      Cmd: ['sh', '-c', 'echo a; echo b; ls /nope; nosuchcmd'],
    })
    await call(d, 'POST', '/containers/xx/start')
    const all = await d.handle(jsonRequest('GET', '/containers/xx/logs?stdout=1&stderr=1'))
    const frames = demux(await collect(all.body as AsyncIterable<Uint8Array>)).frames
    expect(frames.map((f) => [f.stream, dec.decode(f.payload)])).toEqual([
      [1, 'a\nb\n'],
      [2, 'ls: /nope: No such file or directory\nsh: nosuchcmd: not found\n'],
    ])
    const ts = await call(d, 'GET', '/containers/xx/logs?stderr=1&timestamps=1')
    expect(ts.text).toContain('2017-01-14T12:00:00.000000000Z sh: nosuchcmd: not found')
  })

  it('logs follow streams new output until the container stops', async () => {
    const d = daemon()
    // A silent server: `top` on a TTY paints its screen into the logs at once.
    await call(d, 'POST', '/containers/create?name=web', {
      Image: 'nginx',
      Cmd: ['nginx'],
      Tty: true,
    })
    await call(d, 'POST', '/containers/web/start')
    const res = await d.handle(jsonRequest('GET', '/containers/web/logs?stdout=1&follow=1'))
    const it = (res.body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
    const c = [...d.state.containers.values()][0]
    expect(c).toBeDefined()
    const pending = it.next()
    await call(d, 'POST', '/containers/web/stop')
    const first = await pending
    expect(first.done).toBe(true)
  })

  it('events: past ones only with since/until; since=0 replays the buffer', async () => {
    const d = daemon()
    await call(d, 'POST', '/containers/create?name=web', { Image: 'busybox', Cmd: ['top'] })
    const past = await call(d, 'GET', `/events?since=0&until=${now / 1000 + 1}`)
    expect(
      past.text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).Action),
    ).toEqual(['create'])
    const filtered = await call(
      d,
      'GET',
      `/events?since=0&until=${now / 1000 + 1}&filters=${encodeURIComponent('{"event":["start"]}')}`,
    )
    expect(filtered.text).toBe('')
  })

  it('events stream live until the client goes away', async () => {
    const d = daemon()
    const res = await d.handle(jsonRequest('GET', '/events'))
    const it = (res.body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
    const next = it.next()
    await call(d, 'POST', '/containers/create?name=web', { Image: 'busybox', Cmd: ['top'] })
    const ev = JSON.parse(dec.decode((await next).value))
    expect(ev).toMatchObject({
      status: 'create',
      Type: 'container',
      Action: 'create',
      from: 'busybox',
      Actor: { Attributes: { name: 'web' } },
    })
    expect(Object.keys(ev)).toEqual([
      'status',
      'id',
      'from',
      'Type',
      'Action',
      'Actor',
      'time',
      'timeNano',
    ])
    await it.return?.()
  })
})

describe('snapshots', () => {
  it('round-trip the state', async () => {
    const d = daemon()
    await call(d, 'POST', '/containers/create?name=web', { Image: 'nginx' })
    await call(d, 'POST', '/containers/web/start')
    await call(d, 'POST', '/volumes/create', { Name: 'data' })
    const json = d.snapshot()
    const d2 = daemon({ snapshot: json })
    expect((await call(d2, 'GET', '/containers/web/json')).text).toBe(
      (await call(d, 'GET', '/containers/web/json')).text,
    )
    expect(d2.snapshot()).toBe(json)
    // New ids continue the sequence instead of colliding.
    const a = JSON.parse(
      (await call(d, 'POST', '/containers/create', { Image: 'busybox' })).text,
    ).Id
    const b = JSON.parse(
      (await call(d2, 'POST', '/containers/create', { Image: 'busybox' })).text,
    ).Id
    expect(a).toBe(b)
  })

  it('round-trip after docker load, a service update and a swarm leave', async () => {
    const d = daemon()
    // Save busybox, untag it, and load it back (a manifest archive).
    const saved = await d.handle(jsonRequest('GET', '/images/get?names=busybox'))
    const archive = saved.body instanceof Uint8Array ? saved.body : new Uint8Array()
    await call(d, 'DELETE', '/images/busybox:latest')
    const loaded = await d.handle({ ...jsonRequest('POST', '/images/load'), body: archive })
    expect(loaded.status).toBe(200)
    expect(await text(loaded)).toBe('Loaded image: busybox:latest\n')
    expect((await call(d, 'GET', '/images/busybox/json')).status).toBe(200)
    // A failed load (1.12.6: no manifest.json and no repositories) changes nothing.
    const empty = await d.handle({
      ...jsonRequest('POST', '/images/load'),
      body: new Uint8Array(1024),
    })
    expect(empty.status).toBe(500)
    expect(await text(empty)).toBe('{"message":"invalid argument"}\n')
    await call(d, 'POST', '/swarm/init', { ListenAddr: '0.0.0.0:2377' })
    const svc = { Name: 'web', TaskTemplate: { ContainerSpec: { Image: 'nginx' } } }
    expect((await call(d, 'POST', '/services/create', svc)).status).toBe(201)
    const upd = await call(d, 'POST', '/services/web/update?version=12', {
      ...svc,
      Networks: [{ Target: 'bridge' }],
    })
    expect(upd.status).toBe(403)
    expect((await call(d, 'POST', '/swarm/leave')).status).toBe(500)
    const json = d.snapshot()
    const d2 = daemon({ snapshot: json })
    expect(d2.snapshot()).toBe(json)
    for (const path of ['/images/json', '/images/busybox/json', '/services', '/info'])
      expect((await call(d2, 'GET', path)).text, path).toBe((await call(d, 'GET', path)).text)
    expect((await call(d2, 'POST', '/swarm/leave?force=1')).status).toBe(200)
    d.restore(d2.snapshot())
    expect(d.snapshot()).toBe(d2.snapshot())
  })

  it('malformed snapshots are rejected and change nothing', async () => {
    const d = daemon()
    await call(d, 'POST', '/containers/create?name=web', { Image: 'busybox' })
    const before = d.snapshot()
    for (const bad of [
      '',
      '{',
      '[]',
      '{"format":"x"}',
      before.replace('"containers":[', '"containers":[42,'),
      before.replace(/"names":\[.*?\]\]/, '"names":[[1]]'),
    ]) {
      expect(() => d.restore(bad)).toThrow(Error)
      expect(d.snapshot()).toBe(before)
    }
  })

  it('reset brings back the seeded images only', async () => {
    const d = daemon()
    await call(d, 'POST', '/containers/create?name=web', { Image: 'busybox' })
    d.reset()
    expect(d.state.containers.size).toBe(0)
    expect([...d.state.images.values()].flatMap((i) => i.repoTags).sort()).toEqual([
      'alpine:latest',
      'busybox:latest',
      'nginx:latest',
    ])
    expect(createDaemon({ seed: false }).state.images.size).toBe(0)
  })
})

describe('hostile input', () => {
  it('__proto__, <script> and ../ are just names or bad requests', async () => {
    const d = daemon()
    expect(
      (await call(d, 'POST', '/containers/create?name=__proto__', { Image: 'busybox' })).status,
    ).toBe(500)
    expect(
      (
        await call(d, 'POST', '/containers/create?name=x__proto__', {
          Image: 'busybox',
          Labels: { __proto__: 'x', constructor: 'y' },
        })
      ).status,
    ).toBe(201)
    expect((await call(d, 'GET', '/containers/x__proto__/json')).status).toBe(200)
    expect((await call(d, 'GET', '/containers/__proto__/json')).status).toBe(404)
    expect((await call(d, 'GET', '/containers/constructor/json')).status).toBe(404)
    expect((await call(d, 'POST', '/volumes/create', { Name: '__proto__' })).status).toBe(500)
    expect((await call(d, 'GET', '/images/%3Cscript%3E/json')).text).toBe(
      '{"message":"No such image: \\u003cscript\\u003e"}\n',
    )
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('never throws and keeps the state consistent under random requests', async () => {
    const methods = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH')
    const segment = fc.oneof(
      fc.constantFrom(
        'containers',
        'images',
        'exec',
        'json',
        'create',
        'start',
        'stop',
        'kill',
        'resize',
        'web',
        'busybox',
        'v1.24',
        'v1.99',
        '..',
        '%',
        '__proto__',
        '',
      ),
      fc.string({ maxLength: 6 }),
    )
    const req = fc.record({
      method: methods,
      path: fc.array(segment, { maxLength: 5 }).map((s) => `/${s.join('/')}`),
      query: fc.constantFrom(
        '',
        'h=1&w=2',
        'h=x',
        'all=1&limit=-1',
        'signal=KILL',
        'force=1',
        'name=web',
        'filters=%7B',
      ),
      body: fc.oneof(
        fc.constant(undefined),
        fc.string({ maxLength: 20 }),
        fc.constant({ Image: 'busybox', Cmd: ['top'] }),
        fc.constant({ Cmd: ['sh'] }),
      ),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(req, { maxLength: 25 }), async (reqs) => {
        const d = daemon()
        await call(d, 'POST', '/containers/create?name=web', { Image: 'busybox', Cmd: ['top'] })
        for (const r of reqs) {
          const res = await d.handle(jsonRequest(r.method, `${r.path}?${r.query}`, r.body))
          expect(res.status).toBeGreaterThanOrEqual(100)
          expect(res.status).toBeLessThan(600)
          const t = await text(res)
          if (res.status >= 500) expect(t.length).toBeGreaterThan(0)
        }
        // Invariants: names point at containers, ids are unique and indexed, execs belong to containers.
        for (const [name, id] of d.state.names)
          expect(d.state.containers.get(id)?.name, name).toBe(name)
        for (const c of d.state.containers.values()) {
          expect(d.state.names.get(c.name)).toBe(c.id)
          for (const e of c.execIds) expect(d.state.execs.get(e)?.containerId).toBe(c.id)
        }
        for (const e of d.state.execs.values())
          expect(d.state.containers.has(e.containerId)).toBe(true)
        d.dispose()
      }),
      { numRuns: 60 },
    )
  })
})
