import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { call as callDaemon } from '../../scenarios/test-client.ts'
import { createDaemon, type SimulatedDaemon } from '../daemon.ts'

/** Every request of these tests goes to API 1.24 explicitly, as the docker CLI sends it. */
const call = (d: SimulatedDaemon, method: string, path: string, body?: unknown) =>
  callDaemon(d, method, `/v1.24${path}`, body)

const daemon = () => createDaemon({ dockerVersion: '1.12.6', clock: () => new Date(0), seed: true })

/** A daemon with one record of every kind (containers, execs, volumes, networks, swarm, events). */
async function richDaemon(): Promise<SimulatedDaemon> {
  const d = daemon()
  await call(d, 'POST', '/containers/create?name=web', {
    Image: 'nginx',
    Labels: { app: 'web' },
    HostConfig: { PortBindings: { '80/tcp': [{ HostPort: '8080' }] } },
  })
  await call(d, 'POST', '/containers/web/start')
  const exec = await call(d, 'POST', '/containers/web/exec', { Cmd: ['ls'] })
  expect(exec.status).toBe(201)
  await call(d, 'POST', '/containers/create?name=job', { Image: 'busybox', Cmd: ['echo', 'hi'] })
  await call(d, 'POST', '/containers/job/start')
  await call(d, 'POST', '/volumes/create', { Name: 'data', Labels: { a: 'b' } })
  await call(d, 'POST', '/networks/create', { Name: 'net' })
  await call(d, 'POST', '/swarm/init', { ListenAddr: '0.0.0.0:2377' })
  await call(d, 'POST', '/services/create', {
    Name: 'svc',
    TaskTemplate: { ContainerSpec: { Image: 'nginx' } },
  })
  return d
}

/** The read-only calls whose answers must never be a 500 caused by a JS TypeError. */
async function reads(
  d: SimulatedDaemon,
): Promise<Array<{ path: string; status: number; text: string }>> {
  const out: Array<{ path: string; status: number; text: string }> = []
  const get = async (path: string) => out.push({ path, ...(await call(d, 'GET', path)) })
  await get('/containers/json?all=1')
  await get('/containers/json?all=1&size=1&filters={"label":["app"]}')
  await get('/images/json?all=1')
  await get('/volumes')
  await get('/networks')
  await get('/info')
  await get('/services')
  await get('/tasks')
  await get('/events?since=0&until=1')
  const s = d.state
  for (const id of s.containers.keys()) {
    await get(`/containers/${id}/json`)
    await get(`/containers/${id}/top`)
    await get(`/containers/${id}/logs?stdout=1&stderr=1`)
  }
  for (const id of s.images.keys()) {
    await get(`/images/${id}/json`)
    await get(`/images/${id}/history`)
  }
  for (const id of s.execs.keys()) await get(`/exec/${id}/json`)
  for (const name of s.volumes.keys()) await get(`/volumes/${encodeURIComponent(name)}`)
  for (const id of s.networks.keys()) await get(`/networks/${id}`)
  return out
}

const jsError =
  /Cannot read|Cannot convert|is not a function|is not iterable|is not an object|undefined|Invalid time value|toISOString/

describe('snapshot validation', () => {
  it('rejects a container whose state record is empty (QA repro) and keeps the state', async () => {
    const d = daemon()
    expect(
      (await call(d, 'POST', '/containers/create?name=web', { Image: 'busybox' })).status,
    ).toBe(201)
    const before = d.snapshot()
    const data = JSON.parse(before)
    data.containers[0].state = {}
    expect(() => d.restore(JSON.stringify(data))).toThrow(
      /^Invalid snapshot: containers\[0\]\.state\.status must be one of /,
    )
    expect(d.snapshot()).toBe(before)
    const list = await call(d, 'GET', '/containers/json?all=1')
    expect(list.status).toBe(200)
    expect(JSON.parse(list.text)).toHaveLength(1)
  })

  it('names the bad field for every kind of record', async () => {
    const d = await richDaemon()
    const before = d.snapshot()
    const DELETE = Symbol('delete')
    const DUPLICATE = Symbol('duplicate')
    // Path into the snapshot JSON, what to put there, and the message restore() must give.
    const cases: Array<[(string | number)[], unknown, RegExp]> = [
      [['images', 0, 'history'], DELETE, /images\[0\]\.history must be an array/],
      [['images', 0, 'config'], 'sh', /images\[0\]\.config must be an object/],
      [['containers', 0, 'logs'], [{}], /containers\[0\]\.logs\[0\]\.stream/],
      [['containers', 0, 'hostConfig'], null, /containers\[0\]\.hostConfig must be an object/],
      [['execs', 0, 'arguments'], [1], /execs\[0\]\.arguments\[0\] must be a string/],
      [['volumes', 0, 'labels'], null, /volumes\[0\]\.labels must be an object/],
      [['networks', 0, 'containers'], DELETE, /networks\[0\]\.containers must be an array/],
      [['events', 0, 'Actor'], 'x', /events\[0\]\.Actor must be an object/],
      [['swarm', 'services', 0, 'taskIds'], null, /swarm\.services\[0\]\.taskIds/],
      [['prng'], 'x', /missing metadata/],
      [['pid'], -1, /pid must be a non-negative integer/],
      [['containers', 0, 'config'], [], /containers\[0\]\.config must be an object/],
      [['containers'], DUPLICATE, /duplicate containers entry/],
    ]
    const corrupt = (data: unknown, path: (string | number)[], value: unknown) => {
      let node = data as Record<string | number, unknown>
      for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
      const last = path.at(-1) ?? ''
      if (value === DELETE) delete node[last]
      else if (value === DUPLICATE) {
        const list = node[last] as unknown[]
        list.push(list[0])
      } else node[last] = value
    }
    for (const [path, value, message] of cases) {
      const data: unknown = JSON.parse(before)
      corrupt(data, path, value)
      expect(() => d.restore(JSON.stringify(data)), String(message)).toThrow(message)
      expect(d.snapshot()).toBe(before)
    }
  })

  it('a snapshot of any reachable state restores (loosely typed inputs the API accepts)', async () => {
    const d = await richDaemon()
    // Create bodies are decoded into Go's types (a number HostPort, a string port list, a
    // numeric policy name are 500s, as at v1.12.6); what is accepted is stored in the Go shape.
    for (const body of [
      { Image: 'busybox', HostConfig: { PortBindings: { '80/tcp': [{ HostPort: 8080 }] } } },
      { Image: 'busybox', HostConfig: { PortBindings: { '80/tcp': 'x' } } },
      { Image: 'busybox', HostConfig: { RestartPolicy: { Name: 5 } } },
      { Image: 'busybox', HostConfig: { LogConfig: { Type: 5, Config: { a: 1 } } } },
    ])
      expect((await call(d, 'POST', '/containers/create', body)).text).toContain(
        'json: cannot unmarshal',
      )
    const accepted: Array<[string, unknown]> = [
      [
        '/containers/create?name=a1',
        {
          Image: 'busybox',
          HostConfig: { PortBindings: { '80/tcp': [null, { hostport: '80' }] } },
        },
      ],
      [
        '/containers/create?name=a2',
        { Image: 'busybox', Cmd: 'top', PortBindings: { '80/tcp': null }, Memory: null },
      ],
      [
        '/containers/create?name=a3',
        { Image: 'busybox', HostConfig: { RestartPolicy: { Name: 'bogus', x: [1] } } },
      ],
      [
        '/containers/create?name=a4',
        { Image: 'busybox', HostConfig: { LogConfig: { Type: '', Config: { a: null } } } },
      ],
      ['/volumes/create', { Name: 'v1', Labels: null }],
      ['/networks/create', { Name: 'n1', Labels: { a: 1 }, Options: { b: 2 } }],
      ['/networks/create', { Name: 'n2', IPAM: { Driver: 5, Config: [{ Subnet: 5 }] } }],
      ['/services/create', { Name: 5, TaskTemplate: { ContainerSpec: { Image: 'nginx' } } }],
      [
        '/services/create',
        { Name: 's3', Labels: { a: 1 }, TaskTemplate: { ContainerSpec: { Image: 'nginx' } } },
      ],
    ]
    for (const [path, body] of accepted) {
      const res = await call(d, 'POST', path, body)
      expect(res.status, `${path} ${res.text}`).toBeLessThan(300)
      const json = d.snapshot()
      const copy = daemon()
      copy.restore(json)
      expect(copy.snapshot()).toBe(json)
    }
  })

  it('random corruptions are either rejected or restore into a daemon without TypeErrors', async () => {
    const d = await richDaemon()
    const valid = d.snapshot()
    const junk = [null, 0, -1, 1.5, '', 'x', true, [], [1], ['x'], {}, { a: 1 }]
    // A corruption: walk down the tree by indices, then delete or replace the field reached.
    const corruption = fc.record({
      steps: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
      replace: fc.option(fc.constantFrom(...junk), { nil: undefined }),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(corruption, { minLength: 1, maxLength: 3 }), async (cs) => {
        const data = JSON.parse(valid)
        for (const { steps, replace } of cs) {
          // Walks arbitrary JSON: every container is an indexable record at run time.
          let parent = data as Record<string | number, unknown>
          let key: string | number | undefined
          for (const step of steps) {
            const node = key === undefined ? parent : parent[key]
            if (typeof node !== 'object' || node === null) break
            const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node)
            if (keys.length === 0) break
            if (key !== undefined) parent = node as Record<string | number, unknown>
            key = keys[step % keys.length]
          }
          if (key === undefined || key === 'format') continue
          if (replace === undefined) {
            if (Array.isArray(parent)) parent.splice(Number(key), 1)
            else delete parent[key]
          } else parent[key] = replace
        }
        const target = daemon()
        const before = target.snapshot()
        try {
          target.restore(JSON.stringify(data))
        } catch (e) {
          expect((e as Error).message).toMatch(/^Invalid snapshot: /)
          expect(target.snapshot()).toBe(before)
          return
        }
        for (const r of await reads(target)) {
          if (r.status === 500)
            expect(r.text, `${r.path} after ${JSON.stringify(cs)}`).not.toMatch(jsError)
        }
        target.dispose()
      }),
      {
        numRuns: Number(process.env.SNAP_RUNS ?? 300),
        seed: Number(process.env.SNAP_SEED ?? 1212),
      },
    )
  }, 60_000)
})
