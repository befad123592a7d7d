import { useCallback, useEffect, useRef, useState } from 'react'
import { type AppState, formatAppState, parseAppState } from '../lib/url-state'

export type UpdateAppState = (
  change: (state: AppState) => AppState,
  mode?: 'push' | 'replace',
) => void

/**
 * The URL is the single source of truth for view state. Typing in a filter replaces the current
 * history entry (no history spam); switching views pushes one, so Back works as expected.
 */
export function useAppState(initial: AppState): [AppState, UpdateAppState] {
  const [state, setState] = useState(initial)
  // The latest state, so updates can write the URL outside React's (pure) state updaters.
  const current = useRef(initial)

  useEffect(() => {
    const onPopState = () => {
      current.current = parseAppState(window.location.search)
      setState(current.current)
    }
    window.addEventListener('popstate', onPopState)
    return () => window.removeEventListener('popstate', onPopState)
  }, [])

  const update = useCallback<UpdateAppState>((change, mode = 'replace') => {
    const next = change(current.current)
    current.current = next
    const url = `${window.location.pathname}${formatAppState(next)}${window.location.hash}`
    if (mode === 'push') window.history.pushState(null, '', url)
    else window.history.replaceState(null, '', url)
    setState(next)
  }, [])

  return [state, update]
}
