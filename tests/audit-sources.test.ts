import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  auditArticle,
  auditKubeletSources,
  auditKubernetesCallSites,
  auditReference,
} from '../scripts/audit-sources.ts'
import { dockerReleases, endpoints, kubernetesReleases } from '../src/domain/data.ts'
import { kubeletOperations } from '../src/domain/kubelet-data.ts'
import { sitesOf } from '../src/kubelet/sites.ts'

/**
 * scripts/audit-sources.ts compares data/ with upstream texts that are not in the repository.
 * These tests give it texts in the upstream formats, written here from data/ and then altered,
 * to check that it finds each kind of mismatch and names it.
 */

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

interface ReferenceFiles {
  endpoints: { method: string; path: string; sinceApi: string; statuses: Record<string, string> }[]
  used: Record<'1.2' | '1.3' | '1.4', string[]>
  releaseRows: { releases: string; api: string }[]
}

/** The reference folder's three files as data/ says they read. */
function agreeingReference(): ReferenceFiles {
  const documented = endpoints.filter((e) => e.removedInApi === undefined)
  return {
    endpoints: documented.map((e) => ({
      method: e.method,
      path: e.path,
      sinceApi: e.sinceApi,
      statuses: Object.fromEntries(
        e.statuses.filter((s) => s.documented).map((s) => [String(s.code), 'doc']),
      ),
    })),
    used: {
      '1.2': documented
        .filter((e) => e.kubernetes.source['1.2'])
        .map((e) => `${e.method} ${e.path}`),
      '1.3': documented
        .filter((e) => e.kubernetes.source['1.3'])
        .map((e) => `${e.method} ${e.path}`),
      '1.4': documented
        .filter((e) => e.kubernetes.source['1.4'])
        .map((e) => `${e.method} ${e.path}`),
    },
    releaseRows: dockerReleases.map((r) => ({ releases: r.label, api: r.api })),
  }
}

/** reference/api-versions/docker-api-v1.23.md as far as the copy row cites it. */
const V123_DOC =
  '# 2. Endpoints\n\n## 2.1 Containers\n\n### Copy files or folders from a container\n\n## 2.2 Images\n'

function writeReference(files: ReferenceFiles, v123Doc = V123_DOC): string {
  const dir = mkdtempSync(join(tmpdir(), 'audit-reference-'))
  dirs.push(dir)
  mkdirSync(join(dir, 'api-versions'))
  writeFileSync(join(dir, 'api-versions', 'docker-api-v1.23.md'), v123Doc)
  writeFileSync(join(dir, 'endpoints-1.24.json'), JSON.stringify(files.endpoints))
  writeFileSync(join(dir, 'kubernetes-facts.json'), JSON.stringify({ endpointsUsed: files.used }))
  const table = files.releaseRows.map((r) => `| ${r.releases} | ${r.api} | src |`).join('\n')
  writeFileSync(
    join(dir, 'docker-api-facts.md'),
    `## (c)\n\n| Docker release(s) | API | Source(s) |\n|---|---|---|\n${table}\n\nNotes.\n`,
  )
  return dir
}

/** The article's two tables in its own layout: one cell per line, cells separated by " |". */
function articleText(): string {
  const cells = (values: string[]) => values.join(' |\n')
  const rows = endpoints.flatMap((e) => [
    e.article.title ?? '',
    e.article.path ?? '',
    e.kubernetes.article['1.4'] ? '√' : '',
    e.kubernetes.article['1.3'] ? '√' : '',
  ])
  const versions = dockerReleases
    .filter((r) => r.article.listed)
    .reverse()
    .flatMap((r) => [r.article.label ?? '', r.api])
  return [
    'Docker版本 |',
    `API版本 |\n${cells(versions)} |`,
    '(三)调用Docker API',
    `${cells(['Docker API 1.24', '使用方式', 'Kubernetes1.4', 'Kubernetes1.3', ...rows])}`,
    '1) 从表格中可以看出',
  ].join('\n')
}

const failing = (checks: { name: string; mismatches: string[] }[]) =>
  checks.filter((c) => c.mismatches.length > 0).map((c) => [c.name, c.mismatches])

describe('npm run audit:sources', () => {
  it('finds nothing when the texts say what data/ says', () => {
    expect(failing(auditReference(writeReference(agreeingReference())))).toEqual([])
    expect(failing(auditArticle(articleText()))).toEqual([])
  })

  it('names a cited section of an older doc that is numbered otherwise there', () => {
    const doc = V123_DOC.replace('## 2.1 Containers', '## 3.1 Containers')
    expect(failing(auditReference(writeReference(agreeingReference(), doc)))).toEqual([
      [
        'older doc sections',
        [
          'ContainerCopy docSection: v1.23 has no "## 2.1 Containers" (it has "## 3.1 Containers")',
          'ContainerCopy source "Docker Remote API v1.23 §2.1 Containers — Copy files or folders from a container (doc shipped with Docker 1.12.6)": v1.23 has no "## 2.1 Containers" (it has "## 3.1 Containers")',
        ],
      ],
    ])
  })

  it('names a documented status code the data lacks', () => {
    const files = agreeingReference()
    const ping = files.endpoints.find((e) => e.path === '/_ping')
    if (ping) ping.statuses['404'] = 'doc'
    expect(failing(auditReference(writeReference(files)))).toEqual([
      [
        'documented status codes',
        ['GET /_ping: data documents [200, 500], the 1.12.6 doc [200, 404, 500]'],
      ],
    ])
  })

  it('names an endpoint missing from the reference and a changed sinceApi', () => {
    const files = agreeingReference()
    files.endpoints = files.endpoints.filter((e) => e.path !== '/_ping')
    const list = files.endpoints.find((e) => e.path === '/containers/json')
    if (list) list.sinceApi = '1.9'
    expect(failing(auditReference(writeReference(files)))).toEqual([
      ['endpoint set', ['reference lists 77 endpoints, not 78', 'route: only in data: GET /_ping']],
      ['sinceApi', ['ContainerList: data 1.1, reference 1.9']],
    ])
  })

  it('names a Kubernetes call and a release line that disagree', () => {
    const files = agreeingReference()
    files.used['1.3'].push('POST /containers/{id}/resize')
    files.releaseRows = files.releaseRows.map((r) => (r.api === '1.22' ? { ...r, api: '1.21' } : r))
    const found = failing(auditReference(writeReference(files)))
    expect(found.map(([name]) => name)).toEqual(['Kubernetes source ticks', 'Docker release → API'])
    expect(found[0]?.[1]).toEqual(['Kubernetes 1.3: only upstream: POST /containers/{}/resize'])
    expect(found[1]?.[1]).toContain('API version: only in data: 1.22')
  })

  it("names an article row whose tick differs from the data's", () => {
    const text = articleText().replace(
      'POST /containers/(id)/kill |\n√ |\n√ |',
      'POST /containers/(id)/kill |\n√ |\n |',
    )
    expect(text).not.toBe(articleText())
    expect(failing(auditArticle(text))).toEqual([
      [
        'article ticks',
        ['ContainerKill: data {"1.3":true,"1.4":true}, article {"1.3":false,"1.4":true}'],
      ],
    ])
  })
})

describe('auditKubeletSources (--kube-git)', () => {
  /** Files in which every line data/kubelet names holds the call it should, the rest blank. */
  function agreeingSources(): Map<string, string[]> {
    const files = new Map<string, string[]>()
    for (const release of ['1.3', '1.4'] as const) {
      const { commit, operations } = kubeletOperations[release]
      const place = (ref: string, text: string) => {
        const [path = '', n = '0'] = ref.split(':')
        const key = `${commit}:${path}`
        const lines = files.get(key) ?? []
        while (lines.length < Number(n)) lines.push('')
        lines[Number(n) - 1] = text
        files.set(key, lines)
      }
      const via = '\tv, err := dm.APIVersion() // .ListImages() .GetPods( .IsImagePresent('
      for (const { site } of sitesOf(release)) {
        const call = `\tx, err := client.${site.method}(${site.method === 'Version' ? '' : 'id'})`
        place(`${site.line.file}:${site.line.line}`, call)
        if (site.via) place(`${site.via.file}:${site.via.line}`, via)
      }
      for (const call of operations.flatMap((o) => o.calls)) {
        place(
          call.source,
          `\tx, err := client.${call.dockerMethod}(${call.dockerMethod === 'Version' ? '' : 'id'})`,
        )
        if (call.via) place(call.via, via)
      }
      // data/kubernetes.json's call sites: the line that declares each function
      for (const site of kubernetesReleases.find((r) => r.version === release)?.callSites ?? [])
        place(
          `${site.file}:${site.line}`,
          `func (x *T) ${site.function.split('.').pop()}(id string) error {`,
        )
    }
    return files
  }
  const reader = (files: Map<string, string[]>) => (commit: string, path: string) =>
    files.get(`${commit}:${path}`)?.join('\n') ?? null

  it('agrees when every line calls what the data says', () => {
    const checks = auditKubeletSources(reader(agreeingSources()))
    expect(checks.map((c) => c.name)).toEqual([
      'kubelet 1.3 source lines',
      'kubelet 1.4 source lines',
    ])
    expect(checks.flatMap((c) => c.mismatches)).toEqual([])
  })

  it('reads the model’s call sites that no operation reaches, and the functions kubernetes.json names', () => {
    const files = agreeingSources()
    const { commit } = kubeletOperations['1.4']
    expect(auditKubernetesCallSites(reader(files)).mismatches).toEqual([])
    // RemoveImage tag by tag (an image with several tags) is in no operation of the data
    const tagSite = sitesOf('1.4').find(({ id }) => id === 'removeImageTag')?.site
    expect(tagSite).toBeDefined()
    const gc = files.get(`${commit}:${tagSite?.line.file}`) ?? []
    gc[(tagSite?.line.line ?? 0) - 1] = '\tfor _, tag := range tags {'
    // ExecInContainer is declared on line 112, not on the CreateExec call of line 120
    const exec = files.get(`${commit}:pkg/kubelet/dockertools/exec.go`) ?? []
    exec[111] = '\t// ExecInContainer runs a command'
    expect(auditKubeletSources(reader(files)).flatMap((c) => c.mismatches)).toContain(
      `site removeImageTag: v1.4.0 ${tagSite?.line.file}:${tagSite?.line.line} reads "for _, tag := range tags {", not a call of .RemoveImage(`,
    )
    expect(auditKubernetesCallSites(reader(files)).mismatches).toEqual([
      'NativeExecHandler.ExecInContainer: v1.4.0 pkg/kubelet/dockertools/exec.go:112 reads "// ExecInContainer runs a command", not func ExecInContainer(',
    ])
  })

  it('names a line that calls something else, and a file missing at the commit', () => {
    const files = agreeingSources()
    const { commit } = kubeletOperations['1.4']
    const exec = files.get(`${commit}:pkg/kubelet/dockertools/exec.go`) ?? []
    exec[119] = '\tcreateOpts := dockertypes.ExecConfig{'
    files.delete(`${commit}:pkg/kubelet/dockertools/container_gc.go`)
    const mismatches = auditKubeletSources(reader(files)).flatMap((c) => c.mismatches)
    expect(mismatches).toContain(
      'exec: v1.4.0 pkg/kubelet/dockertools/exec.go:120 reads "createOpts := dockertypes.ExecConfig{", not a call of .CreateExec(',
    )
    expect(mismatches).toContain(
      'container-gc: v1.4.0 pkg/kubelet/dockertools/container_gc.go:134 does not exist',
    )
  })
})
