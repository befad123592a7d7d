import { describe, expect, it } from 'vitest'
import { acceptingKubernetes, isAvailableAt } from './availability.ts'
import { dockerReleases, endpoints, kubernetesReleases } from './data.ts'
import type { KubernetesRelease } from './schemas/common.ts'

const availableAt = (api: string) => endpoints.filter((e) => isAvailableAt(e, api))
const usedBy = (k8s: KubernetesRelease) =>
  endpoints.filter((e) => e.kubernetes.source[k8s]).map((e) => e.id)
const accepts = (dockerId: string, k8s: KubernetesRelease) => {
  const docker = dockerReleases.find((r) => r.id === dockerId)
  if (!docker) throw new Error(`Docker ${dockerId} missing from data`)
  return acceptingKubernetes(docker.api, kubernetesReleases).includes(k8s)
}

describe('isAvailableAt', () => {
  it('respects sinceApi and removedInApi', () => {
    const old = { sinceApi: '1.4', removedInApi: '1.24' }
    expect(isAvailableAt(old, '1.23')).toBe(true)
    expect(isAvailableAt(old, '1.24')).toBe(false)
    expect(isAvailableAt(old, '1.3')).toBe(false)
    expect(isAvailableAt({ sinceApi: '1.24' }, '1.23')).toBe(false)
    expect(isAvailableAt({ sinceApi: '1.24' }, '1.24')).toBe(true)
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
      expect(availableAt(api)).toHaveLength(count)
    },
  )

  it('drops the copy endpoint at 1.24 and adds swarm mode', () => {
    const at24 = availableAt('1.24').map((e) => e.id)
    expect(at24).not.toContain('ContainerCopy')
    expect(at24).toContain('SwarmInit')
    expect(availableAt('1.23').map((e) => e.id)).toContain('ContainerCopy')
  })
})

describe('acceptingKubernetes', () => {
  it("applies each release's minimum API (1.2: 1.18, 1.3 and 1.4: 1.21)", () => {
    expect(acceptingKubernetes('1.17', kubernetesReleases)).toEqual([])
    expect(acceptingKubernetes('1.18', kubernetesReleases)).toEqual(['1.2'])
    expect(acceptingKubernetes('1.20', kubernetesReleases)).toEqual(['1.2'])
    expect(acceptingKubernetes('1.21', kubernetesReleases)).toEqual(['1.2', '1.3', '1.4'])
    expect(acceptingKubernetes('1.24', kubernetesReleases)).toEqual(['1.2', '1.3', '1.4'])
  })

  it('matches the article: Kubernetes 1.4 needs Docker 1.9.x or newer', () => {
    expect(accepts('1.9', '1.4')).toBe(true)
    expect(accepts('1.8', '1.4')).toBe(false)
  })
})

describe('Kubernetes usage in the data', () => {
  it('1.4 adds exactly the two resize endpoints to 1.3 and drops nothing', () => {
    const [v13, v14] = [usedBy('1.3'), usedBy('1.4')]
    expect(v14.filter((id) => !v13.includes(id)).sort()).toEqual(['ContainerResize', 'ExecResize'])
    expect(v13.filter((id) => !v14.includes(id))).toEqual([])
  })

  it('1.3 adds image history to 1.2', () => {
    const [v12, v13] = [usedBy('1.2'), usedBy('1.3')]
    expect(v13.filter((id) => !v12.includes(id))).toEqual(['ImageHistory'])
    expect(v12.filter((id) => !v13.includes(id))).toEqual([])
  })

  it('the two wrong ticks of the article are /changes and /kill, in both columns', () => {
    const wrong = endpoints
      .filter((e) =>
        (['1.3', '1.4'] as const).some((k) => e.kubernetes.article[k] !== e.kubernetes.source[k]),
      )
      .map((e) => [
        e.id,
        e.kubernetes.article['1.3'] !== e.kubernetes.source['1.3'],
        e.kubernetes.article['1.4'] !== e.kubernetes.source['1.4'],
      ])
    expect(wrong).toEqual([
      ['ContainerChanges', true, true],
      ['ContainerKill', true, true],
    ])
  })
})
