import { type CompareState, compareUrl } from '../features/compare/compare-url.ts'
import { endpointUrl } from '../features/endpoint-detail/endpoint-url.ts'
import { type MatrixState, matrixUrl } from '../features/endpoint-matrix/matrix-url.ts'
import { type KubeletState, kubeletUrl } from '../features/kubelet/kubelet-url.ts'
import { type LessonsState, lessonsUrl } from '../features/lessons/lessons-url.ts'
import { type PlaygroundState, playgroundUrl } from '../features/playground/playground-url.ts'
import { type VersionsState, versionsUrl } from '../features/versions-table/versions-url.ts'
import type { Language } from '../lib/i18n/languages.ts'
import {
  formatLink,
  type LinkTo,
  paramsBesides,
  readLanguage,
  readView,
  type View,
  type ViewCodec,
  type ViewLink,
} from '../lib/view-link.ts'

/** Each view's state, under the view's name. */
export interface ViewStates {
  matrix: MatrixState
  versions: VersionsState
  /** The endpoint page's endpoint id. */
  endpoint: string
  playground: PlaygroundState
  lessons: LessonsState
  compare: CompareState
  kubelet: KubeletState
}

/**
 * Every view's state, composed from the features' URL codecs. The query string holds it, so a
 * reload or a shared link restores it exactly (docs/decisions/0002); a link carries only the
 * state of the view it opens, while the page keeps every view's state as the reader left it.
 */
export interface AppState extends ViewStates {
  view: View
  /** null: follow the browser's language. */
  lang: Language | null
}

const CODECS: { [V in View]: ViewCodec<V, ViewStates[V]> } = {
  matrix: matrixUrl,
  versions: versionsUrl,
  endpoint: endpointUrl,
  playground: playgroundUrl,
  lessons: lessonsUrl,
  compare: compareUrl,
  kubelet: kubeletUrl,
}

/** Anything a codec does not understand reads as its default: a stale link never breaks. */
export function parseAppState(search: string): AppState {
  const params = new URLSearchParams(search)
  const view = readView(params)
  // On a link, the keys of the view it opens mean what that view says: the other views' codecs
  // do not see them (`release` on the kubelet view is a Kubernetes release, not the matrix's).
  const others = paramsBesides(params, CODECS[view].keys)
  const read = <V extends View>(v: V): ViewStates[V] =>
    v === view ? CODECS[v].parse(params, true) : CODECS[v].parse(others, false)
  return {
    view,
    lang: readLanguage(params),
    matrix: read('matrix'),
    versions: read('versions'),
    endpoint: read('endpoint'),
    playground: read('playground'),
    lessons: read('lessons'),
    compare: read('compare'),
    kubelet: read('kubelet'),
  }
}

export const DEFAULT_STATE: AppState = parseAppState('')

const entriesOf = <V extends View>(state: ViewStates, view: V) => CODECS[view].format(state[view])

/** Only values that differ from the defaults are written, so default links stay short. */
export function formatAppState(state: AppState): string {
  return formatLink(state.view, state.lang, entriesOf(state, state.view))
}

/** The state a view's state becomes when a link opens it. */
const opened = <V extends View>(state: ViewStates, view: V, link: LinkTo<V>): ViewStates[V] =>
  CODECS[view].open(state[view], link)

/** The state a link opens: its view's codec applies it to what the reader left there. */
export function followLink(state: AppState, link: ViewLink): AppState {
  return { ...state, view: link.view, [link.view]: opened(state, link.view, link) }
}

/** Whether the state renders exactly what the prerendered HTML shows (so it can be hydrated). */
export function isPrerenderedState(state: AppState, language: Language): boolean {
  return formatAppState({ ...state, lang: null }) === '' && language === 'en'
}
