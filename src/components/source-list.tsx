import type { Source } from '../domain/schemas/common.ts'
import { useI18n } from '../lib/i18n/index.tsx'
import type { Language } from '../lib/i18n/languages.ts'
import '../lib/i18n/view-messages.ts'

/**
 * A source's label in the reader's language: file and function names stay as they are, the
 * Chinese label replaces one that says more, and "(line 128)" reads "（第 128 行）".
 */
export function sourceLabel(source: Source, language: Language): string {
  if (language !== 'zh') return source.label
  return (source.labelZh ?? source.label).replace(/\s*\(lines? ([\d–-]+)\)/g, '（第 $1 行）')
}

/** Sources as links when they have a URL; the label alone otherwise. */
export function SourceList({
  sources,
  inline = false,
}: {
  sources: readonly Source[]
  inline?: boolean
}) {
  const { language } = useI18n()
  const items = sources.map((source) => (
    <li key={source.label}>
      {source.url ? (
        <a href={source.url} target="_blank" rel="noreferrer">
          {sourceLabel(source, language)}
        </a>
      ) : (
        sourceLabel(source, language)
      )}
    </li>
  ))
  return <ul className={inline ? 'sources sources-inline' : 'sources'}>{items}</ul>
}
