import type { ReleaseOption } from '../../domain/rows'
import { useI18n } from '../../lib/i18n'
import { GROUPS, type MatrixState, METHODS, USAGE, type Usage } from '../../lib/url-state'

interface MatrixFiltersProps {
  value: MatrixState
  releases: readonly ReleaseOption[]
  onChange: (change: Partial<MatrixState>) => void
  onReset: () => void
  onExport: () => void
}

export function MatrixFilters({
  value,
  releases,
  onChange,
  onReset,
  onExport,
}: MatrixFiltersProps) {
  const { t } = useI18n()
  const usageLabel = (usage: Usage) =>
    usage === 'any' ? t('usageAny') : usage === 'yes' ? t('usageYes') : t('usageNo')
  return (
    <form
      className="filters"
      aria-label={t('filters')}
      onSubmit={(event) => event.preventDefault()}
    >
      <label className="filter filter-search">
        <span>{t('search')}</span>
        <input
          type="search"
          value={value.q}
          placeholder={t('searchPlaceholder')}
          maxLength={200}
          onChange={(event) => onChange({ q: event.target.value })}
        />
      </label>
      <label className="filter">
        <span>{t('method')}</span>
        <select
          value={value.method}
          onChange={(e) => onChange({ method: e.target.value as MatrixState['method'] })}
        >
          <option value="">{t('allMethods')}</option>
          {METHODS.map((method) => (
            <option key={method} value={method}>
              {method}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('group')}</span>
        <select
          value={value.group}
          onChange={(e) => onChange({ group: e.target.value as MatrixState['group'] })}
        >
          <option value="">{t('allGroups')}</option>
          {GROUPS.map((group) => (
            <option key={group} value={group}>
              {group}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('usedBy13')}</span>
        <select value={value.k13} onChange={(e) => onChange({ k13: e.target.value as Usage })}>
          {USAGE.map((usage) => (
            <option key={usage} value={usage}>
              {usageLabel(usage)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('usedBy14')}</span>
        <select value={value.k14} onChange={(e) => onChange({ k14: e.target.value as Usage })}>
          {USAGE.map((usage) => (
            <option key={usage} value={usage}>
              {usageLabel(usage)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('availableIn')}</span>
        <select value={value.release} onChange={(e) => onChange({ release: e.target.value })}>
          <option value="">{t('anyRelease')}</option>
          {releases.map((release) => (
            <option key={release.id} value={release.id}>
              Docker {release.label} (API {release.api})
            </option>
          ))}
        </select>
      </label>
      <label className="filter filter-check">
        <input
          type="checkbox"
          checked={value.changed}
          onChange={(e) => onChange({ changed: e.target.checked })}
        />
        <span>{t('changedOnly')}</span>
      </label>
      <div className="filter-actions">
        <button type="button" onClick={onReset}>
          {t('resetFilters')}
        </button>
        <button type="button" onClick={onExport}>
          {t('exportCsv')}
        </button>
      </div>
    </form>
  )
}
