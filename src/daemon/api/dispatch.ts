import type { Engine } from '../engine.ts'
import { DaemonError, errorMessage } from '../errors.ts'
import type { DaemonRequest, DaemonResponse } from '../types.ts'
import { compareVersions, MIN_API_VERSION, splitVersionPrefix } from '../version.ts'
import { type Ctx, type Handler, parseMediaType } from './context.ts'
import { emptyOk, goJSON, JSON_TYPE, TEXT_TYPE } from './http.ts'
import { type CompiledRoute, registeredRoutes } from './routes.ts'

/**
 * Routes whose handlers only read the state (GET and HEAD, minus the websocket attach). Any
 * other route runs as a mutation for the list cache (engine/revisions.ts).
 */
const READ_ONLY_ROUTES: ReadonlySet<string> = new Set([
  'ContainerList',
  'ContainerInspect',
  'ContainerTop',
  'ContainerLogs',
  'ContainerChanges',
  'ContainerExport',
  'ContainerStats',
  'ContainerGetArchive',
  'ContainerArchiveHead',
  'ContainerWait',
  'ExecInspect',
  'ImageList',
  'ImageSearch',
  'ImageGet',
  'ImageGetAll',
  'ImageHistory',
  'ImageInspect',
  'SystemPing',
  'SystemEvents',
  'SystemInfo',
  'SystemVersion',
  'VolumeList',
  'VolumeInspect',
  'NetworkList',
  'NetworkInspect',
  'SwarmInspect',
  'NodeList',
  'NodeInspect',
  'ServiceList',
  'ServiceInspect',
  'TaskList',
  'TaskInspect',
])

/**
 * The HTTP layer of the daemon: path cleaning, route matching, version negotiation, error
 * formatting. Mirrors api/server/server.go, api/server/middleware/version.go and
 * api/server/httputils/errors.go at v1.12.6.
 */
export class Dispatcher {
  /**
   * The registered routes by method, each list in registration order: gorilla/mux tried routes
   * in that order and a route of another method never matched, so looking only at the request
   * method's routes finds the same first match with fewer comparisons.
   */
  private readonly table: ReadonlyMap<string, CompiledRoute[]>

  constructor(
    private readonly engine: Engine,
    private readonly handlers: ReadonlyMap<string, Handler>,
    /** A bug of the model (see DaemonOptions.onInternalError). */
    private readonly onInternalError: (error: unknown) => void = () => undefined,
  ) {
    const table = new Map<string, CompiledRoute[]>()
    for (const route of registeredRoutes(engine.apiVersion, compareVersions)) {
      const list = table.get(route.info.method)
      if (list === undefined) table.set(route.info.method, [route])
      else list.push(route)
    }
    this.table = table
    this.server = `Docker/${engine.dockerVersion} (linux)`
  }

  /** `Docker/1.12.6 (linux)` */
  get serverHeader(): string {
    return this.server
  }

  private readonly server: string

  async handle(req: DaemonRequest): Promise<DaemonResponse> {
    const question = req.path.indexOf('?')
    const rawPath = question < 0 ? req.path : req.path.slice(0, question)
    let path: string
    try {
      path = rawPath.includes('%') ? decodeURIComponent(rawPath) : rawPath
    } catch {
      // net/http rejects a request line whose URL does not parse.
      return { status: 400, headers: { 'content-type': TEXT_TYPE }, body: '400 Bad Request' }
    }
    // gorilla/mux (vendored e444e69) redirects an unclean (decoded) path with 301 before routing.
    const cleaned = cleanPath(path)
    if (cleaned !== path) {
      const qs = req.query.toString()
      const location = encodeURI(cleaned)
      return {
        status: 301,
        headers: {
          location: qs === '' ? location : `${location}?${qs}`,
          'content-type': TEXT_TYPE,
        },
        body: '',
      }
    }
    const { version: urlVersion, rest } = splitVersionPrefix(path)
    // Go compares methods exactly ("get" matches no route).
    const method = req.method

    if (method === 'OPTIONS') {
      // `OPTIONS /{anyroute:.*}` is a normal route: version-checked, then 200 with no body.
      const versionError = this.checkVersion(urlVersion)
      if (versionError !== null) return versionError
      return { ...emptyOk(), headers: { ...emptyOk().headers, server: this.serverHeader } }
    }

    let match: { route: CompiledRoute; param: string } | null = null
    for (const route of this.table.get(method) ?? []) {
      // The literal text around the variable must be there for the regex to match: a cheap
      // test that skips most routes before running their regex.
      if (!rest.startsWith(route.prefix) || !rest.endsWith(route.suffix)) continue
      const m = route.regex.exec(rest)
      if (m !== null) {
        match = { route, param: m[1] ?? '' }
        break
      }
    }
    if (match === null) {
      // The catch-all and NotFoundHandler are not behind the version middleware: no 400 for a
      // too-new version, and no Server header.
      return this.errorResponse(new DaemonError('page not found', 404), urlVersion, {})
    }
    const versionError = this.checkVersion(urlVersion)
    if (versionError !== null) return versionError

    const handler = this.handlers.get(match.route.info.id)
    const headers = { server: this.serverHeader }
    const ctx: Ctx = {
      req,
      engine: this.engine,
      urlVersion,
      version: urlVersion === '' ? this.engine.apiVersion : urlVersion,
      param: match.param,
      query: formValues(req),
    }
    try {
      this.engine.clock.tick()
      if (handler === undefined) throw new DaemonError('page not found', 404)
      const id = match.route.info.id
      if (READ_ONLY_ROUTES.has(id)) {
        return withServer(await handler(ctx), this.serverHeader)
      }
      // A route that may write runs as one mutation: the list cache learns of whatever it
      // changed (one container for a /containers/{id}/… route, anything otherwise) when the
      // handler returns and again when its promise settles.
      const target = match.route.info.path.startsWith('/containers/{id}')
        ? this.engine.registry.lookupContainer(match.param)
        : null
      return withServer(
        await this.engine.revisions.mutation(target, () => handler(ctx)),
        this.serverHeader,
      )
    } catch (err) {
      return this.errorResponse(err, urlVersion, headers)
    }
  }

  /**
   * @see moby api/server/middleware/version.go at v1.12.6: newer → 400 (JSON when the URL version
   * is > 1.23), older than 1.12 → 400 (text, since the version is ≤ 1.23); no Server header.
   */
  private checkVersion(urlVersion: string): DaemonResponse | null {
    if (urlVersion === '') return null
    const api = this.engine.apiVersion
    if (compareVersions(urlVersion, api) > 0) {
      return this.errorResponse(
        new DaemonError(
          `client is newer than server (client API version: ${urlVersion}, server API version: ${api})`,
          400,
        ),
        urlVersion,
        {},
      )
    }
    if (compareVersions(urlVersion, MIN_API_VERSION) < 0) {
      return this.errorResponse(
        new DaemonError(
          `client version ${urlVersion} is too old. Minimum supported API version is ${MIN_API_VERSION}, please upgrade your client to a newer version`,
          400,
        ),
        urlVersion,
        {},
      )
    }
    return null
  }

  /**
   * `MakeErrorHandler`: JSON `{"message":…}` for no version or a version > 1.23, else Go's
   * `http.Error` plain text. Daemons before 1.12 (API < 1.24) always wrote plain text.
   */
  errorResponse(err: unknown, urlVersion: string, headers: Record<string, string>): DaemonResponse {
    const status = err instanceof DaemonError ? err.status : 500
    if (status === 304) {
      // errors.NewErrorWithStatusCode(…, 304): WriteJSON sets the JSON type, Go sends no body.
      return { status, headers: { ...headers, 'content-type': JSON_TYPE }, body: null }
    }
    // Anything but a DaemonError is a bug here: logged, and answered without its JavaScript text.
    if (!(err instanceof DaemonError)) this.onInternalError(err)
    const message = errorMessage(err)
    const jsonFormat =
      compareVersions(this.engine.apiVersion, '1.24') >= 0 &&
      (urlVersion === '' || compareVersions(urlVersion, '1.23') > 0)
    if (jsonFormat) {
      return {
        status,
        headers: { ...headers, 'content-type': JSON_TYPE },
        body: goJSON({ message }),
      }
    }
    return {
      status,
      headers: { ...headers, 'content-type': TEXT_TYPE },
      body: `${message}\n`,
    }
  }
}

/**
 * `r.Form` as Go's ParseForm builds it: for POST, PUT and PATCH with an
 * application/x-www-form-urlencoded body (what `curl -d` sends), the body's values come first
 * and win over the query string's.
 */
/**
 * The handler's answer with the version middleware's Server header in front of its own headers.
 * `Object.assign`, not `{ ...a, ...b }`: V8 has no fast path for two spreads into one literal,
 * which cost ≈ 0.4 µs per request (a tenth of a whole resize in daemon.handle).
 */
function withServer(res: DaemonResponse, server: string): DaemonResponse {
  return { ...res, headers: Object.assign({ server }, res.headers) }
}

function formValues(req: DaemonRequest): URLSearchParams {
  const m = req.method
  if ((m !== 'POST' && m !== 'PUT' && m !== 'PATCH') || req.body === null || req.body.length === 0)
    return req.query
  if (parseMediaType(req.headers['content-type'] ?? '') !== 'application/x-www-form-urlencoded')
    return req.query
  const merged = new URLSearchParams(new TextDecoder().decode(req.body))
  for (const [k, v] of req.query) merged.append(k, v)
  return merged
}

const UNCLEAN = /\/\/|\/\.\.?(?:\/|$)/

/** Go's `path.Clean`, keeping a trailing slash, as gorilla/mux's cleanPath does. */
export function cleanPath(p: string): string {
  if (p === '') return '/'
  // Already clean: rooted, no empty segment, no `.` or `..` segment.
  if (p.startsWith('/') && !UNCLEAN.test(p)) return p
  const rooted = p.startsWith('/') ? p : `/${p}`
  const out: string[] = []
  for (const seg of rooted.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') out.pop()
    else out.push(seg)
  }
  let cleaned = `/${out.join('/')}`
  if (rooted.endsWith('/') && cleaned !== '/') cleaned += '/'
  return cleaned
}
