import { untyped } from '../../errors.ts'
import { parseReference } from '../../model/reference.ts'
import type { ImageRecord, JsonObject } from '../../model/state.ts'
import { Filters } from '../../wire/filters.ts'
import { boolValue, type Handler } from '../context.ts'
import { knownFilters } from '../filter-names.ts'
import { json } from '../http.ts'
import { childrenOf, getImage, refName } from './store.ts'

/** GET /images/json. @see moby daemon/images.go at v1.12.6 */

/** "<none>" placeholders and familiar names, as the reference store prints them. */
function refsOf(img: ImageRecord): { tags: string[]; digests: string[] } {
  return { tags: img.repoTags, digests: img.repoDigests }
}

/** Simple glob for `filter=` (Go's path.Match): `*`, `?`, `[…]`; `*` does not cross `/`. */
function pathMatch(pattern: string, name: string): boolean {
  let re = '^'
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? ''
    if (ch === '*') re += '[^/]*'
    else if (ch === '?') re += '[^/]'
    else if (ch === '[') {
      const end = pattern.indexOf(']', i)
      if (end < 0) return false
      re += `[${pattern
        .slice(i + 1, end)
        .replace(/^\^/, '^')
        .replace(/\\/g, '\\\\')}]`
      i = end
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&')
  }
  try {
    return new RegExp(`${re}$`).test(name)
  } catch {
    return false
  }
}

export const list: Handler = (ctx) => {
  const e = ctx.engine
  const f = knownFilters(Filters.parse(ctx.query.get('filters')), 'ImageList', e.dockerVersion)
  let danglingOnly = false
  if (f.include('dangling')) {
    if (f.exactMatch('dangling', 'true')) danglingOnly = true
    else if (!f.exactMatch('dangling', 'false'))
      throw untyped(`Invalid filter 'dangling=[${f.get('dangling').join(' ')}]'`)
  }
  let before: ImageRecord | null = null
  let since: ImageRecord | null = null
  for (const v of f.get('before')) before = getImage(e, v)
  for (const v of f.get('since')) since = getImage(e, v)
  const filter = ctx.query.get('filter') ?? ''
  const filterRef = filter === '' ? null : parseReference(filter)
  const filterTagged = filterRef !== null && filterRef.tag !== null
  const all = boolValue(ctx, 'all')
  const out: Array<{ created: number; v: JsonObject }> = []
  for (const img of e.state.images.values()) {
    const hasChildren = childrenOf(e, img.id).length > 0
    if (danglingOnly && (img.repoTags.length > 0 || hasChildren)) continue
    const created = Date.parse(img.created)
    if (before !== null && created >= Date.parse(before.created)) continue
    if (since !== null && created <= Date.parse(since.created)) continue
    if (
      f.include('label') &&
      !f.matchKVList('label', img.config.Labels as Record<string, unknown> | null)
    )
      continue
    let tags: string[] | null = null
    let digests: string[] | null = null
    const { tags: t, digests: d } = refsOf(img)
    for (const ref of [...d, ...t]) {
      if (filter !== '') {
        if (filterTagged ? ref !== filter : !pathMatch(filter, refName(ref))) continue
      }
      if (ref.includes('@')) digests = [...(digests ?? []), ref]
      else tags = [...(tags ?? []), ref]
    }
    if (tags === null && digests === null) {
      if (!(all || !hasChildren)) continue
      if (f.include('dangling') && !danglingOnly) continue
      if (filter !== '') continue
      digests = ['<none>@<none>']
      tags = ['<none>:<none>']
    } else if (danglingOnly && tags !== null) {
      continue
    }
    out.push({
      created,
      v: {
        Id: img.id,
        ParentId: img.parent,
        RepoTags: tags,
        RepoDigests: digests,
        Created: Math.floor(created / 1000),
        Size: img.size,
        VirtualSize: img.size,
        Labels: (img.config.Labels ?? null) as JsonObject | null,
      },
    })
  }
  out.sort((a, b) => b.created - a.created)
  return json(
    200,
    out.map((x) => x.v),
  )
}
