import { describe, expect, it } from 'vitest'
import {
  acceptingKubernetes,
  articleDisagreements,
  diff13to14,
  diffUsage,
  dockerReleaseById,
  endpointById,
  endpointsAvailableAt,
  isAvailableAt,
  kubernetesAccepts,
  statusDisagreements,
  usageSummary,
} from './catalog'
import { endpoints, kubernetesReleases } from './data'
import type { Endpoint } from './schemas/endpoints'

/** A minimal endpoint for fixture-based tests; only the fields the queries read matter. */
function fixture(overrides: Partial<Endpoint> & Pick<Endpoint, 'id'>): Endpoint {
  const base = endpointById('SystemPing')
  if (!base) throw new Error('SystemPing missing from data')
  return { ...base, ...overrides }
}

describe('endpointById', () => {
  it('finds an endpoint by its operationId', () => {
    expect(endpointById('ExecResize')?.path).toBe('/exec/{id}/resize')
    expect(endpointById('ContainerResize')?.method).toBe('POST')
  })

  it('returns undefined for an unknown id', () => {
    expect(endpointById('NoSuchThing')).toBeUndefined()
  })
})

describe('endpointsAvailableAt', () => {
  it('respects sinceApi and removedInApi on fixtures', () => {
    const old = fixture({ id: 'Old', sinceApi: '1.4', removedInApi: '1.24' })
    const fresh = fixture({ id: 'Fresh', sinceApi: '1.24' })
    expect(isAvailableAt(old, '1.23')).toBe(true)
    expect(isAvailableAt(old, '1.24')).toBe(false)
    expect(isAvailableAt(old, '1.3')).toBe(false)
    expect(endpointsAvailableAt('1.23', [old, fresh]).map((e) => e.id)).toEqual(['Old'])
    expect(endpointsAvailableAt('1.24', [old, fresh]).map((e) => e.id)).toEqual(['Fresh'])
  })

  // Endpoint counts of the v1.18 … v1.24 docs (docker-api-facts.md §a): 43, 43, 46, 56, 57, 57, 78.
  it.each([
    ['1.18', 43],
    ['1.19', 43],
    ['1.20', 46],
    ['1.21', 56],
    ['1.22', 57],
    ['1.23', 57],
    ['1.24', 78],
  ])(
    'at API %s the data serves as many endpoints as that version of the doc lists (%i)',
    (api, count) => {
      expect(endpointsAvailableAt(api)).toHaveLength(count)
    },
  )

  it('drops the copy endpoint at 1.24 and adds swarm mode', () => {
    const at24 = endpointsAvailableAt('1.24').map((e) => e.id)
    expect(at24).not.toContain('ContainerCopy')
    expect(at24).toContain('SwarmInit')
    expect(endpointsAvailableAt('1.23').map((e) => e.id)).toContain('ContainerCopy')
  })
})

describe('kubernetesAccepts', () => {
  it("applies each release's minimum API (1.2: 1.18, 1.3 and 1.4: 1.21)", () => {
    expect(kubernetesAccepts({ api: '1.20' }, '1.2')).toBe(true)
    expect(kubernetesAccepts({ api: '1.20' }, '1.3')).toBe(false)
    expect(kubernetesAccepts({ api: '1.21' }, '1.4')).toBe(true)
    expect(kubernetesAccepts({ api: '1.17' }, '1.2')).toBe(false)
  })

  it('matches the article: Kubernetes 1.4 needs Docker 1.9.x or newer', () => {
    const docker19 = dockerReleaseById('1.9')
    const docker18 = dockerReleaseById('1.8')
    if (!docker19 || !docker18) throw new Error('Docker 1.8/1.9 missing from data')
    expect(kubernetesAccepts(docker19, '1.4')).toBe(true)
    expect(kubernetesAccepts(docker18, '1.4')).toBe(false)
  })

  it('lists the accepting releases', () => {
    expect(acceptingKubernetes('1.18', kubernetesReleases)).toEqual(['1.2'])
    expect(acceptingKubernetes('1.24', kubernetesReleases)).toEqual(['1.2', '1.3', '1.4'])
    expect(acceptingKubernetes('1.17', kubernetesReleases)).toEqual([])
  })
})

describe('Kubernetes usage', () => {
  it('1.4 adds exactly the two resize endpoints to 1.3 and drops nothing', () => {
    const diff = diff13to14()
    expect([...diff.added].sort()).toEqual(['ContainerResize', 'ExecResize'])
    expect(diff.removed).toEqual([])
  })

  it('1.3 adds image history to 1.2', () => {
    expect(diffUsage('1.2', '1.3')).toEqual({ added: ['ImageHistory'], removed: [] })
  })

  it('counts source calls 17/18/20 and article ticks 20/22', () => {
    expect(usageSummary()).toEqual({
      source: { '1.2': 17, '1.3': 18, '1.4': 20 },
      article: { '1.3': 20, '1.4': 22 },
    })
  })

  it('finds the two wrong ticks of the article (/changes and /kill) in both columns', () => {
    const found = articleDisagreements().map((d) => [d.endpoint.id, d.releases])
    expect(found).toEqual([
      ['ContainerChanges', ['1.3', '1.4']],
      ['ContainerKill', ['1.3', '1.4']],
    ])
  })

  it('articleDisagreements is empty when ticks agree', () => {
    const agree = fixture({
      id: 'Agree',
      kubernetes: {
        article: { '1.3': true, '1.4': true },
        source: { '1.2': false, '1.3': true, '1.4': true },
        callers: [],
      },
    })
    expect(articleDisagreements([agree])).toEqual([])
  })
})

describe('statusDisagreements', () => {
  it('includes exec resize (documented 201, real 200)', () => {
    expect(statusDisagreements().map((e) => e.id)).toContain('ExecResize')
  })

  it('only returns endpoints that have a documented/real mismatch', () => {
    for (const endpoint of statusDisagreements()) {
      expect(endpoint.statuses.some((s) => s.documented !== s.real)).toBe(true)
    }
    expect(statusDisagreements().length).toBeLessThan(endpoints.length)
  })
})
