import { describe, expect, it } from 'vitest'
import { Filters, parseGoInt } from './filters.ts'

describe('filters (engine-api filters.FromParam)', () => {
  it('reads the map form and the older slice form', () => {
    expect(Filters.parse('{"status":{"running":true}}').get('status')).toEqual(['running'])
    expect(Filters.parse('{"status":["running","paused"]}').get('status')).toEqual([
      'running',
      'paused',
    ])
    expect(Filters.parse('').size).toBe(0)
    expect(Filters.parse(null).size).toBe(0)
  })

  it('reports Go errors', () => {
    expect(() => Filters.parse('notjson')).toThrow(
      "invalid character 'o' in literal null (expecting 'u')",
    )
    expect(() => Filters.parse('[]')).toThrow(
      'json: cannot unmarshal array into Go value of type map[string]map[string]bool',
    )
    expect(() => Filters.parse('{"a":{"b":true}}').validate(['x'])).toThrow("Invalid filter 'a'")
  })

  it('matches like Args.Match, ExactMatch, FuzzyMatch and MatchKVList', () => {
    const f = Filters.parse(
      '{"name":{"^/we":true},"label":{"a=1":true,"b":true},"id":{"abc":true}}',
    )
    expect(f.match('name', '/web')).toBe(true)
    expect(f.match('name', '/db')).toBe(false)
    expect(f.exactMatch('status', 'anything')).toBe(true)
    expect(f.fuzzyMatch('id', 'abcdef')).toBe(true)
    expect(f.matchKVList('label', { a: '1', b: 'x' })).toBe(true)
    expect(f.matchKVList('label', { a: '2', b: 'x' })).toBe(false)
    expect(f.matchKVList('label', {})).toBe(false)
  })
})

describe('Go 1.6 strconv.Atoi', () => {
  it.each([
    ['42', 42],
    ['+7', 7],
    ['-3', -3],
  ])('%s → %i', (s, n) => {
    expect(parseGoInt(s)).toBe(n)
  })

  it.each([
    ['foo', 'strconv.ParseInt: parsing "foo": invalid syntax'],
    ['', 'strconv.ParseInt: parsing "": invalid syntax'],
    [' 1', 'strconv.ParseInt: parsing " 1": invalid syntax'],
    ['9223372036854775808', 'strconv.ParseInt: parsing "9223372036854775808": value out of range'],
  ])('%j fails', (s, message) => {
    expect(() => parseGoInt(s)).toThrow(message)
  })
})
