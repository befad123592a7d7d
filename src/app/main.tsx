import { StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { detectLanguage, loadLanguage, readLanguagePreference } from '../lib/i18n/index.tsx'
import { App } from './app.tsx'
import { isPrerenderedState, parseAppState } from './app-state.ts'
import './styles.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

const state = parseAppState(window.location.search)
// A language chosen in the app before wins over the browser's, like the theme.
const fallbackLanguage = readLanguagePreference() ?? detectLanguage(navigator.languages)
// A Chinese reader gets Chinese in the first render, not English for a moment.
await loadLanguage(state.lang ?? fallbackLanguage)
const app = (
  <StrictMode>
    <App initialState={state} fallbackLanguage={fallbackLanguage} />
  </StrictMode>
)

// The built index.html holds the default view prerendered in English. Hydrate it when the URL
// asks for exactly that; otherwise render afresh rather than flash the wrong view.
// Only elements count: the dev server's index.html holds just the `<!--app-html-->` comment,
// and hydrating against nothing throws a hydration error.
if (
  container.firstElementChild !== null &&
  isPrerenderedState(state, state.lang ?? fallbackLanguage)
) {
  hydrateRoot(container, app)
} else {
  container.textContent = ''
  createRoot(container).render(app)
}

// Which deployment this page runs (set at build time); the update test tells builds apart by it.
if (import.meta.env.VITE_APP_BUILD)
  document.documentElement.dataset.build = import.meta.env.VITE_APP_BUILD
// The offline worker and its update notice load after the first page, in a chunk of their own.
if (import.meta.env.PROD) import('./offline.ts').then((m) => m.registerServiceWorker())
