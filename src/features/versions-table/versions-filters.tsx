import {
  type Choice,
  FilterBar,
  SearchField,
  SelectField,
} from '../../components/filter-fields.tsx'
import { useI18n } from '../../lib/i18n/index.tsx'
import { K8S, type K8sFilter, type VersionsState } from './versions-url.ts'
import '../../lib/i18n/view-messages.ts'

interface VersionsFiltersProps {
  value: VersionsState
  apiVersions: readonly string[]
  onChange: (change: Partial<VersionsState>) => void
  onReset: () => void
}

export function VersionsFilters({ value, apiVersions, onChange, onReset }: VersionsFiltersProps) {
  const { t } = useI18n()
  const apis: Choice<string>[] = [
    { value: '', label: t('anyApi') },
    ...apiVersions.map((api) => ({ value: api, label: api })),
  ]
  const kubernetes: Choice<K8sFilter>[] = [
    { value: '', label: t('anyKubernetes') },
    ...K8S.map((version) => ({ value: version, label: t('kubernetesN', { version }) })),
  ]
  return (
    <FilterBar label={t('filters')}>
      <SearchField
        label={t('searchReleases')}
        value={value.q}
        placeholder="1.12, 17.03, 2016…"
        onChange={(q) => onChange({ q })}
      />
      <SelectField
        label={t('apiFrom')}
        value={value.from}
        choices={apis}
        onChange={(from) => onChange({ from })}
      />
      <SelectField
        label={t('apiTo')}
        value={value.to}
        choices={apis}
        onChange={(to) => onChange({ to })}
      />
      <SelectField
        label={t('supportedBy')}
        value={value.k8s}
        choices={kubernetes}
        onChange={(k8s) => onChange({ k8s })}
      />
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
    </FilterBar>
  )
}
