import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { concat } from './bytes.ts'
import { demux, frame } from './stdcopy.ts'

describe('stdcopy framing (pkg/stdcopy)', () => {
  it('writes an 8-byte header: stream, 0, 0, 0, big-endian size', () => {
    expect([...frame(1, 'hi\n')]).toEqual([1, 0, 0, 0, 0, 0, 0, 3, 104, 105, 10])
    expect([...frame(2, new Uint8Array(300)).subarray(0, 8)]).toEqual([2, 0, 0, 0, 0, 0, 1, 44])
  })

  it('round-trips any sequence of frames, keeping a truncated tail', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom(1 as const, 2 as const), fc.uint8Array({ maxLength: 64 })),
        ),
        fc.nat(7),
        (frames, cut) => {
          const bytes = concat(frames.map(([s, p]) => frame(s, p)))
          const { frames: out, rest } = demux(bytes)
          expect(out.map((f) => [f.stream, [...f.payload]])).toEqual(
            frames.map(([s, p]) => [s, [...p]]),
          )
          expect(rest.length).toBe(0)
          if (bytes.length > cut) {
            const partial = demux(bytes.subarray(0, bytes.length - cut - 1))
            expect(partial.frames.length).toBeLessThanOrEqual(frames.length)
          }
        },
      ),
    )
  })
})
