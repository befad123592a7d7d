import { type MouseEvent, memo } from 'react'
import { MethodBadge } from '../../components/method-badge.tsx'
import { Tick } from '../../components/tick.tsx'
import type { EndpointRow } from '../../domain/rows.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import type { Language } from '../../lib/url-state.ts'
import { ChangeBadges } from './change-badges.tsx'

function UsageCell({ row, release }: { row: EndpointRow; release: '1.3' | '1.4' }) {
  const { t } = useI18n()
  const source = row.source[release]
  const article = row.article[release]
  if (article === source) return <Tick value={source} />
  return (
    <>
      <Tick value={source} />{' '}
      <s className="article-says">
        {t('articleSays')} <Tick value={article} />
      </s>
    </>
  )
}

interface MatrixRowProps {
  row: EndpointRow
  language: Language
  href: string
  onOpen: (id: string) => void
}

/**
 * One endpoint. Memoised on its props: a keystroke in the search box re-renders only the rows
 * whose link changed, and React keeps the DOM of the rows that stay.
 */
export const MatrixRow = memo(function MatrixRow({ row, language, href, onOpen }: MatrixRowProps) {
  const { t } = useI18n()
  const added = row.source['1.4'] && !row.source['1.3']
  const className = [
    added && 'row-added',
    row.disputed && 'row-disputed',
    row.removedInApi && 'row-removed',
  ]
    .filter(Boolean)
    .join(' ')
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return
    event.preventDefault()
    onOpen(row.id)
  }
  return (
    <tr className={className || undefined} data-endpoint={row.id}>
      <td>
        <a href={href} onClick={onClick}>
          {row.title[language]}
        </a>
      </td>
      <td>
        <MethodBadge method={row.method} />
      </td>
      <td className="col-path">
        <code>{row.path}</code>
      </td>
      <td className="col-group">{row.group}</td>
      <td className="col-since">{row.sinceApi}</td>
      {/* The labels show where the narrow layout has no column headers above the ticks. */}
      <td className="col-k13" data-label={t('colK13')}>
        <UsageCell row={row} release="1.3" />
      </td>
      <td className="col-k14" data-label={t('colK14')}>
        <UsageCell row={row} release="1.4" />
      </td>
      <td className="col-change">
        <ChangeBadges row={row} />
      </td>
    </tr>
  )
})
