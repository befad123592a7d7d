import { describe, expect, it } from 'vitest'
import type { Exchange } from '../../lib/daemon-client/send-request.ts'
import { historyFromJson, historyToJson } from './history-store.ts'
import { pathWithId } from './id-path.ts'

const exchange = (id: number, body: Uint8Array): Exchange => ({
  id,
  request: {
    method: 'GET',
    path: '/v1.24/containers/web/logs?stdout=1',
    body: '',
    contentType: '',
  },
  status: 200,
  headers: [['content-type', 'application/vnd.docker.raw-stream']],
  body,
  truncated: false,
  stopped: false,
  ms: 3.5,
})

describe('history export and import', () => {
  it('round-trips binary bodies byte for byte and renumbers entries so they never clash', () => {
    const frame = new Uint8Array([1, 0, 0, 0, 0, 0, 0, 3, 0xe2, 0x9c, 0x93])
    const back = historyFromJson(historyToJson([exchange(7, frame), exchange(3, new Uint8Array())]))
    expect(back.map((e) => e.id)).toEqual([-1, -2])
    expect([...(back[0]?.body ?? [])]).toEqual([...frame])
    expect(back[0]?.request.path).toBe('/v1.24/containers/web/logs?stdout=1')
  })

  it('cuts big bodies and says so', () => {
    const big = new Uint8Array(100_000).fill(65)
    const [back] = historyFromJson(historyToJson([exchange(1, big)]))
    expect(back?.body.length).toBe(16 * 1024)
    expect(back?.truncated).toBe(true)
  })

  it('refuses what is not a history and drops entries that are not exchanges', () => {
    expect(() => historyFromJson('{"nope":1}')).toThrow()
    expect(historyFromJson('{"history":[{"id":1},{"foo":2}]}')).toEqual([])
  })
})

describe('clicked ids go into the path', () => {
  const id = 'a'.repeat(64)
  it('replaces the id in a path that has one, keeping the action and query', () => {
    expect(pathWithId('/v1.24/exec/0123/resize?h=40&w=120', 'exec', id)).toBe(
      `/v1.24/exec/${id}/resize?h=40&w=120`,
    )
    expect(pathWithId('/containers/web/top', 'container', id)).toBe(`/containers/${id}/top`)
  })
  it('otherwise inspects the object, at the path’s API version', () => {
    expect(pathWithId('/v1.23/containers/json', 'container', id)).toBe(
      `/v1.23/containers/${id}/json`,
    )
    expect(pathWithId('/version', 'exec', id)).toBe(`/v1.24/exec/${id}/json`)
  })
})
