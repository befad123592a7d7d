/**
 * Maps each bullet of the version history to the diff rows it accounts for. A bullet names
 * endpoints (`METHOD /path`) and identifiers (`PidsLimit`, `label`); a diff row of the same
 * version matches when its endpoint is one the bullet names (or the bullet names none) and its
 * parameter, filter or status is one the bullet names. What matching cannot decide is written
 * down by hand in changelog-overrides.ts, bullet by bullet, so every bullet ends up somewhere.
 */
import { type ApiChange, changeKey } from '../../src/domain/api-diff.ts'
import type { ChangelogBullet, ChangeRef } from '../../src/domain/schemas/api-versions.ts'
import { OVERRIDES } from './changelog-overrides.ts'
import type { RawBullet } from './parse-changelog.ts'

export interface MappingInput {
  api: string
  /** Bullets of the later history, in order; the 1.12.6 history's, to know which lists them. */
  later: RawBullet[]
  shipped: RawBullet[]
  /** Diff rows from the previous version to this one (empty for the first version parsed). */
  changes: ApiChange[]
  /** Diff rows of the later versions, for bullets whose change a later reference documented. */
  laterChanges: ReadonlyMap<string, ApiChange[]>
  /** "GET /containers/{}/json" → endpoint id, for every endpoint of every version. */
  idOf: (method: string, path: string) => string | undefined
  /** Bullets that map to nothing and have no override are reported here. */
  problems: string[]
}

function same(a: RawBullet, b: RawBullet): boolean {
  return a.text.toLowerCase() === b.text.toLowerCase()
}

function lastSegment(name: string): string {
  return (name.split('.').pop() ?? name).toLowerCase()
}

/** Names too common to tie a bullet that names no endpoint to a row. */
const GENERIC = new Set(['id', 'name', 'true', 'false', 'config', 'hostconfig', 'status'])

function rowMatches(change: ApiChange, bullet: RawBullet, endpoints: readonly string[]): boolean {
  if (endpoints.length > 0 && !endpoints.includes(change.endpoint)) return false
  const names = new Set(
    bullet.names
      .flatMap((n) => n.split(/[=,\s]+/))
      .flatMap((n) => [n, n.split('.').pop() ?? n])
      .map((n) => n.replace(/^"|"$/g, '').toLowerCase())
      .filter((n) => endpoints.length > 0 || !GENERIC.has(n)),
  )
  // "The hostConfig option now accepts …": only HostConfig fields.
  const hostConfigOnly =
    endpoints.length === 0 && bullet.names.some((n) => n.toLowerCase() === 'hostconfig')
  if (hostConfigOnly && !change.name?.startsWith('HostConfig.')) return false
  switch (change.kind) {
    case 'endpoint-added':
    case 'endpoint-removed':
    case 'path-changed':
      // A bullet about a whole endpoint names it and nothing of its parameters.
      return endpoints.includes(change.endpoint) && bullet.routes.length >= 1
    case 'status-added':
    case 'status-removed':
      return change.name !== undefined && new RegExp(`\\b${change.name}\\b`).test(bullet.text)
    default:
      return change.name !== undefined && names.has(lastSegment(change.name))
  }
}

export function mapChangelog(input: MappingInput): ChangelogBullet[] {
  const bullets: { raw: RawBullet; listedIn: ChangelogBullet['listedIn'] }[] = input.later.map(
    (raw) => ({ raw, listedIn: input.shipped.some((s) => same(s, raw)) ? 'both' : 'later' }),
  )
  for (const raw of input.shipped)
    if (!input.later.some((l) => same(l, raw))) bullets.push({ raw, listedIn: '1.12.6' })

  return bullets.map(({ raw, listedIn }, index) => {
    const n = index + 1
    const override = OVERRIDES[`${input.api}#${n}`]
    const endpoints = [
      ...new Set([
        ...raw.routes.flatMap((r) => input.idOf(r.method, r.path) ?? []),
        ...(override?.endpoints ?? []),
      ]),
    ]
    const unresolved = raw.routes.length > 0 && endpoints.length === 0
    const rows: ChangeRef[] = []
    const ref = ({ endpoint, kind, name }: ApiChange, api?: string): ChangeRef => ({
      ...(api ? { api } : {}),
      endpoint,
      kind,
      ...(name === undefined ? {} : { name }),
    })
    if (override?.rows) {
      for (const key of override.rows) {
        const [api, rest] = key.includes('@') ? key.split('@') : [undefined, key]
        const pool = api ? (input.laterChanges.get(api) ?? []) : input.changes
        const found = pool.find((c) => changeKey(c) === rest)
        if (!found) input.problems.push(`v${input.api} bullet ${n}: no diff row ${key}`)
        else rows.push(ref(found, api))
      }
    } else if (!unresolved) {
      for (const c of input.changes) if (rowMatches(c, raw, endpoints)) rows.push(ref(c))
    }
    let scope: ChangelogBullet['scope']
    if (override?.scope) scope = override.scope
    else if (rows.length > 0) scope = 'rows'
    else if (unresolved) scope = 'undocumented-endpoint'
    else if (endpoints.length > 0) scope = 'endpoint'
    else {
      input.problems.push(`v${input.api} bullet ${n} maps to nothing: “${raw.text}”`)
      scope = 'endpoint'
    }
    return {
      n,
      listedIn,
      endpoints,
      // Short identifiers only: a long span is prose (an error message), not a name.
      names: [...new Set(raw.names.filter((name) => name.length <= 40))],
      scope,
      rows: scope === 'rows' ? rows : [],
    }
  })
}
