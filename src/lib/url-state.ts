import {
  type DockerVersion,
  DOCKER_VERSIONS as SIMULATED_DOCKER_VERSIONS,
} from '../daemon/index.ts'
import type { EndpointFilter, Usage } from '../domain/filter-endpoints.ts'
import type { EndpointGroup, HttpMethod } from '../domain/schemas/endpoints.ts'
import { ENDPOINT_GROUPS, HTTP_METHODS, KUBELET_OPERATIONS } from '../domain/vocabulary.ts'

/**
 * Every view state lives in the URL's query string, so a reload or a shared link restores it
 * exactly. This module is the one place that reads and writes it. Anything it does not
 * understand falls back to the default: a hand-edited or stale link never breaks the page.
 */

export const VIEWS = [
  'matrix',
  'versions',
  'endpoint',
  'playground',
  'lessons',
  'compare',
  'kubelet',
] as const
export type View = (typeof VIEWS)[number]
export const LANGUAGES = ['en', 'zh'] as const
export type Language = (typeof LANGUAGES)[number]
export const METHODS: readonly HttpMethod[] = HTTP_METHODS
export const GROUPS: readonly EndpointGroup[] = ENDPOINT_GROUPS
export const USAGE: readonly Usage[] = ['any', 'yes', 'no']
export type { Usage }
export const K8S = ['1.2', '1.3', '1.4'] as const
export type K8sFilter = (typeof K8S)[number] | ''

export interface Sort {
  id: string
  desc: boolean
}

/** The matrix filter as the URL holds it: a release id where the filter takes its API version. */
export interface MatrixState extends Omit<EndpointFilter, 'api'> {
  /** Docker release id: only endpoints that release's daemon offers. */
  release: string
  sort: Sort | null
}

export interface VersionsState {
  q: string
  from: string
  to: string
  k8s: K8sFilter
  /** Full history from 0.3.3 to 29.x instead of the article's eleven rows. */
  all: boolean
  sort: Sort | null
  /** Selected release id. */
  selected: string
}

/** The playground's version choices, newest first (the daemon's list, src/daemon/version.ts). */
export const DOCKER_VERSIONS: readonly DockerVersion[] = [...SIMULATED_DOCKER_VERSIONS].reverse()
export type PlaygroundDockerVersion = DockerVersion
export const PLAYGROUND_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'] as const
export type PlaygroundMethod = (typeof PLAYGROUND_METHODS)[number]
export const CONTENT_TYPES = ['application/json', 'text/plain', 'application/x-tar', ''] as const
export type PlaygroundContentType = (typeof CONTENT_TYPES)[number]

export { KUBELET_OPERATIONS }
export type KubeletOperation = (typeof KUBELET_OPERATIONS)[number]
export const KUBELET_RELEASES = ['1.4', '1.3', 'both'] as const
export type KubeletRelease = (typeof KUBELET_RELEASES)[number]
export const CLOCK_SPEEDS = [1, 5, 10, 30, 60] as const
/** The kubelet's default --max-pods (110). */
export const MAX_PODS = 110

/** The kubelet view: an operation run on the in-browser daemon, and the node clock. */
export interface KubeletState {
  op: KubeletOperation
  release: KubeletRelease
  /** Pods on the node clock's node (1–110). */
  pods: number
  /** The node clock's speed (×1 … ×60). */
  speed: number
  /** An endpoint id to highlight in the trace (a link from the matrix's tick). */
  ep: string
}

/** The request being edited in the playground, so a lesson or a bug report is one link. */
export interface PlaygroundState {
  method: PlaygroundMethod
  /** Daemon path with query, e.g. /v1.24/containers/json?all=1. */
  path: string
  body: string
  /** Content-Type sent with a body ('' = none): Docker 1.12 insists on JSON for most bodies. */
  contentType: PlaygroundContentType
  docker: PlaygroundDockerVersion
}

/** Two API versions side by side (the Compare view): `?view=compare&cmp=1.21..1.24`. */
export interface CompareState {
  from: string
  to: string
  /** Only the endpoints the Kubernetes 1.4 kubelet calls. */
  kubelet: boolean
}

export interface AppState {
  view: View
  /** null: follow the browser's language. */
  lang: Language | null
  endpoint: string
  matrix: MatrixState
  versions: VersionsState
  playground: PlaygroundState
  /** Lesson id and 1-based step; '' and 1 on the lesson list. */
  lesson: string
  step: number
  compare: CompareState
  kubelet: KubeletState
}

export const DEFAULT_PLAYGROUND: PlaygroundState = {
  method: 'GET',
  path: '/v1.24/version',
  body: '',
  contentType: 'application/json',
  docker: '1.12.6',
}

export const DEFAULT_KUBELET: KubeletState = {
  op: 'pod-start',
  release: '1.4',
  pods: 10,
  speed: 60,
  ep: '',
}

export const DEFAULT_MATRIX: MatrixState = {
  q: '',
  method: '',
  group: '',
  k13: 'any',
  k14: 'any',
  changed: false,
  release: '',
  sort: null,
}

export const DEFAULT_VERSIONS: VersionsState = {
  q: '',
  from: '',
  to: '',
  k8s: '',
  all: false,
  sort: null,
  selected: '',
}

/** Kubernetes 1.3 and 1.4's range: the oldest Docker they accept (1.9) against 1.12. */
export const DEFAULT_COMPARE: CompareState = { from: '1.21', to: '1.24', kubelet: false }

export const DEFAULT_STATE: AppState = {
  view: 'matrix',
  lang: null,
  endpoint: '',
  matrix: DEFAULT_MATRIX,
  versions: DEFAULT_VERSIONS,
  playground: DEFAULT_PLAYGROUND,
  lesson: '',
  step: 1,
  compare: DEFAULT_COMPARE,
  kubelet: DEFAULT_KUBELET,
}

const MAX_TEXT = 200
/** Request bodies in links stay well under what browsers and servers accept in a URL. */
export const MAX_LINK_BODY = 4000
const API_PATTERN = /^\d{1,2}\.\d{1,2}$/
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
const SORT_PATTERN = /^(-?)([a-zA-Z0-9]{1,32})$/

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback
}

function matching(pattern: RegExp, value: string | null): string {
  return value !== null && pattern.test(value) ? value : ''
}

function parseSort(value: string | null): Sort | null {
  const match = value === null ? null : SORT_PATTERN.exec(value)
  return match?.[2] ? { id: match[2], desc: match[1] === '-' } : null
}

function formatSort(sort: Sort | null): string | null {
  return sort ? `${sort.desc ? '-' : ''}${sort.id}` : null
}

export function parseAppState(search: string): AppState {
  const p = new URLSearchParams(search)
  const text = (key: string) => (p.get(key) ?? '').slice(0, MAX_TEXT)
  const view = oneOf(VIEWS, p.get('view'), 'matrix')
  return {
    view,
    lang: oneOf<Language | ''>([...LANGUAGES, ''], p.get('lang'), '') || null,
    endpoint: matching(ID_PATTERN, p.get('endpoint')),
    matrix: {
      q: text('q'),
      method: oneOf<HttpMethod | ''>([...METHODS, ''], p.get('method'), ''),
      group: oneOf<EndpointGroup | ''>([...GROUPS, ''], p.get('group'), ''),
      k13: oneOf(USAGE, p.get('k13'), 'any'),
      k14: oneOf(USAGE, p.get('k14'), 'any'),
      changed: p.get('changed') === '1',
      // The kubelet view's `release` is a Kubernetes release, not a Docker one to filter by.
      release: view === 'kubelet' ? '' : matching(ID_PATTERN, p.get('release')),
      sort: parseSort(p.get('sort')),
    },
    kubelet: {
      op: oneOf(KUBELET_OPERATIONS, p.get('op'), DEFAULT_KUBELET.op),
      release:
        view === 'kubelet'
          ? oneOf(KUBELET_RELEASES, p.get('release'), DEFAULT_KUBELET.release)
          : DEFAULT_KUBELET.release,
      pods: parseRange(p.get('pods'), 1, MAX_PODS, DEFAULT_KUBELET.pods),
      speed: Number(oneOf(CLOCK_SPEEDS.map(String), p.get('speed'), String(DEFAULT_KUBELET.speed))),
      ep: matching(ID_PATTERN, p.get('ep')),
    },
    versions: {
      q: text('vq'),
      from: matching(API_PATTERN, p.get('from')),
      to: matching(API_PATTERN, p.get('to')),
      k8s: oneOf<K8sFilter>([...K8S, ''], p.get('k8s'), ''),
      all: p.get('all') === '1',
      sort: parseSort(p.get('vsort')),
      selected: matching(ID_PATTERN, p.get('selected')),
    },
    lesson: matching(ID_PATTERN, p.get('lesson')),
    step: parseStep(p.get('step')),
    compare: parseCompare(p.get('cmp'), p.get('kubelet')),
    playground: {
      method: oneOf(PLAYGROUND_METHODS, p.get('m'), DEFAULT_PLAYGROUND.method),
      path: parsePlaygroundPath(p.get('p')),
      body: (p.get('b') ?? '').slice(0, MAX_LINK_BODY),
      contentType: oneOf(CONTENT_TYPES, p.get('ct'), DEFAULT_PLAYGROUND.contentType),
      docker: oneOf(DOCKER_VERSIONS, p.get('docker'), DEFAULT_PLAYGROUND.docker),
    },
  }
}

/** An example request (any strings) as playground state: unknown methods and types fall back. */
export function toPlaygroundRequest(example: {
  method: string
  path: string
  body: string
  contentType: string
}): Pick<PlaygroundState, 'method' | 'path' | 'body' | 'contentType'> {
  return {
    method: oneOf(PLAYGROUND_METHODS, example.method, DEFAULT_PLAYGROUND.method),
    path: parsePlaygroundPath(example.path),
    body: example.body,
    contentType: oneOf(CONTENT_TYPES, example.contentType, 'application/json'),
  }
}

/** "1.21..1.24": two API versions; the Compare view says when one has no data. */
function parseCompare(value: string | null, kubelet: string | null): CompareState {
  const [from = '', to = ''] = (value ?? '').split('..')
  const valid = API_PATTERN.test(from) && API_PATTERN.test(to)
  return {
    from: valid ? from : DEFAULT_COMPARE.from,
    to: valid ? to : DEFAULT_COMPARE.to,
    kubelet: kubelet === '1',
  }
}

function parseRange(value: string | null, min: number, max: number, fallback: number): number {
  const n = Number(value)
  return value !== null && Number.isInteger(n) && n >= min && n <= max ? n : fallback
}

function parseStep(value: string | null): number {
  const step = Number(value)
  return Number.isInteger(step) && step >= 1 && step <= 99 ? step : 1
}

/** Any absolute path is a fair request to send to the simulated daemon; nothing else is. */
function parsePlaygroundPath(value: string | null): string {
  if (value === null || !value.startsWith('/') || value.startsWith('//'))
    return DEFAULT_PLAYGROUND.path
  return value.slice(0, 2000)
}

/** Only values that differ from the defaults are written, so default links stay short. */
export function formatAppState(state: AppState): string {
  const p = new URLSearchParams()
  const set = (key: string, value: string | null, fallback = '') => {
    if (value !== null && value !== fallback) p.set(key, value)
  }
  set('view', state.view, 'matrix')
  set('lang', state.lang)
  if (state.view === 'endpoint') set('endpoint', state.endpoint)
  // A link carries the state of its own view only: a lesson link holds no matrix filter.
  if (state.view === 'matrix') {
    const m = state.matrix
    set('q', m.q)
    set('method', m.method)
    set('group', m.group)
    set('k13', m.k13, 'any')
    set('k14', m.k14, 'any')
    set('changed', m.changed ? '1' : null)
    set('release', m.release)
    set('sort', formatSort(m.sort))
  }
  if (state.view === 'versions') {
    const v = state.versions
    set('vq', v.q)
    set('from', v.from)
    set('to', v.to)
    set('k8s', v.k8s)
    set('all', v.all ? '1' : null)
    set('vsort', formatSort(v.sort))
    set('selected', v.selected)
  }
  if (state.view === 'lessons') {
    set('lesson', state.lesson)
    if (state.lesson) set('step', String(state.step), '1')
  }
  if (state.view === 'kubelet') {
    const k = state.kubelet
    set('op', k.op, DEFAULT_KUBELET.op)
    set('release', k.release, DEFAULT_KUBELET.release)
    set('pods', String(k.pods), String(DEFAULT_KUBELET.pods))
    set('speed', String(k.speed), String(DEFAULT_KUBELET.speed))
    set('ep', k.ep)
  }
  if (state.view === 'playground') {
    const g = state.playground
    set('m', g.method, DEFAULT_PLAYGROUND.method)
    set('p', g.path, DEFAULT_PLAYGROUND.path)
    // A body too long for a link is left out whole rather than cut into invalid JSON.
    set('b', g.body.length <= MAX_LINK_BODY ? g.body : null)
    set('ct', g.contentType, DEFAULT_PLAYGROUND.contentType)
    set('docker', g.docker, DEFAULT_PLAYGROUND.docker)
  }
  if (state.view === 'compare') {
    const c = state.compare
    const pair = `${c.from}..${c.to}`
    set('cmp', pair, `${DEFAULT_COMPARE.from}..${DEFAULT_COMPARE.to}`)
    set('kubelet', c.kubelet ? '1' : null)
  }
  const query = p.toString()
  return query ? `?${query}` : ''
}

/** Whether the state renders exactly what the prerendered HTML shows (so it can be hydrated). */
export function isPrerenderedState(state: AppState, language: Language): boolean {
  return formatAppState({ ...state, lang: null }) === '' && language === 'en'
}
