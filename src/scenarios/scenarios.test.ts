import { afterEach, describe, expect, it } from 'vitest'
import endpointsJson from '../../data/endpoints-1.24.json'
import type { SimulatedDaemon } from '../daemon/index.ts'
import { routes } from '../daemon/index.ts'
import { deterministicDaemon } from './deterministic.ts'
import { runScenario, scenarios, sendToDaemon, unreachableStatuses } from './index.ts'

let daemons: SimulatedDaemon[] = []
afterEach(() => {
  for (const d of daemons) d.dispose()
  daemons = []
})

describe('status-code scenarios against the model', () => {
  it.each(scenarios.map((s) => [`${s.endpointId} — ${s.name}`, s] as const))(
    '%s',
    async (_name, s) => {
      const d = deterministicDaemon(s.dockerVersion)
      daemons.push(d)
      const result = await runScenario(s, sendToDaemon(d))
      expect(result.problems).toEqual([])
    },
  )

  it('scenario names are unique', () => {
    const names = scenarios.map((s) => `${s.endpointId} ${s.name}`)
    expect(new Set(names).size).toBe(names.length)
  })

  it('every scenario names a routed endpoint (or the router itself)', () => {
    const ids = new Set(routes.map((r) => r.id))
    for (const s of scenarios)
      expect(s.endpointId === 'Router' || ids.has(s.endpointId), s.endpointId).toBe(true)
  })
})

/** The status codes the v1.24 doc lists for each endpoint (data/endpoints-1.24.json). */
function documentedStatuses(): Map<string, number[]> {
  return new Map(
    endpointsJson.endpoints.map((e) => [
      e.id,
      e.statuses.filter((s) => s.documented).map((s) => s.code),
    ]),
  )
}

describe('coverage of documented statuses', () => {
  const documented = documentedStatuses()

  it('knows all 78 documented endpoints', () => {
    const ids = [...documented.keys()].filter((id) =>
      routes.some((r) => r.id === id && r.documented),
    )
    expect(ids.length).toBe(78)
  })

  it('every documented status of every endpoint has a scenario or an unreachable entry', () => {
    const missing: string[] = []
    for (const [id, codes] of documented) {
      for (const code of codes) {
        const hasScenario = scenarios.some((s) => s.endpointId === id && s.expect.status === code)
        const unreachable = unreachableStatuses.some(
          (u) => u.endpointId === id && u.status === code,
        )
        if (!hasScenario && !unreachable) missing.push(`${id} ${code}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('no status is both reached by a scenario and declared unreachable', () => {
    const both = unreachableStatuses.filter((u) =>
      scenarios.some(
        (s) =>
          s.endpointId === u.endpointId &&
          s.expect.status === u.status &&
          s.dockerVersion === undefined,
      ),
    )
    expect(both.map((u) => `${u.endpointId} ${u.status}`)).toEqual([])
  })
})
