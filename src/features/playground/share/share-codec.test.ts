import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createDaemon, type SimulatedDaemon } from '../../../daemon/index.ts'
import { jsonRequest, readText } from '../../../scenarios/test-client.ts'
import {
  decodeShare,
  encodeShare,
  fromBase64Url,
  type SharedRequest,
  ShareError,
  toBase64Url,
} from './share-codec.ts'

/**
 * A class's state: ten containers and the last twenty requests. `mixed` adds what a lesson
 * leaves behind: sh and top containers, two exec instances, one stopped, one killed.
 */
async function classState(mixed = true) {
  const daemon = createDaemon()
  const history: SharedRequest[] = []
  const send = async (method: string, path: string, body?: unknown) => {
    const answer = await daemon.handle(jsonRequest(method, path, body))
    history.push({
      method,
      path: `/v1.24${path}`,
      body: body === undefined ? '' : JSON.stringify(body),
      contentType: body === undefined ? '' : 'application/json',
      status: answer.status,
      length: answer.headers['content-length'] ?? null,
    })
    return answer
  }
  for (let i = 0; i < 10; i++) {
    await send('POST', `/containers/create?name=student${i}`, {
      Image: 'busybox',
      Cmd: mixed && i % 3 === 0 ? ['sh'] : ['top'],
      Tty: true,
      OpenStdin: true,
    })
    await send('POST', `/containers/student${i}/start`)
  }
  if (!mixed) return { daemon, history: history.slice(-20) }
  const exec = await send('POST', '/containers/student1/exec', { Cmd: ['sh'], Tty: true })
  const id = (JSON.parse(await readText(exec.body)) as { Id: string }).Id
  await send('POST', `/exec/${id}/resize?h=40&w=80`)
  await send('POST', '/containers/student2/exec', { Cmd: ['ls'] })
  await send('POST', '/containers/student4/stop?t=1')
  await send('POST', '/containers/student5/kill')
  return { daemon, history: history.slice(-20) }
}

const list = async (daemon: SimulatedDaemon) =>
  readText((await daemon.handle(jsonRequest('GET', '/containers/json?all=1'))).body)

describe('sharing a daemon', () => {
  const linkTo = (bytes: Uint8Array) =>
    `https://example.github.io/docker-api-explorer/?view=playground#share=${toBase64Url(bytes)}`

  it('fits ten containers and twenty requests in a link of at most 2 KB', async () => {
    const { daemon, history } = await classState(false)
    const snapshot = daemon.snapshot()
    const bytes = await encodeShare({ dockerVersion: '1.12.6', snapshot, history })
    const link = linkTo(bytes)
    expect(history).toHaveLength(20)
    expect(link.length, `link of ${link.length} characters`).toBeLessThanOrEqual(2048)
    expect((await decodeShare(bytes)).snapshot).toBe(snapshot)
    daemon.dispose()
  })

  it('opens the same state elsewhere, a lesson’s mixed state included (≤ 2.45 KB)', async () => {
    const { daemon, history } = await classState()
    const bytes = await encodeShare({
      dockerVersion: '1.12.6',
      snapshot: daemon.snapshot(),
      history,
    })
    const link = linkTo(bytes)
    // Over the 2 KB goal: exec instances, stopped containers and two programs' output (README).
    expect(link.length, `link of ${link.length} characters`).toBeLessThanOrEqual(2450)
    const shared = await decodeShare(fromBase64Url(toBase64Url(bytes)))
    // The very snapshot, character for character, and the same requests in the same order.
    expect(shared.snapshot).toBe(daemon.snapshot())
    expect(shared.history).toEqual(history)
    const other = createDaemon({ snapshot: shared.snapshot })
    expect(await list(other)).toBe(await list(daemon))
    other.dispose()
    daemon.dispose()
  })

  it('refuses a changed, cut or foreign link with a reason', async () => {
    const { daemon, history } = await classState()
    const bytes = await encodeShare({
      dockerVersion: '1.12.6',
      snapshot: daemon.snapshot(),
      history,
    })
    const reason = async (input: Uint8Array) => {
      try {
        await decodeShare(input)
        return 'accepted'
      } catch (error) {
        return error instanceof ShareError ? error.reason : `threw ${String(error)}`
      }
    }
    await fc.assert(
      fc.asyncProperty(
        fc.nat(bytes.length - 1),
        fc.integer({ min: 1, max: 255 }),
        async (at, xor) => {
          const changed = bytes.slice()
          changed[at] = (changed[at] ?? 0) ^ xor
          expect(['damaged', 'foreign', 'version']).toContain(await reason(changed))
        },
      ),
      { numRuns: 60 },
    )
    expect(await reason(bytes.slice(0, bytes.length - 7))).toBe('damaged')
    expect(await reason(bytes.slice(0, 40))).toBe('damaged')
    expect(await reason(new TextEncoder().encode('{"history":[]}'))).toBe('foreign')
    expect(() => fromBase64Url('not a link!')).toThrow(ShareError)
    daemon.dispose()
  })

  it('carries every Docker version it simulates', async () => {
    const daemon = createDaemon({ dockerVersion: '1.10.3' })
    await daemon.handle(jsonRequest('POST', '/containers/create?name=old', { Image: 'busybox' }))
    const shared = await decodeShare(
      await encodeShare({ dockerVersion: '1.10.3', snapshot: daemon.snapshot(), history: [] }),
    )
    expect(shared.dockerVersion).toBe('1.10.3')
    expect(shared.snapshot).toBe(daemon.snapshot())
    daemon.dispose()
  })

  describe('the two ends of a link share no clock', () => {
    afterEach(() => {
      vi.useRealTimers()
    })

    it('decodes the same state when it is decoded at another time than it was made', async () => {
      // A container created in the same millisecond as the encoder's reference containers once
      // left its times out of the link, and the decoder, building its references later, put its
      // own time in (failed intermittently in CI).
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(Date.UTC(2026, 11, 7, 22, 49, 23, 372))
      const daemon = createDaemon({ wake: () => () => {} })
      await daemon.handle(jsonRequest('POST', '/containers/create?name=old', { Image: 'busybox' }))
      const link = await encodeShare({
        dockerVersion: '1.12.6',
        snapshot: daemon.snapshot(),
        history: [],
      })
      vi.setSystemTime(Date.UTC(2026, 11, 8, 9, 0, 0, 1))
      expect((await decodeShare(link)).snapshot).toBe(daemon.snapshot())
      daemon.dispose()
    })
  })
})
