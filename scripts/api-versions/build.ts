/**
 * Builds the eight files of data/api-versions/ from the reference folder: each reference parsed,
 * endpoint ids taken from data/endpoints-1.24.json (the swagger's operationIds for what 1.24
 * lacks), then the version history's bullets mapped onto the diff of consecutive versions.
 * Used by `npm run data:api-versions` (which writes them) and `npm run audit:sources` (which
 * compares them with the committed files).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
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
import { API_VERSION_SOURCES, groupOfPath } from './sources.ts'

export interface BuildResult {
  files: ApiVersionFile[]
  /** Endpoints no id was found for, bullets mapped to nothing: the build is not usable. */
  problems: string[]
}

export type Known = Map<string, { id: string; path: string; group: ApiEndpoint['group'] }>

export const keyOf = (method: string, path: string) => `${method} ${routeShape(path)}`

export function markdownEndpoints(
  text: string,
  file: string,
  known: Known,
  problems: string[],
): ApiEndpoint[] {
  return parseMarkdownReference(text).flatMap((p): ApiEndpoint[] => {
    const match = known.get(keyOf(p.method, p.rawPath))
    if (!match) {
      problems.push(`${file}: ${p.method} ${p.rawPath} is not in endpoints-1.24.json`)
      return []
    }
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
    return [endpoint]
  })
}

function swaggerEndpoints(text: string): ApiEndpoint[] {
  return parseSwagger(text).map((s) => {
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
}

export function buildApiVersionFiles(referenceDir: string): BuildResult {
  const read = (file: string) => readFileSync(join(referenceDir, file), 'utf8')
  const problems: string[] = []
  const known: Known = new Map()
  for (const e of endpoints124)
    known.set(keyOf(e.method, e.path), { id: e.id, path: e.path, group: e.group })

  const files: ApiVersionFile[] = API_VERSION_SOURCES.map((source) => {
    const endpoints =
      source.format === 'markdown'
        ? markdownEndpoints(read(source.file), source.file, known, problems)
        : swaggerEndpoints(read(source.file))
    for (const e of endpoints)
      if (!known.has(keyOf(e.method, e.path)))
        known.set(keyOf(e.method, e.path), { id: e.id, path: e.path, group: e.group })
    return {
      api: source.api,
      docker: source.docker,
      source: source.published,
      endpoints,
      changelog: [],
    }
  })

  const later = parseChangelog(read('docker-api-version-history.md'))
  const shipped = parseChangelog(read('api-versions/docker-remote-api-history-v1.12.6.md'))
  const diffs = new Map(
    files.map((file, i) => {
      const previous = files[i - 1]
      return [file.api, previous ? diffVersions(previous, file) : []] as const
    }),
  )
  for (const file of files) {
    file.changelog = mapChangelog({
      api: file.api,
      later: later.get(file.api) ?? [],
      shipped: shipped.get(file.api) ?? [],
      changes: diffs.get(file.api) ?? [],
      laterChanges: diffs,
      idOf: (method, path) => known.get(keyOf(method, path))?.id,
      problems,
    })
    apiVersionFileSchema.parse(file)
  }
  return { files, problems }
}
