import { SourceList } from '../../components/source-list.tsx'
import { Tick } from '../../components/tick.tsx'
import type { Status } from '../../domain/schemas/endpoints.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import '../../lib/i18n/view-messages.ts'

/** Documented and real status codes side by side; rows where they differ are called out. */
export function StatusTable({ statuses }: { statuses: readonly Status[] }) {
  const { t, language } = useI18n()
  return (
    <div className="table-scroll">
      <table className="statuses stack-narrow">
        <thead>
          <tr>
            <th scope="col">{t('statusCode')}</th>
            <th scope="col">{t('statusDocumented')}</th>
            <th scope="col">{t('statusReal')}</th>
            <th scope="col">{t('statusWhen')}</th>
            <th scope="col">{t('statusMessage')}</th>
          </tr>
        </thead>
        <tbody>
          {statuses.map((status) => (
            <tr
              key={`${status.code}-${status.when.en}`}
              className={status.documented !== status.real ? 'row-differs' : undefined}
            >
              <td className="inline-narrow">
                <strong>{status.code}</strong>
              </td>
              <td className="inline-narrow" data-label={t('statusDocumented')}>
                <Tick value={status.documented} />
              </td>
              <td className="inline-narrow" data-label={t('statusReal')}>
                <Tick value={status.real} />
              </td>
              <td>
                {status.when[language]}
                {status.note && <p className="status-note">{status.note[language]}</p>}
                {status.sources && <SourceList sources={status.sources} inline />}
              </td>
              <td>{status.message && <code className="status-message">{status.message}</code>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
