import { lazy, Suspense, useCallback, useMemo, useRef } from 'react'
import { filterEndpoints, summarizeUsage } from '../../domain/filter-endpoints.ts'
import type { EndpointRow, ReleaseOption } from '../../domain/rows.ts'
import { useHydrated } from '../../hooks/use-hydrated.ts'
import { useNavigation, type ViewStateProps } from '../../hooks/use-navigation.tsx'
import { downloadText } from '../../lib/csv.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { DEFAULT_MATRIX, type MatrixState } from './matrix-url.ts'

// Its own small chunk: the first page's JS stays within its budget.
const CopyEmbed = lazy(() =>
  import('../../components/copy-embed.tsx').then((m) => ({ default: m.CopyEmbed })),
)

// A placeholder id that the endpoint view's link keeps as is (it matches the endpoint id pattern).
const ID_SLOT = 'EndpointIdSlot'

import { matrixCsv } from './matrix-csv.ts'
import { MatrixFilters } from './matrix-filters.tsx'
import { MatrixTable } from './matrix-table.tsx'

interface EndpointMatrixProps extends ViewStateProps<MatrixState> {
  rows: readonly EndpointRow[]
  releases: readonly ReleaseOption[]
}

/**
 * With a release chosen, rows and endpoints differ by the removed /copy row: say so, so the count
 * agrees with the versions table's "API 1.24 endpoints served".
 */
function ReleaseCount(props: {
  release: ReleaseOption
  visible: readonly EndpointRow[]
  total: number
}) {
  const { t } = useI18n()
  const removed = props.visible.filter((row) => row.removedInApi).length
  if (removed === 0) return null
  return (
    <>
      {' '}
      {t('summaryRemovedRows', {
        release: props.release.label,
        removed,
        count: props.visible.length - removed,
        total: props.total,
      })}
    </>
  )
}

export function EndpointMatrix({ rows, releases, state: filter, onChange }: EndpointMatrixProps) {
  const { t, language } = useI18n()
  const { href, go } = useNavigation()
  const hydrated = useHydrated()
  // The rows in the order the table shows them (sorting happens inside the table).
  const shownRef = useRef<readonly EndpointRow[]>(rows)
  const release = releases.find((r) => r.id === filter.release)
  const api = release?.api ?? ''
  const visible = useMemo(() => filterEndpoints(rows, { ...filter, api }), [rows, filter, api])
  const summary = useMemo(() => summarizeUsage(rows), [rows])
  // A row's link is a clean, shareable detail URL (language only). It does not carry the
  // filters, so rows keep their props across keystrokes and their memo holds; a plain click
  // still keeps the filters in the URL, because onOpen updates the whole state.
  const template = href({ view: 'endpoint', endpoint: ID_SLOT })
  const hrefFor = useMemo(() => (id: string) => template.replace(ID_SLOT, id), [template])
  const onOpen = useCallback(
    (id: string) => {
      go({ view: 'endpoint', endpoint: id }, 'push')
      window.scrollTo({ top: 0 })
    },
    [go],
  )
  const setFilter = (change: Partial<MatrixState>) => onChange((m) => ({ ...m, ...change }))

  return (
    <section aria-labelledby="matrix-heading" className="view">
      <h2 id="matrix-heading">{t('matrixHeading')}</h2>
      <p className="intro">
        {t('matrixIntro')} <a href="#matrix-legend">{t('legendLink')}</a>
      </p>
      {hydrated ? (
        <MatrixFilters
          value={filter}
          releases={releases}
          onChange={setFilter}
          onReset={() => onChange(() => DEFAULT_MATRIX)}
          onExport={() =>
            downloadText(
              `docker-api-1.24-endpoints-${language}.csv`,
              matrixCsv(shownRef.current, language),
            )
          }
        />
      ) : (
        <div className="filters filters-placeholder" />
      )}
      <p className="summary" role="status" aria-live="polite">
        {t('summary', {
          k14: summary.source['1.4'],
          k13: summary.source['1.3'],
          total: summary.total,
          delta: summary.source['1.4'] - summary.source['1.3'],
          a14: summary.article['1.4'],
          a13: summary.article['1.3'],
          shown: visible.length,
          rows: rows.length,
        })}
        {release && <ReleaseCount release={release} visible={visible} total={summary.total} />}
      </p>

      <MatrixTable
        rows={visible}
        sort={filter.sort}
        onSortChange={(sort) => setFilter({ sort })}
        hrefFor={hrefFor}
        onOpen={onOpen}
        shownRef={shownRef}
      />
      <aside className="legend" id="matrix-legend" aria-label={t('legend')}>
        <p>{t('legendTick')}</p>
        <p>{t('legendArticle')}</p>
        <p>
          <span className="badge badge-wrong">{t('articleWrong')}</span> {t('articleWrongTitle')}{' '}
          <span className="badge badge-status">{t('statusDiffers')}</span> {t('statusDiffersTitle')}
        </p>
        {/* Under the table, so its late arrival (a chunk of its own) moves nothing above. */}
        {hydrated && (
          <p>
            <Suspense fallback={null}>
              <CopyEmbed
                query={`embed=matrix&${href({ view: 'matrix' }).slice(1)}`}
                title={t('matrixHeading')}
              />
            </Suspense>
          </p>
        )}
      </aside>
    </section>
  )
}
