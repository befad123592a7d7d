import { KUBELET_OPERATIONS } from '../../domain/vocabulary.ts'
import {
  choiceField,
  fieldCodec,
  ID_PATTERN,
  integerField,
  oneOf,
  patternField,
} from '../../lib/url-codec.ts'
import type { ViewCodec } from '../../lib/view-link.ts'

export { KUBELET_OPERATIONS }
export type KubeletOperation = (typeof KUBELET_OPERATIONS)[number]
export const KUBELET_RELEASES = ['1.4', '1.3', 'both'] as const
export type KubeletRelease = (typeof KUBELET_RELEASES)[number]
export const CLOCK_SPEEDS = [1, 5, 10, 30, 60] as const
const SPEEDS = CLOCK_SPEEDS.map(String)
/** The kubelet's default --max-pods (110). */
export const MAX_PODS = 110

/** The kubelet view: an operation run on the in-browser daemon, and the node clock. */
export interface KubeletState {
  op: KubeletOperation
  release: KubeletRelease
  /** Pods on the node clock's node (1–110). */
  pods: number
  /** The node clock's speed (×1 … ×60). */
  speed: number
  /** An endpoint id to highlight in the trace (a link from the matrix's tick). */
  ep: string
}

/** `?view=kubelet&op=exec-it&release=both&pods=110&speed=10&ep=ExecResize`. */
export const kubeletUrl: ViewCodec<'kubelet', KubeletState> = {
  view: 'kubelet',
  ...fieldCodec<KubeletState>({
    op: choiceField('op', KUBELET_OPERATIONS, 'pod-start'),
    release: {
      key: 'release',
      // Another view's `release` is a Docker release (the matrix filter), not a Kubernetes one.
      read: (value, own) => oneOf(KUBELET_RELEASES, own ? value : null, '1.4'),
    },
    pods: integerField('pods', 1, MAX_PODS, 10),
    speed: { key: 'speed', read: (value) => Number(oneOf(SPEEDS, value, '60')) },
    ep: patternField('ep', ID_PATTERN),
  }),
  // Whatever the link names and the view does not know keeps the reader's choice.
  open: (current, link) => ({
    ...current,
    op: oneOf(KUBELET_OPERATIONS, link.op ?? null, current.op),
    release: oneOf(KUBELET_RELEASES, link.release ?? null, current.release),
    ep: link.ep ?? current.ep,
  }),
}

export const DEFAULT_KUBELET: KubeletState = kubeletUrl.defaults
