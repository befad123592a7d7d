import { CLASSROOM_MESSAGES } from '../../lib/i18n/classroom-messages-data.ts'
import { en } from '../../lib/i18n/en.ts'
import { LANGUAGES, type Language } from '../../lib/i18n/languages.ts'
import { DEFAULT_STATE, formatAppState, parseAppState } from '../app-state.ts'
import '../styles.css'
import './embed.css'

/**
 * The embed entry (embed.html): one thing, without the app's header, for an <iframe> in an
 * article or a slide. `?embed=<kind>` picks it (embed-kinds.tsx; the matrix is drawn without
 * React, see matrix-embed-dom.ts), the rest of the query is the full view's own state. It follows
 * the embedding page's colour scheme (the reader's prefers-color-scheme, or `theme=light|dark`,
 * or a `docker-api-explorer:theme` message), tells the parent its height in a
 * `docker-api-explorer:height` message whenever it changes, and links back to the full view.
 */
const params = new URLSearchParams(window.location.search)
const state = parseAppState(window.location.search)
const kind = params.get('embed') ?? ''
const preferred = navigator.languages.find((l) => LANGUAGES.includes(l.split('-')[0] as Language))
const language: Language = state.lang ?? (preferred?.startsWith('zh') ? 'zh' : 'en')

function setTheme(theme: unknown) {
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme
  else delete document.documentElement.dataset.theme
}
setTheme(params.get('theme'))
window.addEventListener('message', (event: MessageEvent<{ type?: string; theme?: string }>) => {
  if (event.data?.type === 'docker-api-explorer:theme') setTheme(event.data.theme)
})

const postHeight = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height)
  window.parent.postMessage({ type: 'docker-api-explorer:height', embed: kind, height }, '*')
}
new ResizeObserver(postHeight).observe(document.body)
document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en'

const root = document.getElementById('root')
if (!root) throw new Error('embed.html has no #root element')
const catalogue: Record<string, string> = {
  ...(language === 'zh' ? (await import('../../lib/i18n/zh.ts')).zh : en),
  ...CLASSROOM_MESSAGES[language],
}
const t = (key: string, values: Record<string, string | number> = {}) =>
  (catalogue[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  )
const appUrl = (query: string) => new URL(`./${query}`, window.location.href).href

if (kind === 'matrix') {
  const { renderMatrix } = await import('./matrix-embed-dom.ts')
  const main = document.createElement('main')
  root.append(main)
  renderMatrix(main, state.matrix, language, t, (id) =>
    appUrl(formatAppState({ ...DEFAULT_STATE, lang: state.lang, view: 'endpoint', endpoint: id })),
  )
  const footer = document.createElement('footer')
  footer.className = 'embed-footer'
  const back = document.createElement('a')
  back.href = appUrl(formatAppState({ ...state, view: 'matrix' }))
  back.target = '_blank'
  back.rel = 'noopener'
  back.textContent = `${t('embedOpenFull')} ↗`
  footer.append(back)
  root.append(footer)
  document.title = `${t('matrixHeading')} · ${t('appTitle')}`
} else {
  const { renderReactEmbed } = await import('./react-embed.tsx')
  renderReactEmbed(root, kind, state, language)
}
