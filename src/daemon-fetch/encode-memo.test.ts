import { afterEach, describe, expect, it, vi } from 'vitest'
import { ENCODE_MEMO_MAX, ENCODE_MEMO_MIN, encodeBody } from './encode-memo.ts'

/** A list-like body of `length` characters, with a non-ASCII character to check the UTF-8. */
function body(length: number, fill = 'a'): string {
  return `[é${fill.repeat(length - 3)}]`
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

describe('encodeBody', () => {
  afterEach(() => vi.restoreAllMocks())

  it('encodes a repeated large body once', () => {
    const encode = vi.spyOn(TextEncoder.prototype, 'encode')
    const list = body(64 * 1024)
    const first = encodeBody(list)
    const second = encodeBody(list)
    expect(encode).toHaveBeenCalledTimes(1)
    expect(second === first).toBe(true)
    expect(decode(second) === list).toBe(true)
  })

  it('encodes a changed string of the same length again (compared by content, not length)', () => {
    const before = body(64 * 1024, 'a')
    const after = body(64 * 1024, 'b')
    encodeBody(before)
    const encode = vi.spyOn(TextEncoder.prototype, 'encode')
    const bytes = encodeBody(after)
    expect(encode).toHaveBeenCalledTimes(1)
    expect(decode(bytes) === after).toBe(true)
  })

  it('encodes again once a consumer detached the remembered bytes', () => {
    const list = body(64 * 1024)
    const first = encodeBody(list)
    // What a transfer (postMessage, ArrayBuffer.transfer) does to the bytes a reader got.
    structuredClone(first.buffer, { transfer: [first.buffer] })
    expect(first.byteLength).toBe(0)
    const again = encodeBody(list)
    // Identity as a boolean: a matcher would walk (and format) the detached and the new bytes.
    expect(again === first).toBe(false)
    expect(decode(again) === list).toBe(true)
  })

  it('does not remember small or huge bodies', () => {
    const encode = vi.spyOn(TextEncoder.prototype, 'encode')
    for (const text of [body(ENCODE_MEMO_MIN - 1), body(ENCODE_MEMO_MAX + 1)]) {
      const first = encodeBody(text)
      expect(encodeBody(text) === first).toBe(false)
      expect(decode(first) === text).toBe(true)
    }
    expect(encode).toHaveBeenCalledTimes(4)
  })
})
