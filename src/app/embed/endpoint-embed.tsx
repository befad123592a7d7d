import endpointsFile from '../../../data/endpoints-1.24.json'
import { MethodBadge } from '../../components/method-badge.tsx'
import { Tick } from '../../components/tick.tsx'
import type { EndpointsFile } from '../../domain/schemas/endpoints.ts'
import { StatusTable } from '../../features/endpoint-detail/status-table.tsx'
import { useI18n } from '../../lib/i18n/index.tsx'
import '../../lib/i18n/view-messages.ts'

const endpoints = (endpointsFile as EndpointsFile).endpoints

/** One endpoint's card: what it does, who calls it (source and article), its status codes. */
export default function EndpointEmbed({ id }: { id: string }) {
  const { t, language } = useI18n()
  const endpoint = endpoints.find((e) => e.id === id)
  if (!endpoint) return <p>{t('detailNotFound', { id })}</p>
  const { source, article } = endpoint.kubernetes
  return (
    <article aria-labelledby="embed-heading">
      <h1 id="embed-heading">{endpoint.title[language]}</h1>
      <p className="endpoint-line">
        <MethodBadge method={endpoint.method} /> <code>{endpoint.path}</code>
      </p>
      <p>{endpoint.description[language]}</p>
      <table>
        <caption className="visually-hidden">{t('embedCalledBy')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('embedCalledBy')}</th>
            <th scope="col">{t('colK13')}</th>
            <th scope="col">{t('colK14')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('embedSource')}</th>
            <td>
              <Tick value={source['1.3']} />
            </td>
            <td>
              <Tick value={source['1.4']} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t('embedArticle')}</th>
            <td>
              <Tick value={article['1.3']} />
            </td>
            <td>
              <Tick value={article['1.4']} />
            </td>
          </tr>
        </tbody>
      </table>
      <h2>{t('statusCodes')}</h2>
      <StatusTable statuses={endpoint.statuses} />
    </article>
  )
}
