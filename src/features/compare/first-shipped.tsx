import { firstShipped } from '../../domain/api-versions.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { changeSubject, kindLabel } from './change-table.tsx'
import '../../lib/i18n/compare-messages.ts'

/**
 * Where a version's reference, as first shipped, differs from the 1.12.6 copy the comparison is
 * read from: the docs were corrected after release (a status code, fields moved into HostConfig).
 */
export function FirstShippedNotes({ apis }: { apis: readonly string[] }) {
  const { t } = useI18n()
  const notes = apis.flatMap((api) => firstShipped(api))
  if (notes.length === 0) return null
  return (
    <section aria-labelledby="first-shipped-heading">
      <h3 id="first-shipped-heading">{t('firstShippedHeading')}</h3>
      <p className="muted">{t('firstShippedIntro')}</p>
      {notes.map((note) => (
        <details key={`${note.api} ${note.tag}`}>
          <summary>
            {t('firstShippedSummary', {
              api: note.api,
              tag: note.tag,
              count: note.differences.length,
            })}
          </summary>
          <p>
            <a href={note.url}>{t('firstShippedLink', { api: note.api, tag: note.tag })}</a>
          </p>
          <ul className="plain-list">
            {note.differences.map((d) => (
              <li key={`${d.endpoint}|${d.kind}|${d.where ?? ''}|${d.name ?? ''}`}>
                {d.endpoint} · {kindLabel(t, d.kind)} <code>{changeSubject(d)}</code>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  )
}
