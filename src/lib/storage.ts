/**
 * The one way the app touches localStorage. Storage can be missing or refuse (private mode,
 * a sandboxed iframe, a full quota), and what it holds may be from an older build or edited by
 * hand: every read answers null rather than throwing, and every write says whether it stuck.
 */
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null
  }
}

/** Stores `value` (null removes the key); false when storage refused, so it lasts this page only. */
export function writeStored(key: string, value: string | null): boolean {
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
