import { afterEach, describe, expect, it, vi } from 'vitest'
import { readStored, readStoredJson, writeStored } from './storage.ts'
import { writeStoredSoon } from './storage-soon.ts'

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

  describe('writeStoredSoon', () => {
    it('writes once the page is idle, the last value handed over, computed once', async () => {
      const computed: string[] = []
      const value = (text: string) => () => {
        computed.push(text)
        return text
      }
      writeStoredSoon('soon', value('first'))
      writeStoredSoon('soon', value('second'))
      expect(window.localStorage.getItem('soon')).toBeNull()
      await vi.waitFor(() => expect(window.localStorage.getItem('soon')).toBe('second'))
      expect(computed).toEqual(['second'])
    })

    it('never lets a read see an older value than the last one handed over', () => {
      writeStored('k', 'old')
      writeStoredSoon('k', () => 'new')
      expect(readStored('k')).toBe('new')
      writeStoredSoon('k', () => null)
      expect(readStored('k')).toBeNull()
    })

    it('lets an immediate write win over a waiting one', async () => {
      writeStoredSoon('k', () => 'waiting')
      writeStored('k', 'now')
      await new Promise((resolve) => setTimeout(resolve, 10))
      expect(window.localStorage.getItem('k')).toBe('now')
    })

    it('writes at once when the page goes away', () => {
      writeStoredSoon('k', () => 'kept')
      window.dispatchEvent(new Event('pagehide'))
      expect(window.localStorage.getItem('k')).toBe('kept')
    })
  })
})
