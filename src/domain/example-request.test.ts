import { describe, expect, it } from 'vitest'
import { endpoints } from './data.ts'
import { exampleRequest } from './example-request.ts'

const endpoint = (id: string) => {
  const found = endpoints.find((e) => e.id === id)
  if (!found) throw new Error(`${id} missing from the data`)
  return found
}

describe('exampleRequest', () => {
  it('takes method, path, content type and body from the example exchange', () => {
    const preset = exampleRequest(endpoint('ContainerCreate'))
    expect(preset.method).toBe('POST')
    expect(preset.path).toMatch(/^\/containers\/create/)
    expect(preset.contentType).toBe('application/json')
    expect(() => JSON.parse(preset.body)).not.toThrow()
  })

  it('points container examples at the container the create example makes', () => {
    const created = new URLSearchParams(
      exampleRequest(endpoint('ContainerCreate')).path.split('?')[1],
    )
    const resize = exampleRequest(endpoint('ContainerResize'))
    expect(resize.path.startsWith(`/containers/${created.get('name')}/resize`)).toBe(true)
  })

  it('points exec examples at the newest exec instance when there is one', () => {
    const id = 'a'.repeat(64)
    expect(exampleRequest(endpoint('ExecResize'), { exec: id }).path).toContain(
      `/exec/${id}/resize`,
    )
    expect(exampleRequest(endpoint('ExecResize'), { exec: id }).needs).toBeNull()
    expect(exampleRequest(endpoint('ExecResize')).path).toMatch(/^\/exec\/[0-9a-f]{64}\/resize/)
    expect(exampleRequest(endpoint('ExecResize')).needs).toBe('exec')
  })

  it('uses the newest live container, and says when there is none yet', () => {
    const live = exampleRequest(endpoint('ContainerResize'), { container: 'k8s_top_demo' })
    expect(live.path.startsWith('/containers/k8s_top_demo/resize')).toBe(true)
    expect(live.needs).toBeNull()
    expect(exampleRequest(endpoint('ContainerResize')).needs).toBe('container')
    expect(exampleRequest(endpoint('ContainerList')).needs).toBeNull()
  })

  it('fills the newest container where the example id is followed by a query, or sits in one', () => {
    // A trainer's class got 404 from both: the sample ids stayed.
    const remove = exampleRequest(endpoint('ContainerDelete'), { container: 'k8s_top_demo' })
    expect(remove.path).toBe('/containers/k8s_top_demo?v=1&force=1')
    const commit = exampleRequest(endpoint('ImageCommit'), { container: 'k8s_top_demo' })
    expect(new URLSearchParams(commit.path.split('?')[1]).get('container')).toBe('k8s_top_demo')
    expect(exampleRequest(endpoint('ImageCommit')).needs).toBe('container')
  })

  it('sends no body for a GET', () => {
    expect(exampleRequest(endpoint('ContainerList')).body).toBe('')
  })
})
