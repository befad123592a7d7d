import { type ReactNode, useMemo, useRef, useState } from 'react'
import {
  type Navigation,
  type NavigationMode,
  NavigationProvider,
  type ViewStateProps,
} from '../src/hooks/use-navigation.tsx'
import type { Language } from '../src/lib/i18n/languages.ts'
import {
  formatLink,
  type LinkTo,
  readLanguage,
  readView,
  type View,
  type ViewCodec,
  type ViewLink,
} from '../src/lib/view-link.ts'

function write(search: string, mode: NavigationMode) {
  const url = `${window.location.pathname}${search}`
  if (mode === 'push') window.history.pushState(null, '', url)
  else window.history.replaceState(null, '', url)
}

interface ViewHarnessProps<V extends View, T> {
  codec: ViewCodec<V, T>
  /** The link the view opens with, e.g. `?view=compare&cmp=1.18..1.19`. */
  search: string
  /** The view, given its state, and the link's language (null: none). */
  children: (props: ViewStateProps<T> & { lang: Language | null }) => ReactNode
}

/**
 * One view on its own, for its component tests: its state read from a link with its codec, its
 * changes and its own links written to the URL with the same `formatLink` as src/app/. A link
 * to another view writes only that view's name: what it carries is src/app/'s business, and
 * src/app/view-links.test.tsx checks it.
 */
export function ViewHarness<V extends View, T>({
  codec,
  search,
  children,
}: ViewHarnessProps<V, T>) {
  const [initial] = useState(() => {
    const params = new URLSearchParams(search)
    return {
      lang: readLanguage(params),
      state: codec.parse(params, readView(params) === codec.view),
    }
  })
  const [state, setState] = useState(initial.state)
  const current = useRef(initial.state)
  const navigation = useMemo<Navigation>(() => {
    const own = (link: ViewLink): link is LinkTo<V> => link.view === codec.view
    const query = (link: ViewLink, from: T) =>
      own(link)
        ? formatLink(codec.view, initial.lang, codec.format(codec.open(from, link)))
        : formatLink(link.view, initial.lang, [])
    return {
      href: (link) => query(link, current.current),
      go: (link, mode = 'push') => {
        write(query(link, current.current), mode)
        if (!own(link)) return
        current.current = codec.open(current.current, link)
        setState(current.current)
      },
    }
  }, [codec, initial.lang])
  const onChange: ViewStateProps<T>['onChange'] = (change, mode = 'replace') => {
    current.current = change(current.current)
    setState(current.current)
    write(formatLink(codec.view, initial.lang, codec.format(current.current)), mode)
  }
  return (
    <NavigationProvider value={navigation}>
      {children({ state, onChange, lang: initial.lang })}
    </NavigationProvider>
  )
}
