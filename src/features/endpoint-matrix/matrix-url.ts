import type { EndpointFilter, Usage } from '../../domain/filter-endpoints.ts'
import type { EndpointGroup, HttpMethod } from '../../domain/schemas/endpoints.ts'
import { ENDPOINT_GROUPS, HTTP_METHODS } from '../../domain/vocabulary.ts'
import {
  choiceField,
  fieldCodec,
  flagField,
  ID_PATTERN,
  patternField,
  type Sort,
  sortField,
  textField,
} from '../../lib/url-codec.ts'
import type { ViewCodec } from '../../lib/view-link.ts'

export const METHODS: readonly HttpMethod[] = HTTP_METHODS
export const GROUPS: readonly EndpointGroup[] = ENDPOINT_GROUPS
export const USAGE: readonly Usage[] = ['any', 'yes', 'no']
export type { Usage }

/** The matrix filter as the URL holds it: a release id where the filter takes its API version. */
export interface MatrixState extends Omit<EndpointFilter, 'api'> {
  /** Docker release id: only endpoints that release's daemon offers. */
  release: string
  sort: Sort | null
}

/** `?q=resize&method=POST&k14=yes&release=1.12&sort=-path`: the first page's filters. */
export const matrixUrl: ViewCodec<'matrix', MatrixState> = {
  view: 'matrix',
  ...fieldCodec<MatrixState>({
    q: textField('q'),
    method: choiceField<HttpMethod | ''>('method', [...METHODS, ''], ''),
    group: choiceField<EndpointGroup | ''>('group', [...GROUPS, ''], ''),
    k13: choiceField('k13', USAGE, 'any'),
    k14: choiceField('k14', USAGE, 'any'),
    changed: flagField('changed'),
    release: patternField('release', ID_PATTERN),
    sort: sortField('sort'),
  }),
  // A release's endpoints are all of them: filters left from before would hide some.
  open: (current, link) =>
    link.release === undefined ? current : { ...DEFAULT_MATRIX, release: link.release },
}

export const DEFAULT_MATRIX: MatrixState = matrixUrl.defaults
