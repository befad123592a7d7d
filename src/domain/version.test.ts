import { describe, expect, it } from 'vitest'
import {
  apiAtLeast,
  apiBelow,
  apiInRange,
  compareApi,
  isApiVersion,
  maxApi,
  minApi,
  parseApi,
  sortApis,
} from './version.ts'

describe('compareApi', () => {
  it('compares numerically per field, not as text', () => {
    expect(compareApi('1.9', '1.10')).toBeLessThan(0)
    expect(compareApi('1.10', '1.9')).toBeGreaterThan(0)
    expect('1.9' < '1.10').toBe(false) // the trap compareApi avoids
  })

  it('is zero for equal versions and orders majors first', () => {
    expect(compareApi('1.24', '1.24')).toBe(0)
    expect(compareApi('2.0', '1.99')).toBeGreaterThan(0)
  })

  it('throws on strings that are not API versions', () => {
    expect(() => compareApi('1.24.1', '1.24')).toThrow(/not an API version/)
    expect(() => compareApi('v1.24', '1.24')).toThrow(/not an API version/)
  })
})

describe('parseApi / isApiVersion', () => {
  it('splits major and minor', () => {
    expect(parseApi('1.24')).toEqual([1, 24])
    expect(parseApi('1.0')).toEqual([1, 0])
  })

  it('recognises the "<int>.<int>" shape only', () => {
    expect(isApiVersion('1.12')).toBe(true)
    expect(isApiVersion('1.12.6')).toBe(false)
    expect(isApiVersion('')).toBe(false)
  })
})

describe('ranges', () => {
  it('apiInRange is inclusive on both ends', () => {
    expect(apiInRange('1.12', '1.12', '1.24')).toBe(true)
    expect(apiInRange('1.24', '1.12', '1.24')).toBe(true)
    expect(apiInRange('1.25', '1.12', '1.24')).toBe(false)
    expect(apiInRange('1.11', '1.12', '1.24')).toBe(false)
  })

  it('apiInRange treats a missing bound as open', () => {
    expect(apiInRange('1.0', undefined, '1.24')).toBe(true)
    expect(apiInRange('1.55', '1.12')).toBe(true)
  })

  it('apiAtLeast and apiBelow are complements', () => {
    for (const [v, limit] of [
      ['1.21', '1.21'],
      ['1.20', '1.21'],
      ['1.9', '1.21'],
      ['1.24', '1.21'],
    ] as const) {
      expect(apiAtLeast(v, limit)).toBe(!apiBelow(v, limit))
    }
    expect(apiAtLeast('1.9', '1.21')).toBe(false)
  })
})

describe('min / max / sort', () => {
  const versions = ['1.24', '1.9', '1.10', '1.2', '1.21']

  it('sortApis orders numerically without mutating the input', () => {
    expect(sortApis(versions)).toEqual(['1.2', '1.9', '1.10', '1.21', '1.24'])
    expect(versions[0]).toBe('1.24')
  })

  it('maxApi and minApi pick numerically', () => {
    expect(maxApi(versions)).toBe('1.24')
    expect(minApi(versions)).toBe('1.2')
    expect(maxApi([])).toBeUndefined()
  })
})
