import { SourceList } from '../../components/source-list.tsx'
import { Tick } from '../../components/tick.tsx'
import type { Endpoint } from '../../domain/schemas/endpoints.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import '../../lib/i18n/view-messages.ts'

const RELEASES = ['1.2', '1.3', '1.4'] as const

/** What the article ticks, what the Kubernetes source calls, and who calls it. */
export function KubernetesPanel({ endpoint }: { endpoint: Endpoint }) {
  const { t, language } = useI18n()
  const { article, source, callers, disagreement } = endpoint.kubernetes
  return (
    <section aria-labelledby="k8s-heading">
      <h3 id="k8s-heading">{t('kubernetesUsage')}</h3>
      <table className="k8s-usage">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('kubernetesUsage')}</span>
            </th>
            {RELEASES.map((release) => (
              <th key={release} scope="col">
                {release}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('theArticle')}</th>
            <td className="muted">—</td>
            <td>
              <Tick value={article['1.3']} />
            </td>
            <td>
              <Tick value={article['1.4']} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t('theSource')}</th>
            {RELEASES.map((release) => (
              <td key={release}>
                <Tick value={source[release]} />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {disagreement && (
        <div className="callout callout-wrong" role="note">
          <strong>{t('articleWrong')}:</strong> {disagreement.note[language]}
          <SourceList sources={disagreement.sources} />
        </div>
      )}
      <h4>{t('callers')}</h4>
      {callers.length === 0 ? (
        <p className="muted">{t('noCallers')}</p>
      ) : (
        <ul className="callers">
          {callers.map((caller) => (
            <li key={`${caller.interfaceMethod}-${caller.releases.join()}`}>
              <code>DockerInterface.{caller.interfaceMethod}</code> →{' '}
              <code>{caller.clientCall}</code>{' '}
              <span className="muted">(Kubernetes {caller.releases.join(', ')})</span>
              <SourceList sources={[caller.source]} inline />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
