import { useCallback, useEffect, useRef, useState } from 'react'
import { type AppState, formatAppState, parseAppState } from './app-state.ts'

export type UpdateAppState = (
  change: (state: AppState) => AppState,
  mode?: 'push' | 'replace',
) => void

const urlFor = (state: AppState) =>
  `${window.location.pathname}${formatAppState(state)}${window.location.hash}`

/**
 * The URL is the single source of truth for view state. Typing in a filter replaces the current
 * history entry (no history spam); switching views pushes one, so Back works as expected.
 *
 * A replace is written after the next paint, and only the last of a burst: Chromium's
 * history.replaceState costs about as much as re-rendering the whole matrix, and paying it
 * inside the keystroke would double the time until the filtered table shows.
 */
export function useAppState(initial: AppState): [AppState, UpdateAppState] {
  const [state, setState] = useState(initial)
  // The latest state, so updates can write the URL outside React's (pure) state updaters.
  const current = useRef(initial)
  const pendingReplace = useRef(false)

  useEffect(() => {
    const onPopState = () => {
      pendingReplace.current = false
      current.current = parseAppState(window.location.search)
      setState(current.current)
    }
    window.addEventListener('popstate', onPopState)
    return () => window.removeEventListener('popstate', onPopState)
  }, [])

  const update = useCallback<UpdateAppState>((change, mode = 'replace') => {
    const next = change(current.current)
    current.current = next
    setState(next)
    if (mode === 'push') {
      pendingReplace.current = false
      window.history.pushState(null, '', urlFor(next))
      return
    }
    if (pendingReplace.current) return
    pendingReplace.current = true
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (!pendingReplace.current) return
        pendingReplace.current = false
        window.history.replaceState(null, '', urlFor(current.current))
      }),
    )
  }, [])

  return [state, update]
}
