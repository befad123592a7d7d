import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { routes } from '../api/routes'
import type { SimulatedDaemon } from '../daemon'
import { deterministicDaemon } from './deterministic'
import { runScenario, scenarios, sendToDaemon, unreachableStatuses } from './index'

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

interface StatusEntry {
  code: number
  documented: boolean
}
interface EndpointEntry {
  id: string
  statuses: StatusEntry[]
}

/** data/endpoints-1.24.json (the reviewed catalogue), else the shared reference's statuses. */
function documentedStatuses(): Map<string, number[]> {
  const out = new Map<string, number[]>()
  const dataPath = resolve(__dirname, '../../../data/endpoints-1.24.json')
  if (existsSync(dataPath)) {
    const parsed = JSON.parse(readFileSync(dataPath, 'utf8')) as
      | { endpoints: EndpointEntry[] }
      | EndpointEntry[]
    const list = Array.isArray(parsed) ? parsed : parsed.endpoints
    for (const e of list)
      out.set(
        e.id,
        e.statuses.filter((s) => s.documented).map((s) => s.code),
      )
    return out
  }
  const refPath = resolve(__dirname, '../../../../shared/reference/endpoints-1.24.json')
  const ref = JSON.parse(readFileSync(refPath, 'utf8')) as Array<{
    method: string
    path: string
    statuses: Record<string, string>
  }>
  for (const e of ref) {
    const route = routes.find((r) => r.method === e.method && r.path === e.path)
    if (route !== undefined) out.set(route.id, Object.keys(e.statuses).map(Number))
  }
  return out
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
