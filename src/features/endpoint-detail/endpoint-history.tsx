import './endpoint-history.css'
import '../../lib/i18n/compare-messages.ts'
import { AppLink } from '../../components/app-link.tsx'
import {
  apiVersionFile,
  endpointHistory,
  type HistoryMark,
  referenceUrl,
} from '../../domain/api-versions.ts'
import { useI18n } from '../../lib/i18n/index.tsx'

const MARK_KEYS = {
  since: 'historySince',
  changed: 'historyChanged',
  removed: 'historyRemoved',
  absent: 'historyAbsent',
  same: 'historySame',
} as const satisfies Record<HistoryMark, string>

const GLYPHS: Record<HistoryMark, string> = {
  since: '●',
  changed: '◆',
  removed: '✕',
  absent: '·',
  same: '—',
}

/**
 * The endpoint across API 1.18 → 1.25 in one strip: where it first appears, each version whose
 * reference changes it, where it goes. A mark opens the comparison of that version with the one
 * before it (1.18, the first version parsed, opens its reference section instead).
 */
export default function EndpointHistory({ id }: { id: string }) {
  const { t } = useI18n()
  const steps = endpointHistory(id)
  return (
    <section aria-labelledby="history-heading">
      <h3 id="history-heading">{t('historyHeading')}</h3>
      <p className="muted">{t('historyIntro')}</p>
      <ol className="history-strip">
        {steps.map((step, index) => {
          const label = t('historyMark', { api: step.api, mark: t(MARK_KEYS[step.mark]) })
          const content = (
            <>
              <span className="history-api">{step.api}</span>
              <span aria-hidden="true" className="history-glyph">
                {GLYPHS[step.mark]}
              </span>
              <span className="history-mark">{t(MARK_KEYS[step.mark])}</span>
            </>
          )
          const previous = steps[index - 1]
          const file = apiVersionFile(step.api)
          const linked = step.mark === 'since' || step.mark === 'changed' || step.mark === 'removed'
          return (
            <li key={step.api} className={`history-${step.mark}`} title={label}>
              {!linked ? (
                content
              ) : previous ? (
                <AppLink to={{ view: 'compare', from: previous.api, to: step.api }}>
                  {content}
                </AppLink>
              ) : (
                file && step.endpoint && <a href={referenceUrl(file, step.endpoint)}>{content}</a>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
