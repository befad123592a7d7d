import { AppLink } from '../../components/app-link.tsx'
import { API_VERSION_FILES, KUBERNETES_RANGES } from '../../domain/api-versions.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import type { CompareState } from './compare-url.ts'
import '../../lib/i18n/compare-messages.ts'

const dockerOf = (api: string) => API_VERSION_FILES.find((f) => f.api === api)?.docker ?? '?'

/**
 * Two rows of links, one per side: every comparison is two clicks away, every one is a link you
 * can copy. Each option names the API version and the Docker release line that first spoke it.
 */
export function VersionPicker({ compare }: { compare: CompareState }) {
  const { t } = useI18n()
  const side = (which: 'from' | 'to', label: string) => (
    <nav className="compare-side" aria-label={label}>
      <span className="compare-side-label" aria-hidden="true">
        {label}
      </span>
      <ul>
        {API_VERSION_FILES.map((file) => (
          <li key={file.api}>
            <AppLink
              className="compare-choice"
              aria-current={compare[which] === file.api ? 'true' : undefined}
              to={{ view: 'compare', [which]: file.api }}
            >
              <span>{t('compareVersion', { api: file.api })}</span>
              <span className="compare-docker">{t('compareDocker', { docker: file.docker })}</span>
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  )
  return (
    <div className="compare-picker">
      {side('from', t('compareFrom'))}
      {side('to', t('compareTo'))}
      <nav className="compare-shortcuts" aria-label={t('compareShortcuts')}>
        <p className="muted">{t('compareShortcuts')}</p>
        <ul>
          {KUBERNETES_RANGES.map((range) => (
            <li key={range.kubernetes}>
              <AppLink
                className="button-link"
                aria-current={
                  compare.from === range.from && compare.to === range.to ? 'true' : undefined
                }
                to={{ view: 'compare', from: range.from, to: range.to }}
              >
                {t('compareShortcut', {
                  k8s: range.kubernetes,
                  a: dockerOf(range.from),
                  b: dockerOf(range.to),
                })}
              </AppLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  )
}
