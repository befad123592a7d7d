import { describe, expect, it } from 'vitest'
import { endpoints } from '../../domain/data.ts'
import { toEndpointRow } from '../../domain/rows.ts'
import { matrixCsv } from './matrix-csv.ts'

const rows = endpoints.map(toEndpointRow)

describe('matrixCsv', () => {
  it('writes one line per row plus a header, in the order given', () => {
    const picked = rows.filter((row) => row.id === 'ExecResize' || row.id === 'ContainerKill')
    const lines = matrixCsv(picked, 'en').trimEnd().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]?.split(',').slice(0, 4)).toEqual(['id', 'title', 'method', 'path'])
    expect(lines[1]?.startsWith(`${picked[0]?.id},`)).toBe(true)
  })

  it('records the article’s wrong ticks next to the source', () => {
    const kill = rows.filter((row) => row.id === 'ContainerKill')
    const [header, line] = matrixCsv(kill, 'en').trimEnd().split('\r\n')
    const record = Object.fromEntries(
      (header ?? '').split(',').map((name, i) => [name, (line ?? '').split(',')[i]]),
    )
    expect(record['k8s1.4 (source)']).toBe('no')
    expect(record['k8s1.4 (article)']).toBe('yes')
    expect(record.articleDisagrees).toBe('yes')
  })

  it('uses the Chinese title when asked', () => {
    const resize = rows.filter((row) => row.id === 'ContainerResize')
    expect(matrixCsv(resize, 'zh')).toContain(resize[0]?.title.zh)
  })
})
