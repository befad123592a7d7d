import { Fragment } from 'react'
import { MethodBadge } from '../../components/method-badge.tsx'
import { apiVersionFile, type ComparedChange, referenceUrl } from '../../domain/api-versions.ts'
import type { ChangeKind } from '../../domain/schemas/api-versions.ts'
import { type Translate, useI18n } from '../../lib/i18n/index.tsx'
import { BulletLink } from './bullet-link.tsx'
import '../../lib/i18n/compare-messages.ts'

const KIND_KEYS = {
  'endpoint-added': 'kindEndpointAdded',
  'endpoint-removed': 'kindEndpointRemoved',
  'path-changed': 'kindPathChanged',
  'param-added': 'kindParamAdded',
  'param-removed': 'kindParamRemoved',
  'param-changed': 'kindParamChanged',
  'filter-added': 'kindFilterAdded',
  'filter-removed': 'kindFilterRemoved',
  'status-added': 'kindStatusAdded',
  'status-removed': 'kindStatusRemoved',
} as const satisfies Record<ChangeKind, string>

export function kindLabel(t: Translate, kind: ChangeKind): string {
  return t(KIND_KEYS[kind])
}

/** What a row is about, in identifiers: a parameter and where it travels, a filter, a code. */
export function changeSubject(
  change: Pick<ComparedChange, 'kind' | 'name' | 'where' | 'from' | 'to'>,
): string {
  switch (change.kind) {
    case 'endpoint-added':
    case 'endpoint-removed':
      return ''
    case 'path-changed':
      return `${change.from} → ${change.to}`
    case 'filter-added':
    case 'filter-removed':
      return `filters: ${change.name}`
    case 'param-changed':
      return `${change.name} (${change.where}): ${change.from} → ${change.to}`
    default:
      return change.where ? `${change.name} (${change.where})` : (change.name ?? '')
  }
}

function ReferenceLinks({
  change,
  from,
  to,
}: {
  change: ComparedChange
  from: string
  to: string
}) {
  const links = [from, to].flatMap((api) => {
    const file = apiVersionFile(api)
    const endpoint = file?.endpoints.find((e) => e.id === change.endpoint)
    if (!file || !endpoint) return []
    return [{ api, url: referenceUrl(file, endpoint), section: endpoint.section }]
  })
  return (
    <>
      {links.map((link, i) => (
        <Fragment key={link.api}>
          {i > 0 && ' · '}
          <a href={link.url}>
            v{link.api} {link.api === '1.25' ? '' : '§'}
            {link.section.split(' ')[0]}
          </a>
        </Fragment>
      ))}
    </>
  )
}

interface ChangeTableProps {
  group: string
  changes: readonly ComparedChange[]
  from: string
  to: string
  /** The group did not exist at all in the older version. */
  newGroup: boolean
}

/** One resource group's changes: what, where it first shows, and its changelog bullet or none. */
export function ChangeTable({ group, changes, from, to, newGroup }: ChangeTableProps) {
  const { t } = useI18n()
  const headingId = `compare-group-${group}`
  const added = changes.filter((c) => c.kind === 'endpoint-added').length
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        <code>{group}</code>
        {' — '}
        {newGroup
          ? t('compareGroupAdded', { count: added })
          : t('compareGroup', { count: changes.length })}
      </h3>
      <div className="table-scroll">
        <table className="stack-narrow compare-table">
          <thead>
            <tr>
              <th scope="col">{t('compareColChange')}</th>
              <th scope="col">{t('compareColEndpoint')}</th>
              <th scope="col">{t('compareColWhat')}</th>
              <th scope="col">{t('compareColIn')}</th>
              <th scope="col">{t('compareColChangelog')}</th>
              <th scope="col">{t('compareColReferences')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr
                key={`${change.endpoint}|${change.kind}|${change.where ?? ''}|${change.name ?? ''}`}
                className={`change-${change.kind}`}
              >
                <td className="inline-narrow">
                  <span className={change.kind.endsWith('added') ? 'badge badge-new' : 'badge'}>
                    {kindLabel(t, change.kind)}
                  </span>
                </td>
                <td>
                  <MethodBadge method={change.method} /> <code>{change.path}</code>
                  <span className="muted"> {change.endpoint}</span>
                </td>
                <td data-label={t('compareColWhat')}>
                  <code>{changeSubject(change)}</code>
                </td>
                <td className="inline-narrow" data-label={t('compareColIn')}>
                  {change.api}
                  {change.afterRelease && (
                    <div className="muted">
                      {t('compareAfterRelease', { tag: change.afterRelease })}
                    </div>
                  )}
                </td>
                <td data-label={t('compareColChangelog')}>
                  {change.bullets.length === 0 ? (
                    <span className="badge badge-wrong">{t('compareNotInChangelog')}</span>
                  ) : (
                    change.bullets.map((ref, i) => (
                      <Fragment key={`${ref.api}#${ref.bullet.n}`}>
                        {i > 0 && ', '}
                        <BulletLink refTo={ref} />
                      </Fragment>
                    ))
                  )}
                </td>
                <td className="ref-links" data-label={t('compareColReferences')}>
                  <ReferenceLinks change={change} from={from} to={to} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
