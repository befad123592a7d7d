import { waitingWrites, writeStored } from './storage.ts'

let scheduled = false

/** Writes every waiting value now (the page is going away, or idle). */
export function flushStoredSoon(): void {
  scheduled = false
  for (const [key, value] of [...waitingWrites]) writeStored(key, value())
}

/**
 * Stores `value()` once the page is idle instead of now: a whole daemon snapshot or history
 * serialised and written on every request cost the playground's Send about a millisecond each
 * on its way to the screen. A later call for the same key replaces the waiting one, so a burst of
 * requests is written once. The page hiding (a reload, a closed tab, another app in front)
 * writes at once, and so does any read or immediate write of the key (storage.ts).
 */
export function writeStoredSoon(key: string, value: () => string | null): void {
  waitingWrites.set(key, value)
  if (scheduled) return
  scheduled = true
  // No requestIdleCallback in Safari before 18 nor in Node (tests run sessions there).
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback(flushStoredSoon, { timeout: 1000 })
  else setTimeout(flushStoredSoon, 0)
}

// Not in Node (the history's unit tests, the prerender), where nothing waits.
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', flushStoredSoon)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushStoredSoon()
  })
}
