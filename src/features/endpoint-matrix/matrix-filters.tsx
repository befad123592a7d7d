import {
  type Choice,
  FilterBar,
  SearchField,
  SelectField,
} from '../../components/filter-fields.tsx'
import type { ReleaseOption } from '../../domain/rows.ts'
import type { EndpointGroup, HttpMethod } from '../../domain/schemas/endpoints.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { GROUPS, type MatrixState, METHODS, USAGE, type Usage } from './matrix-url.ts'

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
  const usage: Choice<Usage>[] = USAGE.map((u) => ({
    value: u,
    label: u === 'any' ? t('usageAny') : u === 'yes' ? t('usageYes') : t('usageNo'),
  }))
  const methods: Choice<HttpMethod | ''>[] = [
    { value: '', label: t('allMethods') },
    ...METHODS.map((m) => ({ value: m, label: m })),
  ]
  const groups: Choice<EndpointGroup | ''>[] = [
    { value: '', label: t('allGroups') },
    ...GROUPS.map((g) => ({ value: g, label: g })),
  ]
  const releaseChoices: Choice<string>[] = [
    { value: '', label: t('anyRelease') },
    ...releases.map((r) => ({ value: r.id, label: `Docker ${r.label} (API ${r.api})` })),
  ]
  return (
    <FilterBar label={t('filters')}>
      <SearchField
        label={t('search')}
        value={value.q}
        placeholder={t('searchPlaceholder')}
        onChange={(q) => onChange({ q })}
      />
      <SelectField
        label={t('method')}
        value={value.method}
        choices={methods}
        onChange={(method) => onChange({ method })}
      />
      <SelectField
        label={t('group')}
        value={value.group}
        choices={groups}
        onChange={(group) => onChange({ group })}
      />
      <SelectField
        label={t('usedBy13')}
        value={value.k13}
        choices={usage}
        onChange={(k13) => onChange({ k13 })}
      />
      <SelectField
        label={t('usedBy14')}
        value={value.k14}
        choices={usage}
        onChange={(k14) => onChange({ k14 })}
      />
      <SelectField
        label={t('availableIn')}
        value={value.release}
        choices={releaseChoices}
        onChange={(release) => onChange({ release })}
      />
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
    </FilterBar>
  )
}
