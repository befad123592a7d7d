/** Timestamps the way Go prints them. */

/** Go's `time.Time{}` marshalled as RFC 3339: what a never-started container shows. */
export const ZERO_TIME = '0001-01-01T00:00:00Z'

/** RFC 3339 with fractional seconds trimmed of trailing zeros, like Go's `time.RFC3339Nano`. */
export function rfc3339Nano(date: Date): string {
  const iso = date.toISOString() // 2016-01-02T03:04:05.678Z
  return iso.replace(/\.(\d*?)0*Z$/, (_m, frac: string) => (frac === '' ? 'Z' : `.${frac}Z`))
}

/**
 * `units.HumanDuration` as vendored in 1.12.6 (go-units), used in the list's Status column
 * ("Up 5 minutes", "Exited (0) 2 hours ago").
 * @see moby vendor/src/github.com/docker/go-units/duration.go at v1.12.6
 */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000)
  if (seconds < 1) return 'Less than a second'
  if (seconds < 60) return `${seconds} seconds`
  const minutes = Math.floor(ms / 60_000)
  if (minutes === 1) return 'About a minute'
  if (minutes < 60) return `${minutes} minutes`
  const hours = Math.floor(ms / 3_600_000)
  if (hours === 1) return 'About an hour'
  if (hours < 48) return `${hours} hours`
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`
  if (hours < 24 * 30 * 3) return `${Math.floor(hours / 24 / 7)} weeks`
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`
  return `${Math.floor(hours / 24 / 365)} years`
}
