import { useI18n } from '../lib/i18n/index.tsx'

/**
 * ✓/✗ with a text alternative, so the meaning never rests on a glyph or a colour alone.
 * One element per tick: the matrix prerenders hundreds of them into the first page's HTML.
 */
export function Tick({ value }: { value: boolean }) {
  const { t } = useI18n()
  return (
    <span
      className={value ? 'tick-yes' : 'tick-no'}
      role="img"
      aria-label={value ? t('called') : t('notCalled')}
    >
      {value ? '✓' : '✗'}
    </span>
  )
}
