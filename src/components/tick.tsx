import { useI18n } from '../lib/i18n'

/** ✓/✗ with a text alternative, so the meaning never rests on a glyph or a colour alone. */
export function Tick({ value }: { value: boolean }) {
  const { t } = useI18n()
  return (
    <span className={value ? 'tick tick-yes' : 'tick tick-no'}>
      <span aria-hidden="true">{value ? '✓' : '✗'}</span>
      <span className="visually-hidden">{value ? t('called') : t('notCalled')}</span>
    </span>
  )
}
