import { describe, expect, it } from 'vitest'
import { call as callDaemon } from '../../../scenarios/test-client.ts'
import { createDaemon, type SimulatedDaemon } from '../../daemon.ts'

/**
 * POST /containers/{id}/stop?t=N (daemon/stop.go containerStop at v1.12.6): the stop signal,
 * then up to N seconds for the process to exit, then SIGKILL. Time is the daemon's injected
 * clock, moved by hand; wake-ups run on the next request.
 */

function daemonAt(start = Date.UTC(2017, 0, 14)) {
  let now = start
  const d = createDaemon({ clock: () => new Date(now), wake: () => () => undefined })
  return {
    d,
    /** Moves the clock and lets the daemon run what is due (any request does). */
    async advance(ms: number) {
      now += ms
      await call(d, 'GET', '/_ping')
    },
  }
}

const call = (d: SimulatedDaemon, method: string, path: string, body?: unknown) =>
  callDaemon(d, method, `/v1.24${path}`, body)

async function run(d: SimulatedDaemon, name: string, config: object): Promise<void> {
  expect((await call(d, 'POST', `/containers/create?name=${name}`, config)).status).toBe(201)
  expect((await call(d, 'POST', `/containers/${name}/start`)).status).toBe(204)
}

async function state(d: SimulatedDaemon, name: string) {
  const res = await call(d, 'GET', `/containers/${name}/json`)
  return JSON.parse(res.text).State as { Running: boolean; ExitCode: number }
}

/** Settles the pending microtasks, so a stop that could answer has answered. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('stop with a grace period, on the daemon clock', () => {
  it('waits t seconds for a PID 1 that ignores SIGTERM (busybox sh), then SIGKILLs it: exit 137', async () => {
    const { d, advance } = daemonAt()
    await run(d, 'shell', { Image: 'busybox', Cmd: ['sh'], Tty: true, OpenStdin: true })
    let answered: number | null = null
    const stop = call(d, 'POST', '/containers/shell/stop?t=30').then((r) => {
      answered = r.status
      return r
    })
    await settle()
    expect(answered).toBeNull()
    await advance(29_000)
    await settle()
    expect(answered).toBeNull()
    expect((await state(d, 'shell')).Running).toBe(true)
    await advance(1_000)
    expect((await stop).status).toBe(204)
    expect(await state(d, 'shell')).toMatchObject({ Running: false, ExitCode: 137 })
    const actions = d.state.events
      .filter((e) => e.Type === 'container' && e.Actor.Attributes.name === 'shell')
      .map((e) => (e.Action === 'kill' ? `kill ${e.Actor.Attributes.signal}` : e.Action))
    expect(actions.slice(-4)).toEqual(['kill 15', 'kill 9', 'die', 'stop'])
  })

  it('answers at once when the process exits on SIGTERM (nginx: exit 0; /pause: exit 0)', async () => {
    const { d } = daemonAt()
    await run(d, 'web', { Image: 'nginx' })
    expect((await call(d, 'POST', '/containers/web/stop?t=30')).status).toBe(204)
    expect(await state(d, 'web')).toMatchObject({ Running: false, ExitCode: 0 })
  })

  it('t absent is 0 (strconv.Atoi of ""): SIGKILL right after SIGTERM', async () => {
    const { d } = daemonAt()
    await run(d, 'shell', { Image: 'busybox', Cmd: ['sh'], Tty: true })
    expect((await call(d, 'POST', '/containers/shell/stop')).status).toBe(204)
    expect(await state(d, 'shell')).toMatchObject({ Running: false, ExitCode: 137 })
  })

  it('a process that ends by itself within the grace period keeps its own exit code', async () => {
    const { d, advance } = daemonAt()
    await run(d, 'nap', { Image: 'busybox', Cmd: ['sleep', '5'] })
    const stop = call(d, 'POST', '/containers/nap/stop?t=10')
    await advance(5_000)
    expect((await stop).status).toBe(204)
    expect(await state(d, 'nap')).toMatchObject({ Running: false, ExitCode: 0 })
  })

  it('a kill during the wait ends the stop early', async () => {
    const { d } = daemonAt()
    await run(d, 'shell', { Image: 'busybox', Cmd: ['sh'], Tty: true })
    const stop = call(d, 'POST', '/containers/shell/stop?t=600')
    await settle()
    expect((await call(d, 'POST', '/containers/shell/kill')).status).toBe(204)
    expect((await stop).status).toBe(204)
    expect(await state(d, 'shell')).toMatchObject({ Running: false, ExitCode: 137 })
  })

  it('a reset of the daemon during the wait answers the stop instead of leaving it hanging', async () => {
    const { d } = daemonAt()
    await run(d, 'shell', { Image: 'busybox', Cmd: ['sh'], Tty: true })
    const stop = call(d, 'POST', '/containers/shell/stop?t=600')
    await settle()
    d.reset()
    expect((await stop).status).toBe(204)
    expect((await call(d, 'GET', '/containers/shell/json')).status).toBe(404)
    expect(d.state.events).toEqual([])
  })

  it('restart?t=N waits the same way before starting again', async () => {
    const { d, advance } = daemonAt()
    await run(d, 'shell', { Image: 'busybox', Cmd: ['sh'], Tty: true })
    let answered = false
    const restart = call(d, 'POST', '/containers/shell/restart?t=2').then((r) => {
      answered = true
      return r
    })
    await settle()
    expect(answered).toBe(false)
    await advance(2_000)
    expect((await restart).status).toBe(204)
    expect((await state(d, 'shell')).Running).toBe(true)
  })
})
