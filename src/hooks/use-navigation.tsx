import { createContext, type ReactNode, useContext } from 'react'
import type { ViewLink } from '../lib/view-link.ts'

/** A new view pushes a history entry (Back returns); a filter replaces it (no history spam). */
export type NavigationMode = 'push' | 'replace'

/**
 * How a view links to a view, its own or another: by a ViewLink, which `src/app/` turns into
 * state and URL with the codec of the view it opens. A view never sees another view's state.
 */
export interface Navigation {
  /** The link's query string, for an <a href> ('' for the default view). */
  href: (link: ViewLink) => string
  go: (link: ViewLink, mode?: NavigationMode) => void
}

/** A view's own state as `src/app/` hands it over, and the way to change it. */
export interface ViewStateProps<T> {
  state: T
  onChange: (change: (state: T) => T, mode?: NavigationMode) => void
}

const NavigationContext = createContext<Navigation>({ href: () => '', go: () => {} })

export function NavigationProvider({
  value,
  children,
}: {
  value: Navigation
  children: ReactNode
}) {
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>
}

export function useNavigation(): Navigation {
  return useContext(NavigationContext)
}
