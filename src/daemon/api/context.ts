import type { Engine } from '../engine.ts'
import { untyped } from '../errors.ts'
import type { DaemonRequest, DaemonResponse } from '../types.ts'
import { compareVersions } from '../version.ts'
import { decodeJSON } from '../wire/json.ts'
import { fromUtf8 } from './http.ts'

/** What a handler gets: the request, the negotiated version, path variables and the model. */
export interface Ctx {
  readonly req: DaemonRequest
  readonly engine: Engine
  /** Version from the URL, or '' when there was none. */
  readonly urlVersion: string
  /** Effective API version: the URL's, or the daemon's default. */
  readonly version: string
  /** Path variable ({id} / {name}), percent-decoded. */
  readonly param: string
  readonly query: URLSearchParams
}

export type Handler = (ctx: Ctx) => DaemonResponse | Promise<DaemonResponse>

export const versionLT = (ctx: Ctx, v: string): boolean => compareVersions(ctx.version, v) < 0
export const versionGreater = (ctx: Ctx, v: string): boolean => compareVersions(ctx.version, v) > 0
export const versionGTE = (ctx: Ctx, v: string): boolean => compareVersions(ctx.version, v) >= 0

/**
 * Go's `mime.ParseMediaType`, reduced to what CheckForJSON needs: the lower-cased media type,
 * or null when the header does not parse (bad type, or a parameter that is not key=value).
 */
export function parseMediaType(ct: string): string | null {
  const [type = '', ...params] = ct.split(';')
  const media = type.trim().toLowerCase()
  if (!/^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+$/.test(media)) return null
  for (const [i, p] of params.entries()) {
    // A single trailing semicolon is ignored; any other empty parameter is an error.
    if (p.trim() === '' && i === params.length - 1 && params.length === 1) return media
    if (
      !/^\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+=("([^"\\]|\\.)*"|[!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*$/.test(p)
    )
      return null
  }
  return media
}

/**
 * `httputils.CheckForJSON`: no Content-Type is fine when there is no body; otherwise the media
 * type must be application/json (`application/json; charset=utf-8` passes). Failures are
 * untyped (500).
 * @see moby api/server/httputils/httputils.go, api/common.go MatchesContentType at v1.12.6
 */
export function checkForJSON(ctx: Ctx): void {
  const ct = ctx.req.headers['content-type'] ?? ''
  if (ct === '' && (ctx.req.body === null || ctx.req.body.length === 0)) return
  if (parseMediaType(ct) !== 'application/json') {
    throw untyped(`Content-Type specified (${ct}) must be 'application/json'`)
  }
}

/** Decodes the body like `json.NewDecoder(r.Body).Decode(&v)`, with Go's error texts. */
export function bodyJSON(ctx: Ctx): unknown {
  return decodeJSON(fromUtf8(ctx.req.body))
}

/** `httputils.BoolValue`: "", "0", "no", "false", "none" (any case, trimmed) are false. */
export function boolValue(ctx: Ctx, key: string): boolean {
  const s = (ctx.query.get(key) ?? '').trim().toLowerCase()
  return !(s === '' || s === '0' || s === 'no' || s === 'false' || s === 'none')
}

/** `httputils.BoolValueOrDefault`: the default only when the parameter is absent. */
export function boolValueOrDefault(ctx: Ctx, key: string, def: boolean): boolean {
  if (!ctx.query.has(key)) return def
  return boolValue(ctx, key)
}

/** Plain-object check that survives hostile JSON. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
