import { describe, expect, it } from 'vitest'
import { ByteBuffer } from './byte-buffer.ts'

describe('ByteBuffer', () => {
  it('keeps every byte in order, and earlier views unchanged by later appends', () => {
    const buffer = new ByteBuffer()
    buffer.append(new Uint8Array([1, 2]))
    const first = buffer.view()
    buffer.append(new Uint8Array(3000).fill(7))
    buffer.append(new Uint8Array([9]))
    expect([...first]).toEqual([1, 2])
    const all = buffer.view()
    expect(all.length).toBe(3003)
    expect([all[0], all[1], all[2], all[3001], all[3002]]).toEqual([1, 2, 7, 7, 9])
  })

  it('copies a long stream of small chunks a bounded number of times (linear, not quadratic)', () => {
    const buffer = new ByteBuffer()
    const chunk = new Uint8Array(100).fill(1)
    for (let i = 0; i < 20_000; i++) buffer.append(chunk)
    expect(buffer.length).toBe(2_000_000)
    // Each byte is written once and moved at most once per doubling: under 3× the total.
    // Re-concatenating on every chunk would copy about n²/2 bytes (2·10¹⁰ here).
    expect(buffer.copied).toBeLessThan(3 * 2_000_000)
  })
})
