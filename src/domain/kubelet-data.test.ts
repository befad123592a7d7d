import { describe, expect, it } from 'vitest'
import { endpoints, kubernetesReleases } from './data.ts'
import { kubeletOperations, operationsSending } from './kubelet-data.ts'

/**
 * Rules for data/kubelet/*.json that a schema cannot state. The first is the one the matrix
 * rests on: the endpoints the kubelet's operations reach are exactly the endpoints
 * data/kubernetes.json ticks for the release, so the model and the matrix cannot drift.
 */
const RELEASES = ['1.3', '1.4'] as const

/** "/containers/{id}/json" and "/containers/abc/json" both become "/containers/{}/json". */
function template(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}')
}

describe.each(RELEASES)('data/kubelet/operations-%s.json', (release) => {
  const file = kubeletOperations[release]
  const calls = file.operations.flatMap((o) => o.calls)
  const kube = kubernetesReleases.find((r) => r.version === release)

  it('names the release tag and commit data/kubernetes.json names', () => {
    expect(kube).toBeDefined()
    expect(file.tag).toBe(kube?.tag)
    expect(file.commit).toBe(kube?.tagCommit)
    expect(file.engineApi.rev).toBe(kube?.client.rev)
  })

  it("the endpoints the operations reach are data/kubernetes.json's calls for the release", () => {
    const reached = new Set(calls.map((c) => c.endpointId))
    const ticked = new Set(kube?.methods.map((m) => m.endpointId))
    expect([...reached].sort()).toEqual([...ticked].sort())
    expect(reached.size).toBe(release === '1.3' ? 18 : 20)
  })

  it("every call's DockerInterface method maps to its endpoint as data/kubernetes.json says", () => {
    const endpointOf = new Map(kube?.methods.map((m) => [m.name, m.endpointId]))
    for (const c of calls)
      expect(`${c.dockerMethod} → ${endpointOf.get(c.dockerMethod)}`).toBe(
        `${c.dockerMethod} → ${c.endpointId}`,
      )
  })

  it('every call has the method and the path shape of its endpoint in endpoints-1.24.json', () => {
    for (const c of calls) {
      const endpoint = endpoints.find((e) => e.id === c.endpointId)
      expect(endpoint, c.endpointId).toBeDefined()
      expect(c.method).toBe(endpoint?.method)
      const shape = new RegExp(
        `^${template(endpoint?.path ?? '')
          .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
          .replace(/\{\}/g, '[^?]+')}$`,
      )
      expect(c.path, `${c.method} ${c.path} vs ${endpoint?.path}`).toMatch(shape)
    }
  })

  it("no operation sends the article's wrong ticks (changes, kill)", () => {
    expect(operationsSending(release, 'ContainerChanges')).toEqual([])
    expect(operationsSending(release, 'ContainerKill')).toEqual([])
  })

  it('pod-delete stops and never removes; attach-it inspects nothing and asks no stderr', () => {
    const op = (id: string) => file.operations.find((o) => o.id === id)?.calls ?? []
    expect(op('pod-delete').map((c) => c.endpointId)).not.toContain('ContainerDelete')
    expect(op('pod-delete').some((c) => c.endpointId === 'ContainerStop')).toBe(true)
    expect(op('attach-it').map((c) => c.endpointId)).not.toContain('ContainerInspect')
    expect(
      op('attach-it').find((c) => c.endpointId === 'ContainerAttach')?.query.stderr,
    ).toBeUndefined()
    expect(op('attach-it')[0]?.endpointId).toBe('ContainerList')
    expect(op('exec-it')[0]?.endpointId).toBe('ContainerList')
  })
})

describe('the resize calls belong to 1.4', () => {
  it('only 1.4 operations send ContainerResize and ExecResize, from attach-it and exec-it', () => {
    expect(operationsSending('1.3', 'ContainerResize')).toEqual([])
    expect(operationsSending('1.3', 'ExecResize')).toEqual([])
    expect(operationsSending('1.4', 'ContainerResize')).toEqual(['attach-it'])
    expect(operationsSending('1.4', 'ExecResize')).toEqual(['exec-it'])
  })
})
