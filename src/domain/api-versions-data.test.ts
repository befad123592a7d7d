import { describe, expect, it } from 'vitest'
import firstShippedJson from '../../data/api-versions/first-shipped.json'
import { changeKey, diffVersions } from './api-diff.ts'
import { API_VERSION_FILES, apiVersionFile, firstShipped } from './api-versions.ts'
import { endpoints as endpoints124 } from './data.ts'
import {
  type ApiParam,
  apiVersionFileSchema,
  firstShippedFileSchema,
} from './schemas/api-versions.ts'
import { parseDataFile } from './validate-data.ts'

/**
 * data/api-versions/*.json against the references they were generated from. The expected numbers
 * and rows below were counted and read in the reference texts by hand (never taken from the
 * generator's output); the texts themselves are not read here (npm run data:api-versions -- --check
 * and npm run audit:sources do that).
 */

const file = (api: string) => {
  const f = apiVersionFile(api)
  if (!f) throw new Error(`no data for API ${api}`)
  return f
}
const endpoint = (api: string, id: string) => {
  const e = file(api).endpoints.find((x) => x.id === id)
  if (!e) throw new Error(`API ${api} has no ${id}`)
  return e
}
const param = (api: string, id: string, name: string, where: ApiParam['in']) =>
  endpoint(api, id).params.find((p) => p.name === name && p.in === where)

describe('data/api-versions: schema', () => {
  it.each(API_VERSION_FILES.map((f) => [f.api, f]))('%s.json matches its schema', (api, f) => {
    expect(() =>
      parseDataFile(`data/api-versions/${api}.json`, apiVersionFileSchema, f),
    ).not.toThrow()
  })

  it('holds the eight versions 1.18 to 1.25, oldest first', () => {
    expect(API_VERSION_FILES.map((f) => f.api)).toEqual([
      '1.18',
      '1.19',
      '1.20',
      '1.21',
      '1.22',
      '1.23',
      '1.24',
      '1.25',
    ])
  })

  it('uses the endpoint ids and paths of endpoints-1.24.json for every endpoint 1.24 has', () => {
    const known = new Map(endpoints124.map((e) => [e.id, e]))
    for (const f of API_VERSION_FILES.filter((x) => x.api !== '1.25'))
      for (const e of f.endpoints) {
        expect(known.get(e.id)?.path, `${f.api} ${e.id}`).toBe(e.path)
        expect(known.get(e.id)?.method, `${f.api} ${e.id}`).toBe(e.method)
      }
  })

  it('has no endpoint twice in a version', () => {
    for (const f of API_VERSION_FILES)
      expect(new Set(f.endpoints.map((e) => e.id)).size, f.api).toBe(f.endpoints.length)
  })
})

describe('data/api-versions: counts match the references', () => {
  // Counted in the reference texts with grep/awk (endpoint lines `METHOD /path` outside HTML
  // comments; bold bullets under Query/JSON parameters and Request Headers, whether the label is
  // bold or, as in 1.24's swarm sections, plain "JSON Parameters:"; bold codes under Status
  // codes, each code once per endpoint), and in the swagger (operationIds, response codes,
  // query and header parameters).
  const expected: Record<string, { endpoints: number; params: number; statuses: number }> = {
    '1.18': { endpoints: 43, params: 123, statuses: 128 },
    '1.19': { endpoints: 43, params: 133, statuses: 128 },
    '1.20': { endpoints: 46, params: 140, statuses: 137 },
    '1.21': { endpoints: 56, params: 162, statuses: 167 },
    '1.22': { endpoints: 57, params: 176, statuses: 172 },
    '1.23': { endpoints: 57, params: 184, statuses: 172 },
    // 252 status lines: PluginPull lists 500 twice.
    '1.24': { endpoints: 78, params: 356, statuses: 251 },
  }
  it.each(Object.entries(expected))('%s', (api, counts) => {
    const f = file(api)
    expect(f.endpoints.length).toBe(counts.endpoints)
    expect(f.endpoints.reduce((n, e) => n + e.params.length, 0)).toBe(counts.params)
    expect(f.endpoints.reduce((n, e) => n + e.statuses.length, 0)).toBe(counts.statuses)
  })

  it('1.25 (swagger): 94 operations, 281 response codes, 128 query and header parameters', () => {
    const f = file('1.25')
    expect(f.endpoints.length).toBe(94)
    expect(f.endpoints.reduce((n, e) => n + e.statuses.length, 0)).toBe(281)
    expect(f.endpoints.flatMap((e) => e.params).filter((p) => p.in !== 'body').length).toBe(128)
  })
})

describe('data/api-versions: hand-checked rows', () => {
  // [api, endpoint id, parameter, where, type, default (undefined: none given)]
  const params: [string, string, string, ApiParam['in'], ApiParam['type'], string | undefined][] = [
    ['1.18', 'ContainerTop', 'ps_args', 'query', 'unspecified', '-ef'],
    ['1.18', 'ContainerLogs', 'tail', 'query', 'unspecified', 'all'],
    ['1.18', 'ContainerStop', 't', 'query', 'integer', undefined],
    ['1.18', 'ContainerKill', 'signal', 'query', 'unspecified', undefined],
    ['1.18', 'ImageDelete', 'noprune', 'query', 'boolean', 'false'],
    ['1.18', 'ImageSearch', 'term', 'query', 'unspecified', undefined],
    ['1.18', 'ImageCreate', 'fromImage', 'query', 'unspecified', undefined],
    ['1.18', 'ContainerCreate', 'Hostname', 'body', 'string', undefined],
    ['1.19', 'ContainerStats', 'stream', 'query', 'boolean', 'true'],
    ['1.19', 'ContainerLogs', 'since', 'query', 'integer', '0'],
    ['1.19', 'ContainerCreate', 'HostConfig.CpuQuota', 'body', 'unspecified', undefined],
    ['1.21', 'ContainerList', 'size', 'query', 'boolean', undefined],
    ['1.21', 'ContainerInspect', 'size', 'query', 'boolean', 'false'],
    ['1.21', 'ExecStart', 'Tty', 'body', 'boolean', undefined],
    ['1.21', 'VolumeCreate', 'Driver', 'body', 'unspecified', 'local'],
    ['1.22', 'NetworkCreate', 'CheckDuplicate', 'body', 'unspecified', 'false'],
    ['1.22', 'NetworkDisconnect', 'Force', 'body', 'unspecified', undefined],
    ['1.23', 'ImageLoad', 'quiet', 'query', 'boolean', '0'],
    ['1.23', 'ImageTag', 'force', 'query', 'boolean', 'false'],
    ['1.23', 'ContainerCreate', 'HostConfig.PidsLimit', 'body', 'unspecified', undefined],
    ['1.24', 'ImageSearch', 'limit', 'query', 'unspecified', undefined],
    ['1.24', 'ContainerCreate', 'HostConfig.Sysctls', 'body', 'array', undefined],
    ['1.24', 'SwarmLeave', 'force', 'query', 'boolean', undefined],
    ['1.24', 'ContainerLogs', 'details', 'query', 'boolean', 'false'],
    ['1.25', 'ContainerKill', 'signal', 'query', 'string', 'SIGKILL'],
  ]
  it.each(params)('%s %s %s (%s): %s, default %s', (api, id, name, where, type, fallback) => {
    const p = param(api, id, name, where)
    expect(p).toBeDefined()
    expect(p?.type).toBe(type)
    expect(p?.default).toBe(fallback)
  })

  // Parameters a version's reference does not list.
  const absent: [string, string, string, ApiParam['in']][] = [
    ['1.18', 'ContainerStats', 'stream', 'query'],
    ['1.23', 'ContainerLogs', 'details', 'query'],
    ['1.24', 'ImageTag', 'force', 'query'],
    ['1.21', 'ContainerCreate', 'HostConfig.OomScoreAdj', 'body'],
  ]
  it.each(absent)('%s %s lists no %s (%s)', (api, id, name, where) => {
    expect(param(api, id, name, where)).toBeUndefined()
  })

  const statuses: [string, string, number[]][] = [
    ['1.18', 'ContainerCreate', [201, 400, 404, 406, 409, 500]],
    ['1.20', 'ExecStart', [200, 404]],
    ['1.21', 'ExecStart', [200, 404, 409]],
    ['1.24', 'ExecResize', [201, 404]],
    ['1.24', 'NetworkCreate', [201, 403, 404, 500]],
    ['1.24', 'ImageList', []],
    ['1.25', 'PluginInspect', [200, 404, 500]],
  ]
  it.each(statuses)('%s %s documents %j', (api, id, codes) => {
    expect(endpoint(api, id).statuses).toEqual(codes)
  })

  it('reads filter names: 1.21 containers exited, status, label; 1.24 adds six', () => {
    expect(param('1.21', 'ContainerList', 'filters', 'query')?.filters).toEqual([
      'exited',
      'status',
      'label',
    ])
    expect(param('1.24', 'ContainerList', 'filters', 'query')?.filters).toEqual([
      'exited',
      'status',
      'label',
      'isolation',
      'ancestor',
      'before',
      'since',
      'volume',
      'network',
    ])
  })

  it('1.24 files the plugin endpoints as experimental at /plugins/{name}; 1.25 moves inspect to /json', () => {
    expect(endpoint('1.24', 'PluginInspect')).toMatchObject({
      path: '/plugins/{name}',
      experimental: true,
      section: '3.6 Plugins',
    })
    expect(endpoint('1.25', 'PluginInspect').path).toBe('/plugins/{name}/json')
  })

  it('keeps section numbers and headings: 2.x in 1.18–1.23, 3.x in 1.24', () => {
    expect(endpoint('1.21', 'NetworkList')).toMatchObject({
      section: '2.5 Networks',
      heading: 'List networks',
      anchor: 'list-networks',
    })
    expect(endpoint('1.24', 'ExecResize')).toMatchObject({
      section: '3.3 Misc',
      heading: 'Exec Resize',
    })
  })
})

describe('data/api-versions: the changelog', () => {
  const older = API_VERSION_FILES.filter((f) => f.api !== '1.25')

  it('maps every bullet from 1.18 to 1.24 to rows, endpoints or "not per endpoint"', () => {
    for (const f of older)
      for (const b of f.changelog) {
        if (b.scope === 'rows') expect(b.rows.length, `${f.api} #${b.n}`).toBeGreaterThan(0)
        if (b.scope === 'endpoint')
          expect(b.endpoints.length, `${f.api} #${b.n}`).toBeGreaterThan(0)
        expect(b.scope, `${f.api} #${b.n}`).not.toBe('undocumented-endpoint')
      }
  })

  it('has as many bullets as the histories list (the later one adds LxcConf to 1.22)', () => {
    // Counted in docker-api-version-history.md, sections v1.18 … v1.24.
    expect(older.map((f) => f.changelog.length)).toEqual([8, 6, 4, 20, 22, 17, 22])
    const laterOnly = older.flatMap((f) =>
      f.changelog.filter((b) => b.listedIn !== 'both').map((b) => `${f.api}#${b.n}`),
    )
    expect(laterOnly).toEqual(['1.22#1'])
  })

  it('every row a bullet claims is a row of the diff it names', () => {
    API_VERSION_FILES.forEach((f) => {
      for (const b of f.changelog)
        for (const row of b.rows) {
          const api = row.api ?? f.api
          const index = API_VERSION_FILES.findIndex((x) => x.api === api)
          const before = API_VERSION_FILES[index - 1]
          const after = API_VERSION_FILES[index]
          expect(before && after, `${f.api} #${b.n}`).toBeTruthy()
          if (!before || !after) continue
          const keys = diffVersions(before, after).map(changeKey)
          expect(keys, `${f.api} #${b.n}`).toContain(changeKey(row))
        }
    })
  })

  it('the diff finds the 29 endpoint additions the changelog leaves out', () => {
    const unlisted: string[] = []
    for (let i = 1; i < older.length; i++) {
      const before = older[i - 1]
      const after = older[i]
      if (!before || !after) continue
      const claimed = new Set(
        API_VERSION_FILES.flatMap((f) =>
          f.changelog.flatMap((b) =>
            b.rows.filter((r) => (r.api ?? f.api) === after.api).map(changeKey),
          ),
        ),
      )
      for (const c of diffVersions(before, after))
        if (c.kind === 'endpoint-added' && !claimed.has(changeKey(c)))
          unlisted.push(`${after.api} ${c.endpoint}`)
    }
    expect(unlisted).toHaveLength(29)
    expect(unlisted.filter((u) => u.startsWith('1.20 '))).toEqual(['1.20 ContainerArchiveHead'])
    expect(unlisted.filter((u) => u.startsWith('1.21 '))).toHaveLength(6)
    expect(unlisted.filter((u) => u.startsWith('1.21 ')).every((u) => u.includes('Network'))).toBe(
      true,
    )
    expect(unlisted.filter((u) => u.startsWith('1.24 '))).toHaveLength(22)
  })
})

describe('data/api-versions/first-shipped.json', () => {
  it('matches its schema: 1.18 to 1.24 at the first release of each, and 1.24 at 1.12.6', () => {
    const file = parseDataFile(
      'data/api-versions/first-shipped.json',
      firstShippedFileSchema,
      firstShippedJson,
    )
    expect(file.versions.map((v) => `${v.api} ${v.tag}`)).toEqual([
      '1.18 v1.6.0',
      '1.19 v1.7.0',
      '1.20 v1.8.0',
      '1.21 v1.9.0',
      '1.22 v1.10.0',
      '1.23 v1.11.0',
      '1.24 v1.12.0',
      '1.24 v1.12.6',
    ])
  })

  // Read in the texts at the tags (git show v1.9.0:docs/reference/api/docker_remote_api_v1.21.md …).
  const has = (api: string, endpoint: string, kind: string, name: string) =>
    firstShipped(api)[0]?.differences.some(
      (d) => d.endpoint === endpoint && d.kind === kind && d.name === name,
    )
  it('records corrections read in both texts', () => {
    // v1.9.0 documents 201 for network connect; the 1.12.6 copy says 200.
    expect(has('1.21', 'NetworkConnect', 'status-removed', '201')).toBe(true)
    expect(has('1.21', 'NetworkConnect', 'status-added', '200')).toBe(true)
    // v1.6.0 documents 201 for exec start; the 1.12.6 copy says 200.
    expect(has('1.18', 'ExecStart', 'status-removed', '201')).toBe(true)
    // The v1.12.0 text documents 69 endpoints; swarm and plugin sections were completed later.
    expect(firstShipped('1.24')[0]?.endpoints).toBe(69)
    // The 1.24 data is read from the later docs/api/v1.24.md, which added a 403 to network
    // create that the text shipped with Docker 1.12.6 lacks (endpoints-1.24.json says the same).
    expect(
      firstShipped('1.24')[1]?.differences.some(
        (d) => d.endpoint === 'NetworkCreate' && d.kind === 'status-added' && d.name === '403',
      ),
    ).toBe(true)
    // Nothing is recorded where the texts agree: 1.21's List containers is the same in both.
    expect(firstShipped('1.21')[0]?.differences.some((d) => d.endpoint === 'ContainerList')).toBe(
      false,
    )
  })
})
