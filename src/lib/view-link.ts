import type { DockerVersion } from '../daemon/index.ts'
import type { PlaygroundRequest } from './daemon-client/client-request.ts'
import { LANGUAGES, type Language } from './i18n/languages.ts'
import { oneOf, type UrlCodec } from './url-codec.ts'

/**
 * The views a link can open, and what one view may hand another. Features never import each
 * other: a feature links to a view by naming it here, and `src/app/` turns the link into the
 * URL with the codec of the view it opens (each feature's `*-url.ts`).
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

/** A link into a view. What it leaves out, the view keeps from where the reader left it. */
export type ViewLink =
  /** `release`: a Docker release's endpoints (the versions table's "show in matrix"). */
  | { view: 'matrix'; release?: string }
  | { view: 'versions' }
  | { view: 'endpoint'; endpoint?: string }
  /** A request to try (an endpoint's example, a lesson step), on a Docker version. */
  | ({ view: 'playground'; docker?: DockerVersion } & Partial<PlaygroundRequest>)
  | { view: 'lessons'; lesson?: string; step?: number }
  | { view: 'compare'; from?: string; to?: string; kubelet?: boolean }
  /** The kubelet operation that sends an endpoint, on a Kubernetes release, `ep` marked. */
  | { view: 'kubelet'; op?: string; release?: string; ep?: string }

export type LinkTo<V extends View> = Extract<ViewLink, { view: V }>

/** A view's codec: its state in the URL, and how a link into it changes that state. */
export interface ViewCodec<V extends View, T> extends UrlCodec<T> {
  readonly view: V
  open(current: T, link: LinkTo<V>): T
}

/** How most links open a view: the values they name replace the reader's, the rest stays. */
export function merge<T>(current: T, { view: _, ...named }: { view: View } & Partial<T>): T {
  return { ...current, ...named }
}

export function readView(params: URLSearchParams): View {
  return oneOf(VIEWS, params.get('view'), 'matrix')
}

/** null: follow the browser's language. */
export function readLanguage(params: URLSearchParams): Language | null {
  return oneOf<Language | ''>([...LANGUAGES, ''], params.get('lang'), '') || null
}

/**
 * What another view's codec sees of a link: without the keys of the view the link opens, which
 * mean what that view says (`?view=kubelet&release=1.3` is a Kubernetes release, not a Docker
 * release for the matrix filter).
 */
export function paramsBesides(params: URLSearchParams, keys: readonly string[]): URLSearchParams {
  const rest = new URLSearchParams(params)
  for (const key of keys) rest.delete(key)
  return rest
}

/**
 * A link holds the view, the language, and the state of that view only (its codec's entries):
 * a lesson link carries no matrix filter. The matrix, the first page, is the default view.
 */
export function formatLink(
  view: View,
  language: Language | null,
  entries: readonly [string, string][],
): string {
  const params = new URLSearchParams()
  if (view !== 'matrix') params.set('view', view)
  if (language) params.set('lang', language)
  for (const [key, value] of entries) params.set(key, value)
  const query = params.toString()
  return query ? `?${query}` : ''
}
