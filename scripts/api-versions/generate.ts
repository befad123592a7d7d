/**
 * Regenerates data/api-versions/1.18.json … 1.25.json from the reference texts:
 *
 *   npm run data:api-versions -- --reference ../shared/reference [--check]
 *
 * DIR holds api-versions/docker-api-v1.18.md … v1.23.md and docker-remote-api-history-v1.12.6.md,
 * docker-api-v1.24.md, docker-api-v1.25.yaml and docker-api-version-history.md. Endpoint ids come
 * from data/endpoints-1.24.json (and the swagger's operationIds for what 1.24 lacks). With --check
 * nothing is written: the script exits 1 when a committed file differs from what it would write.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { diffVersions } from '../../src/domain/api-diff.ts'
import { endpoints as endpoints124 } from '../../src/domain/data.ts'
import {
  type ApiEndpoint,
  type ApiVersionFile,
  apiVersionFileSchema,
} from '../../src/domain/schemas/api-versions.ts'
import { mapChangelog } from './map-changelog.ts'
import { parseChangelog, routeShape } from './parse-changelog.ts'
import { parseMarkdownReference } from './parse-markdown.ts'
import { parseSwagger } from './parse-swagger.ts'
import { API_VERSION_SOURCES, groupOfPath, OUTPUT_DIR } from './sources.ts'

const { values } = parseArgs({
  options: { reference: { type: 'string' }, check: { type: 'boolean', default: false } },
})
if (!values.reference) {
  console.error('usage: npm run data:api-versions -- --reference DIR [--check]')
  process.exit(2)
}
const dir = resolve(values.reference)
const read = (file: string) => readFileSync(join(dir, file), 'utf8')

const known = new Map<string, { id: string; path: string; group: ApiEndpoint['group'] }>()
const keyOf = (method: string, path: string) => `${method} ${routeShape(path)}`
for (const e of endpoints124)
  known.set(keyOf(e.method, e.path), { id: e.id, path: e.path, group: e.group })

const files: ApiVersionFile[] = []
for (const source of API_VERSION_SOURCES) {
  let endpoints: ApiEndpoint[]
  if (source.format === 'markdown') {
    endpoints = parseMarkdownReference(read(source.file)).map((p) => {
      const match = known.get(keyOf(p.method, p.rawPath))
      if (!match)
        throw new Error(`${source.file}: ${p.method} ${p.rawPath} is not in endpoints-1.24.json`)
      const endpoint: ApiEndpoint = {
        id: match.id,
        method: p.method as ApiEndpoint['method'],
        path: match.path,
        group: match.group,
        section: p.section.replace(/\s*\(experimental\)$/i, ''),
        heading: p.heading,
        anchor: p.anchor,
        params: p.params,
        statuses: [...new Set(p.statuses)],
      }
      if (/experimental/i.test(p.section)) endpoint.experimental = true
      return endpoint
    })
  } else {
    endpoints = parseSwagger(read(source.file)).map((s) => {
      const group = endpoints124.find((e) => e.id === s.id)?.group ?? groupOfPath(s.path)
      return {
        id: s.id,
        method: s.method as ApiEndpoint['method'],
        path: s.path,
        group,
        section: s.tag || group,
        heading: s.summary || s.id,
        anchor: `tag/${s.tag}/operation/${s.id}`,
        params: s.params,
        statuses: s.statuses,
      }
    })
    for (const e of endpoints)
      known.set(keyOf(e.method, e.path), { id: e.id, path: e.path, group: e.group })
  }
  files.push({
    api: source.api,
    docker: source.docker,
    source: source.published,
    endpoints,
    changelog: [],
  })
}

const later = parseChangelog(read('docker-api-version-history.md'))
const shipped = parseChangelog(read('api-versions/docker-remote-api-history-v1.12.6.md'))
const idOf = (method: string, path: string) => known.get(keyOf(method, path))?.id
const problems: string[] = []
const diffs = new Map(
  files.map((file, i) => {
    const previous = files[i - 1]
    return [file.api, previous ? diffVersions(previous, file) : []] as const
  }),
)
files.forEach((file) => {
  file.changelog = mapChangelog({
    api: file.api,
    later: later.get(file.api) ?? [],
    shipped: shipped.get(file.api) ?? [],
    changes: diffs.get(file.api) ?? [],
    laterChanges: diffs,
    idOf,
    problems,
  })
})
if (problems.length > 0) {
  for (const problem of problems) console.error(problem)
  process.exit(1)
}

let differs = 0
for (const file of files) {
  apiVersionFileSchema.parse(file)
  const path = join(OUTPUT_DIR, `${file.api}.json`)
  const text = `${JSON.stringify(file, null, 2)}\n`
  const params = file.endpoints.reduce((n, e) => n + e.params.length, 0)
  const statuses = file.endpoints.reduce((n, e) => n + e.statuses.length, 0)
  const scopes = file.changelog.map((b) => b.scope)
  console.log(
    `${file.api}: ${file.endpoints.length} endpoints, ${params} parameters, ${statuses} status codes; ` +
      `changelog ${file.changelog.length} bullets (rows ${scopes.filter((s) => s === 'rows').length}, ` +
      `endpoint ${scopes.filter((s) => s === 'endpoint').length}, not per endpoint ${scopes.filter((s) => s === 'not-per-endpoint').length})`,
  )
  if (values.check) {
    let committed = ''
    try {
      committed = readFileSync(path, 'utf8')
    } catch {}
    if (committed !== text) {
      differs++
      console.error(`  ${path} differs from what the references give`)
    }
  } else writeFileSync(path, text)
}
process.exit(differs > 0 ? 1 : 0)
