/**
 * A JSON value as its difference from another: what a shared daemon sends instead of the whole
 * record, since most of a container record is the daemon's defaults. Objects are compared key by
 * key; anything else (arrays, strings, numbers) is sent whole when it differs.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const isObject = (v: unknown): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Keys the base has and the value has not. */
const REMOVED = '~'

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** The delta from `base` to `value`; `undefined` when they are equal. */
export function delta(base: unknown, value: unknown): unknown {
  if (equal(base, value)) return undefined
  // Arrays of the same length, element by element (0 for an unchanged one): a log whose text is
  // the same but whose time is not sends the time alone.
  if (Array.isArray(base) && Array.isArray(value) && base.length === value.length)
    return { '[': value.map((v, i) => delta(base[i], v) ?? 0) }
  // A changed number, string, boolean or null is itself: no delta is one of those.
  if (typeof value !== 'object' || value === null) return value
  if (!isObject(base) || !isObject(value) || REMOVED in value || '=' in value || '[' in value)
    return { '=': value }
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    const d = delta(base[key], v)
    if (d !== undefined) out[key] = d
  }
  const removed = Object.keys(base).filter((key) => !(key in value))
  if (removed.length > 0) out[REMOVED] = removed
  return out
}

/** Applies a delta made by `delta`; throws on something that is not one. */
export function patch(base: unknown, d: unknown): unknown {
  if (d === undefined) return structuredClone(base)
  if (typeof d !== 'object' || d === null) return d
  if (!isObject(d)) throw new Error('not a delta')
  if ('=' in d) return structuredClone(d['='])
  if ('[' in d) {
    const items = d['[']
    if (!Array.isArray(base) || !Array.isArray(items) || items.length !== base.length)
      throw new Error('an array delta applied to something else')
    return items.map((item, i) => (item === 0 ? structuredClone(base[i]) : patch(base[i], item)))
  }
  if (!isObject(base)) throw new Error('a delta of an object applied to something else')
  const out: Record<string, unknown> = structuredClone(base)
  for (const [key, v] of Object.entries(d)) {
    if (key === REMOVED) continue
    out[key] = patch(base[key], v)
  }
  const removed = d[REMOVED]
  if (removed !== undefined) {
    if (!Array.isArray(removed)) throw new Error('not a delta')
    for (const key of removed) delete out[String(key)]
  }
  return out
}
