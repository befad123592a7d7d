import { useEffect, useState } from 'react'
import { useI18n } from '../lib/i18n/index.tsx'
import { applyTheme, readTheme, THEMES, type Theme } from '../lib/theme.ts'

export function ThemeSwitch() {
  const { t } = useI18n()
  // 'system' on the server and in the first client render; the stored choice was already
  // applied to <html> by the inline script in index.html, before the first paint.
  const [theme, setTheme] = useState<Theme>('system')
  useEffect(() => setTheme(readTheme()), [])
  const labels: Record<Theme, string> = {
    system: t('themeSystem'),
    light: t('themeLight'),
    dark: t('themeDark'),
  }
  return (
    <label>
      <span>{t('theme')}</span>
      <select
        value={theme}
        onChange={(event) => {
          const next = event.target.value as Theme
          setTheme(next)
          applyTheme(next)
        }}
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {labels[value]}
          </option>
        ))}
      </select>
    </label>
  )
}
