import { StrictMode, Suspense, useEffect } from 'react'
import { createRoot } from 'react-dom/client'
import { NavigationProvider } from '../../hooks/use-navigation.tsx'
import '../../lib/i18n/classroom-messages.ts'
import { I18nProvider, loadLanguage, translator } from '../../lib/i18n/index.tsx'
import type { Language } from '../../lib/i18n/languages.ts'
import { type AppState, formatAppState } from '../app-state.ts'
import { appNavigation } from '../navigation.ts'
import { EMBED_KINDS } from './embed-kinds.tsx'

function Embed({ kind, state, language }: { kind: string; state: AppState; language: Language }) {
  const t = translator(language)
  const entry = EMBED_KINDS[kind]
  useEffect(() => {
    if (entry) document.title = `${entry.title(t, state)} · ${t('appTitle')}`
  }, [entry, t, state])
  if (!entry) return <p>{t('embedUnknown', { kind })}</p>
  const href = new URL(`./${formatAppState(entry.fullView(state))}`, window.location.href).href
  return (
    <>
      <main>
        <Suspense fallback={<p>{t('loading')}</p>}>{entry.render(state)}</Suspense>
      </main>
      <footer className="embed-footer">
        <a href={href} target="_blank" rel="noopener">
          {t('embedOpenFull')} ↗
        </a>
      </footer>
    </>
  )
}

/** The embeds drawn with the app's own React components (all but the matrix). */
export async function renderReactEmbed(
  root: HTMLElement,
  kind: string,
  state: AppState,
  language: Language,
): Promise<void> {
  await loadLanguage(language)
  createRoot(root).render(
    <StrictMode>
      <I18nProvider language={language}>
        <NavigationProvider value={appNavigation(state, () => {})}>
          <Embed kind={kind} state={state} language={language} />
        </NavigationProvider>
      </I18nProvider>
    </StrictMode>,
  )
}
