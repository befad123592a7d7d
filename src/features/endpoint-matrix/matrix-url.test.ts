import { describe, expect, it } from 'vitest'
import { DEFAULT_MATRIX, matrixUrl } from './matrix-url.ts'

const parse = (query: string) => matrixUrl.parse(new URLSearchParams(query), true)
const format = (state: typeof DEFAULT_MATRIX) =>
  new URLSearchParams(matrixUrl.format(state)).toString()

describe('the matrix’s URL codec', () => {
  it('round-trips every filter in the order links write them', () => {
    const query =
      'q=resize+exec&method=POST&group=exec&k13=no&k14=yes&changed=1&release=1.12&sort=-path'
    const state = parse(query)
    expect(state).toEqual({
      q: 'resize exec',
      method: 'POST',
      group: 'exec',
      k13: 'no',
      k14: 'yes',
      changed: true,
      release: '1.12',
      sort: { id: 'path', desc: true },
    })
    expect(format(state)).toBe(query)
  })

  it('writes nothing for the defaults', () => {
    expect(parse('')).toEqual(DEFAULT_MATRIX)
    expect(matrixUrl.format(DEFAULT_MATRIX)).toEqual([])
  })

  it('falls back to defaults for hostile or unknown values instead of failing', () => {
    const state = parse('method=PATCH&group=__proto__&k13=maybe&sort=path;drop&release=../../etc')
    expect(state).toEqual(DEFAULT_MATRIX)
    expect(parse(`q=${'a'.repeat(5000)}`).q).toHaveLength(200)
  })

  it('opens a release’s endpoints with the other filters cleared, and keeps them otherwise', () => {
    const filtered = parse('q=stop&k14=yes')
    expect(matrixUrl.open(filtered, { view: 'matrix', release: '1.12' })).toEqual({
      ...DEFAULT_MATRIX,
      release: '1.12',
    })
    expect(matrixUrl.open(filtered, { view: 'matrix' })).toBe(filtered)
  })
})
