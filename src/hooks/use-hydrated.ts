import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * False while rendering on the server and while hydrating, true afterwards. Controls that only
 * work with JavaScript (filters, language and theme switches) render after hydration: the
 * prerendered first page then paints the table without laying out a dozen form controls first.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
