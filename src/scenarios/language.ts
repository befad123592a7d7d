import type { ScenarioRequest, WireRequest } from './types.ts'

/** The scenario language: `{{name}}` placeholders and how a scripted request goes on the wire. */

const encoder = new TextEncoder()

/**
 * `{{name}}` → a captured value; `{{sharedPrefix:a,b,…}}` → the shortest prefix that at least
 * two of the captured values share (captures of lists are comma-separated), which makes any
 * id lookup by that prefix ambiguous.
 */
export function substitute(text: string, vars: ReadonlyMap<string, string>): string {
  return text.replace(
    /\{\{([A-Za-z0-9_]+)(?::([A-Za-z0-9_,]+))?\}\}/g,
    (m, name: string, args?: string) => {
      if (name === 'sharedPrefix' && args !== undefined) {
        const values = args
          .split(',')
          .flatMap((a) => (vars.get(a) ?? '').split(','))
          .filter((v) => v !== '')
        for (let len = 1; len <= 64; len++) {
          const seen = new Set<string>()
          for (const v of values) {
            const p = v.slice(0, len)
            if (seen.has(p)) return p
            seen.add(p)
          }
        }
        return m
      }
      return vars.get(name) ?? m
    },
  )
}

export function substituteDeep(value: unknown, vars: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return substitute(value, vars)
  if (Array.isArray(value)) return value.map((v) => substituteDeep(v, vars))
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[substitute(k, vars)] = substituteDeep(v, vars)
    return out
  }
  return value
}

export function toWire(req: ScenarioRequest, vars: ReadonlyMap<string, string>): WireRequest {
  const full = substitute(req.path, vars)
  const q = full.indexOf('?')
  const path = q < 0 ? full : full.slice(0, q)
  const query = q < 0 ? '' : full.slice(q + 1)
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers ?? {}))
    headers[k.toLowerCase()] = substitute(v, vars)
  let body: Uint8Array | null = null
  if (req.body !== undefined) {
    const text =
      typeof req.body === 'string'
        ? substitute(req.body, vars)
        : JSON.stringify(substituteDeep(req.body, vars))
    body = encoder.encode(text)
  }
  const contentType =
    req.contentType === undefined ? (body !== null ? 'application/json' : null) : req.contentType
  if (contentType !== null && headers['content-type'] === undefined)
    headers['content-type'] = contentType
  return { method: req.method, path, query, headers, body }
}

/** The `{{name}}` placeholders of a request that `vars` cannot fill yet. */
export function missingVars(req: ScenarioRequest, vars: ReadonlyMap<string, string>): string[] {
  const text = `${req.path} ${typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? '')}`
  const missing = new Set<string>()
  for (const m of text.matchAll(/\{\{([A-Za-z0-9_]+)\}\}/g))
    if (m[1] !== undefined && !vars.has(m[1])) missing.add(m[1])
  return [...missing]
}
