import { createColumnHelper } from '@tanstack/react-table'
import { useMemo } from 'react'
import {
  SortableHead,
  type SortingFeatures,
  useSortedTable,
} from '../../components/sortable-table.tsx'
import { Tick } from '../../components/tick.tsx'
import type { KubernetesMinimum, ReleaseRow } from '../../domain/rows.ts'
import { compareApi } from '../../domain/version.ts'
import { type Translate, useI18n } from '../../lib/i18n/index.tsx'
import type { Sort } from '../../lib/url-codec.ts'
import '../../lib/i18n/view-messages.ts'

/** A release row with what the view derives for it. */
export interface ReleaseView extends ReleaseRow {
  accepted: { '1.2': boolean; '1.3': boolean; '1.4': boolean }
  offered: number
}

const helper = createColumnHelper<SortingFeatures, ReleaseView>()

/** "api/common.go @ v1.12.0" from a GitHub blob URL; the full label stays in the tooltip. */
function shortSource(url: string | undefined, label: string): string {
  const match = url ? /\/blob\/([^/]+)\/([^#]+)/.exec(url) : null
  return match ? `${match[2]} @ ${match[1]}` : label
}

function ReleaseSource({ release }: { release: ReleaseView }) {
  const source = release.sources[0]
  if (!source) return null
  const text = shortSource(source.url, source.label)
  return source.url ? (
    <a href={source.url} rel="noreferrer" target="_blank" title={source.label}>
      {text}
    </a>
  ) : (
    <span title={source.label}>{text}</span>
  )
}

/** Releases sort by API version first: "1.10" comes after "1.9". */
const byApi = (a: ReleaseView, b: ReleaseView) => compareApi(a.api, b.api) || a.year - b.year

function buildColumns(t: Translate, selected: string, onSelect: (id: string) => void) {
  const acceptance = (version: '1.2' | '1.3' | '1.4') =>
    helper.accessor((row) => Number(row.accepted[version]), {
      id: `k${version.replace('.', '')}`,
      header: `K8s ${version}`,
      sortFn: 'basic',
      cell: ({ row }) => (
        <span className="acceptance">
          <Tick value={row.original.accepted[version]} />
          {!row.original.accepted[version] && <span className="rejected">{t('rejected')}</span>}
        </span>
      ),
    })
  return helper.columns([
    helper.accessor('label', {
      id: 'release',
      header: t('colRelease'),
      sortFn: (a, b) => byApi(a.original, b.original),
      cell: ({ row }) => (
        <span>
          Docker {row.original.label}
          {!row.original.accepted['1.4'] && (
            <span className="visually-hidden"> ({t('unsupportedBy14')})</span>
          )}
        </span>
      ),
    }),
    helper.accessor('api', {
      header: t('colApi'),
      sortFn: (a, b) => byApi(a.original, b.original),
    }),
    helper.accessor((row) => row.apiMin ?? '', {
      id: 'apiMin',
      header: t('colApiMin'),
      sortFn: (a, b) => compareApi(a.original.apiMin ?? '0.0', b.original.apiMin ?? '0.0'),
      cell: ({ row }) => row.original.apiMin ?? <span className="muted">{t('noLowerBound')}</span>,
    }),
    helper.accessor('year', { header: t('colYear'), sortFn: 'basic' }),
    helper.accessor((row) => (row.article.listed ? (row.article.label ?? row.label) : ''), {
      id: 'article',
      header: t('colArticle'),
      sortFn: 'alphanumeric',
      cell: ({ row }) =>
        row.original.article.listed ? (
          <span>
            {t('yes')} <code>{row.original.article.label}</code>
          </span>
        ) : (
          <span className="muted">{t('no')}</span>
        ),
    }),
    acceptance('1.2'),
    acceptance('1.3'),
    acceptance('1.4'),
    helper.accessor('offered', { id: 'offered', header: t('colEndpoints'), sortFn: 'basic' }),
    helper.display({
      id: 'source',
      header: t('colSource'),
      cell: ({ row }) => <ReleaseSource release={row.original} />,
    }),
    helper.display({
      id: 'select',
      header: t('select'),
      cell: ({ row }) => (
        <button
          type="button"
          className="select-button"
          aria-pressed={selected === row.original.id}
          onClick={() => onSelect(row.original.id)}
        >
          <span className="visually-hidden">
            {t('select')} Docker {row.original.label}
          </span>
          <span aria-hidden="true">{selected === row.original.id ? '●' : '○'}</span>
        </button>
      ),
    }),
  ])
}

interface VersionsTableProps {
  rows: ReleaseView[]
  minimums: readonly KubernetesMinimum[]
  sort: Sort | null
  selected: string
  onSortChange: (sort: Sort | null) => void
  onSelect: (id: string) => void
}

export function VersionsTable({
  rows,
  sort,
  selected,
  onSortChange,
  onSelect,
}: VersionsTableProps) {
  const { t } = useI18n()
  const columns = useMemo(() => buildColumns(t, selected, onSelect), [t, selected, onSelect])
  const table = useSortedTable(columns, rows, sort, onSortChange)
  return (
    <div className="table-scroll fits-from-1280">
      <table className="versions">
        <caption className="visually-hidden">{t('versionsHeading')}</caption>
        <SortableHead table={table} />
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className={
                [
                  !row.original.accepted['1.4'] && 'row-unsupported',
                  selected === row.id && 'row-selected',
                ]
                  .filter(Boolean)
                  .join(' ') || undefined
              }
            >
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={`col-${cell.column.id}`}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="empty">
                {t('noReleases')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}
