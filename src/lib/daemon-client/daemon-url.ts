/**
 * Where a typed daemon path is sent. The browser is stricter than a socket: it resolves `.` and
 * `..` segments (also written `%2e`) before sending, so `/../index.html` would leave the daemon
 * and fetch the site itself, and an absolute URL would go anywhere. Such paths are refused with
 * a reason; the real daemon (`npm run daemon` + `curl --path-as-is`) shows what 1.12 did with
 * them (a 301 to the cleaned path).
 */
export type PathRejection = 'not-absolute' | 'dot-segment' | 'leaves-daemon'

export class RejectedPath extends Error {
  constructor(readonly reason: PathRejection) {
    super(`path refused: ${reason}`)
    this.name = 'RejectedPath'
  }
}

const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(?=\/|\?|#|$)/i

export function daemonUrl(baseUrl: string, path: string): URL {
  // "//host/x" would be a network-path reference: another origin.
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\'))
    throw new RejectedPath('not-absolute')
  const [pathname = ''] = path.split(/[?#]/)
  if (DOT_SEGMENT.test(pathname)) throw new RejectedPath('dot-segment')
  const base = new URL(baseUrl)
  const url = new URL(path.slice(1), base)
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname))
    throw new RejectedPath('leaves-daemon')
  return url
}
