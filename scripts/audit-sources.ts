/**
 * Checks the project's data (data/*.json) against the upstream texts it was written from:
 * the seed article and the reference folder (Docker's v1.24 endpoint list with its documented
 * status codes, the Docker release → API table, what Kubernetes 1.2–1.4 really called).
 *
 *   npm run audit:sources -- --reference DIR [--article FILE] [--kube-git GITDIR]
 *   npm run audit:sources -- --kube-git GITDIR
 *
 * DIR holds endpoints-1.24.json, kubernetes-facts.json and docker-api-facts.md. FILE is the seed
 * article; without --article the script looks for DIR/../seed/000_b2b531609b25d0cb.txt and skips
 * the article checks (saying so) when it is not there. Every check prints what it compared.
 * Exit status: 0 all compared facts agree, 1 a mismatch, 2 bad arguments or a missing file.
 *
 * GITDIR is a kubernetes git directory holding the v1.3.0 and v1.4.0 commits (a clone or bare
 * mirror of any fork that carries them): every source line of data/kubelet/*.json is read at its
 * release commit and must contain the call the data says it makes.
 *
 * `npm test` never needs these texts: the facts the app and its tests rely on live in data/
 * (the article's table as the `article` fields, the reference's statuses as `documented`).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { isDeepStrictEqual, parseArgs } from 'node:util'
import { API_VERSION_FILES } from '../src/domain/api-versions.ts'
import { dockerReleases, endpoints, kubernetesReleases } from '../src/domain/data.ts'
import { kubeletOperations } from '../src/domain/kubelet-data.ts'
import { compareApi } from '../src/domain/version.ts'
import { sitesOf } from '../src/kubelet/sites.ts'
import { buildApiVersionFiles } from './api-versions/build.ts'

const DEFAULT_ARTICLE_NAME = 'seed/000_b2b531609b25d0cb.txt'

export interface AuditCheck {
  name: string
  /** What was compared with what, e.g. "79 endpoints of data/endpoints-1.24.json with …". */
  compared: string
  mismatches: string[]
}

/** "GET /containers/(id)/json" and "/containers/{id}/json" both become "GET /containers/{}/json". */
export function routeKey(method: string, path: string): string {
  let p = path.split('?')[0]?.trim() ?? ''
  p = p.replace(/\([^)]*\)|<[^>]*>|\{[^}]*\}/g, '{}').replace(/\/\//g, '/{}/')
  if (p.endsWith('/')) p += '{}'
  return `${method} ${p}`
}

interface ArticleRow {
  title: string
  path: string
  key: string
  tick14: boolean
  tick13: boolean
}

/** The article's endpoint table: rows of "title | METHOD path | 1.4 tick | 1.3 tick". */
function parseArticleTable(text: string): ArticleRow[] {
  const start = text.indexOf('Docker API 1.24 |')
  const end = text.indexOf('1) 从表格')
  if (start < 0 || end < 0)
    throw new Error('the endpoint table (“Docker API 1.24 |”) was not found')
  const cells = text
    .slice(start, end)
    .split('|')
    .map((c) => c.trim())
    .slice(4) // header
  const rows: ArticleRow[] = []
  for (let i = 0; i < cells.length; i += 4) {
    const [title = '', path = '', t14 = '', t13 = ''] = cells.slice(i, i + 4)
    const match = /^(GET|POST|PUT|DELETE|HEAD) ([^,]+)/.exec(path)
    if (!match?.[1] || !match[2]) throw new Error(`unparsable article row: ${path}`)
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
function parseArticleVersions(text: string): { label: string; api: string }[] {
  const start = text.indexOf('API版本 |')
  const end = text.indexOf('(三)')
  if (start < 0 || end < 0) throw new Error('the version table (“API版本 |”) was not found')
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

/** Rows of the "Docker release(s) | API | Source(s)" table in docker-api-facts.md §(c). */
function parseReleaseTable(markdown: string): { releases: string; api: string }[] {
  const start = markdown.indexOf('| Docker release(s) | API |')
  if (start < 0) throw new Error('the table “| Docker release(s) | API |” was not found')
  const rows: { releases: string; api: string }[] = []
  for (const line of markdown.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break
    const [, releases = '', api = ''] = line.split('|').map((c) => c.replace(/\*/g, '').trim())
    rows.push({ releases, api })
  }
  return rows
}

function diff(label: string, ours: readonly string[], theirs: readonly string[]): string[] {
  const a = new Set(ours)
  const b = new Set(theirs)
  return [
    ...[...a].filter((x) => !b.has(x)).map((x) => `${label}: only in data: ${x}`),
    ...[...b].filter((x) => !a.has(x)).map((x) => `${label}: only upstream: ${x}`),
  ]
}

interface ReferenceEndpoint {
  method: string
  path: string
  sinceApi: string
  statuses: Record<string, string>
  notes?: string
}

/** The checks against the reference folder (Docker's v1.24 doc digest, Kubernetes facts). */
export function auditReference(referenceDir: string): AuditCheck[] {
  const checks: AuditCheck[] = []
  const reference = JSON.parse(
    readFileSync(resolve(referenceDir, 'endpoints-1.24.json'), 'utf8'),
  ) as ReferenceEndpoint[]
  const byKey = new Map(endpoints.map((e) => [routeKey(e.method, e.path), e]))

  checks.push({
    name: 'endpoint set',
    compared: `${endpoints.length} endpoints of data/endpoints-1.24.json with the ${reference.length} of reference/endpoints-1.24.json plus the article's copy row`,
    mismatches: [
      ...(reference.length === 78 ? [] : [`reference lists ${reference.length} endpoints, not 78`]),
      ...diff(
        'route',
        endpoints.map((e) => routeKey(e.method, e.path)),
        [...reference.map((r) => routeKey(r.method, r.path)), 'POST /containers/{}/copy'],
      ),
    ],
  })

  const statusMismatches: string[] = []
  for (const r of reference) {
    const shipped = /Status codes in the doc shipped with Docker v1\.12\.6: ([\d, ]+)/.exec(
      r.notes ?? '',
    )
    const expected = (shipped?.[1]?.split(',') ?? Object.keys(r.statuses))
      .map((c) => Number(c.trim()))
      .sort((a, b) => a - b)
    // A code the data splits into one row per case (two 404 messages) counts once.
    const rows = byKey.get(routeKey(r.method, r.path))?.statuses.filter((s) => s.documented)
    const documented = rows && [...new Set(rows.map((s) => s.code))].sort((a, b) => a - b)
    if (documented?.join(',') !== expected.join(','))
      statusMismatches.push(
        `${r.method} ${r.path}: data documents [${documented?.join(', ') ?? 'no endpoint'}], the 1.12.6 doc [${expected.join(', ')}]`,
      )
  }
  checks.push({
    name: 'documented status codes',
    compared: `statuses[].documented of each endpoint with the status list of the v1.24 doc shipped with Docker 1.12.6 (${reference.length} endpoints)`,
    mismatches: statusMismatches,
  })

  const sinceMismatches: string[] = []
  for (const r of reference) {
    const e = byKey.get(routeKey(r.method, r.path))
    if (!e) continue // reported by "endpoint set"
    const agrees =
      r.sinceApi === '<=1.18' ? compareApi(e.sinceApi, '1.18') <= 0 : e.sinceApi === r.sinceApi
    if (!agrees) sinceMismatches.push(`${e.id}: data ${e.sinceApi}, reference ${r.sinceApi}`)
  }
  checks.push({
    name: 'sinceApi',
    compared: `sinceApi of each endpoint with the reference's version (≤ 1.18 where it says "<=1.18")`,
    mismatches: sinceMismatches,
  })

  const facts = JSON.parse(
    readFileSync(resolve(referenceDir, 'kubernetes-facts.json'), 'utf8'),
  ) as {
    endpointsUsed: Record<'1.2' | '1.3' | '1.4', string[]>
  }
  const usedMismatches: string[] = []
  for (const k8s of ['1.2', '1.3', '1.4'] as const) {
    const used = facts.endpointsUsed[k8s].map((s) => {
      const [method = '', path = ''] = s.split(' ')
      return routeKey(method, path)
    })
    const ours = endpoints
      .filter((e) => e.kubernetes.source[k8s])
      .map((e) => routeKey(e.method, e.path))
    usedMismatches.push(...diff(`Kubernetes ${k8s}`, ours, used))
  }
  checks.push({
    name: 'Kubernetes source ticks',
    compared:
      'kubernetes.source of each endpoint with endpointsUsed of reference/kubernetes-facts.json (1.2, 1.3, 1.4)',
    mismatches: usedMismatches,
  })

  const releaseTable = parseReleaseTable(
    readFileSync(resolve(referenceDir, 'docker-api-facts.md'), 'utf8'),
  )
  const releaseMismatches = diff(
    'API version',
    dockerReleases.map((r) => r.api),
    releaseTable.map((r) => r.api),
  )
  for (const r of dockerReleases) {
    const rows = releaseTable.filter((t) => t.api === r.api)
    // A line the data splits finer than the table (1.7.0 and 1.7.1, for their minimum API) is
    // named by the table's "1.7.x".
    const parent = r.id.split('.').slice(0, -1).join('.')
    const names = [r.id, ...(parent.includes('.') ? [`${parent}.x`] : [])]
    const named = rows.some((t) =>
      names.some((n) =>
        new RegExp(`(^|[ ,–])${n.replace(/\./g, '\\.')}(?![0-9])`).test(t.releases),
      ),
    )
    if (!named)
      releaseMismatches.push(
        `${r.id} (API ${r.api}): no row of the table with API ${r.api} names ${r.id} (${rows.map((t) => t.releases).join('; ') || 'no row'})`,
      )
  }
  checks.push({
    name: 'Docker release → API',
    compared: `${dockerReleases.length} lines of data/docker-releases.json with the ${releaseTable.length} rows of the release table in docker-api-facts.md §(c)`,
    mismatches: releaseMismatches,
  })
  checks.push(auditOlderDocSections(referenceDir))
  // The API-version data needs the whole set of references (1.18 … 1.25); a folder holding only
  // some of them (a test's fixture) has nothing to compare it with.
  if (existsSync(resolve(referenceDir, 'api-versions', 'docker-api-v1.18.md')))
    checks.push(auditApiVersions(referenceDir))
  return checks
}

/** data/api-versions/*.json against what the parser reads in the references today. */
function auditApiVersions(referenceDir: string): AuditCheck {
  const { files, problems } = buildApiVersionFiles(referenceDir)
  const mismatches = [...problems]
  for (const file of files) {
    const committed = API_VERSION_FILES.find((f) => f.api === file.api)
    if (!isDeepStrictEqual(committed, file))
      mismatches.push(`data/api-versions/${file.api}.json differs: run npm run data:api-versions`)
  }
  return {
    name: 'API versions 1.18–1.25',
    compared: `${files.length} files of data/api-versions/ with the references and version histories parsed again`,
    mismatches,
  }
}

/** The checks against the seed article (its endpoint table and its version table). */
export function auditArticle(articleText: string): AuditCheck[] {
  const rows = parseArticleTable(articleText)
  const byKey = new Map(rows.map((r) => [r.key, r]))
  const rowMismatches: string[] =
    rows.length === 79 ? [] : [`the article has ${rows.length} rows, not 79`]
  const tickMismatches: string[] = []
  for (const e of endpoints) {
    const row = byKey.get(routeKey(e.method, e.path))
    const printed = { listed: row !== undefined, title: row?.title, path: row?.path }
    if (JSON.stringify(e.article) !== JSON.stringify(printed))
      rowMismatches.push(
        `${e.id}: data ${JSON.stringify(e.article)}, article ${JSON.stringify(printed)}`,
      )
    const ticks = { '1.3': row?.tick13, '1.4': row?.tick14 }
    if (
      e.kubernetes.article['1.3'] !== ticks['1.3'] ||
      e.kubernetes.article['1.4'] !== ticks['1.4']
    )
      tickMismatches.push(
        `${e.id}: data ${JSON.stringify(e.kubernetes.article)}, article ${JSON.stringify(ticks)}`,
      )
  }
  const versions = parseArticleVersions(articleText)
  const listed = dockerReleases.filter((r) => r.article.listed)
  return [
    {
      name: 'article rows',
      compared: `the article field of ${endpoints.length} endpoints with the ${rows.length} rows of the article's endpoint table (title and path as printed)`,
      mismatches: rowMismatches,
    },
    {
      name: 'article ticks',
      compared: `kubernetes.article with the article's 1.4 and 1.3 columns (${rows.filter((r) => r.tick14).length} and ${rows.filter((r) => r.tick13).length} ticks)`,
      mismatches: tickMismatches,
    },
    {
      name: 'article version table',
      compared: `${listed.length} lines of data/docker-releases.json marked article.listed with the ${versions.length} rows of the article's version table (label and API)`,
      mismatches: diff(
        'row',
        listed.map((r) => `${r.article.label} → ${r.api}`),
        versions.map((r) => `${r.label} → ${r.api}`),
      ),
    },
  ]
}

/**
 * Sections cited from an older versioned doc ("v1.23 §2.1 Containers", in `docSection` and in
 * source labels "… v1.23 §2.1 Containers — Copy files or folders …"): the doc in
 * DIR/api-versions/ has that numbered heading, and the endpoint's own heading under it.
 */
export function auditOlderDocSections(referenceDir: string): AuditCheck {
  const cited: { ver: string; num: string; name: string; title: string; where: string }[] = []
  for (const e of endpoints) {
    const section = /^v(\d+\.\d+) §(\d+\.\d+) (.+)$/.exec(e.docSection)
    if (section) {
      cited.push({
        ver: section[1] ?? '',
        num: section[2] ?? '',
        name: section[3] ?? '',
        title: e.title.en,
        where: `${e.id} docSection`,
      })
    }
    for (const source of e.sources) {
      const label = /API v(\d+\.\d+) §(\d+\.\d+) ([^—]+?) — (.+?)(?: \(|$)/.exec(source.label)
      if (!label) continue
      const ver = label[1] ?? ''
      if (ver === '1.24') continue
      cited.push({
        ver,
        num: label[2] ?? '',
        name: label[3] ?? '',
        title: label[4] ?? '',
        where: `${e.id} source "${source.label}"`,
      })
    }
  }
  const mismatches: string[] = []
  for (const c of cited) {
    const file = resolve(referenceDir, 'api-versions', `docker-api-v${c.ver}.md`)
    if (!existsSync(file)) {
      mismatches.push(`${c.where}: no ${file}`)
      continue
    }
    const lines = readFileSync(file, 'utf8').split('\n')
    const start = lines.findIndex((l) => l.trim() === `## ${c.num} ${c.name}`)
    if (start < 0) {
      const actual = lines.find((l) => /^## \d+\.\d+ /.test(l) && l.endsWith(` ${c.name}`))
      mismatches.push(
        `${c.where}: v${c.ver} has no "## ${c.num} ${c.name}"${actual ? ` (it has "${actual.trim()}")` : ''}`,
      )
      continue
    }
    const end = lines.findIndex((l, i) => i > start && /^#{1,2} /.test(l))
    const body = lines.slice(start, end < 0 ? undefined : end)
    if (!body.some((l) => l.trim() === `### ${c.title}`)) {
      mismatches.push(`${c.where}: "### ${c.title}" is not under v${c.ver} §${c.num} ${c.name}`)
    }
  }
  return {
    name: 'older doc sections',
    compared: `${cited.length} citations of a versioned doc's section with reference/api-versions/`,
    mismatches,
  }
}

/** What a line that calls a DockerInterface method contains: `.Method(` (Version: `.Version()`). */
const CALL_TOKEN: Record<string, string[]> = {
  Version: ['.Version()'],
}
/** What a `via` line (the caller) contains, by the DockerInterface method it leads to. */
const VIA_TOKENS: Record<string, string[]> = {
  Version: ['.APIVersion()', '.Version()'],
  ListImages: ['.ListImages()'],
  ListContainers: ['.GetPods(', 'GetKubeletDockerContainers('],
  InspectImage: ['.IsImagePresent('],
}

/**
 * Every source line of data/kubelet/operations-*.json at its release commit: the line exists
 * and calls the DockerInterface method of the call (`client.ListContainers(`, …); a `via` line
 * calls what leads there. `read(commit, path)` gives a file's text at a commit, or null.
 */
export function auditKubeletSources(
  read: (commit: string, path: string) => string | null,
): AuditCheck[] {
  return (['1.3', '1.4'] as const).map((release) => {
    const file = kubeletOperations[release]
    const cache = new Map<string, string[] | null>()
    const lineAt = (ref: string): { text: string | null; where: string } => {
      const [path = '', n = ''] = ref.split(':')
      if (!cache.has(path)) cache.set(path, read(file.commit, path)?.split('\n') ?? null)
      const lines = cache.get(path)
      return { text: lines ? (lines[Number(n) - 1] ?? null) : null, where: `${file.tag} ${ref}` }
    }
    const mismatches = new Set<string>()
    let checked = 0
    for (const op of file.operations) {
      for (const call of op.calls) {
        const refs: [string, string[]][] = [
          [call.source, CALL_TOKEN[call.dockerMethod] ?? [`.${call.dockerMethod}(`]],
        ]
        if (call.via) refs.push([call.via, VIA_TOKENS[call.dockerMethod] ?? []])
        for (const [ref, tokens] of refs) {
          checked++
          const { text, where } = lineAt(ref)
          if (text === null) mismatches.add(`${op.id}: ${where} does not exist`)
          else if (tokens.length > 0 && !tokens.some((t) => text.includes(t))) {
            mismatches.add(
              `${op.id}: ${where} reads "${text.trim()}", not a call of ${tokens.join(' or ')}`,
            )
          }
        }
      }
    }
    // The model's call sites that no operation of the data reaches (an image removed tag by tag,
    // the 1.4 podContainerDeletor's inspect): the same check, so no line of the model is unread.
    let sites = 0
    for (const { id, site } of sitesOf(release)) {
      const refs: [string, string[]][] = [
        [`${site.line.file}:${site.line.line}`, CALL_TOKEN[site.method] ?? [`.${site.method}(`]],
      ]
      if (site.via) refs.push([`${site.via.file}:${site.via.line}`, VIA_TOKENS[site.method] ?? []])
      for (const [ref, tokens] of refs) {
        sites++
        const { text, where } = lineAt(ref)
        if (text === null) mismatches.add(`site ${id}: ${where} does not exist`)
        else if (tokens.length > 0 && !tokens.some((t) => text.includes(t)))
          mismatches.add(
            `site ${id}: ${where} reads "${text.trim()}", not a call of ${tokens.join(' or ')}`,
          )
      }
    }
    return {
      name: `kubelet ${release} source lines`,
      compared: `${checked} source lines of data/kubelet/operations-${release}.json and ${sites} of the model's call sites at ${file.tag} (${file.commit.slice(0, 7)})`,
      mismatches: [...mismatches],
    }
  })
}

/**
 * The call sites data/kubernetes.json describes (a function and the line that opens it): at the
 * release's commit that line declares the function (`func (…) Name(`).
 */
export function auditKubernetesCallSites(
  read: (commit: string, path: string) => string | null,
): AuditCheck {
  const mismatches: string[] = []
  let checked = 0
  for (const release of kubernetesReleases) {
    const commit =
      release.version === '1.3' || release.version === '1.4'
        ? kubeletOperations[release.version].commit
        : null
    for (const site of release.callSites) {
      checked++
      const where = `v${release.version}.0 ${site.file}:${site.line}`
      if (!commit) {
        mismatches.push(`${site.function}: no commit of Kubernetes ${release.version} to read`)
        continue
      }
      const text = read(commit, site.file)?.split('\n')[site.line - 1]
      const name = site.function.split('.').pop() ?? site.function
      if (text === undefined) mismatches.push(`${site.function}: ${where} does not exist`)
      else if (!new RegExp(`^func (\\([^)]*\\) )?${name}\\(`).test(text))
        mismatches.push(`${site.function}: ${where} reads "${text.trim()}", not func ${name}(`)
    }
  }
  return {
    name: 'kubernetes.json call sites',
    compared: `${checked} call sites of data/kubernetes.json: each line declares its function`,
    mismatches,
  }
}

/** A file at a commit of a git directory, or null when the commit or the path is not there. */
function gitReader(gitDir: string): (commit: string, path: string) => string | null {
  return (commit, path) => {
    try {
      return execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${path}`], {
        encoding: 'utf8',
        maxBuffer: 32 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'ignore'],
      })
    } catch {
      return null
    }
  }
}

function report(title: string, checks: readonly AuditCheck[]): number {
  console.log(title)
  let failures = 0
  for (const check of checks) {
    const ok = check.mismatches.length === 0
    if (!ok) failures++
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.compared}`)
    for (const m of check.mismatches) console.log(`         ${m}`)
  }
  return failures
}

function main(argv: readonly string[]): number {
  let values: { reference?: string; article?: string; 'kube-git'?: string; help?: boolean }
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: {
        reference: { type: 'string' },
        article: { type: 'string' },
        'kube-git': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (error) {
    console.error((error as Error).message)
    return 2
  }
  const kubeGit = values['kube-git']
  if (values.help || (values.reference === undefined && kubeGit === undefined)) {
    console.error(
      'Usage: npm run audit:sources -- --reference DIR [--article FILE] [--kube-git GITDIR]\n' +
        '       npm run audit:sources -- --kube-git GITDIR',
    )
    return values.help ? 0 : 2
  }
  let failures = 0
  if (kubeGit !== undefined) {
    const gitDir = resolve(kubeGit)
    if (!existsSync(gitDir)) {
      console.error(`no git directory at ${gitDir}`)
      return 2
    }
    const read = gitReader(gitDir)
    failures += report(`Kubernetes source ${gitDir}`, [
      ...auditKubeletSources(read),
      auditKubernetesCallSites(read),
    ])
  }
  if (values.reference === undefined) {
    console.log(
      failures === 0 ? 'All compared facts agree.' : `${failures} check(s) found a mismatch.`,
    )
    return failures === 0 ? 0 : 1
  }
  const referenceDir = resolve(values.reference)
  const required = ['endpoints-1.24.json', 'kubernetes-facts.json', 'docker-api-facts.md']
  const missing = required.filter((f) => !existsSync(resolve(referenceDir, f)))
  if (missing.length > 0) {
    console.error(`${referenceDir} lacks ${missing.join(', ')}`)
    return 2
  }
  const articleFile =
    values.article === undefined
      ? resolve(dirname(referenceDir), DEFAULT_ARTICLE_NAME)
      : resolve(values.article)
  if (values.article !== undefined && !existsSync(articleFile)) {
    console.error(`no article at ${articleFile}`)
    return 2
  }
  failures += report(`Reference ${referenceDir}`, auditReference(referenceDir))
  if (existsSync(articleFile)) {
    failures += report(`Article ${articleFile}`, auditArticle(readFileSync(articleFile, 'utf8')))
  } else {
    console.log(`Article: skipped (no --article and no ${articleFile})`)
  }
  console.log(
    failures === 0 ? 'All compared facts agree.' : `${failures} check(s) found a mismatch.`,
  )
  return failures === 0 ? 0 : 1
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2))
