import type { Navigation, ViewStateProps } from '../hooks/use-navigation.tsx'
import type { View } from '../lib/view-link.ts'
import { type AppState, followLink, formatAppState, type ViewStates } from './app-state.ts'
import type { UpdateAppState } from './use-app-state.ts'

/**
 * Follows a link in the page (a new view pushes a history entry unless told to replace it).
 * It needs no state, so it stays the same function while the reader types: the matrix's
 * memoised rows keep their props.
 */
export function goVia(update: UpdateAppState): Navigation['go'] {
  return (link, mode = 'push') => update((current) => followLink(current, link), mode)
}

/** The views' links, resolved against the state on screen. */
export function appNavigation(state: AppState, go: Navigation['go']): Navigation {
  return { href: (link) => formatAppState(followLink(state, link)), go }
}

/** A view's `onChange`: the change applies to that view's state, under the view's name. */
export function changeOf<V extends View>(
  update: UpdateAppState,
  view: V,
): ViewStateProps<ViewStates[V]>['onChange'] {
  return (change, mode) => update((state) => ({ ...state, [view]: change(state[view]) }), mode)
}
