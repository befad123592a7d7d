import { describe, expect, it } from 'vitest'
import { endpoints } from '../domain/data.ts'
import { type Scenario, scenarios, unreachableStatuses } from './index.ts'

/**
 * The scenarios (what the simulated 1.12.6 daemon answers) and data/endpoints-1.24.json (what a
 * real 1.12.6 daemon answers, `real`) must tell the same story:
 *
 * (a) every status the data marks `real: true` is produced by at least one scenario of that
 *     endpoint, or is in `realWithoutScenario` below with the reason;
 * (b) every status a scenario expects for an endpoint is in the data with `real: true`, or is in
 *     `scenarioOnlyStatuses` below with the reason;
 * (c) every documented status the data marks `real: false` is in `unreachableStatuses`.
 *
 * Scope: only scenarios of a 1.12.6 daemon count (`dockerVersion` unset or '1.12.6'). Scenarios of
 * older daemons (1.11.2, 1.9.1) are skipped: the data describes Docker 1.12.6 only. Scenarios with
 * `endpointId: 'Router'` belong to no endpoint and are skipped too.
 */

interface AllowedStatus {
  endpointId: string
  status: number
  reason: string
}

const EXPERIMENTAL_PLUGINS =
  'Plugins exist only in experimental 1.12 builds (api/server/router/plugin/plugin_experimental.go); the simulated daemon is a stable build, which answers 404 "page not found" (scenario).'

/** (a) Statuses a real 1.12.6 daemon sends that no scenario produces, each with why. */
const realWithoutScenario: readonly AllowedStatus[] = [
  {
    endpointId: 'ImageInspect',
    status: 500,
    reason:
      'daemon/image_inspect.go LookupImage returns layer-store errors (layerStore.Get, Size, Metadata) untyped; the simulation has no layer store that can fail.',
  },
  {
    endpointId: 'VolumeInspect',
    status: 500,
    reason: 'Needs a volume driver (plugin) that fails; the simulation has only the local driver.',
  },
  {
    endpointId: 'VolumeDelete',
    status: 500,
    reason:
      'Needs a volume driver failure ("Error while removing volume …"); the simulation has only the local driver.',
  },
  {
    endpointId: 'SwarmJoin',
    status: 200,
    reason: 'Joining needs a reachable swarm manager; the simulated host is alone.',
  },
  {
    endpointId: 'NodeDelete',
    status: 200,
    reason:
      'Removing a node needs a second (worker) node; a single simulated host has only itself, a manager.',
  },
  {
    endpointId: 'NodeInspect',
    status: 500,
    reason:
      'An ambiguous node prefix needs several nodes; with one node only a raft store failure would give 500.',
  },
  ...(
    ['PluginList', 'PluginPull', 'PluginEnable', 'PluginDisable', 'PluginDelete'] as const
  ).flatMap((endpointId) =>
    [200, 500].map((status) => ({ endpointId, status, reason: EXPERIMENTAL_PLUGINS })),
  ),
  { endpointId: 'PluginInspect', status: 200, reason: EXPERIMENTAL_PLUGINS },
]

/** (b) Statuses a 1.12.6 scenario expects that the data, by design, does not record for the endpoint. */
const scenarioOnlyStatuses: readonly AllowedStatus[] = [
  {
    endpointId: 'SystemPing',
    status: 400,
    reason:
      'The version middleware (api/server/middleware/version.go) refuses /v1.99 and /v1.11 on every versioned route; the data records per-endpoint statuses, not this router-wide 400.',
  },
  {
    endpointId: 'ContainerInspect',
    status: 301,
    reason:
      'gorilla/mux cleans the path ("/containers/../etc/json") and redirects before any route matches: router behaviour, not an answer of the endpoint.',
  },
  {
    endpointId: 'ContainerCopy',
    status: 200,
    reason:
      'Only with a /v1.23 (or older) prefix; the data records the endpoint at API 1.24, where it is a bare 404 (the note on that status explains the old behaviour).',
  },
  {
    endpointId: 'ContainerCopy',
    status: 500,
    reason:
      'Only with a /v1.23 (or older) prefix; the data records the endpoint at API 1.24, where it is a bare 404 (the note on that status explains the old behaviour).',
  },
]

const is1126 = (s: Scenario) => (s.dockerVersion ?? '1.12.6') === '1.12.6'
const daemonScenarios = scenarios.filter((s) => s.endpointId !== 'Router' && is1126(s))
const scenarioStatuses = (id: string) =>
  new Set(daemonScenarios.filter((s) => s.endpointId === id).map((s) => s.expect.status))
const listed = (list: readonly AllowedStatus[], id: string, code: number) =>
  list.some((a) => a.endpointId === id && a.status === code)
const endpointIds = endpoints.map((e) => [e.id] as const)

describe('data agreement (a): every real status of data/endpoints-1.24.json has a scenario', () => {
  it.each(endpointIds)('%s: each status with real: true is produced by a 1.12.6 scenario', (id) => {
    const endpoint = endpoints.find((e) => e.id === id)
    const produced = scenarioStatuses(id)
    const missing = (endpoint?.statuses ?? [])
      .filter((s) => s.real && !produced.has(s.code) && !listed(realWithoutScenario, id, s.code))
      .map((s) => `${id} ${s.code}: real: true in the data, but no 1.12.6 scenario expects it`)
    expect(missing).toEqual([])
  })
})

describe('data agreement (b): every status a scenario expects is real in the data', () => {
  it.each(endpointIds)('%s: each status its 1.12.6 scenarios expect has real: true', (id) => {
    const endpoint = endpoints.find((e) => e.id === id)
    const wrong = [...scenarioStatuses(id)]
      .filter((code) => !listed(scenarioOnlyStatuses, id, code))
      .flatMap((code) => {
        const status = endpoint?.statuses.find((s) => s.code === code)
        if (status === undefined) return [`${id} ${code}: a scenario expects it, the data lacks it`]
        if (!status.real) return [`${id} ${code}: a scenario expects it, the data says real: false`]
        return []
      })
    expect(wrong).toEqual([])
  })

  it('every 1.12.6 scenario names an endpoint of the data', () => {
    const ids = new Set(endpoints.map((e) => e.id))
    const unknown = daemonScenarios
      .filter((s) => !ids.has(s.endpointId))
      .map((s) => `${s.endpointId}: scenario "${s.name}" names no endpoint of the data`)
    expect(unknown).toEqual([])
  })
})

describe('data agreement (c): documented statuses that are never sent are declared unreachable', () => {
  it.each(endpointIds)(
    '%s: each documented status with real: false is in unreachableStatuses',
    (id) => {
      const endpoint = endpoints.find((e) => e.id === id)
      const missing = (endpoint?.statuses ?? [])
        .filter(
          (s) =>
            s.documented &&
            !s.real &&
            !unreachableStatuses.some((u) => u.endpointId === id && u.status === s.code),
        )
        .map((s) => `${id} ${s.code}: documented, real: false, but not in unreachableStatuses`)
      expect(missing).toEqual([])
    },
  )

  it('an unreachable status the data records as real is in the realWithoutScenario allow-list', () => {
    const contradictions = unreachableStatuses
      .filter((u) => {
        const status = endpoints
          .find((e) => e.id === u.endpointId)
          ?.statuses.find((s) => s.code === u.status)
        return status?.real === true && !listed(realWithoutScenario, u.endpointId, u.status)
      })
      .map((u) => `${u.endpointId} ${u.status}: unreachable for the daemon, real: true in the data`)
    expect(contradictions).toEqual([])
  })
})

describe('data agreement: a status listed once per case carries that case’s message', () => {
  /** The message's literal parts (between `<placeholders>`) all occur in one scenario's body. */
  const sentBy = (id: string, code: number, message: string): boolean => {
    const parts = message.split(/<[^>]*>/).filter((p) => p.length > 0)
    return daemonScenarios.some((s) => {
      if (s.endpointId !== id || s.expect.status !== code) return false
      const body = JSON.stringify(s.expect.body ?? '')
      return parts.every((p) => body.includes(JSON.stringify(p).slice(1, -1)))
    })
  }

  it('ExecResize 404: unknown exec id and created-but-never-started are separate rows', () => {
    const rows = endpoints
      .find((e) => e.id === 'ExecResize')
      ?.statuses.filter((s) => s.code === 404)
    expect(rows?.map((r) => r.message)).toEqual([
      "No such exec instance '<id>' found in daemon",
      'rpc error: code = 2 desc = containerd: process not found for container',
    ])
  })

  it('when a code is listed more than once, each row’s message is sent by a scenario', () => {
    const wrong = endpoints.flatMap((e) =>
      e.statuses
        .filter((s) => e.statuses.filter((x) => x.code === s.code).length > 1)
        .filter((s) => s.message === undefined || !sentBy(e.id, s.code, s.message))
        .map((s) => `${e.id} ${s.code}: ${s.message ?? '(no message)'}`),
    )
    expect(wrong).toEqual([])
  })
})

describe('data agreement: the allow-lists stay small and current', () => {
  it('every realWithoutScenario entry is a real status of the data that no scenario produces', () => {
    const stale = realWithoutScenario
      .filter((a) => {
        const status = endpoints
          .find((e) => e.id === a.endpointId)
          ?.statuses.find((s) => s.code === a.status)
        return status?.real !== true || scenarioStatuses(a.endpointId).has(a.status)
      })
      .map(
        (a) => `${a.endpointId} ${a.status}: allow-listed in realWithoutScenario, but not needed`,
      )
    expect(stale).toEqual([])
  })

  it('every scenarioOnlyStatuses entry is expected by a scenario and not real in the data', () => {
    const stale = scenarioOnlyStatuses
      .filter((a) => {
        const status = endpoints
          .find((e) => e.id === a.endpointId)
          ?.statuses.find((s) => s.code === a.status)
        return status?.real === true || !scenarioStatuses(a.endpointId).has(a.status)
      })
      .map(
        (a) => `${a.endpointId} ${a.status}: allow-listed in scenarioOnlyStatuses, but not needed`,
      )
    expect(stale).toEqual([])
  })

  it('every allow-list entry has a reason', () => {
    for (const a of [...realWithoutScenario, ...scenarioOnlyStatuses])
      expect(a.reason.length, `${a.endpointId} ${a.status}`).toBeGreaterThan(20)
  })
})
