import {
  createSortedRowModel,
  type ReactTable,
  rowSortingFeature,
  type SortingState,
  sortFn_alphanumeric,
  sortFn_basic,
  type TableOptions,
  tableFeatures,
  useTable,
} from '@tanstack/react-table'
import { useMemo } from 'react'
import type { Sort } from '../lib/url-codec.ts'
import { SortableHeader } from './sortable-header.tsx'

/** Sorting is the only TanStack feature our tables use; filtering happens in domain/. */
export const sortingFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
})
export type SortingFeatures = typeof sortingFeatures
export type SortedTable<TData extends { id: string }> = ReactTable<SortingFeatures, TData>

/**
 * A TanStack table whose single-column sort is controlled from outside (the URL), so a reload
 * or a shared link sorts exactly as before.
 */
export function useSortedTable<TData extends { id: string }>(
  columns: TableOptions<SortingFeatures, TData>['columns'],
  data: TData[],
  sort: Sort | null,
  onSortChange: (sort: Sort | null) => void,
): SortedTable<TData> {
  const sorting: SortingState = useMemo(() => (sort ? [sort] : []), [sort])
  return useTable({
    features: sortingFeatures,
    columns,
    data,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater
      onSortChange(next[0] ?? null)
    },
    getRowId: (row) => row.id,
  })
}

/** The header rows: every sortable column gets a real button and aria-sort. */
export function SortableHead<TData extends { id: string }>({
  table,
}: {
  table: SortedTable<TData>
}) {
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => (
            <SortableHeader
              key={header.id}
              direction={header.column.getIsSorted()}
              onToggle={
                header.column.getCanSort() ? header.column.getToggleSortingHandler() : undefined
              }
            >
              <table.FlexRender header={header} />
            </SortableHeader>
          ))}
        </tr>
      ))}
    </thead>
  )
}
