import type { EndpointRow } from '../../domain/rows.ts'
import { toCsv } from '../../lib/csv.ts'
import type { Language } from '../../lib/i18n/languages.ts'

/** The filtered rows, in the order shown, with both the source's and the article's ticks. */
export function matrixCsv(rows: readonly EndpointRow[], language: Language): string {
  const header = [
    'id',
    'title',
    'method',
    'path',
    'group',
    'sinceApi',
    'removedInApi',
    'k8s1.2 (source)',
    'k8s1.3 (source)',
    'k8s1.4 (source)',
    'k8s1.3 (article)',
    'k8s1.4 (article)',
    'articleDisagrees',
    'statusCodesDiffer',
  ]
  const yesNo = (value: boolean) => (value ? 'yes' : 'no')
  return toCsv(
    header,
    rows.map((row) => [
      row.id,
      row.title[language],
      row.method,
      row.path,
      row.group,
      row.sinceApi,
      row.removedInApi ?? '',
      yesNo(row.source['1.2']),
      yesNo(row.source['1.3']),
      yesNo(row.source['1.4']),
      yesNo(row.article['1.3']),
      yesNo(row.article['1.4']),
      yesNo(row.disputed),
      yesNo(row.statusDiffers),
    ]),
  )
}
