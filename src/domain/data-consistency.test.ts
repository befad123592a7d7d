/**
 * Consistency rules for data/*.json, one named test per rule (in the spirit of MDN
 * browser-compat-data's linters). Facts are checked against independent inputs where possible:
 * the seed article's own text and the reference files in /work/shared, parsed here from scratch.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import dockerReleasesJson from '../../data/docker-releases.json'
import endpointsJson from '../../data/endpoints-1.24.json'
import kubernetesJson from '../../data/kubernetes.json'
import { DATA_FILES, dockerReleases, endpoints, kubernetesReleases } from './data'
import { dockerReleasesFileSchema } from './schemas/docker-releases'
import { endpointsFileSchema } from './schemas/endpoints'
import { kubernetesFileSchema } from './schemas/kubernetes'
import { parseDataFile } from './validate-data'
import { compareApi } from './version'

const SHARED = process.env.SHARED_DIR ?? fileURLToPath(new URL('../../../shared/', import.meta.url))
const SEED_FILE = `${SHARED}seed/000_b2b531609b25d0cb.txt`
const REFERENCE_ENDPOINTS = `${SHARED}reference/endpoints-1.24.json`
const REFERENCE_KUBERNETES = `${SHARED}reference/kubernetes-facts.json`

/** "GET /containers/(id)/json" and "/containers/{id}/json" both become "GET /containers/{}/json". */
function routeKey(method: string, path: string): string {
  let p = path.split('?')[0]?.trim() ?? ''
  p = p.replace(/\([^)]*\)|<[^>]*>|\{[^}]*\}/g, '{}').replace(/\/\//g, '/{}/')
  if (p.endsWith('/')) p += '{}'
  return `${method} ${p}`
}

interface SeedRow {
  title: string
  path: string
  key: string
  tick14: boolean
  tick13: boolean
}

/** The article's endpoint table: rows of "title | METHOD path | 1.4 tick | 1.3 tick". */
function parseSeedTable(text: string): SeedRow[] {
  const start = text.indexOf('Docker API 1.24 |')
  const end = text.indexOf('1) 从表格')
  const cells = text
    .slice(start, end)
    .split('|')
    .map((c) => c.trim())
    .slice(4) // header
  const rows: SeedRow[] = []
  for (let i = 0; i < cells.length; i += 4) {
    const [title = '', path = '', t14 = '', t13 = ''] = cells.slice(i, i + 4)
    const match = /^(GET|POST|PUT|DELETE|HEAD) ([^,]+)/.exec(path)
    if (!match?.[1] || !match[2]) throw new Error(`unparsable seed row: ${path}`)
    rows.push({
      title,
      path,
      key: routeKey(match[1], match[2]),
      tick14: t14 === '√',
      tick13: t13 === '√',
    })
  }
  return rows
}

/** The article's Docker version table: "1.12x | 1.24 | 1.11.x | 1.23 | …". */
function parseSeedVersions(text: string): { label: string; api: string }[] {
  const start = text.indexOf('API版本 |')
  const end = text.indexOf('(三)')
  const cells = text
    .slice(start + 'API版本 |'.length, end)
    .split('|')
    .map((c) => c.trim())
    .filter((c) => c !== '')
  const rows: { label: string; api: string }[] = []
  for (let i = 0; i + 1 < cells.length; i += 2) {
    rows.push({ label: cells[i] ?? '', api: cells[i + 1] ?? '' })
  }
  return rows
}

describe('data files parse', () => {
  it('data/docker-releases.json parses with its schema', () => {
    expect(() =>
      parseDataFile(DATA_FILES.dockerReleases, dockerReleasesFileSchema, dockerReleasesJson),
    ).not.toThrow()
  })

  it('data/endpoints-1.24.json parses with its schema', () => {
    expect(() =>
      parseDataFile(DATA_FILES.endpoints, endpointsFileSchema, endpointsJson),
    ).not.toThrow()
  })

  it('data/kubernetes.json parses with its schema', () => {
    expect(() =>
      parseDataFile(DATA_FILES.kubernetes, kubernetesFileSchema, kubernetesJson),
    ).not.toThrow()
  })
})

describe('endpoints-1.24.json', () => {
  it('endpoint ids are unique', () => {
    const ids = endpoints.map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('method + route pairs are unique', () => {
    const keys = endpoints.map((e) => routeKey(e.method, e.path))
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('exactly 78 endpoints have no removedInApi, plus the copy row (79 in all)', () => {
    expect(endpoints).toHaveLength(79)
    const removed = endpoints.filter((e) => e.removedInApi !== undefined)
    expect(removed.map((e) => [e.id, e.method, e.path, e.removedInApi])).toEqual([
      ['ContainerCopy', 'POST', '/containers/{id}/copy', '1.24'],
    ])
  })

  it('sinceApi comes before removedInApi and no later than 1.24', () => {
    for (const e of endpoints) {
      expect(compareApi(e.sinceApi, '1.24'), e.id).toBeLessThanOrEqual(0)
      if (e.removedInApi) expect(compareApi(e.sinceApi, e.removedInApi), e.id).toBeLessThan(0)
    }
  })

  it('every {placeholder} in a path has a path parameter', () => {
    for (const e of endpoints) {
      const placeholders = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
      const pathParams = e.parameters.filter((p) => p.in === 'path').map((p) => p.name)
      expect(pathParams, e.id).toEqual(placeholders)
    }
  })

  it('status codes are unique per endpoint', () => {
    for (const e of endpoints) {
      const codes = e.statuses.map((s) => s.code)
      expect(new Set(codes).size, e.id).toBe(codes.length)
    }
  })

  it('every status where doc and daemon differ (documented !== real) carries a note', () => {
    for (const e of endpoints) {
      for (const s of e.statuses.filter((x) => x.documented !== x.real)) {
        expect(s.note, `${e.id} ${s.code}`).toBeDefined()
      }
    }
  })

  it('exec resize: 201 documented but never sent, 200 sent but undocumented', () => {
    const execResize = endpoints.find((e) => e.id === 'ExecResize')
    const status = (code: number) => execResize?.statuses.find((s) => s.code === code)
    expect(status(201)).toMatchObject({ documented: true, real: false })
    expect(status(200)).toMatchObject({ documented: false, real: true })
    expect(status(404)).toMatchObject({ documented: true, real: true })
    expect(execResize?.example.response.split('\n')[0]).toBe('HTTP/1.1 200 OK')
  })

  it('container resize answers a non-integer h/w with 500 and documents 200/404/500', () => {
    const resize = endpoints.find((e) => e.id === 'ContainerResize')
    expect(resize?.statuses.filter((s) => s.documented).map((s) => s.code)).toEqual([200, 404, 500])
    expect(resize?.statuses.find((s) => s.code === 500)?.message).toMatch(/^strconv\.ParseInt/)
  })

  it('the copy endpoint is a bare 404 at API 1.24 and is not in the v1.24 doc', () => {
    const copy = endpoints.find((e) => e.id === 'ContainerCopy')
    expect(copy?.statuses).toEqual([
      expect.objectContaining({ code: 404, documented: false, real: true }),
    ])
  })

  it("every example starts with the endpoint's method and answers with a status it really sends", () => {
    for (const e of endpoints) {
      const requestLine = e.example.request.split('\n')[0] ?? ''
      expect(requestLine.startsWith(`${e.method} /`), e.id).toBe(true)
      expect(requestLine.endsWith(' HTTP/1.1'), e.id).toBe(true)
      const code = Number(/^HTTP\/1\.1 (\d{3})/.exec(e.example.response)?.[1])
      const real = e.statuses.filter((s) => s.real).map((s) => s.code)
      expect(real, `${e.id} example answers ${code}`).toContain(code)
    }
  })

  it('experimental endpoints are exactly the six plugin endpoints', () => {
    const experimental = endpoints.filter((e) => e.experimental).map((e) => e.id)
    expect(experimental).toEqual(endpoints.filter((e) => e.group === 'plugins').map((e) => e.id))
    expect(experimental).toHaveLength(6)
  })

  it('every endpoint whose article ticks differ from the source carries a disagreement with a note and a source', () => {
    for (const e of endpoints) {
      const { article, source, disagreement } = e.kubernetes
      const differs = article['1.3'] !== source['1.3'] || article['1.4'] !== source['1.4']
      expect(disagreement !== undefined, e.id).toBe(differs)
      if (disagreement) expect(disagreement.sources.length, e.id).toBeGreaterThan(0)
    }
  })

  it('an endpoint is called by a release exactly when it has a caller for that release', () => {
    for (const e of endpoints) {
      for (const k8s of ['1.2', '1.3', '1.4'] as const) {
        const hasCaller = e.kubernetes.callers.some((c) => c.releases.includes(k8s))
        expect(hasCaller, `${e.id} ${k8s}`).toBe(e.kubernetes.source[k8s])
      }
    }
  })
})

describe('kubernetes.json', () => {
  it('every endpointId referenced in kubernetes.json exists', () => {
    const ids = new Set(endpoints.map((e) => e.id))
    for (const release of kubernetesReleases) {
      for (const method of release.methods) {
        expect(ids.has(method.endpointId), `${release.version} ${method.name}`).toBe(true)
      }
    }
  })

  it('source usage counts equal the DockerInterface method lists (1.4: 20, 1.3: 18, 1.2: 17 distinct endpoints)', () => {
    const expected = { '1.2': 17, '1.3': 18, '1.4': 20 } as const
    for (const release of kubernetesReleases) {
      const fromMethods = new Set(release.methods.map((m) => m.endpointId))
      const fromEndpoints = endpoints.filter((e) => e.kubernetes.source[release.version])
      expect(fromMethods.size, release.version).toBe(expected[release.version])
      expect(fromEndpoints.map((e) => e.id).sort(), release.version).toEqual(
        [...fromMethods].sort(),
      )
    }
  })

  it('every endpoint caller matches a DockerInterface method of that release', () => {
    for (const e of endpoints) {
      for (const caller of e.kubernetes.callers) {
        for (const k8s of caller.releases) {
          const release = kubernetesReleases.find((r) => r.version === k8s)
          const method = release?.methods.find((m) => m.name === caller.interfaceMethod)
          expect(method?.endpointId, `${e.id} ${k8s} ${caller.interfaceMethod}`).toBe(e.id)
        }
      }
    }
  })

  it('call sites only call DockerInterface methods of their release', () => {
    for (const release of kubernetesReleases) {
      const names = new Set(release.methods.map((m) => m.name))
      for (const site of release.callSites) {
        for (const call of site.calls)
          expect(names.has(call), `${site.function} ${call}`).toBe(true)
      }
    }
  })

  it('1.4 adds ResizeContainerTTY and ResizeExecTTY to 1.3 and nothing else', () => {
    const names = (v: string) =>
      kubernetesReleases.find((r) => r.version === v)?.methods.map((m) => m.name) ?? []
    const added = names('1.4').filter((n) => !names('1.3').includes(n))
    expect(added.sort()).toEqual(['ResizeContainerTTY', 'ResizeExecTTY'])
  })

  it('each minimum API is the API of the minimum Docker release named next to it', () => {
    for (const release of kubernetesReleases) {
      const docker = dockerReleases.find((d) => d.id === release.minDocker)
      expect(docker?.api, release.version).toBe(release.minApi)
    }
  })
})

describe('docker-releases.json', () => {
  it('release ids are unique', () => {
    const ids = dockerReleases.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('releases are sorted by API, then by first tag', () => {
    const tagNumbers = (tag: string) => (tag.match(/\d+/g) ?? []).map(Number)
    for (let i = 1; i < dockerReleases.length; i++) {
      const a = dockerReleases[i - 1]
      const b = dockerReleases[i]
      if (!a || !b) continue
      const byApi = compareApi(a.api, b.api)
      expect(byApi, `${a.id} before ${b.id}`).toBeLessThanOrEqual(0)
      if (byApi === 0) {
        const [ta, tb] = [tagNumbers(a.firstTag), tagNumbers(b.firstTag)]
        const cmp = ta.map((n, k) => n - (tb[k] ?? 0)).find((d) => d !== 0) ?? 0
        expect(cmp, `${a.firstTag} before ${b.firstTag}`).toBeLessThan(0)
      }
    }
  })

  it('apiMin ≤ api wherever apiMin is known', () => {
    for (const r of dockerReleases) {
      if (r.apiMin) expect(compareApi(r.apiMin, r.api), r.id).toBeLessThanOrEqual(0)
    }
  })

  it('Docker 1.12 speaks API 1.24 and accepts 1.12 and up', () => {
    expect(dockerReleases.find((r) => r.id === '1.12')).toMatchObject({
      api: '1.24',
      apiMin: '1.12',
    })
  })

  it('Docker 1.7.1 already enforced MinVersion 1.12; 1.7.0 had no lower bound', () => {
    // moby v1.7.1 api/common.go MinVersion = "1.12", checked in api/server/server.go makeHttpHandler;
    // v1.7.0 api/common.go has only APIVERSION.
    expect(dockerReleases.find((r) => r.firstTag === 'v1.7.0')).toMatchObject({ api: '1.19' })
    expect(dockerReleases.find((r) => r.firstTag === 'v1.7.0')?.apiMin).toBeUndefined()
    expect(dockerReleases.find((r) => r.firstTag === 'v1.7.1')).toMatchObject({
      api: '1.19',
      apiMin: '1.12',
    })
  })

  it('the table runs from 0.3.3 (API 1.0) to 29.6 (API 1.55) with no API version skipped', () => {
    expect(dockerReleases[0]).toMatchObject({ id: '0.3.3', api: '1.0' })
    expect(dockerReleases.at(-1)).toMatchObject({ id: '29.6', api: '1.55' })
    const minors = [...new Set(dockerReleases.map((r) => Number(r.api.split('.')[1])))]
    expect(minors).toEqual(Array.from({ length: 56 }, (_, i) => i))
  })
})

describe('against the seed article and the reference files', () => {
  const seed = readFileSync(SEED_FILE, 'utf8')
  const seedRows = parseSeedTable(seed)

  it('the endpoint set equals the 78 of the v1.24 reference plus the copy row', () => {
    const reference = JSON.parse(readFileSync(REFERENCE_ENDPOINTS, 'utf8')) as {
      method: string
      path: string
    }[]
    const expected = [
      ...reference.map((r) => routeKey(r.method, r.path)),
      'POST /containers/{}/copy',
    ]
    expect(reference).toHaveLength(78)
    expect(endpoints.map((e) => routeKey(e.method, e.path)).sort()).toEqual(expected.sort())
  })

  it('the article lists 79 rows, and every endpoint records its row as printed', () => {
    expect(seedRows).toHaveLength(79)
    for (const e of endpoints) {
      const row = seedRows.find((r) => r.key === routeKey(e.method, e.path))
      expect(e.article, e.id).toEqual({ listed: true, title: row?.title, path: row?.path })
    }
  })

  it('article ticks equal the seed table (22 for 1.4, 20 for 1.3)', () => {
    expect(seedRows.filter((r) => r.tick14)).toHaveLength(22)
    expect(seedRows.filter((r) => r.tick13)).toHaveLength(20)
    for (const e of endpoints) {
      const row = seedRows.find((r) => r.key === routeKey(e.method, e.path))
      expect(e.kubernetes.article, e.id).toEqual({ '1.3': row?.tick13, '1.4': row?.tick14 })
    }
  })

  it('source ticks equal the endpoints the reference found in the Kubernetes source', () => {
    const facts = JSON.parse(readFileSync(REFERENCE_KUBERNETES, 'utf8')) as {
      endpointsUsed: Record<'1.2' | '1.3' | '1.4', string[]>
    }
    for (const k8s of ['1.2', '1.3', '1.4'] as const) {
      const used = facts.endpointsUsed[k8s].map((s) => {
        const [method = '', path = ''] = s.split(' ')
        return routeKey(method, path)
      })
      const ours = endpoints
        .filter((e) => e.kubernetes.source[k8s])
        .map((e) => routeKey(e.method, e.path))
      expect(ours.sort(), k8s).toEqual(used.sort())
    }
  })

  it('documented statuses equal the status list of the doc shipped with Docker 1.12.6', () => {
    const reference = JSON.parse(readFileSync(REFERENCE_ENDPOINTS, 'utf8')) as {
      method: string
      path: string
      statuses: Record<string, string>
      notes?: string
    }[]
    for (const r of reference) {
      const shipped = /Status codes in the doc shipped with Docker v1\.12\.6: ([\d, ]+)/.exec(
        r.notes ?? '',
      )
      const expected = (shipped?.[1]?.split(',') ?? Object.keys(r.statuses)).map((c) =>
        Number(c.trim()),
      )
      const e = endpoints.find((x) => routeKey(x.method, x.path) === routeKey(r.method, r.path))
      const documented = e?.statuses.filter((s) => s.documented).map((s) => s.code)
      expect(documented, `${r.method} ${r.path}`).toEqual(expected.sort((a, b) => a - b))
    }
  })

  it('sinceApi agrees with the reference where it gives a version, and is ≤ 1.18 where it says "<=1.18"', () => {
    const reference = JSON.parse(readFileSync(REFERENCE_ENDPOINTS, 'utf8')) as {
      method: string
      path: string
      sinceApi: string
    }[]
    for (const r of reference) {
      const e = endpoints.find((x) => routeKey(x.method, x.path) === routeKey(r.method, r.path))
      if (!e) throw new Error(`${r.method} ${r.path} missing`)
      if (r.sinceApi === '<=1.18')
        expect(compareApi(e.sinceApi, '1.18'), e.id).toBeLessThanOrEqual(0)
      else expect(e.sinceApi, e.id).toBe(r.sinceApi)
    }
  })

  it("the article's version table is listed row by row in docker-releases.json, with its labels", () => {
    const rows = parseSeedVersions(seed)
    expect(rows).toHaveLength(11)
    const listed = dockerReleases.filter((r) => r.article.listed)
    expect(listed.map((r) => [r.article.label, r.api]).sort()).toEqual(
      rows.map((r) => [r.label, r.api]).sort(),
    )
  })
})
