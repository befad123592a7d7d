import { endpointRows, kubernetesMinimums, releaseOptions } from 'virtual:catalog'
import { lazy, Suspense, useEffect, useMemo } from 'react'
import { AppLink } from '../components/app-link.tsx'
import { ViewErrorBoundary } from '../components/view-error-boundary.tsx'
import { EndpointMatrix } from '../features/endpoint-matrix/endpoint-matrix.tsx'
import { useHydrated } from '../hooks/use-hydrated.ts'
import { NavigationProvider } from '../hooks/use-navigation.tsx'
import {
  I18nProvider,
  storeLanguagePreference,
  translator,
  useLanguageLoaded,
} from '../lib/i18n/index.tsx'
import { LANGUAGES, type Language } from '../lib/i18n/languages.ts'
import type { AppState } from './app-state.ts'
import { appNavigation, changeOf, goVia } from './navigation.ts'
import { ThemeSwitch } from './theme-switch.tsx'
import { useAppState } from './use-app-state.ts'

// The detail view carries the whole catalogue (descriptions, parameters, examples): load it only
// when someone opens an endpoint, so the first page stays small.
const EndpointDetail = lazy(() => import('../features/endpoint-detail/endpoint-detail.tsx'))
const DockerVersions = lazy(() => import('../features/versions-table/docker-versions.tsx'))
// The playground brings the simulated daemon and MSW's service worker: the heaviest chunk.
const Playground = lazy(() => import('../features/playground/playground.tsx'))
const Lessons = lazy(() => import('../features/lessons/lessons.tsx'))
// API 1.18-1.25 side by side: eight reference files as data, loaded only with this view.
const Compare = lazy(() => import('../features/compare/compare.tsx'))
// The kubelet model and its view: what the 1.3 / 1.4 kubelet sends, run on the playground's daemon.
const KubeletView = lazy(() => import('../features/kubelet/kubelet-view.tsx'))
// xterm.js and the terminal: a chunk of its own, loaded when a terminal is first shown.
const TerminalPanel = lazy(() => import('../features/terminal/terminal-panel.tsx'))

/** "Resize an exec instance (POST /exec/{id}/resize)", not the internal id, in the tab's title. */
function endpointTitle(id: string, language: Language): string {
  const row = endpointRows.find((r) => r.id === id)
  return row ? `${row.title[language]} (${row.method} ${row.path})` : id
}

interface AppProps {
  initialState: AppState
  /** Language used when the URL names none (the browser's, or English when prerendering). */
  fallbackLanguage: Language
}

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: '中文' }

export function App({ initialState, fallbackLanguage }: AppProps) {
  const [state, update] = useAppState(initialState)
  const go = useMemo(() => goVia(update), [update])
  const navigation = useMemo(() => appNavigation(state, go), [state, go])
  // Stable, so the matrix's memoised rows keep their props across keystrokes.
  const onMatrixChange = useMemo(() => changeOf(update, 'matrix'), [update])
  const hydrated = useHydrated()
  const language = state.lang ?? fallbackLanguage
  useLanguageLoaded(language)
  const t = translator(language)

  useEffect(() => {
    // Lets tests (and curious users) tell that React has taken over the prerendered HTML.
    document.documentElement.dataset.hydrated = 'true'
  }, [])

  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en'
    // Each view has its own title, so tabs, history and bookmarks tell them apart.
    const view =
      state.view === 'endpoint'
        ? endpointTitle(state.endpoint, language)
        : t(
            state.view === 'versions'
              ? 'navVersions'
              : state.view === 'playground'
                ? 'navPlayground'
                : state.view === 'lessons'
                  ? 'navLessons'
                  : state.view === 'compare'
                    ? 'navCompare'
                    : state.view === 'kubelet'
                      ? 'navKubelet'
                      : 'navMatrix',
          )
    document.title = `${view} · ${t('appTitle')} · Docker API 1.24 × Kubernetes`
  }, [language, t, state.view, state.endpoint])

  return (
    <I18nProvider language={language}>
      <NavigationProvider value={navigation}>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <header className="site-header">
          <div className="brand">
            <h1>{t('appTitle')}</h1>
            <p>{t('appTagline')}</p>
          </div>
          <nav aria-label={t('navLabel')} className="tabs">
            <AppLink
              to={{ view: 'matrix' }}
              aria-current={
                state.view === 'matrix' || state.view === 'endpoint' ? 'page' : undefined
              }
            >
              {t('navMatrix')}
            </AppLink>
            <AppLink
              to={{ view: 'versions' }}
              aria-current={state.view === 'versions' ? 'page' : undefined}
            >
              {t('navVersions')}
            </AppLink>
            <AppLink
              to={{ view: 'playground' }}
              aria-current={state.view === 'playground' ? 'page' : undefined}
            >
              {t('navPlayground')}
            </AppLink>
            <AppLink
              to={{ view: 'lessons' }}
              aria-current={state.view === 'lessons' ? 'page' : undefined}
            >
              {t('navLessons')}
            </AppLink>
            <AppLink
              to={{ view: 'compare' }}
              aria-current={state.view === 'compare' ? 'page' : undefined}
            >
              {t('navCompare')}
            </AppLink>
            <AppLink
              to={{ view: 'kubelet' }}
              aria-current={state.view === 'kubelet' ? 'page' : undefined}
            >
              {t('navKubelet')}
            </AppLink>
          </nav>
          {/* Switches work only with JavaScript: they appear once React has taken over. */}
          <div className="settings">
            {hydrated && (
              <>
                <label>
                  <span>{t('language')}</span>
                  <select
                    value={language}
                    onChange={(event) => {
                      const next = event.target.value as Language
                      storeLanguagePreference(next)
                      update((s) => ({ ...s, lang: next }))
                    }}
                  >
                    {LANGUAGES.map((code) => (
                      <option key={code} value={code} lang={code === 'zh' ? 'zh-CN' : 'en'}>
                        {LANGUAGE_NAMES[code]}
                      </option>
                    ))}
                  </select>
                </label>
                <ThemeSwitch />
              </>
            )}
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {state.view === 'matrix' && (
            <EndpointMatrix
              rows={endpointRows}
              releases={releaseOptions}
              state={state.matrix}
              onChange={onMatrixChange}
            />
          )}
          <ViewErrorBoundary
            key={state.view}
            describe={(message) => t('viewFailed', { message })}
            backLabel={t('viewFailedBack')}
          >
            <Suspense fallback={<p className="view">{t('loading')}</p>}>
              {state.view === 'versions' && (
                <DockerVersions
                  endpoints={endpointRows}
                  minimums={kubernetesMinimums}
                  state={state.versions}
                  onChange={changeOf(update, 'versions')}
                />
              )}
              {state.view === 'endpoint' && <EndpointDetail id={state.endpoint} />}
              {state.view === 'playground' && (
                <Playground
                  state={state.playground}
                  onChange={changeOf(update, 'playground')}
                  terminal={TerminalPanel}
                />
              )}
              {state.view === 'lessons' && (
                <Lessons state={state.lessons} terminal={TerminalPanel} />
              )}
              {state.view === 'compare' && <Compare state={state.compare} />}
              {state.view === 'kubelet' && (
                <KubeletView state={state.kubelet} onChange={changeOf(update, 'kubelet')} />
              )}
            </Suspense>
          </ViewErrorBoundary>
        </main>
        <footer className="site-footer">
          <p>{t('footer')}</p>
        </footer>
      </NavigationProvider>
    </I18nProvider>
  )
}
