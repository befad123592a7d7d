import { describe, expect, it } from 'vitest'
import { OPERATIONS } from '../kubelet/index.ts'
import { formatAppState, KUBELET_OPERATIONS, parseAppState } from './url-state.ts'

describe('the kubelet view in the URL', () => {
  it('knows the model’s operation ids, no more, no fewer', () => {
    expect([...KUBELET_OPERATIONS].sort()).toEqual(OPERATIONS.map((o) => o.id).sort())
  })

  it('round-trips a deep link and writes only what differs from the defaults', () => {
    const search = '?view=kubelet&op=exec-it&release=both&pods=110&speed=10&ep=ExecResize'
    const state = parseAppState(search)
    expect(state.kubelet).toEqual({
      op: 'exec-it',
      release: 'both',
      pods: 110,
      speed: 10,
      ep: 'ExecResize',
    })
    expect(formatAppState(state)).toBe(search)
    expect(formatAppState(parseAppState('?view=kubelet&op=pod-start&release=1.4'))).toBe(
      '?view=kubelet',
    )
  })

  it('falls back on anything it does not know, and keeps release away from the matrix filter', () => {
    const state = parseAppState('?view=kubelet&op=rm-rf&release=1.5&pods=111&speed=7&ep=<x>')
    expect(state.kubelet).toEqual({ op: 'pod-start', release: '1.4', pods: 10, speed: 60, ep: '' })
    expect(parseAppState('?view=kubelet&release=1.3').matrix.release).toBe('')
    // the matrix's own release filter is a Docker release and stays as it was
    expect(parseAppState('?release=1.12').matrix.release).toBe('1.12')
  })
})
