import { isAvailableAt } from './availability.ts'
import type { EndpointRow } from './rows.ts'
import type { ApiVersion } from './schemas/common.ts'
import type { EndpointGroup, HttpMethod } from './schemas/endpoints.ts'

export type Usage = 'any' | 'yes' | 'no'

export interface EndpointFilter {
  q: string
  method: HttpMethod | ''
  group: EndpointGroup | ''
  k13: Usage
  k14: Usage
  changed: boolean
  /** API version of the chosen Docker release; '' for any. */
  api: ApiVersion | ''
}

/** Kubernetes usage changed between 1.3 and 1.4 according to the source. */
export function changedIn14(row: EndpointRow): boolean {
  return row.source['1.3'] !== row.source['1.4']
}

function usageMatches(usage: Usage, used: boolean): boolean {
  return usage === 'any' || (usage === 'yes') === used
}

/**
 * Free text matches title (both languages), method, path and id, case-insensitively; several
 * words must all match ("post resize"). Everything else is an exact facet.
 */
export function filterEndpoints(
  rows: readonly EndpointRow[],
  filter: EndpointFilter,
): EndpointRow[] {
  const words = filter.q.toLowerCase().split(/\s+/).filter(Boolean)
  return rows.filter((row) => {
    if (filter.method && row.method !== filter.method) return false
    if (filter.group && row.group !== filter.group) return false
    if (!usageMatches(filter.k13, row.source['1.3'])) return false
    if (!usageMatches(filter.k14, row.source['1.4'])) return false
    if (filter.changed && !changedIn14(row)) return false
    if (filter.api && !isAvailableAt(row, filter.api)) return false
    if (words.length === 0) return true
    const haystack =
      `${row.method} ${row.path} ${row.id} ${row.title.en} ${row.title.zh}`.toLowerCase()
    return words.every((word) => haystack.includes(word))
  })
}

export interface UsageSummary {
  total: number
  source: { '1.2': number; '1.3': number; '1.4': number }
  article: { '1.3': number; '1.4': number }
}

/** Counts over the endpoints of API 1.24 itself: the article's removed copy row is not one. */
export function summarizeUsage(rows: readonly EndpointRow[]): UsageSummary {
  const live = rows.filter((row) => isAvailableAt(row, '1.24'))
  const count = (pick: (row: EndpointRow) => boolean) => rows.filter(pick).length
  return {
    total: live.length,
    source: {
      '1.2': count((r) => r.source['1.2']),
      '1.3': count((r) => r.source['1.3']),
      '1.4': count((r) => r.source['1.4']),
    },
    article: { '1.3': count((r) => r.article['1.3']), '1.4': count((r) => r.article['1.4']) },
  }
}
