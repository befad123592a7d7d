import { untyped } from '../../errors.ts'
import { Filters, parseGoInt } from '../../wire/filters.ts'
import type { Handler } from '../context.ts'
import { queryParam } from '../field-versions.ts'
import { knownFilters } from '../filter-names.ts'
import { json } from '../http.ts'

/** GET /images/search over a small fixed catalogue of Docker Hub results. */

const CATALOGUE: Array<[string, string, number, boolean, boolean]> = [
  ['busybox', 'Busybox base image.', 1012, true, false],
  ['nginx', 'Official build of Nginx.', 5311, true, false],
  [
    'alpine',
    'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!',
    2702,
    true,
    false,
  ],
  [
    'ubuntu',
    'Ubuntu is a Debian-based Linux operating system based on free software.',
    5245,
    true,
    false,
  ],
  [
    'redis',
    'Redis is an open source key-value store that functions as a data structure server.',
    3225,
    true,
    false,
  ],
  [
    'postgres',
    'The PostgreSQL object-relational database system provides reliability and data integrity.',
    3202,
    true,
    false,
  ],
  ['progrium/busybox', '', 66, false, true],
  [
    'radial/busyboxplus',
    'Full-chain, Internet enabled, busybox made from scratch. Comes in git and cURL flavors.',
    14,
    false,
    true,
  ],
  ['jwilder/nginx-proxy', 'Automated Nginx reverse proxy for docker containers', 792, false, true],
  ['kubernetes/pause', '', 8, false, true],
]

export const search: Handler = (ctx) => {
  let limit = 25
  // limit and filters are new in API 1.24: Docker 1.11 and older never read them.
  const api = ctx.engine.apiVersion
  const limitText = queryParam(ctx.query, 'ImageSearch', 'limit', api) ?? ''
  if (limitText !== '') limit = parseGoInt(limitText, 64)
  const f = knownFilters(
    Filters.parse(queryParam(ctx.query, 'ImageSearch', 'filters', api)),
    'ImageSearch',
    ctx.engine.dockerVersion,
  )
  const boolFilter = (key: string): boolean | null => {
    if (!f.include(key)) return null
    if (f.exactMatch(key, 'true')) return true
    if (f.exactMatch(key, 'false')) return false
    throw untyped(`Invalid filter '${key}=[${f.get(key).join(' ')}]'`)
  }
  const automated = boolFilter('is-automated')
  const official = boolFilter('is-official')
  let minStars = 0
  for (const v of f.get('stars')) minStars = Math.max(minStars, parseGoInt(v, 64))
  const term = (ctx.query.get('term') ?? '').toLowerCase()
  const results = CATALOGUE.filter(
    ([name, desc, stars, off, auto]) =>
      (name.includes(term) || desc.toLowerCase().includes(term)) &&
      stars >= minStars &&
      (automated === null || auto === automated) &&
      (official === null || off === official),
  )
    .slice(0, Math.max(0, limit))
    .map(([name, description, stars, off, auto]) => ({
      star_count: stars,
      is_official: off,
      name,
      is_automated: auto,
      description,
    }))
  return json(200, results)
}
