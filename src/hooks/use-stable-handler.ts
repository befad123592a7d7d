import { useCallback, useLayoutEffect, useRef } from 'react'

/**
 * A function that keeps one identity for the component's life and always calls the newest
 * `handler`: a memoised child given it skips the parent's renders, yet never calls a handler
 * from an older render (which would see an older state). Only for events, not during a render.
 */
export function useStableHandler<A extends unknown[], R>(
  handler: (...args: A) => R,
): (...args: A) => R {
  const latest = useRef(handler)
  // Before the browser can deliver another event to what was just committed.
  useLayoutEffect(() => {
    latest.current = handler
  })
  return useCallback((...args: A) => latest.current(...args), [])
}
