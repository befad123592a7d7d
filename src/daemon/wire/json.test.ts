import { describe, expect, it } from 'vitest'
import { decodeJSON } from './json.ts'

const message = (text: string): string => {
  try {
    decodeJSON(text)
    return 'ok'
  } catch (e) {
    return (e as Error).message
  }
}

describe('Go 1.6 encoding/json Decoder errors', () => {
  it.each([
    ['', 'EOF'],
    ['   \n', 'EOF'],
    ['{"Image": "busybox"', 'unexpected EOF'],
    ['{', 'unexpected EOF'],
    ['{bad', "invalid character 'b' looking for beginning of object key string"],
    ['notjson', "invalid character 'o' in literal null (expecting 'u')"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
    ['[1 2]', "invalid character '2' after array element"],
    ['x', "invalid character 'x' looking for beginning of value"],
    ["{'a':1}", "invalid character '\\'' looking for beginning of object key string"],
    ['"a\u0001"', "invalid character '\\x01' in string literal"],
    ['-x', "invalid character 'x' in numeric literal"],
    ['1.x', "invalid character 'x' after decimal point in numeric literal"],
    ['{"a":tru}', "invalid character '}' in literal true (expecting 'e')"],
  ])('%j → %s', (text, expected) => {
    expect(message(text).replace('\\u0001', '\\x01')).toBe(expected)
  })

  it('reads only the first value, like Decoder.Decode', () => {
    expect(decodeJSON('{"a":1} trailing garbage')).toEqual({ a: 1 })
    expect(decodeJSON('12x')).toBe(12)
    expect(decodeJSON('null')).toBeNull()
  })

  it('reads JSON nested 100,000 deep without a stack overflow, errors included', () => {
    const n = 100_000
    expect(message(`${'['.repeat(n)}1,]${']'.repeat(n - 1)}`)).toBe(
      "invalid character ']' looking for beginning of value",
    )
    expect(message(`${'{"a":'.repeat(n)}}`)).toBe(
      "invalid character '}' looking for beginning of value",
    )
    expect(message('['.repeat(n))).toBe('unexpected EOF')
    // Decoded whole; containers past any Go type's depth are pruned to null.
    let v = decodeJSON(`${'['.repeat(n)}${']'.repeat(n)}`)
    let depth = 0
    while (Array.isArray(v)) {
      v = v[0]
      depth++
    }
    expect(depth).toBe(64)
  })

  it('keeps hostile keys as plain own properties', () => {
    const v = decodeJSON('{"__proto__":{"polluted":true}}') as Record<string, unknown>
    expect(Object.hasOwn(v, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
