import { describe, expect, it } from 'vitest'
import { endpoints } from './data.ts'
import { type EndpointFilter, filterEndpoints, summarizeUsage } from './filter-endpoints.ts'
import { toEndpointRow } from './rows.ts'

const rows = endpoints.map(toEndpointRow)
const ANY: EndpointFilter = {
  q: '',
  method: '',
  group: '',
  k13: 'any',
  k14: 'any',
  changed: false,
  api: '',
}
const ids = (filter: Partial<EndpointFilter>) =>
  filterEndpoints(rows, { ...ANY, ...filter })
    .map((row) => row.id)
    .sort()

describe('filterEndpoints', () => {
  it('keeps every row without filters', () => {
    expect(ids({})).toHaveLength(rows.length)
  })

  it('matches free text on path, method, title and id, every word required', () => {
    expect(ids({ q: 'resize' })).toEqual(['ContainerResize', 'ExecResize'])
    expect(ids({ q: 'POST /exec resize' })).toEqual(['ExecResize'])
    expect(ids({ q: 'RESIZE' })).toEqual(['ContainerResize', 'ExecResize'])
    expect(ids({ q: '  ' })).toHaveLength(rows.length)
    expect(ids({ q: 'no such endpoint anywhere' })).toEqual([])
  })

  it('matches the Chinese titles too', () => {
    const resize = rows.find((row) => row.id === 'ContainerResize')
    if (!resize) throw new Error('ContainerResize missing')
    expect(ids({ q: resize.title.zh })).toContain('ContainerResize')
  })

  it('finds what Kubernetes 1.4 added over 1.3, two ways', () => {
    expect(ids({ changed: true })).toEqual(['ContainerResize', 'ExecResize'])
    expect(ids({ k13: 'no', k14: 'yes' })).toEqual(['ContainerResize', 'ExecResize'])
  })

  it('uses the source, not the article, for usage', () => {
    expect(ids({ k14: 'yes' })).toHaveLength(20)
    expect(ids({ k13: 'yes' })).toHaveLength(18)
    expect(ids({ k14: 'yes' })).not.toContain('ContainerKill')
    expect(ids({ k14: 'no', q: 'kill' })).toEqual(['ContainerKill'])
  })

  it('combines method and group facets', () => {
    const exec = ids({ group: 'exec', method: 'POST' })
    expect(exec).toContain('ExecResize')
    expect(exec).not.toContain('ExecInspect')
  })

  it('offers only what a given daemon served: swarm mode arrived with API 1.24', () => {
    const at121 = ids({ api: '1.21' })
    expect(at121).not.toContain('SwarmInit')
    expect(at121).toContain('ContainerCopy')
    expect(at121).toContain('VolumeList')
    const at124 = ids({ api: '1.24' })
    expect(at124).toContain('SwarmInit')
    expect(at124).not.toContain('ContainerCopy')
  })
})

describe('summarizeUsage', () => {
  it('counts the 78 live endpoints and the real and ticked usage', () => {
    expect(summarizeUsage(rows)).toEqual({
      total: 78,
      source: { '1.2': 17, '1.3': 18, '1.4': 20 },
      article: { '1.3': 20, '1.4': 22 },
    })
  })
})
