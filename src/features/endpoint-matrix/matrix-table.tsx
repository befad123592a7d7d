import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  type SortingState,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
} from '@tanstack/react-table'
import { useMemo } from 'react'
import { AppLink } from '../../components/app-link'
import { MethodBadge } from '../../components/method-badge'
import { Tick } from '../../components/tick'
import type { EndpointRow } from '../../domain/rows'
import { compareApi } from '../../domain/version'
import { type Translate, useI18n } from '../../lib/i18n'
import type { Language, Sort } from '../../lib/url-state'
import { ChangeBadges } from './change-badges'

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
})
const helper = createColumnHelper<typeof features, EndpointRow>()

function UsageCell({ row, release }: { row: EndpointRow; release: '1.3' | '1.4' }) {
  const { t } = useI18n()
  const source = row.source[release]
  const article = row.article[release]
  return (
    <span className="usage">
      <Tick value={source} />
      {article !== source && (
        <span className="article-says" title={t('articleWrongTitle')}>
          {t('articleSays')} <Tick value={article} />
        </span>
      )}
    </span>
  )
}

function buildColumns(t: Translate, language: Language) {
  return helper.columns([
    helper.accessor((row) => row.title[language], {
      id: 'title',
      header: t('colTitle'),
      sortFn: 'alphanumeric',
      cell: ({ row }) => (
        <AppLink to={(s) => ({ ...s, view: 'endpoint', endpoint: row.original.id })}>
          {row.original.title[language]}
        </AppLink>
      ),
    }),
    helper.accessor('method', {
      header: t('colMethod'),
      sortFn: 'basic',
      cell: (c) => <MethodBadge method={c.getValue()} />,
    }),
    helper.accessor('path', {
      header: t('colPath'),
      sortFn: 'alphanumeric',
      cell: (c) => <code>{c.getValue()}</code>,
    }),
    helper.accessor('group', { header: t('colGroup'), sortFn: 'basic' }),
    helper.accessor('sinceApi', {
      header: t('colSince'),
      sortFn: (a, b) => compareApi(a.original.sinceApi, b.original.sinceApi),
    }),
    helper.accessor((row) => Number(row.source['1.3']), {
      id: 'k13',
      header: t('colK13'),
      sortFn: 'basic',
      cell: ({ row }) => <UsageCell row={row.original} release="1.3" />,
    }),
    helper.accessor((row) => Number(row.source['1.4']), {
      id: 'k14',
      header: t('colK14'),
      sortFn: 'basic',
      cell: ({ row }) => <UsageCell row={row.original} release="1.4" />,
    }),
    helper.accessor(
      (row) =>
        Number(row.source['1.4'] && !row.source['1.3']) * 4 +
        Number(row.disputed) * 2 +
        Number(row.statusDiffers),
      {
        id: 'change',
        header: t('colChange'),
        sortFn: 'basic',
        cell: ({ row }) => <ChangeBadges row={row.original} />,
      },
    ),
  ])
}

interface MatrixTableProps {
  rows: EndpointRow[]
  sort: Sort | null
  onSortChange: (sort: Sort | null) => void
}

export function MatrixTable({ rows, sort, onSortChange }: MatrixTableProps) {
  const { t, language } = useI18n()
  const columns = useMemo(() => buildColumns(t, language), [t, language])
  const sorting: SortingState = sort ? [sort] : []
  const table = useTable({
    features,
    columns,
    data: rows,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater
      onSortChange(next[0] ?? null)
    },
    getRowId: (row) => row.id,
  })

  return (
    <div className="table-scroll">
      <table className="matrix">
        <caption className="visually-hidden">{t('matrixHeading')}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const direction = header.column.getIsSorted()
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={
                      direction === 'asc'
                        ? 'ascending'
                        : direction === 'desc'
                          ? 'descending'
                          : 'none'
                    }
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={header.column.getToggleSortingHandler()}
                    >
                      <table.FlexRender header={header} />
                      <span aria-hidden="true" className="sort-indicator">
                        {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '⇅'}
                      </span>
                    </button>
                  </th>
                )
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => {
            const added = row.original.source['1.4'] && !row.original.source['1.3']
            const className = [
              added && 'row-added',
              row.original.disputed && 'row-disputed',
              row.original.removedInApi && 'row-removed',
            ]
              .filter(Boolean)
              .join(' ')
            return (
              <tr key={row.id} className={className || undefined} data-endpoint={row.original.id}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={`col-${cell.column.id}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            )
          })}
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="empty">
                {t('noRows')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}
