import { describe, expect, it } from 'vitest'
import { OPERATIONS } from '../../kubelet/index.ts'
import { DEFAULT_KUBELET, KUBELET_OPERATIONS, kubeletUrl } from './kubelet-url.ts'

const parse = (query: string, own = true) => kubeletUrl.parse(new URLSearchParams(query), own)

describe('the kubelet view’s URL codec', () => {
  it('knows the model’s operation ids, no more, no fewer', () => {
    expect([...KUBELET_OPERATIONS].sort()).toEqual(OPERATIONS.map((o) => o.id).sort())
  })

  it('round-trips a deep link and writes only what differs from the defaults', () => {
    const query = 'op=exec-it&release=both&pods=110&speed=10&ep=ExecResize'
    const state = parse(query)
    expect(state).toEqual({
      op: 'exec-it',
      release: 'both',
      pods: 110,
      speed: 10,
      ep: 'ExecResize',
    })
    expect(new URLSearchParams(kubeletUrl.format(state)).toString()).toBe(query)
    expect(kubeletUrl.format(parse('op=pod-start&release=1.4'))).toEqual([])
  })

  it('falls back on anything it does not know', () => {
    expect(parse('op=rm-rf&release=1.5&pods=111&speed=7&ep=<x>')).toEqual(DEFAULT_KUBELET)
  })

  it('reads release only on its own links: elsewhere it is a Docker release', () => {
    expect(parse('release=1.3', false).release).toBe('1.4')
    expect(parse('release=1.3').release).toBe('1.3')
  })

  it('opens an operation on a release with an endpoint marked, keeping the node clock', () => {
    const reader = parse('pods=110&speed=5')
    const link = { view: 'kubelet', op: 'pod-delete', release: '1.3', ep: 'ContainerStop' } as const
    expect(kubeletUrl.open(reader, link)).toEqual({
      op: 'pod-delete',
      release: '1.3',
      pods: 110,
      speed: 5,
      ep: 'ContainerStop',
    })
    expect(kubeletUrl.open(reader, { view: 'kubelet', op: 'nope' }).op).toBe('pod-start')
  })
})
