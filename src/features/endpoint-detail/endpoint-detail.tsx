import { lazy, Suspense } from 'react'
import endpointsFile from '../../../data/endpoints-1.24.json'
import { AppLink } from '../../components/app-link.tsx'
import { CopyEmbed } from '../../components/copy-embed.tsx'
import { MethodBadge } from '../../components/method-badge.tsx'
import { SourceList } from '../../components/source-list.tsx'
import { Tick } from '../../components/tick.tsx'
import { exampleRequest } from '../../domain/example-request.ts'
import type { Endpoint, EndpointsFile } from '../../domain/schemas/endpoints.ts'
import { toPlaygroundRequest } from '../../lib/daemon-client/to-playground-request.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { KubernetesPanel } from './kubernetes-panel.tsx'
import { StatusTable } from './status-table.tsx'
import '../../lib/i18n/view-messages.ts'

// The eight API versions' data come with the strip, in a chunk of their own.
const EndpointHistory = lazy(() => import('./endpoint-history.tsx'))

// Validated by src/domain/data-consistency.test.ts; the browser trusts the built data.
const endpoints = (endpointsFile as EndpointsFile).endpoints
const byId = new Map<string, Endpoint>(endpoints.map((endpoint) => [endpoint.id, endpoint]))

export default function EndpointDetail({ id }: { id: string }) {
  const { t, language } = useI18n()
  const endpoint = byId.get(id)
  const back = (
    <AppLink className="back-link" to={{ view: 'matrix' }}>
      ← {t('backToMatrix')}
    </AppLink>
  )
  if (!endpoint) {
    return (
      <section className="view" aria-labelledby="detail-heading">
        {back}
        <h2 id="detail-heading">{id ? t('detailNotFound', { id }) : t('noEndpointChosen')}</h2>
      </section>
    )
  }
  return (
    <article className="view detail" aria-labelledby="detail-heading">
      {back}
      <h2 id="detail-heading">{endpoint.title[language]}</h2>
      <p className="endpoint-line">
        <MethodBadge method={endpoint.method} /> <code>{endpoint.path}</code>{' '}
        <span className="muted">
          {endpoint.id} · {t('sinceApi')} {endpoint.sinceApi}
          {endpoint.removedInApi && ` · ${t('removedIn')} ${endpoint.removedInApi}`}
          {' · '}
          {t('docSection')} {endpoint.docSection}
          {endpoint.removedInApi && ` (${t('docSectionRemoved', { api: endpoint.removedInApi })})`}
        </span>
      </p>
      <p>{endpoint.description[language]}</p>
      <p>
        <AppLink
          className="button-link"
          to={{ view: 'playground', ...toPlaygroundRequest(exampleRequest(endpoint)) }}
        >
          {t('tryInPlayground')} →
        </AppLink>{' '}
        <CopyEmbed
          query={`embed=endpoint&endpoint=${endpoint.id}`}
          title={endpoint.title[language]}
        />
      </p>

      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <EndpointHistory id={endpoint.id} />
      </Suspense>

      <h3>{t('parameters')}</h3>
      {endpoint.parameters.length === 0 ? (
        <p className="muted">{t('noParameters')}</p>
      ) : (
        <div className="table-scroll">
          <table className="stack-narrow">
            <thead>
              <tr>
                <th scope="col">{t('paramName')}</th>
                <th scope="col">{t('paramIn')}</th>
                <th scope="col">{t('paramType')}</th>
                <th scope="col">{t('paramRequired')}</th>
                <th scope="col">{t('paramDescription')}</th>
              </tr>
            </thead>
            <tbody>
              {endpoint.parameters.map((parameter) => (
                <tr key={`${parameter.in}:${parameter.name}`}>
                  <td className="inline-narrow">
                    <code>{parameter.name}</code>
                  </td>
                  <td className="inline-narrow">{parameter.in}</td>
                  <td className="inline-narrow">
                    {parameter.type === 'JSON object' ? t('paramTypeJsonObject') : parameter.type}
                  </td>
                  <td className="inline-narrow" data-label={t('paramRequired')}>
                    <Tick value={parameter.required} />
                  </td>
                  <td>{parameter.description[language]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t('statusCodes')}</h3>
      <StatusTable statuses={endpoint.statuses} />

      <h3>{t('example')}</h3>
      <div className="example">
        <figure>
          <figcaption>{t('exampleRequest')}</figcaption>
          <pre>
            <code>{endpoint.example.request}</code>
          </pre>
        </figure>
        <figure>
          <figcaption>{t('exampleResponse')}</figcaption>
          <pre>
            <code>{endpoint.example.response}</code>
          </pre>
        </figure>
      </div>

      <KubernetesPanel endpoint={endpoint} />

      {endpoint.notes && endpoint.notes.length > 0 && (
        <>
          <h3>{t('notes')}</h3>
          <ul>
            {endpoint.notes.map((note) => (
              <li key={note.text.en}>
                {note.text[language]} <SourceList sources={note.sources} inline />
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>{t('sources')}</h3>
      <SourceList sources={endpoint.sources} />
    </article>
  )
}
