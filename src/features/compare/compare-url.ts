import { API_PATTERN, flag } from '../../lib/url-codec.ts'
import { merge, type ViewCodec } from '../../lib/view-link.ts'

/** Two API versions side by side. */
export interface CompareState {
  from: string
  to: string
  /** Only the endpoints the Kubernetes 1.4 kubelet calls. */
  kubelet: boolean
}

/** Kubernetes 1.3 and 1.4's range: the oldest Docker they accept (1.9) against 1.12. */
export const DEFAULT_COMPARE: CompareState = { from: '1.21', to: '1.24', kubelet: false }

/**
 * `?view=compare&cmp=1.21..1.24&kubelet=1`: two API versions of the reader's choice (the view
 * says when one has no data); anything else is the default pair.
 */
export const compareUrl: ViewCodec<'compare', CompareState> = {
  view: 'compare',
  keys: ['cmp', 'kubelet'],
  defaults: DEFAULT_COMPARE,
  parse: (p) => {
    const [from = '', to = ''] = (p.get('cmp') ?? '').split('..')
    const valid = API_PATTERN.test(from) && API_PATTERN.test(to)
    return {
      from: valid ? from : DEFAULT_COMPARE.from,
      to: valid ? to : DEFAULT_COMPARE.to,
      kubelet: flag(p.get('kubelet')),
    }
  },
  format: ({ from, to, kubelet }) => [
    ...(from === DEFAULT_COMPARE.from && to === DEFAULT_COMPARE.to
      ? []
      : [['cmp', `${from}..${to}`] as [string, string]]),
    ...(kubelet ? [['kubelet', '1'] as [string, string]] : []),
  ],
  open: merge,
}
