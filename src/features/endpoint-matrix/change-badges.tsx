import type { EndpointRow } from '../../domain/rows'
import { useI18n } from '../../lib/i18n'

/** Text badges (not colour alone) for what a learner should notice about a row. */
export function ChangeBadges({ row }: { row: EndpointRow }) {
  const { t } = useI18n()
  return (
    <span className="badges">
      {row.source['1.4'] && !row.source['1.3'] && (
        <span className="badge badge-new">{t('newIn14')}</span>
      )}
      {row.disputed && (
        <span className="badge badge-wrong" title={t('articleWrongTitle')}>
          {t('articleWrong')}
        </span>
      )}
      {row.statusDiffers && (
        <span className="badge badge-status" title={t('statusDiffersTitle')}>
          {t('statusDiffers')}
        </span>
      )}
      {row.removedInApi && (
        <span className="badge badge-removed">
          {t('removedIn')} {row.removedInApi}
        </span>
      )}
      {row.experimental && <span className="badge">{t('experimental')}</span>}
      {!row.articleListed && <span className="badge badge-muted">{t('notInArticle')}</span>}
    </span>
  )
}
