/**
 * Where a clicked id goes in the request path: into the path's container or exec slot when it
 * has one (`/v1.24/containers/<old>/resize?h=…` keeps its action and query), otherwise the
 * inspect call of that object.
 */
export type IdKind = 'container' | 'exec' | 'image'

const COLLECTION: Record<IdKind, string> = {
  container: 'containers',
  exec: 'exec',
  image: 'images',
}

export function pathWithId(path: string, kind: IdKind, id: string): string {
  const collection = COLLECTION[kind]
  const slot = new RegExp(`^((?:/v\\d+\\.\\d+)?/${collection}/)([^/?]+)(?=[/?]|$)`)
  const match = slot.exec(path)
  // `/containers/json`, `/containers/create`, `/images/json` are lists, not an object's slot.
  if (match && !['json', 'create', 'search', 'load', 'get', 'prune'].includes(match[2] ?? ''))
    return path.replace(slot, `$1${id}`)
  const version = /^\/v\d+\.\d+/.exec(path)?.[0] ?? '/v1.24'
  return `${version}/${collection}/${id}/json`
}
