/**
 * The API versions 1.18–1.25 side by side: the files of data/api-versions/, what changed between
 * any two of them, which changelog bullet accounts for each change, and one endpoint's history.
 * Pure; the Compare view and the endpoint history strip read it (a lazy chunk, never the first page).
 */
import v118 from '../../data/api-versions/1.18.json'
import v119 from '../../data/api-versions/1.19.json'
import v120 from '../../data/api-versions/1.20.json'
import v121 from '../../data/api-versions/1.21.json'
import v122 from '../../data/api-versions/1.22.json'
import v123 from '../../data/api-versions/1.23.json'
import v124 from '../../data/api-versions/1.24.json'
import v125 from '../../data/api-versions/1.25.json'
import firstShippedJson from '../../data/api-versions/first-shipped.json'
import { type ApiChange, changeKey, diffVersions } from './api-diff.ts'
import type {
  ApiEndpoint,
  ApiVersionFile,
  ChangelogBullet,
  FirstShippedFile,
} from './schemas/api-versions.ts'
import { compareApi } from './version.ts'

// Validated by src/domain/api-versions-data.test.ts; the browser trusts the built data.
export const API_VERSION_FILES: readonly ApiVersionFile[] = [
  v118,
  v119,
  v120,
  v121,
  v122,
  v123,
  v124,
  v125,
] as ApiVersionFile[]

const byApi = new Map(API_VERSION_FILES.map((f) => [f.api, f]))

type FirstShipped = FirstShippedFile['versions'][number]
const shippedTexts = (firstShippedJson as FirstShippedFile).versions

/** How the references shipped for `api` differ from the text the data is read from. */
export function firstShipped(api: string): FirstShipped[] {
  return shippedTexts.filter((v) => v.api === api)
}

export function apiVersionFile(api: string): ApiVersionFile | undefined {
  return byApi.get(api)
}

/** A bullet of the version history, named by its version and position. */
export interface BulletRef {
  api: string
  bullet: ChangelogBullet
}

export interface ComparedChange extends ApiChange {
  /** The version whose reference first shows the change (the newer side of a consecutive pair). */
  api: string
  /** Bullets that account for this row; empty: not in the changelog. */
  bullets: BulletRef[]
  /**
   * 1.24 only: the row is a later edit of the reference, absent from the text Docker 1.12.6
   * shipped (the 403s of the network endpoints, for example).
   */
  afterRelease?: string
}

export interface Comparison {
  from: string
  to: string
  changes: ComparedChange[]
  /** Bullets in (from, to] about an endpoint as a whole, with no parameter row of their own. */
  endpointBullets: BulletRef[]
  /** Bullets in (from, to] about the whole API. */
  globalBullets: BulletRef[]
}

/**
 * Whether a row of version `api` exists only in the text the data is read from, not in the one the
 * release shipped: the last shipped text of `api` (1.24: v1.12.6) lists the row as added.
 */
function laterEdit(change: ApiChange, api: string): string | undefined {
  const shipped = firstShipped(api).at(-1)
  if (shipped?.tag !== 'v1.12.6') return undefined
  const key = changeKey(change)
  return shipped.differences.some((d) => changeKey(d) === key) ? shipped.tag : undefined
}

/** Versions strictly after `from` up to and including `to`, oldest first. */
function versionsBetween(from: string, to: string): ApiVersionFile[] {
  return API_VERSION_FILES.filter((f) => compareApi(f.api, from) > 0 && compareApi(f.api, to) <= 0)
}

/**
 * The bullets that claim a row. Any version's: a bullet can announce a change that only a later
 * reference documents (1.21's OomScoreAdj, listed from 1.22 on).
 */
function bulletsFor(change: ApiChange, api: string): BulletRef[] {
  const key = changeKey(change)
  const found: BulletRef[] = []
  for (const file of API_VERSION_FILES)
    for (const bullet of file.changelog)
      if (bullet.rows.some((row) => (row.api ?? file.api) === api && changeKey(row) === key))
        found.push({ api: file.api, bullet })
  return found
}

/**
 * What changed from `from` to `to` (either order; the older is the base). Each row is found by
 * diffing the two references directly, then traced to the consecutive step that made it, so it
 * can carry that step's changelog bullets.
 */
export function compareApiVersions(a: string, b: string): Comparison | undefined {
  const [from, to] = compareApi(a, b) <= 0 ? [a, b] : [b, a]
  const older = byApi.get(from)
  const newer = byApi.get(to)
  if (!older || !newer) return undefined
  const range = versionsBetween(from, to)
  // Which consecutive step first shows each row: walk the steps in order.
  const stepOf = new Map<string, string>()
  range.forEach((file) => {
    const index = API_VERSION_FILES.indexOf(file)
    const previous = API_VERSION_FILES[index - 1]
    if (!previous) return
    for (const c of diffVersions(previous, file)) stepOf.set(changeKey(c), file.api)
  })
  const changes = diffVersions(older, newer).map((change): ComparedChange => {
    const api = stepOf.get(changeKey(change)) ?? to
    const edited = laterEdit(change, api)
    return {
      ...change,
      api,
      bullets: bulletsFor(change, api),
      ...(edited ? { afterRelease: edited } : {}),
    }
  })
  const refs = (scope: ChangelogBullet['scope'][]) =>
    range.flatMap((file) =>
      file.changelog
        .filter((b) => scope.includes(b.scope))
        .map((bullet) => ({ api: file.api, bullet })),
    )
  return {
    from,
    to,
    changes,
    endpointBullets: refs(['endpoint', 'undocumented-endpoint']),
    globalBullets: refs(['not-per-endpoint']),
  }
}

export type HistoryMark = 'since' | 'changed' | 'removed' | 'absent' | 'same'

export interface HistoryStep {
  api: string
  mark: HistoryMark
  /** The rows of this step for the endpoint (empty for since/absent/same). */
  changes: ApiChange[]
  /** This version's changelog bullets that name the endpoint. */
  bullets: ChangelogBullet[]
  endpoint?: ApiEndpoint
}

/**
 * One endpoint across 1.18 → 1.25: where it appears, changes and disappears. A version changes
 * it when its reference differs from the one before, or its changelog names the endpoint (an
 * answer's shape or a behaviour the parameter lists do not show).
 */
export function endpointHistory(id: string): HistoryStep[] {
  return API_VERSION_FILES.map((file, index): HistoryStep => {
    const endpoint = file.endpoints.find((e) => e.id === id)
    const previous = API_VERSION_FILES[index - 1]
    const before = previous?.endpoints.find((e) => e.id === id)
    const bullets = file.changelog.filter((b) => b.endpoints.includes(id))
    if (!endpoint)
      return { api: file.api, mark: before ? 'removed' : 'absent', changes: [], bullets }
    if (!previous || !before)
      return { api: file.api, mark: 'since', changes: [], bullets, endpoint }
    const changes = diffVersions(previous, file).filter((c) => c.endpoint === id)
    const mark = changes.length > 0 || bullets.length > 0 ? 'changed' : 'same'
    return { api: file.api, mark, changes, bullets, endpoint }
  })
}

/**
 * Where a bullet can be read: the history shipped with Docker 1.12.6 (pinned) when it lists the
 * bullet, else the later history on docs.docker.com.
 */
export function historyUrl(api: string, bullet: ChangelogBullet): string {
  if (bullet.listedIn !== 'later')
    return `https://github.com/moby/moby/blob/v1.12.6/docs/reference/api/docker_remote_api.md#v${api.replace('.', '-')}-api-changes`
  return `https://docs.docker.com/reference/api/engine/version-history/#v${api.replace('.', '')}-api-changes`
}

/** The endpoint's section in the reference the version's data came from. */
export function referenceUrl(file: ApiVersionFile, endpoint: ApiEndpoint): string {
  return `${file.source.url}#${endpoint.anchor}`
}

/**
 * Each Kubernetes release's range: the oldest Docker its code accepts (`minApi` in
 * data/kubernetes.json) and the newest its release notes name (1.2: Docker 1.10; 1.3: 1.11;
 * 1.4: validated with 1.12.0), as API versions.
 */
export const KUBERNETES_RANGES: readonly { kubernetes: string; from: string; to: string }[] = [
  { kubernetes: '1.2', from: '1.18', to: '1.22' },
  { kubernetes: '1.3', from: '1.21', to: '1.23' },
  { kubernetes: '1.4', from: '1.21', to: '1.24' },
]
