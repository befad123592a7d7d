import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { randomName, VALID_NAME } from './names.ts'
import { HEX64, hexId, Prng } from './prng.ts'
import { PrefixIndex } from './truncindex.ts'

describe('ids', () => {
  it('are 64 lowercase hex digits whose short form is never all digits', () => {
    const p = new Prng(42)
    for (let i = 0; i < 500; i++) {
      const id = hexId(p)
      expect(id).toMatch(HEX64)
      expect(id.slice(0, 12)).not.toMatch(/^\d{12}$/)
    }
  })

  it('are deterministic per seed', () => {
    expect(hexId(new Prng(7))).toBe(hexId(new Prng(7)))
    expect(hexId(new Prng(7))).not.toBe(hexId(new Prng(8)))
  })
})

describe('unique-prefix lookup (truncindex)', () => {
  it('finds by any unique prefix and reports ambiguity with the second id', () => {
    const idx = new PrefixIndex()
    idx.add('abc123')
    idx.add('abd456')
    expect(idx.find('abc')).toBe('abc123')
    expect(idx.find('abd4')).toBe('abd456')
    expect(idx.find('x')).toBeUndefined()
    expect(() => idx.find('ab')).toThrow('Multiple IDs found with provided prefix: abd456')
    idx.delete('abd456')
    expect(idx.find('ab')).toBe('abc123')
  })

  it('agrees with a linear scan on random id sets', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[0-9a-f]{1,6}$/), { maxLength: 30 }),
        fc.stringMatching(/^[0-9a-f]{1,3}$/),
        (ids, prefix) => {
          const idx = new PrefixIndex()
          for (const id of ids) idx.add(id)
          const hits = ids.filter((id) => id.startsWith(prefix))
          if (hits.length > 1) expect(() => idx.find(prefix)).toThrow()
          else expect(idx.find(prefix)).toBe(hits[0])
        },
      ),
    )
  })
})

describe('names', () => {
  it.each([
    ['web', true],
    ['/web', true],
    ['a', false],
    ['web_1.x-y', true],
    ['-web', false],
    ['we b', false],
    ['../x', false],
    ['<script>', false],
    ['__proto__', false],
    ['x__proto__', true],
  ])('%s valid: %s', (name, ok) => {
    expect(VALID_NAME.test(name)).toBe(ok)
  })

  it('random names are adjective_surname, deterministic per id, with a digit on retry', () => {
    const id = 'c0ffee'.padEnd(64, '0')
    expect(randomName(id, 0)).toMatch(/^[a-z]+_[a-z]+$/)
    expect(randomName(id, 0)).toBe(randomName(id, 0))
    expect(randomName(id, 1)).toMatch(/^[a-z]+_[a-z]+\d$/)
    expect(randomName(id, 0)).not.toBe('boring_wozniak')
  })
})
