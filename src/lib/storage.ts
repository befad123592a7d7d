/**
 * The one way the app touches localStorage. Storage can be missing or refuse (private mode,
 * a sandboxed iframe, a full quota), and what it holds may be from an older build or edited by
 * hand: every read answers null rather than throwing, and every write says whether it stuck.
 */

/** Writes waiting for an idle moment (writeStoredSoon), by key: the value is computed then. */
const pending = new Map<string, () => string | null>()
let scheduled = false

/** Runs the waiting writes now (the page is going away, or a read wants the newest value). */
export function flushStoredSoon(): void {
  scheduled = false
  for (const [key, value] of [...pending]) {
    pending.delete(key)
    write(key, value())
  }
}

/**
 * Stores `value()` once the page is idle instead of now: a whole daemon snapshot or history
 * serialised and written on every request cost the playground's Send about a millisecond each
 * on its way to the screen. Later calls for the same key replace the waiting one, so a burst of
 * requests is written once. The page hiding (a reload, a closed tab, another app in front)
 * writes at once, and so does any read or immediate write of the same key: a reader never sees
 * an older value than the last one handed over.
 */
export function writeStoredSoon(key: string, value: () => string | null): void {
  pending.set(key, value)
  if (scheduled) return
  scheduled = true
  if (typeof window.requestIdleCallback === 'function')
    window.requestIdleCallback(flushStoredSoon, { timeout: 1000 })
  else setTimeout(flushStoredSoon, 0)
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', flushStoredSoon)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushStoredSoon()
  })
}

export function readStored(key: string): string | null {
  const waiting = pending.get(key)
  if (waiting) {
    pending.delete(key)
    write(key, waiting())
  }
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null
  }
}

/** Stores `value` (null removes the key); false when storage refused, so it lasts this page only. */
export function writeStored(key: string, value: string | null): boolean {
  pending.delete(key)
  return write(key, value)
}

function write(key: string, value: string | null): boolean {
  try {
    if (value === null) window.localStorage.removeItem(key)
    else window.localStorage.setItem(key, value)
    return true
  } catch {
    return false
  }
}

/**
 * A stored JSON value through `parse`, which returns null (or throws) for a value it cannot use.
 * An unreadable entry is removed, so it costs one failed read, not one per visit.
 */
export function readStoredJson<T>(key: string, parse: (value: unknown) => T | null): T | null {
  const raw = readStored(key)
  if (raw === null) return null
  try {
    const value = parse(JSON.parse(raw))
    if (value !== null) return value
  } catch {
    // Falls through: corrupt, removed below.
  }
  writeStored(key, null)
  return null
}
