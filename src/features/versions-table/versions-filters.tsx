import { useI18n } from '../../lib/i18n'
import { K8S, type K8sFilter, type VersionsState } from '../../lib/url-state'

interface VersionsFiltersProps {
  value: VersionsState
  apiVersions: readonly string[]
  onChange: (change: Partial<VersionsState>) => void
  onReset: () => void
}

export function VersionsFilters({ value, apiVersions, onChange, onReset }: VersionsFiltersProps) {
  const { t } = useI18n()
  return (
    <form
      className="filters"
      aria-label={t('filters')}
      onSubmit={(event) => event.preventDefault()}
    >
      <label className="filter filter-search">
        <span>{t('searchReleases')}</span>
        <input
          type="search"
          value={value.q}
          maxLength={200}
          placeholder="1.12, 17.03, 2016…"
          onChange={(event) => onChange({ q: event.target.value })}
        />
      </label>
      <label className="filter">
        <span>{t('apiFrom')}</span>
        <select value={value.from} onChange={(e) => onChange({ from: e.target.value })}>
          <option value="">{t('anyApi')}</option>
          {apiVersions.map((api) => (
            <option key={api} value={api}>
              {api}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('apiTo')}</span>
        <select value={value.to} onChange={(e) => onChange({ to: e.target.value })}>
          <option value="">{t('anyApi')}</option>
          {apiVersions.map((api) => (
            <option key={api} value={api}>
              {api}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('supportedBy')}</span>
        <select value={value.k8s} onChange={(e) => onChange({ k8s: e.target.value as K8sFilter })}>
          <option value="">{t('anyKubernetes')}</option>
          {K8S.map((version) => (
            <option key={version} value={version}>
              {t('kubernetesN', { version })}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="filter filter-toggle">
        <legend>{t('rowsShown')}</legend>
        <label>
          <input
            type="radio"
            name="rows"
            checked={!value.all}
            onChange={() => onChange({ all: false })}
          />
          {t('showArticle')}
        </label>
        <label>
          <input
            type="radio"
            name="rows"
            checked={value.all}
            onChange={() => onChange({ all: true })}
          />
          {t('showAll')}
        </label>
      </fieldset>
      <div className="filter-actions">
        <button type="button" onClick={onReset}>
          {t('resetFilters')}
        </button>
      </div>
    </form>
  )
}
