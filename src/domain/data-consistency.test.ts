/**
 * Consistency rules for data/*.json, one named test per rule (in the spirit of MDN
 * browser-compat-data's linters). They need nothing outside the repository. Whether the data
 * still agrees with the upstream texts it was written from (the seed article, Docker's reference)
 * is checked by `npm run audit:sources -- --reference DIR` (scripts/audit-sources.ts).
 */
import { describe, expect, it } from 'vitest'
import dockerReleasesJson from '../../data/docker-releases.json'
import endpointsJson from '../../data/endpoints-1.24.json'
import kubernetesJson from '../../data/kubernetes.json'
import lessonsJson from '../../data/lessons.json'
import { DATA_FILES, dockerReleases, endpoints, kubernetesReleases } from './data.ts'
import { dockerReleasesFileSchema } from './schemas/docker-releases.ts'
import { endpointsFileSchema } from './schemas/endpoints.ts'
import { kubernetesFileSchema } from './schemas/kubernetes.ts'
import { parseDataFile } from './validate-data.ts'
import { compareApi } from './version.ts'
import { fullWidthPunctuation } from './zh-punctuation.ts'

/** "GET /containers/(id)/json" and "/containers/{id}/json" both become "GET /containers/{}/json". */
function routeKey(method: string, path: string): string {
  let p = path.split('?')[0]?.trim() ?? ''
  p = p.replace(/\([^)]*\)|<[^>]*>|\{[^}]*\}/g, '{}').replace(/\/\//g, '/{}/')
  if (p.endsWith('/')) p += '{}'
  return `${method} ${p}`
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

  it('status codes are unique per endpoint, except a code split by message (one row per case)', () => {
    for (const e of endpoints) {
      const keys = e.statuses.map((s) => `${s.code} ${s.message ?? ''}`)
      expect(new Set(keys).size, e.id).toBe(keys.length)
      // Rows of one code stay together, so a reader sees every case of that status at once.
      const codes = e.statuses.map((s) => s.code)
      expect(
        codes.filter((c, i) => i > 0 && codes[i - 1] !== c && codes.slice(0, i).includes(c)),
        e.id,
      ).toEqual([])
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

  it('exec examples name the exec instance the ContainerExec example creates, by its full id', () => {
    // The daemon looks exec instances up by full id only (a 12-character prefix answers 404), so
    // an example with a short one is a request it would not answer as shown.
    const created = endpoints.find((e) => e.id === 'ContainerExec')?.example.response ?? ''
    const id = /"Id":"([0-9a-f]{64})"/.exec(created)?.[1]
    expect(id).toBeDefined()
    for (const e of endpoints.filter((x) => x.path.startsWith('/exec/{id}'))) {
      expect(e.example.request.split(' ')[1], e.id).toMatch(new RegExp(`^/exec/${id}(?:/|$)`))
    }
  })

  it('Chinese texts use full-width punctuation where it touches Chinese (npm run fix:zh)', () => {
    const texts: string[] = []
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk)
      else if (typeof value === 'object' && value !== null)
        for (const [key, v] of Object.entries(value)) {
          if (key === 'zh' && typeof v === 'string') texts.push(v)
          else walk(v)
        }
    }
    walk([endpointsJson, kubernetesJson, lessonsJson, dockerReleasesJson])
    expect(texts.length).toBeGreaterThan(300)
    expect(texts.filter((text) => fullWidthPunctuation(text) !== text)).toEqual([])
  })

  it('a lesson source whose label explains something (after a colon) has a Chinese label', () => {
    const sources = (
      lessonsJson.lessons as { steps: { sources?: { label: string; labelZh?: string }[] }[] }[]
    ).flatMap((lesson) => lesson.steps.flatMap((step) => step.sources ?? []))
    const explaining = sources.filter((source) => /: \S+ \S+/.test(source.label))
    expect(explaining.length).toBeGreaterThan(0)
    expect(explaining.filter((source) => source.labelZh === undefined)).toEqual([])
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

  it('the article lists all 79 rows, each printed with its own method and route', () => {
    for (const e of endpoints) {
      expect(e.article.listed, e.id).toBe(true)
      const printed = /^(GET|POST|PUT|DELETE|HEAD) ([^,]+)/.exec(e.article.path ?? '')
      expect(printed?.[1], e.id).toBe(e.method)
      expect(routeKey(e.method, printed?.[2] ?? ''), e.id).toBe(routeKey(e.method, e.path))
    }
  })

  it('the article ticks 22 endpoints for Kubernetes 1.4 and 20 for 1.3', () => {
    expect(endpoints.filter((e) => e.kubernetes.article['1.4'])).toHaveLength(22)
    expect(endpoints.filter((e) => e.kubernetes.article['1.3'])).toHaveLength(20)
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

  it("the article's version table: 11 lines, one per API from 1.14 (1.2.x) to 1.24 (1.12x)", () => {
    const listed = dockerReleases.filter((r) => r.article.listed)
    expect(listed.map((r) => r.api)).toEqual(Array.from({ length: 11 }, (_, i) => `1.${14 + i}`))
    expect(listed[0]?.article).toEqual({ listed: true, label: '1.2.x' })
    expect(listed.at(-1)?.article).toEqual({ listed: true, label: '1.12x' })
  })

  it('the table runs from 0.3.3 (API 1.0) to 29.6 (API 1.55) with no API version skipped', () => {
    expect(dockerReleases[0]).toMatchObject({ id: '0.3.3', api: '1.0' })
    expect(dockerReleases.at(-1)).toMatchObject({ id: '29.6', api: '1.55' })
    const minors = [...new Set(dockerReleases.map((r) => Number(r.api.split('.')[1])))]
    expect(minors).toEqual(Array.from({ length: 56 }, (_, i) => i))
  })
})
