import { afterEach, describe, expect, it, vi } from 'vitest'
import { readStored, readStoredJson, writeStored } from './storage.ts'

afterEach(() => {
  vi.restoreAllMocks()
  window.localStorage.clear()
})

const isCount = (value: unknown) =>
  typeof value === 'object' && value !== null && typeof (value as { n?: unknown }).n === 'number'
    ? (value as { n: number })
    : null

describe('storage', () => {
  it('round-trips, and null removes', () => {
    expect(writeStored('k', 'v')).toBe(true)
    expect(readStored('k')).toBe('v')
    expect(writeStored('k', null)).toBe(true)
    expect(readStored('k')).toBeNull()
  })

  it('answers null and false when storage refuses (disabled, quota)', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError')
    })
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    expect(readStored('k')).toBeNull()
    expect(writeStored('k', 'v')).toBe(false)
    expect(readStoredJson('k', isCount)).toBeNull()
  })

  it('reads JSON through the parser and removes what does not read back', () => {
    window.localStorage.setItem('good', '{"n":3}')
    expect(readStoredJson('good', isCount)).toEqual({ n: 3 })
    for (const corrupt of ['{"n":', '{"n":"3"}', 'null', '[]']) {
      window.localStorage.setItem('bad', corrupt)
      expect(readStoredJson('bad', isCount)).toBeNull()
      expect(window.localStorage.getItem('bad')).toBeNull()
    }
    window.localStorage.setItem('throws', '{}')
    expect(
      readStoredJson('throws', () => {
        throw new Error('old format')
      }),
    ).toBeNull()
    expect(window.localStorage.getItem('throws')).toBeNull()
  })
})
