import { isAvailableAt } from './availability.ts'
import type { EndpointRow, KubernetesMinimum, ReleaseRow } from './rows.ts'
import type { ApiVersion, KubernetesRelease } from './schemas/common.ts'
import { compareApi } from './version.ts'

export interface ReleaseFilter {
  q: string
  from: ApiVersion | ''
  to: ApiVersion | ''
  k8s: KubernetesRelease | ''
  /** false: only the rows the article lists. */
  all: boolean
}

export function filterReleases(
  releases: readonly ReleaseRow[],
  filter: ReleaseFilter,
  minimums: readonly KubernetesMinimum[],
): ReleaseRow[] {
  const q = filter.q.trim().toLowerCase()
  const minimum = minimums.find((m) => m.version === filter.k8s)?.minApi
  return releases.filter((release) => {
    if (!filter.all && !release.article.listed) return false
    if (filter.from && compareApi(release.api, filter.from) < 0) return false
    if (filter.to && compareApi(release.api, filter.to) > 0) return false
    if (minimum && compareApi(release.api, minimum) < 0) return false
    if (!q) return true
    return `${release.label} ${release.id} ${release.api} ${release.year}`.toLowerCase().includes(q)
  })
}

export function countOffered(rows: readonly EndpointRow[], api: ApiVersion): number {
  return rows.filter((row) => isAvailableAt(row, api)).length
}
