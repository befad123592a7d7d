import type { EndpointRow } from '../../domain/rows.ts'
import { useI18n } from '../../lib/i18n/index.tsx'

/**
 * Text badges (not colour alone) for what a learner should notice about a row; the legend under
 * the table explains them once instead of a tooltip on every row.
 */
export function ChangeBadges({ row }: { row: EndpointRow }) {
  const { t } = useI18n()
  return (
    <>
      {row.source['1.4'] && !row.source['1.3'] && (
        <span className="badge badge-new">{t('newIn14')}</span>
      )}
      {row.disputed && <span className="badge badge-wrong">{t('articleWrong')}</span>}
      {row.statusDiffers && <span className="badge badge-status">{t('statusDiffers')}</span>}
      {row.removedInApi && (
        <span className="badge badge-removed">
          {t('removedIn')} {row.removedInApi}
        </span>
      )}
      {row.experimental && <span className="badge">{t('experimental')}</span>}
      {!row.articleListed && <span className="badge badge-muted">{t('notInArticle')}</span>}
    </>
  )
}
