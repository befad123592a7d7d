import { describe, expect, it } from 'vitest'
import { jsonRequest, readText } from '../../scenarios/test-client.ts'
import { createDaemon } from '../index.ts'

/**
 * A paused container is frozen by the cgroup freezer: a `sleep 5` in it cannot end while it is
 * paused, however long that is; it ends once unpaused. A daemon restored from a snapshot taken
 * after the sleep was due must agree (found by the snapshot property test, seed 1225026960: the
 * restored process ran its first step before it was frozen and exited).
 */
describe('a paused container across a snapshot', () => {
  it('stays paused after its sleep was due, and exits once unpaused', async () => {
    const now = { ms: Date.UTC(2017, 0, 14, 12) }
    const clock = () => new Date(now.ms)
    const original = createDaemon({ clock, wake: () => () => {} })
    const send = async (daemon: typeof original, method: string, path: string, body?: unknown) =>
      daemon.handle(jsonRequest(method, path, body))
    const state = async (daemon: typeof original) =>
      (
        JSON.parse(await readText((await send(daemon, 'GET', '/containers/nap/json')).body)) as {
          State: { Status: string; Paused: boolean; ExitCode: number }
        }
      ).State
    expect(
      (
        await send(original, 'POST', '/containers/create?name=nap', {
          Image: 'busybox',
          Cmd: ['sleep', '5'],
        })
      ).status,
    ).toBe(201)
    expect((await send(original, 'POST', '/containers/nap/start')).status).toBe(204)
    expect((await send(original, 'POST', '/containers/nap/pause')).status).toBe(204)
    now.ms += 6000
    expect(await state(original)).toMatchObject({ Status: 'paused', Paused: true })

    const snapshot = original.snapshot()
    const restored = createDaemon({ clock, wake: () => () => {}, snapshot })
    expect(restored.snapshot()).toBe(snapshot)
    expect(await state(restored)).toMatchObject({ Status: 'paused', Paused: true })

    expect((await send(restored, 'POST', '/containers/nap/unpause')).status).toBe(204)
    expect(await state(restored)).toMatchObject({ Status: 'exited', ExitCode: 0 })
    original.dispose()
    restored.dispose()
  })
})
