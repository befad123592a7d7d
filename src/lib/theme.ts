import { readStored, writeStored } from './storage.ts'

export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]
const KEY = 'docker-api-explorer:theme'

export function readTheme(): Theme {
  const stored = readStored(KEY)
  return (THEMES as readonly string[]).includes(stored ?? '') ? (stored as Theme) : 'system'
}

export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme
  else document.documentElement.dataset.theme = theme
  // Not persisted when storage refuses; the choice still applies to this page.
  writeStored(KEY, theme)
}
