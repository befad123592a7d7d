import { describe, expect, it } from 'vitest'
import endpointsJson from '../../data/endpoints-1.24.json'
import { endpointsFileSchema } from './schemas/endpoints.ts'
import { formatPath, parseDataFile } from './validate-data.ts'

/** A deep copy of the endpoints file with one entry broken by `breakIt`. */
function withBrokenEntry(id: string, breakIt: (entry: Record<string, unknown>) => void) {
  const copy = structuredClone(endpointsJson) as { endpoints: Record<string, unknown>[] }
  const index = copy.endpoints.findIndex((e) => e.id === id)
  const entry = copy.endpoints[index]
  if (!entry) throw new Error(`${id} not in data`)
  breakIt(entry)
  return { copy, index }
}

describe('parseDataFile', () => {
  it('returns the parsed data for a valid file', () => {
    const parsed = parseDataFile('data/endpoints-1.24.json', endpointsFileSchema, endpointsJson)
    expect(parsed.endpoints.length).toBeGreaterThan(0)
  })

  it('names the file, the entry id and index, and the field path of a malformed entry', () => {
    const { copy, index } = withBrokenEntry('ExecResize', (entry) => {
      const statuses = entry.statuses as Record<string, unknown>[]
      if (statuses[0]) statuses[0].code = '200'
    })
    expect(() => parseDataFile('data/endpoints-1.24.json', endpointsFileSchema, copy)).toThrow(
      `data/endpoints-1.24.json: endpoint "ExecResize" (index ${index}): statuses[0].code: `,
    )
    expect(() => parseDataFile('data/endpoints-1.24.json', endpointsFileSchema, copy)).toThrow(
      /expected number/,
    )
  })

  it('reports every problem, one line each', () => {
    const { copy } = withBrokenEntry('ContainerList', (entry) => {
      entry.method = 'FETCH'
      entry.sinceApi = '1.x'
    })
    let message = ''
    try {
      parseDataFile('data/endpoints-1.24.json', endpointsFileSchema, copy)
    } catch (error) {
      message = error instanceof Error ? error.message : String(error)
    }
    const lines = message.split('\n')
    expect(lines).toHaveLength(2)
    expect(lines.some((l) => l.includes('endpoint "ContainerList" (index 0): method: '))).toBe(true)
    expect(lines.some((l) => l.includes('endpoint "ContainerList" (index 0): sinceApi: '))).toBe(
      true,
    )
  })

  it('falls back to the index when the entry has no id', () => {
    const { copy, index } = withBrokenEntry('SystemPing', (entry) => {
      entry.id = 42
    })
    expect(() => parseDataFile('data/endpoints-1.24.json', endpointsFileSchema, copy)).toThrow(
      `data/endpoints-1.24.json: endpoint at index ${index}: id: `,
    )
  })
})

describe('formatPath', () => {
  it('writes array indices in brackets and keys with dots', () => {
    expect(formatPath(['statuses', 0, 'code'])).toBe('statuses[0].code')
    expect(formatPath(['kubernetes', 'article', '1.4'])).toBe('kubernetes.article.1.4')
    expect(formatPath([])).toBe('')
  })
})
