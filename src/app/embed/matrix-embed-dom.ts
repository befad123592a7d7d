import { endpointRows, releaseOptions } from 'virtual:catalog'
import { filterEndpoints } from '../../domain/filter-endpoints.ts'
import type { EndpointRow } from '../../domain/rows.ts'
import type { MatrixState } from '../../features/endpoint-matrix/matrix-url.ts'
import type { Language } from '../../lib/i18n/languages.ts'

/**
 * The embedded matrix without React: an article's iframe should not load React DOM (about 65 KB
 * gzipped) for a read-only table. The markup and classes are the matrix's own
 * (features/endpoint-matrix/matrix-row.tsx, change-badges.tsx), so the app's stylesheet, its
 * narrow layout and its colours apply; e2e/embed.spec.ts checks it with axe-core.
 */
type T = (key: string, values?: Record<string, string | number>) => string

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value)
  node.append(...children)
  return node
}

const tick = (value: boolean, t: T) =>
  el(
    'span',
    {
      class: value ? 'tick-yes' : 'tick-no',
      role: 'img',
      'aria-label': value ? t('called') : t('notCalled'),
    },
    value ? '✓' : '✗',
  )

function usage(row: EndpointRow, release: '1.3' | '1.4', t: T): (Node | string)[] {
  const source = row.source[release]
  const article = row.article[release]
  if (source === article) return [tick(source, t)]
  return [
    tick(source, t),
    ' ',
    el('s', { class: 'article-says' }, `${t('articleSays')} `, tick(article, t)),
  ]
}

function badges(row: EndpointRow, t: T): Node[] {
  const out: Node[] = []
  const badge = (cls: string, text: string) => out.push(el('span', { class: `badge ${cls}` }, text))
  if (row.source['1.4'] && !row.source['1.3']) badge('badge-new', t('newIn14'))
  if (row.disputed) badge('badge-wrong', t('articleWrong'))
  if (row.statusDiffers) badge('badge-status', t('statusDiffers'))
  if (row.removedInApi) badge('badge-removed', `${t('removedIn')} ${row.removedInApi}`)
  if (row.experimental) badge('', t('experimental'))
  if (!row.articleListed) badge('badge-muted', t('notInArticle'))
  return out
}

export function renderMatrix(
  target: HTMLElement,
  filter: MatrixState,
  language: Language,
  t: T,
  hrefFor: (id: string) => string,
): void {
  const api = releaseOptions.find((r) => r.id === filter.release)?.api ?? ''
  const rows = filterEndpoints(endpointRows, { ...filter, api })
  const head = el(
    'tr',
    {},
    ...[
      'colTitle',
      'colMethod',
      'colPath',
      'colGroup',
      'colSince',
      'colK13',
      'colK14',
      'colChange',
    ].map((key) => el('th', { scope: 'col' }, t(key))),
  )
  const body = rows.map((row) => {
    const added = row.source['1.4'] && !row.source['1.3']
    const classes = [
      added && 'row-added',
      row.disputed && 'row-disputed',
      row.removedInApi && 'row-removed',
    ]
      .filter(Boolean)
      .join(' ')
    return el(
      'tr',
      { 'data-endpoint': row.id, ...(classes ? { class: classes } : {}) },
      el(
        'td',
        {},
        el('a', { href: hrefFor(row.id), target: '_blank', rel: 'noopener' }, row.title[language]),
      ),
      el('td', {}, el('span', { class: `method method-${row.method.toLowerCase()}` }, row.method)),
      el('td', { class: 'col-path' }, el('code', {}, row.path)),
      el('td', { class: 'col-group' }, row.group),
      el('td', { class: 'col-since' }, row.sinceApi),
      el('td', { class: 'col-k13', 'data-label': t('colK13') }, ...usage(row, '1.3', t)),
      el('td', { class: 'col-k14', 'data-label': t('colK14') }, ...usage(row, '1.4', t)),
      el('td', { class: 'col-change' }, ...badges(row, t)),
    )
  })
  target.append(
    el(
      'section',
      { 'aria-labelledby': 'embed-heading' },
      el('h1', { id: 'embed-heading' }, t('matrixHeading')),
      el(
        'p',
        { class: 'summary' },
        t('embedRowsShown', { shown: rows.length, rows: endpointRows.length }),
      ),
      el(
        'div',
        { class: 'table-scroll' },
        el('table', { class: 'matrix' }, el('thead', {}, head), el('tbody', {}, ...body)),
      ),
      el('p', { class: 'muted' }, t('legendTick')),
    ),
  )
}
