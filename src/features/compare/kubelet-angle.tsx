import { Fragment } from 'react'
import gatesFile from '../../../data/kubelet-api-gates.json'
import { MethodBadge } from '../../components/method-badge.tsx'
import { SourceList } from '../../components/source-list.tsx'
import type { ComparedChange, Comparison } from '../../domain/api-versions.ts'
import type { HttpMethod } from '../../domain/schemas/endpoints.ts'
import type { KubeletApiGatesFile } from '../../domain/schemas/kubelet-api-gates.ts'
import { compareApi } from '../../domain/version.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { BulletLink } from './bullet-link.tsx'
import { changeSubject, kindLabel } from './change-table.tsx'
import '../../lib/i18n/compare-messages.ts'

// Validated by src/domain/kubelet-api-gates.test.ts.
const { gates, createFields } = gatesFile as KubeletApiGatesFile
const sentFields = new Set(createFields.fields.map((f) => f.toLowerCase()))

/**
 * The first version that knows a field: where a reference lists it, or earlier when a changelog
 * bullet announced it before the references caught up (OomScoreAdj: 1.21, listed from 1.22).
 */
function knownSince(change: ComparedChange): string {
  return change.bullets.reduce(
    (oldest, b) => (compareApi(b.api, oldest) < 0 ? b.api : oldest),
    change.api,
  )
}

/** Whether the 1.4 kubelet ever sets the field a create-body row is about (null: not such a row). */
function kubeletSends(change: ComparedChange): boolean | null {
  if (change.endpoint !== 'ContainerCreate' || change.where !== 'body' || !change.name) return null
  const [first = '', second] = change.name.split('.')
  const field = first === 'HostConfig' && second ? `${first}.${second}` : first
  return sentFields.has(field.toLowerCase())
}

export interface KubeletCall {
  id: string
  method: HttpMethod
  path: string
}

/**
 * The Kubernetes angle: each call the 1.4 kubelet sends, what the references change for it in
 * this comparison, and where the kubelet checks the daemon's API version itself.
 */
export function KubeletAngle({
  comparison,
  calls,
}: {
  comparison: Comparison
  calls: readonly KubeletCall[]
}) {
  const { t, language } = useI18n()
  const { from, to } = comparison
  const inRange = (api: string) => compareApi(api, from) > 0 && compareApi(api, to) <= 0
  return (
    <section aria-labelledby="kubelet-angle-heading">
      <h3 id="kubelet-angle-heading">
        {t('compareKubeletHeading', { count: calls.length, from, to })}
      </h3>
      <p className="intro">{t('compareKubeletIntro')}</p>
      <div className="table-scroll">
        <table className="stack-narrow compare-table">
          <thead>
            <tr>
              <th scope="col">{t('compareKubeletCall')}</th>
              <th scope="col">{t('compareKubeletChanges')}</th>
              <th scope="col">{t('compareKubeletGates')}</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((call) => {
              const all = comparison.changes.filter((c) => c.endpoint === call.id)
              // Create-body fields the kubelet never sets are counted, not listed.
              const changes = all.filter((c) => kubeletSends(c) !== false)
              const unsent = all.length - changes.length
              const bullets = comparison.endpointBullets.filter((b) =>
                b.bullet.endpoints.includes(call.id),
              )
              const own = gates.filter((g) => g.endpoint === call.id && inRange(g.api))
              return (
                <tr key={call.id}>
                  <th scope="row">
                    <MethodBadge method={call.method} /> <code>{call.path}</code>
                    <span className="muted"> {call.id}</span>
                  </th>
                  <td data-label={t('compareKubeletChanges')}>
                    {all.length === 0 && bullets.length === 0 ? (
                      <span className="muted">{t('compareKubeletUnchanged')}</span>
                    ) : (
                      <ul className="plain-list">
                        {changes.map((c) => (
                          <li key={`${c.kind}|${c.where ?? ''}|${c.name ?? ''}`}>
                            {kindLabel(t, c.kind)} <code>{changeSubject(c)}</code> ({c.api})
                            {kubeletSends(c) && (
                              <>
                                {' '}
                                <span className="badge badge-status">
                                  {t('compareKubeletSends')}
                                </span>
                                {c.kind === 'param-added' &&
                                  compareApi(knownSince(c), from) > 0 && (
                                    <div className="muted">
                                      {t('compareOlderIgnores', {
                                        api: knownSince(c),
                                        field: c.name ?? '',
                                      })}
                                    </div>
                                  )}
                              </>
                            )}
                          </li>
                        ))}
                        {unsent > 0 && (
                          <li className="muted">
                            {t('compareKubeletOthers', { count: unsent })}{' '}
                            <SourceList sources={createFields.sources} inline />
                          </li>
                        )}
                        {bullets.map((b) => (
                          <li key={`${b.api}#${b.bullet.n}`}>
                            <BulletLink refTo={b} />
                            {b.bullet.names.length > 0 && ': '}
                            {b.bullet.names.map((name) => (
                              <Fragment key={name}>
                                <code className="tag">{name}</code>{' '}
                              </Fragment>
                            ))}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td data-label={t('compareKubeletGates')}>
                    {own.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <ul className="plain-list">
                        {own.map((g) => (
                          <li key={g.field}>
                            <code>{g.field}</code>
                            <div>
                              {t('compareKubeletBelow', { api: g.api, text: g.below[language] })}
                            </div>
                            <div>
                              {t('compareKubeletAtOrAbove', {
                                api: g.api,
                                text: g.atOrAbove[language],
                              })}
                            </div>
                            <SourceList sources={g.sources} inline />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
