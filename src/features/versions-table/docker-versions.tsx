import { useCallback, useMemo } from 'react'
import releasesFile from '../../../data/docker-releases.json'
import { AppLink } from '../../components/app-link.tsx'
import { acceptingKubernetes } from '../../domain/availability.ts'
import { countOffered, filterReleases } from '../../domain/filter-releases.ts'
import type { EndpointRow, KubernetesMinimum } from '../../domain/rows.ts'
import type { DockerReleasesFile } from '../../domain/schemas/docker-releases.ts'
import { compareApi } from '../../domain/version.ts'
import type { ViewStateProps } from '../../hooks/use-navigation.tsx'
import { useI18n } from '../../lib/i18n/index.tsx'
import { VersionsFilters } from './versions-filters.tsx'
import { type ReleaseView, VersionsTable } from './versions-table.tsx'
import { DEFAULT_VERSIONS, type VersionsState } from './versions-url.ts'
import '../../lib/i18n/view-messages.ts'

// The full release history, with sources, travels with this lazily loaded view; the first page
// only carries id/label/api for the matrix's release filter.
const releases = (releasesFile as DockerReleasesFile).releases

interface DockerVersionsProps extends ViewStateProps<VersionsState> {
  endpoints: readonly EndpointRow[]
  minimums: readonly KubernetesMinimum[]
}

export default function DockerVersions({
  endpoints,
  minimums,
  state: filter,
  onChange,
}: DockerVersionsProps) {
  const { t } = useI18n()
  // API 1.24's own endpoints (78): the article's copy row was removed in 1.24, so it is not one
  // of the endpoints a release can offer "of API 1.24".
  const api124 = useMemo(
    () => endpoints.filter((row) => row.removedInApi === undefined),
    [endpoints],
  )
  const views = useMemo<ReleaseView[]>(
    () =>
      releases.map((release) => {
        const accepted = acceptingKubernetes(release.api, minimums)
        return {
          ...release,
          accepted: {
            '1.2': accepted.includes('1.2'),
            '1.3': accepted.includes('1.3'),
            '1.4': accepted.includes('1.4'),
          },
          offered: countOffered(api124, release.api),
        }
      }),
    [api124, minimums],
  )
  const apiVersions = useMemo(() => [...new Set(releases.map((r) => r.api))].sort(compareApi), [])
  const visible = useMemo(() => {
    const shown = new Set(filterReleases(releases, filter, minimums).map((r) => r.id))
    return views.filter((view) => shown.has(view.id))
  }, [views, filter, minimums])
  const setFilter = (change: Partial<VersionsState>) => onChange((v) => ({ ...v, ...change }))
  const onSelect = useCallback(
    (id: string) => onChange((v) => ({ ...v, selected: v.selected === id ? '' : id })),
    [onChange],
  )
  const selected = views.find((view) => view.id === filter.selected)
  const total = api124.length

  return (
    <section aria-labelledby="versions-heading" className="view">
      <h2 id="versions-heading">{t('versionsHeading')}</h2>
      <p className="intro">{t('versionsIntro')}</p>
      <p className="intro">{t('versionsHowTo')}</p>
      <VersionsFilters
        value={filter}
        apiVersions={apiVersions}
        onChange={setFilter}
        onReset={() => onChange(() => DEFAULT_VERSIONS)}
      />
      <div className="selection" role="status" aria-live="polite">
        {selected && (
          <p>
            {t('selectedRelease', {
              release: selected.label,
              api: selected.api,
              count: selected.offered,
              total,
            })}{' '}
            <AppLink to={{ view: 'matrix', release: selected.id }}>{t('showInMatrix')}</AppLink>
          </p>
        )}
      </div>
      <VersionsTable
        rows={visible}
        minimums={minimums}
        sort={filter.sort}
        selected={filter.selected}
        onSortChange={(sort) => setFilter({ sort })}
        onSelect={onSelect}
      />
    </section>
  )
}
