import { createColumnHelper } from '@tanstack/react-table'
import { type RefObject, useEffect, useMemo } from 'react'
import {
  SortableHead,
  type SortingFeatures,
  useSortedTable,
} from '../../components/sortable-table.tsx'
import type { EndpointRow } from '../../domain/rows.ts'
import { compareApi } from '../../domain/version.ts'
import { type Translate, useI18n } from '../../lib/i18n/index.tsx'
import type { Language } from '../../lib/i18n/languages.ts'
import type { Sort } from '../../lib/url-codec.ts'
import { MatrixRow } from './matrix-row.tsx'

const helper = createColumnHelper<SortingFeatures, EndpointRow>()

/** Rows 1.4 added, then disputed ones, then doc-vs-daemon differences: the "Change" sort key. */
const changeRank = (row: EndpointRow) =>
  Number(row.source['1.4'] && !row.source['1.3']) * 4 +
  Number(row.disputed) * 2 +
  Number(row.statusDiffers)

/**
 * TanStack Table owns the columns, their sort functions and the sorted row model; the cells are
 * rendered by the memoised MatrixRow, so a filter keystroke re-renders only what changed.
 */
function buildColumns(t: Translate, language: Language) {
  return helper.columns([
    helper.accessor((row) => row.title[language], {
      id: 'title',
      header: t('colTitle'),
      sortFn: 'alphanumeric',
    }),
    helper.accessor('method', { header: t('colMethod'), sortFn: 'basic' }),
    helper.accessor('path', { header: t('colPath'), sortFn: 'alphanumeric' }),
    helper.accessor('group', { header: t('colGroup'), sortFn: 'basic' }),
    helper.accessor('sinceApi', {
      header: t('colSince'),
      sortFn: (a, b) => compareApi(a.original.sinceApi, b.original.sinceApi),
    }),
    helper.accessor((row) => Number(row.source['1.3']), {
      id: 'k13',
      header: t('colK13'),
      sortFn: 'basic',
    }),
    helper.accessor((row) => Number(row.source['1.4']), {
      id: 'k14',
      header: t('colK14'),
      sortFn: 'basic',
    }),
    helper.accessor(changeRank, { id: 'change', header: t('colChange'), sortFn: 'basic' }),
  ])
}

interface MatrixTableProps {
  rows: EndpointRow[]
  sort: Sort | null
  onSortChange: (sort: Sort | null) => void
  /** Link to an endpoint's detail view; computed once per render by the parent. */
  hrefFor: (id: string) => string
  onOpen: (id: string) => void
  /** Receives the rows in the order shown, so an export matches the screen. */
  shownRef: RefObject<readonly EndpointRow[]>
}

export function MatrixTable({
  rows,
  sort,
  onSortChange,
  hrefFor,
  onOpen,
  shownRef,
}: MatrixTableProps) {
  const { t, language } = useI18n()
  const columns = useMemo(() => buildColumns(t, language), [t, language])
  const table = useSortedTable(columns, rows, sort, onSortChange)
  const shown = table.getRowModel().rows
  useEffect(() => {
    shownRef.current = shown.map((row) => row.original)
  })

  return (
    <div className="table-scroll fits-from-1100">
      <table className="matrix">
        <caption className="visually-hidden">{t('matrixHeading')}</caption>
        <SortableHead table={table} />
        <tbody>
          {shown.map((row) => (
            <MatrixRow
              key={row.id}
              row={row.original}
              language={language}
              href={hrefFor(row.id)}
              onOpen={onOpen}
            />
          ))}
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
