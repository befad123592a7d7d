import { Fragment } from 'react'
import gatesFile from '../../../data/kubelet-api-gates.json'
import { MethodBadge } from '../../components/method-badge.tsx'
import { SourceList } from '../../components/source-list.tsx'
import type { Comparison } from '../../domain/api-versions.ts'
import type { HttpMethod } from '../../domain/schemas/endpoints.ts'
import type { KubeletApiGatesFile } from '../../domain/schemas/kubelet-api-gates.ts'
import { compareApi } from '../../domain/version.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { BulletLink } from './bullet-link.tsx'
import { changeSubject, kindLabel } from './change-table.tsx'

// Validated by src/domain/kubelet-api-gates.test.ts.
const gates = (gatesFile as KubeletApiGatesFile).gates

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
              const changes = comparison.changes.filter((c) => c.endpoint === call.id)
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
                    {changes.length === 0 && bullets.length === 0 ? (
                      <span className="muted">{t('compareKubeletUnchanged')}</span>
                    ) : (
                      <ul className="plain-list">
                        {changes.map((c) => (
                          <li key={`${c.kind}|${c.where ?? ''}|${c.name ?? ''}`}>
                            {kindLabel(t, c.kind)} <code>{changeSubject(c)}</code> ({c.api})
                            {c.kind === 'param-added' && c.where === 'body' && (
                              <div className="muted">
                                {t('compareOlderIgnores', { api: c.api, field: c.name ?? '' })}
                              </div>
                            )}
                          </li>
                        ))}
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
