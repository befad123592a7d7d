import { Fragment } from 'react'
import { type BulletRef, historyUrl } from '../../domain/api-versions.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import '../../lib/i18n/compare-messages.ts'

/** A changelog bullet, named by version and position, linked to the history that lists it. */
export function BulletLink({ refTo }: { refTo: BulletRef }) {
  const { t } = useI18n()
  const { api, bullet } = refTo
  return (
    <a
      href={historyUrl(api, bullet)}
      title={bullet.listedIn === 'later' ? t('compareBulletLater') : undefined}
    >
      {t('compareBullet', { api, n: bullet.n })}
      {bullet.listedIn === 'later' && '*'}
    </a>
  )
}

/** Bullets with no row of their own: what they name, and where to read them. */
export function BulletList({ refs }: { refs: readonly BulletRef[] }) {
  const { t } = useI18n()
  if (refs.length === 0) return <p className="muted">{t('compareNone')}</p>
  return (
    <ul className="plain-list">
      {refs.map((ref) => (
        <li key={`${ref.api}#${ref.bullet.n}`}>
          <BulletLink refTo={ref} />
          {ref.bullet.endpoints.length > 0 && <> · {ref.bullet.endpoints.join(', ')}</>}
          {ref.bullet.names.length > 0 && (
            <>
              {' · '}
              {ref.bullet.names.map((name) => (
                <Fragment key={name}>
                  <code className="tag">{name}</code>{' '}
                </Fragment>
              ))}
            </>
          )}
          {ref.bullet.scope === 'undocumented-endpoint' && (
            <span className="muted"> ({t('compareUndocumented')})</span>
          )}
        </li>
      ))}
    </ul>
  )
}
