import {
  API_PATTERN,
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

export const K8S = ['1.2', '1.3', '1.4'] as const
export type K8sFilter = (typeof K8S)[number] | ''

export interface VersionsState {
  q: string
  from: string
  to: string
  k8s: K8sFilter
  /** Full history from 0.3.3 to 29.x instead of the article's eleven rows. */
  all: boolean
  sort: Sort | null
  /** Selected release id. */
  selected: string
}

/** `?view=versions&vq=17&k8s=1.4&vsort=api&selected=1.12`: its own keys, apart from the matrix's. */
export const versionsUrl: ViewCodec<'versions', VersionsState> = {
  view: 'versions',
  ...fieldCodec<VersionsState>({
    q: textField('vq'),
    from: patternField('from', API_PATTERN),
    to: patternField('to', API_PATTERN),
    k8s: choiceField<K8sFilter>('k8s', [...K8S, ''], ''),
    all: flagField('all'),
    sort: sortField('vsort'),
    selected: patternField('selected', ID_PATTERN),
  }),
  open: (current) => current,
}

export const DEFAULT_VERSIONS: VersionsState = versionsUrl.defaults
