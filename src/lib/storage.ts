/**
 * The one way the app touches localStorage. Storage can be missing or refuse (private mode,
 * a sandboxed iframe, a full quota), and what it holds may be from an older build or edited by
 * hand: every read answers null rather than throwing, and every write says whether it stuck.
 */

/**
 * Values handed to writeStoredSoon (storage-soon.ts, not on the first page) and not yet written,
 * by key. A read or an immediate write of the key settles its entry first, so a reader never
 * sees an older value than the last one handed over.
 */
export const waitingWrites = new Map<string, () => string | null>()

export function readStored(key: string): string | null {
  const waiting = waitingWrites.get(key)
  if (waiting) writeStored(key, waiting())
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null
  }
}

/** Stores `value` (null removes the key); false when storage refused, so it lasts this page only. */
export function writeStored(key: string, value: string | null): boolean {
  waitingWrites.delete(key)
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
