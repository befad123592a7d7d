import { createContext, type ReactNode, useContext } from 'react'
import { type AppState, DEFAULT_STATE } from '../lib/url-state.ts'
import type { UpdateAppState } from './use-app-state.ts'

interface Navigation {
  state: AppState
  update: UpdateAppState
}

const NavigationContext = createContext<Navigation>({ state: DEFAULT_STATE, update: () => {} })

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
