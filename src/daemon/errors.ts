/**
 * Errors carry their HTTP status, the way moby's `errors` package does, and untyped errors get
 * their status from keywords in the message, as 1.12's `GetHTTPErrorStatusCode` did.
 * @see moby api/server/httputils/errors.go at v1.12.6
 */

export class DaemonError extends Error {
  /** undefined = untyped: the status comes from the keyword table. */
  readonly typedStatus: number | undefined
  constructor(message: string, status?: number) {
    super(message)
    this.name = 'DaemonError'
    this.typedStatus = status
  }
  get status(): number {
    return this.typedStatus ?? statusFromMessage(this.message)
  }
}

/** Typed 400 (`errors.NewBadRequestError`). */
export const badRequest = (message: string): DaemonError => new DaemonError(message, 400)
/** Typed 404 (`errors.NewRequestNotFoundError`). */
export const notFound = (message: string): DaemonError => new DaemonError(message, 404)
/** Typed 409 (`errors.NewRequestConflictError`). */
export const conflict = (message: string): DaemonError => new DaemonError(message, 409)
/** Typed 403 (`errors.NewRequestForbiddenError`). */
export const forbidden = (message: string): DaemonError => new DaemonError(message, 403)
/** Untyped: the keyword table decides (usually 500). */
export const untyped = (message: string): DaemonError => new DaemonError(message)

/**
 * 1.12.4–1.12.6 walk this as an ordered slice; the first substring found wins.
 * (1.12.0–1.12.3 used a Go map, so the order was random for messages with two keywords.)
 */
export const KEYWORD_STATUS: ReadonlyArray<readonly [string, number]> = [
  ['not found', 404],
  ['no such', 404],
  ['bad parameter', 400],
  ['no command', 400],
  ['conflict', 409],
  ['impossible', 406],
  ['wrong login/password', 401],
  ['unauthorized', 401],
  ["hasn't been activated", 403],
  ['this node', 406],
]

export function statusFromMessage(message: string): number {
  const lower = message.toLowerCase()
  for (const [keyword, status] of KEYWORD_STATUS) {
    if (lower.includes(keyword)) return status
  }
  return 500
}

/** Wraps like Go's `fmt.Errorf("prefix: %v", err)`: the typed status is lost, only keywords count. */
export function wrap(prefix: string, err: unknown): DaemonError {
  return untyped(`${prefix}${errorMessage(err)}`)
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message
  return String(err)
}

/** The container-level "not running" error: untyped, hence 500 everywhere in 1.12 (`daemon/errors.go errNotRunning`). */
export const errNotRunning = (id: string): DaemonError => untyped(`Container ${id} is not running`)

/** Typed 404 `No such container: X` (daemon/container.go GetContainer). */
export const noSuchContainer = (name: string) => notFound(`No such container: ${name}`)
