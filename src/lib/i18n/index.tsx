import { createContext, type ReactNode, useContext } from 'react'
import type { Language } from '../url-state'
import { en, type MessageKey, type Messages } from './en'
import { zh } from './zh'

const CATALOGUES: Record<Language, Messages> = { en, zh }

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string

export function translator(language: Language): Translate {
  const messages = CATALOGUES[language]
  return (key, values) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      values && name in values ? String(values[name]) : whole,
    )
}

/** The browser's preferred language, when it is one we have. */
export function detectLanguage(languages: readonly string[] | undefined): Language {
  for (const tag of languages ?? []) {
    const base = tag.toLowerCase().split('-')[0]
    if (base === 'zh') return 'zh'
    if (base === 'en') return 'en'
  }
  return 'en'
}

interface I18n {
  language: Language
  t: Translate
}

const I18nContext = createContext<I18n>({ language: 'en', t: translator('en') })

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  return (
    <I18nContext.Provider value={{ language, t: translator(language) }}>
      {children}
    </I18nContext.Provider>
  )
}

export function useI18n(): I18n {
  return useContext(I18nContext)
}
