/**
 * What changed between two API versions' endpoint lists (data/api-versions/*.json): endpoints
 * added and removed, a path that moved, parameters, filters and documented status codes added,
 * removed or changed. Pure; used by the data generator (to map the changelog) and the Compare view.
 */
import type {
  ApiEndpoint,
  ApiParam,
  ApiVersionFile,
  ChangeKind,
  ChangeRef,
} from './schemas/api-versions.ts'

export interface ApiChange extends ChangeRef {
  method: ApiEndpoint['method']
  path: string
  /** Where a parameter travels, for parameter rows. */
  where?: ApiParam['in']
  /** The value before and after, for a changed parameter (type or default) or a moved path. */
  from?: string
  to?: string
}

/** The swagger (1.25) lists body fields two levels deep; the markdown references go deeper. */
const SWAGGER_APIS = new Set(['1.25'])
const SWAGGER_DEPTH = 2

function paramKey(param: ApiParam): string {
  return `${param.in}:${param.name}`
}

function describe(param: ApiParam): string {
  return param.default === undefined ? param.type : `${param.type}, default ${param.default}`
}

function comparableParams(endpoint: ApiEndpoint, shallow: boolean): Map<string, ApiParam> {
  const params = endpoint.params.filter(
    (p) => !shallow || p.in !== 'body' || p.name.split('.').length <= SWAGGER_DEPTH,
  )
  return new Map(params.map((p) => [paramKey(p), p]))
}

/**
 * Between two markdown references any difference in type or default counts. Against the
 * swagger, which states a type and default for nearly everything the markdown leaves unsaid,
 * only a stated value that contradicts another stated value does.
 */
function changed(a: ApiParam, b: ApiParam, shallow: boolean): boolean {
  if (!shallow) return a.type !== b.type || a.default !== b.default
  const typeDiffers = a.type !== 'unspecified' && b.type !== 'unspecified' && a.type !== b.type
  const defaultDiffers =
    a.default !== undefined && b.default !== undefined && a.default !== b.default
  return typeDiffers || defaultDiffers
}

/** Every difference from `older` to `newer`, endpoint by endpoint in the newer file's order. */
export function diffVersions(older: ApiVersionFile, newer: ApiVersionFile): ApiChange[] {
  const shallow = SWAGGER_APIS.has(older.api) || SWAGGER_APIS.has(newer.api)
  const before = new Map(older.endpoints.map((e) => [e.id, e]))
  const after = new Map(newer.endpoints.map((e) => [e.id, e]))
  const changes: ApiChange[] = []
  const push = (endpoint: ApiEndpoint, kind: ChangeKind, extra: Partial<ApiChange> = {}) =>
    changes.push({
      endpoint: endpoint.id,
      kind,
      method: endpoint.method,
      path: endpoint.path,
      ...extra,
    })

  for (const b of newer.endpoints) {
    const a = before.get(b.id)
    if (!a) {
      push(b, 'endpoint-added')
      continue
    }
    if (a.path !== b.path || a.method !== b.method)
      push(b, 'path-changed', { from: `${a.method} ${a.path}`, to: `${b.method} ${b.path}` })
    const pa = comparableParams(a, shallow)
    const pb = comparableParams(b, shallow)
    for (const [key, param] of pb) {
      const old = pa.get(key)
      if (!old) push(b, 'param-added', { name: param.name, where: param.in })
      else if (changed(old, param, shallow))
        push(b, 'param-changed', {
          name: param.name,
          where: param.in,
          from: describe(old),
          to: describe(param),
        })
      const oldFilters = new Set(old?.filters ?? [])
      const newFilters = new Set(param.filters ?? [])
      // A reference that lists no filter names says nothing about them (the swagger often).
      if (old && oldFilters.size > 0 && newFilters.size > 0) {
        for (const f of newFilters) if (!oldFilters.has(f)) push(b, 'filter-added', { name: f })
        for (const f of oldFilters) if (!newFilters.has(f)) push(b, 'filter-removed', { name: f })
      }
    }
    for (const [key, param] of pa)
      if (!pb.has(key)) push(b, 'param-removed', { name: param.name, where: param.in })
    for (const code of b.statuses)
      if (!a.statuses.includes(code)) push(b, 'status-added', { name: String(code) })
    for (const code of a.statuses)
      if (!b.statuses.includes(code)) push(b, 'status-removed', { name: String(code) })
  }
  for (const a of older.endpoints) if (!after.has(a.id)) push(a, 'endpoint-removed')
  return changes
}

/** The key a changelog row and a diff row share. */
export function changeKey(change: ChangeRef): string {
  return `${change.endpoint}|${change.kind}|${change.name ?? ''}`
}
