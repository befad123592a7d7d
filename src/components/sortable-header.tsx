import type { ReactNode } from 'react'

interface SortableHeaderProps {
  children: ReactNode
  /** TanStack's column.getIsSorted(). */
  direction: false | 'asc' | 'desc'
  /** TanStack's column.getToggleSortingHandler(); undefined for a column that does not sort. */
  onToggle: ((event: unknown) => void) | undefined
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const

/** A column header that sorts with a real button and tells assistive technology how it sorts. */
export function SortableHeader({ children, direction, onToggle }: SortableHeaderProps) {
  if (!onToggle) return <th scope="col">{children}</th>
  return (
    <th scope="col" aria-sort={direction ? ARIA_SORT[direction] : 'none'}>
      <button type="button" className="sort-button" onClick={onToggle}>
        {children}
        <span aria-hidden="true" className="sort-indicator">
          {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '⇅'}
        </span>
      </button>
    </th>
  )
}
