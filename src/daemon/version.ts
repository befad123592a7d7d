/**
 * The Docker releases the daemon can imitate, oldest first. This is the one list: the
 * `DockerVersion` type, `createDaemon`'s check, `npm run daemon -- --docker-version` and the
 * playground's version switch all derive from it, and the records below must name each one
 * (version.test.ts ties their API versions to data/docker-releases.json).
 */
export const DOCKER_VERSIONS = ['1.9.1', '1.10.3', '1.11.2', '1.12.6'] as const
export type DockerVersion = (typeof DOCKER_VERSIONS)[number]

export function isDockerVersion(value: string): value is DockerVersion {
  return (DOCKER_VERSIONS as readonly string[]).includes(value)
}

/**
 * Docker release → the API version its daemon speaks (its `api.DefaultVersion`).
 * @see moby api/common.go at v1.9.1, v1.10.3, v1.11.2, v1.12.6
 */
export const API_VERSION_OF: Readonly<Record<DockerVersion, string>> = {
  '1.9.1': '1.21',
  '1.10.3': '1.22',
  '1.11.2': '1.23',
  '1.12.6': '1.24',
}

/** Go toolchain of the official builds (shows in GET /version). */
export const GO_VERSION_OF: Readonly<Record<DockerVersion, string>> = {
  '1.9.1': 'go1.4.3',
  '1.10.3': 'go1.5.4',
  '1.11.2': 'go1.5.4',
  '1.12.6': 'go1.6.4',
}

export const GIT_COMMIT_OF: Readonly<Record<DockerVersion, string>> = {
  '1.9.1': 'a34a1d5',
  '1.10.3': '20f81dd',
  '1.11.2': 'b9f10c9',
  '1.12.6': '78d1802',
}

/** @see moby api/common.go `MinVersion = "1.12"` */
export const MIN_API_VERSION = '1.12'

/**
 * Numeric, field-by-field comparison like engine-api `types/versions/compare.go`:
 * fields that are not integers count as 0, missing fields count as 0.
 */
export function compareVersions(a: string, b: string): number {
  const as = a.split('.')
  const bs = b.split('.')
  const n = Math.max(as.length, bs.length)
  for (let i = 0; i < n; i++) {
    const x = toInt(as[i])
    const y = toInt(bs[i])
    if (x > y) return 1
    if (x < y) return -1
  }
  return 0
}

function toInt(s: string | undefined): number {
  if (s === undefined || !/^[+-]?\d+$/.test(s)) return 0
  return Number.parseInt(s, 10)
}

/**
 * Splits `/v1.24/containers/json` into the version and the rest, as gorilla/mux does with
 * `"/v{version:[0-9.]+}" + path`. `/vabc/…` keeps the whole path (and then matches no route).
 */
export function splitVersionPrefix(path: string): { version: string; rest: string } {
  const m = /^\/v([0-9.]+)(\/.*)$/.exec(path)
  if (m?.[1] !== undefined && m[2] !== undefined) return { version: m[1], rest: m[2] }
  return { version: '', rest: path }
}
