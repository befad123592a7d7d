/**
 * Where the simulated daemon lives, and how a request URL maps to a daemon path.
 *
 * The playground serves the daemon under a base that is either absolute
 * (`http://docker.local`) or a same-origin path prefix (`/docker-api/`). The real
 * HTTP server uses no base at all: every path on every host belongs to the daemon.
 *
 * Matching uses regular expressions on the whole URL rather than MSW path strings, because
 * Docker routes are registered twice (`/v{version}/path` and `/path`, see
 * `api/server/server.go` at v1.12.6) and an image name may itself contain slashes.
 */

export interface DaemonBase {
  /** Regex source matching the origin part of a URL, e.g. `http://docker\.local` or `[a-z][a-z0-9+.-]*://[^/]+`. */
  readonly originPattern: string
  /** Path prefix without a trailing slash, e.g. `/docker-api` or ``. */
  readonly pathPrefix: string
}

const ANY_ORIGIN = '[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]+'

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

function trimTrailingSlashes(path: string): string {
  return path.replace(/\/+$/, '')
}

/**
 * Parses a base URL.
 * - `undefined` or `''`: every origin, no prefix (the node:http server).
 * - `http://docker.local/api/`: that origin only, prefix `/api`.
 * - `/docker-api/`: a same-origin prefix. In a browser the origin is `location.origin`;
 *   elsewhere any origin is accepted.
 */
export function parseBaseUrl(baseUrl?: string, currentOrigin?: string): DaemonBase {
  if (baseUrl === undefined || baseUrl === '' || baseUrl === '/') {
    return { originPattern: ANY_ORIGIN, pathPrefix: '' }
  }
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(baseUrl)) {
    const url = new URL(baseUrl)
    return {
      originPattern: escapeRegExp(url.origin),
      pathPrefix: trimTrailingSlashes(url.pathname),
    }
  }
  const prefix = trimTrailingSlashes(baseUrl.startsWith('/') ? baseUrl : `/${baseUrl}`)
  return {
    originPattern: currentOrigin === undefined ? ANY_ORIGIN : escapeRegExp(currentOrigin),
    pathPrefix: prefix,
  }
}

/** A regex matching every URL under the base: the path right after it is `/`, `?`, `#` or nothing. */
export function everythingPattern(base: DaemonBase): RegExp {
  return new RegExp(`^${base.originPattern}${escapeRegExp(base.pathPrefix)}(?:[/?#]|$)`)
}

/** The daemon path for a URL pathname: the base prefix removed, the `/v1.xx` prefix kept. */
export function daemonPath(base: DaemonBase, pathname: string): string {
  const rest = pathname.slice(base.pathPrefix.length)
  return rest === '' ? '/' : rest
}
