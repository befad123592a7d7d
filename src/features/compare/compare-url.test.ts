import { describe, expect, it } from 'vitest'
import { compareUrl, DEFAULT_COMPARE } from './compare-url.ts'

const parse = (query: string) => compareUrl.parse(new URLSearchParams(query), true)

describe('the Compare view’s URL codec', () => {
  it('keeps a comparison in the link', () => {
    const state = parse('cmp=1.18..1.25&kubelet=1')
    expect(state).toEqual({ from: '1.18', to: '1.25', kubelet: true })
    expect(compareUrl.format(state)).toEqual([
      ['cmp', '1.18..1.25'],
      ['kubelet', '1'],
    ])
  })

  it('falls back to 1.21..1.24 on anything but two API versions, and writes it as nothing', () => {
    for (const cmp of ['1.21..x', '1.21', '..1.24', '1.21...1.24'])
      expect(parse(`cmp=${cmp}`)).toEqual(DEFAULT_COMPARE)
    expect(compareUrl.format(DEFAULT_COMPARE)).toEqual([])
  })

  it('changes one side of the comparison and keeps the other', () => {
    expect(
      compareUrl.open(parse('cmp=1.18..1.25&kubelet=1'), { view: 'compare', to: '1.19' }),
    ).toEqual({
      from: '1.18',
      to: '1.19',
      kubelet: true,
    })
  })
})
