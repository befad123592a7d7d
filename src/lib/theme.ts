export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]
const KEY = 'docker-api-explorer:theme'

export function readTheme(): Theme {
  try {
    const stored = window.localStorage.getItem(KEY)
    return (THEMES as readonly string[]).includes(stored ?? '') ? (stored as Theme) : 'system'
  } catch {
    // Storage can be disabled (private mode, sandboxed iframes): fall back to the system theme.
    return 'system'
  }
}

export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme
  else document.documentElement.dataset.theme = theme
  try {
    window.localStorage.setItem(KEY, theme)
  } catch {
    // Not persisted; the choice still applies to this page.
  }
}
