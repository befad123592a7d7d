/**
 * The contract between a view and the query string. Each feature writes one codec for the state
 * of its view (`src/features/<feature>/*-url.ts`); `src/app/app-state.ts` composes them. A codec
 * never fails: whatever it does not understand reads as its default, so a hand-edited or stale
 * link still opens the page.
 */
export interface UrlCodec<T> {
  /** The query keys it reads and writes; no other codec reads them on this view's links. */
  readonly keys: readonly string[]
  readonly defaults: T
  /**
   * `own`: the link opens this codec's view. A key two views share (`release`) means the opened
   * view's value, so a codec may read such a key only on its own links.
   */
  parse(params: URLSearchParams, own: boolean): T
  /** The entries that differ from the defaults, in the order the link writes them. */
  format(state: T): [string, string][]
}

/** Free text from a link, capped so a giant URL cannot blow up a filter. */
export const MAX_TEXT = 200
/** An API version as links write it: 1.24. */
export const API_PATTERN = /^\d{1,2}\.\d{1,2}$/
/** An endpoint, lesson or release id: letters, digits, dots, dashes, underscores. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

export function oneOf<T extends string>(
  values: readonly T[],
  value: string | null,
  fallback: T,
): T {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback
}

/** The value if it matches the pattern, '' otherwise. */
export function matching(pattern: RegExp, value: string | null): string {
  return value !== null && pattern.test(value) ? value : ''
}

export function text(value: string | null): string {
  return (value ?? '').slice(0, MAX_TEXT)
}

/** A boolean flag is written `key=1`, and only when set. */
export function flag(value: string | null): boolean {
  return value === '1'
}

/** An integer within [min, max], or the fallback. */
export function integerIn(
  value: string | null,
  min: number,
  max: number,
  fallback: number,
): number {
  const n = Number(value)
  return value !== null && Number.isInteger(n) && n >= min && n <= max ? n : fallback
}

/** A sortable table's column and direction; `-path` sorts by path, descending. */
export interface Sort {
  id: string
  desc: boolean
}

const SORT_PATTERN = /^(-?)([a-zA-Z0-9]{1,32})$/

export function parseSort(value: string | null): Sort | null {
  const match = value === null ? null : SORT_PATTERN.exec(value)
  return match?.[2] ? { id: match[2], desc: match[1] === '-' } : null
}

export function formatSort(sort: Sort | null): string | null {
  return sort ? `${sort.desc ? '-' : ''}${sort.id}` : null
}

/** One query key of a view's state: how its value reads, and how a link writes it. */
export interface Field<T> {
  readonly key: string
  /** Anything it does not understand reads as the default. `own`: as in UrlCodec.parse. */
  read(value: string | null, own: boolean): T
  /** The value as written; null leaves the key out. Without it: String(value). */
  write?(value: T): string | null
}

/** One field per property of the state. */
export type Fields<T> = { readonly [K in keyof T]: Field<T[K]> }

/**
 * A codec from a table of fields. Its defaults are what an empty query reads as; a link writes
 * the fields in the table's order and leaves out each one written as its default is.
 */
export function fieldCodec<T extends object>(fields: Fields<T>): UrlCodec<T> {
  const names = Object.keys(fields) as (keyof T & string)[]
  const parse = (params: URLSearchParams, own: boolean): T => {
    const state: Partial<T> = {}
    for (const name of names) state[name] = fields[name].read(params.get(fields[name].key), own)
    // Fields<T> names every property of T, so every one is set now.
    return state as T
  }
  const written = <K extends keyof T>(name: K, value: T[K]): string | null => {
    const field = fields[name]
    return field.write ? field.write(value) : String(value)
  }
  const defaults = parse(new URLSearchParams(), true)
  return {
    keys: names.map((name) => fields[name].key),
    defaults,
    parse,
    format: (state) =>
      names.flatMap((name): [string, string][] => {
        const value = written(name, state[name])
        return value === null || value === written(name, defaults[name])
          ? []
          : [[fields[name].key, value]]
      }),
  }
}

export const textField = (key: string): Field<string> => ({ key, read: text })

export const choiceField = <T extends string>(
  key: string,
  values: readonly T[],
  fallback: T,
): Field<T> => ({ key, read: (value) => oneOf(values, value, fallback) })

export const patternField = (key: string, pattern: RegExp): Field<string> => ({
  key,
  read: (value) => matching(pattern, value),
})

export const flagField = (key: string): Field<boolean> => ({
  key,
  read: flag,
  write: (value) => (value ? '1' : null),
})

export const integerField = (
  key: string,
  min: number,
  max: number,
  fallback: number,
): Field<number> => ({ key, read: (value) => integerIn(value, min, max, fallback) })

export const sortField = (key: string): Field<Sort | null> => ({
  key,
  read: parseSort,
  write: formatSort,
})
