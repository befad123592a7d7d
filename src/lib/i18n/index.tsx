import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react'
import { readStored, writeStored } from '../storage.ts'
import { en, type MessageKey, type Messages } from './en.ts'
import type { Language } from './languages.ts'

/**
 * English ships with the first page; Chinese is a small lazy chunk, loaded before the first
 * render when the reader wants it (main.tsx) or when they switch. Until it has arrived,
 * strings fall back to English rather than to keys.
 */
const CATALOGUES: Partial<Record<Language, Messages>> = { en }

export function isLanguageLoaded(language: Language): boolean {
  return CATALOGUES[language] !== undefined
}

export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'zh' && !CATALOGUES.zh) CATALOGUES.zh = (await import('./zh.ts')).zh
}

/** Re-renders once the catalogue for `language` has loaded. */
export function useLanguageLoaded(language: Language): boolean {
  const [, setLoaded] = useState(0)
  const loaded = isLanguageLoaded(language)
  useEffect(() => {
    if (!loaded) loadLanguage(language).then(() => setLoaded((n) => n + 1))
  }, [language, loaded])
  return loaded
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string

/** Strings of lazily loaded features (feature-messages.ts), by language. */
const FEATURE_MESSAGES: Partial<Record<Language, Record<string, string>>> = {}

export function registerFeatureMessages(messages: Record<Language, Record<string, string>>) {
  // Several lazy chunks register their own strings: merge, never replace another chunk's.
  for (const language of Object.keys(messages) as Language[])
    FEATURE_MESSAGES[language] = { ...FEATURE_MESSAGES[language], ...messages[language] }
}

// One translate function per catalogue, so `t` keeps its identity across renders and memoised
// work that depends on it (table columns) is not redone on every keystroke.
const translators = new Map<Messages, Translate>()

export function translator(language: Language): Translate {
  const messages = CATALOGUES[language] ?? en
  let t = translators.get(messages)
  if (!t) {
    // Until a catalogue has loaded, English stands in for it, feature strings included.
    const featureLanguage: Language = messages === en ? 'en' : language
    t = (key, values) =>
      (
        (messages as Record<string, string>)[key] ??
        FEATURE_MESSAGES[featureLanguage]?.[key] ??
        FEATURE_MESSAGES.en?.[key] ??
        key
      ).replace(/\{(\w+)\}/g, (whole, name: string) =>
        values && name in values ? String(values[name]) : whole,
      )
    translators.set(messages, t)
  }
  return t
}

const LANGUAGE_KEY = 'docker-api-explorer:language'

/** The language the reader chose in the app, remembered like the theme (null: never chose). */
export function readLanguagePreference(): Language | null {
  const stored = readStored(LANGUAGE_KEY)
  return stored === 'en' || stored === 'zh' ? stored : null
}

export function storeLanguagePreference(language: Language): void {
  // Not remembered when storage refuses; the choice still applies to this page through the URL.
  writeStored(LANGUAGE_KEY, language)
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
  // translator() changes when a lazily loaded catalogue arrives, so it is a dependency too.
  const t = translator(language)
  const value = useMemo(() => ({ language, t }), [language, t])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  return useContext(I18nContext)
}
