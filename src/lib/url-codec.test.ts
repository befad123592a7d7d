import { describe, expect, it } from 'vitest'
import {
  API_PATTERN,
  choiceField,
  fieldCodec,
  flag,
  flagField,
  formatSort,
  ID_PATTERN,
  integerField,
  integerIn,
  matching,
  oneOf,
  parseSort,
  text,
  textField,
} from './url-codec.ts'

describe('URL codec helpers', () => {
  it('takes a value from its list or falls back, never a prototype key', () => {
    expect(oneOf(['a', 'b'], 'b', 'a')).toBe('b')
    expect(oneOf(['a', 'b'], 'B', 'a')).toBe('a')
    expect(oneOf(['a', 'b'], '__proto__', 'a')).toBe('a')
    expect(oneOf(['a', 'b'], null, 'a')).toBe('a')
  })

  it('keeps ids and API versions that match, and nothing else', () => {
    expect(matching(ID_PATTERN, 'ExecResize')).toBe('ExecResize')
    expect(matching(ID_PATTERN, '17.03.0-ce')).toBe('17.03.0-ce')
    expect(matching(ID_PATTERN, '../../etc')).toBe('')
    expect(matching(ID_PATTERN, 'a'.repeat(65))).toBe('')
    expect(matching(API_PATTERN, '1.24')).toBe('1.24')
    expect(matching(API_PATTERN, '1.24.1')).toBe('')
    expect(matching(API_PATTERN, null)).toBe('')
  })

  it('caps free text at 200 characters', () => {
    expect(text('a'.repeat(5000))).toHaveLength(200)
    expect(text(null)).toBe('')
  })

  it('reads a flag only as 1', () => {
    expect(flag('1')).toBe(true)
    expect(['0', 'true', '', null].map(flag)).toEqual([false, false, false, false])
  })

  it('reads whole numbers within their range', () => {
    expect(integerIn('110', 1, 110, 10)).toBe(110)
    expect(['111', '0', '2.5', 'x', '', null].map((v) => integerIn(v, 1, 110, 10))).toEqual([
      10, 10, 10, 10, 10, 10,
    ])
  })

  it('reads and writes a sort as its column with a leading minus for descending', () => {
    expect(parseSort('-path')).toEqual({ id: 'path', desc: true })
    expect(parseSort('api')).toEqual({ id: 'api', desc: false })
    for (const odd of ['path;drop', '--path', '-', '', null]) expect(parseSort(odd)).toBeNull()
    expect(formatSort({ id: 'path', desc: true })).toBe('-path')
    expect(formatSort(null)).toBeNull()
  })
})
describe('a codec from a table of fields', () => {
  interface Filter {
    q: string
    kind: 'a' | 'b'
    on: boolean
    n: number
  }
  const codec = fieldCodec<Filter>({
    q: textField('q'),
    kind: choiceField('k', ['a', 'b'], 'a'),
    on: flagField('on'),
    n: integerField('n', 1, 9, 5),
  })

  it('takes its defaults from an empty query, and writes them as nothing', () => {
    expect(codec.defaults).toEqual({ q: '', kind: 'a', on: false, n: 5 })
    expect(codec.format(codec.defaults)).toEqual([])
    expect(codec.keys).toEqual(['q', 'k', 'on', 'n'])
  })

  it('writes what differs in the table’s order, whatever the order it was read in', () => {
    const state = codec.parse(new URLSearchParams('n=7&on=1&k=b&q=x'), true)
    expect(state).toEqual({ q: 'x', kind: 'b', on: true, n: 7 })
    expect(codec.format(state)).toEqual([
      ['q', 'x'],
      ['k', 'b'],
      ['on', '1'],
      ['n', '7'],
    ])
  })
})
