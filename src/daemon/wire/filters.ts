import { untyped } from '../errors.ts'
import { decodeJSON, jsonKind, typeError } from './json.ts'

/**
 * The `filters` query parameter, as engine-api's `filters.FromParam` read it in 1.12:
 * `{"key":{"value":true}}`, or the older `{"key":["value"]}`.
 * @see moby vendor/src/github.com/docker/engine-api/types/filters/parse.go at v1.12.6
 */
export class Filters {
  constructor(readonly fields: Map<string, Map<string, boolean>> = new Map()) {}

  static parse(param: string | null): Filters {
    if (param === null || param === '') return new Filters()
    const v = decodeJSON(param)
    const out = new Map<string, Map<string, boolean>>()
    if (v === null) return new Filters(out)
    if (typeof v !== 'object' || Array.isArray(v)) {
      throw typeError(jsonKind(v), 'map[string]map[string]bool')
    }
    for (const [key, raw] of Object.entries(v as Record<string, unknown>)) {
      const values = new Map<string, boolean>()
      if (raw === null) {
        // a null inner map is an empty set
      } else if (Array.isArray(raw)) {
        // Deprecated slice form, accepted on the second decoding attempt.
        for (const item of raw) {
          if (typeof item !== 'string') throw typeError(jsonKind(raw), 'map[string]bool')
          values.set(item, true)
        }
      } else if (typeof raw === 'object') {
        for (const [k, b] of Object.entries(raw as Record<string, unknown>)) {
          if (typeof b !== 'boolean') throw typeError(jsonKind(b), 'bool')
          values.set(k, b)
        }
      } else {
        throw typeError(jsonKind(raw), 'map[string]bool')
      }
      out.set(key, values)
    }
    return new Filters(out)
  }

  /** `Validate`: the first unknown key is an (untyped → 500) error. */
  validate(accepted: readonly string[]): void {
    for (const key of this.fields.keys()) {
      if (!accepted.includes(key)) throw untyped(`Invalid filter '${key}'`)
    }
  }

  get(key: string): string[] {
    return [...(this.fields.get(key)?.keys() ?? [])]
  }

  include(key: string): boolean {
    return this.fields.has(key)
  }

  get size(): number {
    return this.fields.size
  }

  /** `ExactMatch`: no values for the key means "match everything". */
  exactMatch(key: string, source: string): boolean {
    const values = this.fields.get(key)
    if (values === undefined || values.size === 0) return true
    return values.get(source) === true
  }

  /** `Match`: exact, or the filter value as a regular expression. */
  match(key: string, source: string): boolean {
    if (this.exactMatch(key, source)) return true
    for (const pattern of this.fields.get(key)?.keys() ?? []) {
      try {
        if (new RegExp(pattern).test(source)) return true
      } catch {
        // An invalid expression matches nothing (regexp.MatchString error is skipped).
      }
    }
    return false
  }

  /** `FuzzyMatch`: exact or prefix. */
  fuzzyMatch(key: string, source: string): boolean {
    if (this.exactMatch(key, source)) return true
    for (const prefix of this.fields.get(key)?.keys() ?? [])
      if (source.startsWith(prefix)) return true
    return false
  }

  /** `MatchKVList` over labels: every `k` or `k=v` filter must hold. */
  matchKVList(key: string, sources: Record<string, unknown> | null | undefined): boolean {
    const values = this.fields.get(key)
    if (values === undefined || values.size === 0) return true
    if (sources === null || sources === undefined) return false
    const keys = Object.keys(sources)
    if (keys.length === 0) return false
    for (const want of values.keys()) {
      const eq = want.indexOf('=')
      const k = eq < 0 ? want : want.slice(0, eq)
      if (!Object.hasOwn(sources, k)) return false
      if (eq >= 0 && String(sources[k]) !== want.slice(eq + 1)) return false
    }
    return true
  }
}

/** Go 1.6 `strconv.ParseInt`/`Atoi` errors (no `strconv.Atoi:` prefix before Go 1.8). */
export function parseGoInt(s: string, bits = 64): number {
  if (!/^[+-]?\d+$/.test(s))
    throw untyped(`strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`)
  // Up to 15 characters the value and the bound 2^(bits-1) are exact as doubles: no BigInt
  // needed (this runs for every resize, h and w). `-0` parses as Go's 0.
  if (s.length <= 15) {
    const small = Number(s)
    const limit = 2 ** (bits - 1)
    if (small >= -limit && small < limit) return small === 0 ? 0 : small
    throw untyped(`strconv.ParseInt: parsing ${goQuote(s)}: value out of range`)
  }
  const n = BigInt(s)
  const max = (1n << BigInt(bits - 1)) - 1n
  if (n > max || n < -max - 1n)
    throw untyped(`strconv.ParseInt: parsing ${goQuote(s)}: value out of range`)
  return Number(n)
}

/** Go's `%q` / `strconv.Quote` for the common cases. */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u007f/g, '\\x7f')
}
