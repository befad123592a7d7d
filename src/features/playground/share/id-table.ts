import { hexId, Prng } from '../../../daemon/index.ts'

/**
 * The ids of a shared state, as few bytes as they can be. The simulated daemon draws its ids
 * from a small PRNG (splitmix32, src/daemon/ids.ts) whose whole state is 32 bits: an id it drew
 * is its first word run backwards through the PRNG's output mix, i.e. 4 bytes instead of 32.
 * An id that did not come out of that PRNG (a content digest, an id from elsewhere) is kept
 * whole. Each entry: tag 0 + 4 bytes of PRNG state, or tag 1 + 32 bytes.
 */

const GOLDEN = 0x9e3779b9

/** The inverse of `a` modulo 2^32 (a odd), by Newton's iteration. */
function inverse(a: number): number {
  let x = a
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(a, x))
  return x >>> 0
}
const INV_1 = inverse(0x85ebca6b)
const INV_2 = inverse(0xc2b2ae35)

/** The PRNG state whose next() output is `word` (splitmix32's finaliser run backwards). */
function unmix(word: number): number {
  let z = (word ^ (word >>> 16)) >>> 0
  z = Math.imul(z, INV_2) >>> 0
  z = (z ^ (z >>> 13) ^ (z >>> 26)) >>> 0
  z = Math.imul(z, INV_1) >>> 0
  return (z ^ (z >>> 16)) >>> 0
}

function drawnFrom(state: number): string {
  const prng = new Prng(0)
  prng.state = state
  return hexId(prng)
}

/** The PRNG state `id` was drawn from, or null when it was not drawn by the daemon's PRNG. */
function stateOf(id: string): number | null {
  const before = (unmix(Number.parseInt(id.slice(0, 8), 16)) - GOLDEN) >>> 0
  return drawnFrom(before) === id ? before : null
}

export function writeIds(ids: readonly string[]): Uint8Array {
  const out: number[] = [ids.length >> 8, ids.length & 0xff]
  for (const id of ids) {
    const state = stateOf(id)
    if (state !== null)
      out.push(0, state >>> 24, (state >>> 16) & 0xff, (state >>> 8) & 0xff, state & 0xff)
    else {
      out.push(1)
      for (let b = 0; b < 32; b++) out.push(Number.parseInt(id.slice(b * 2, b * 2 + 2), 16))
    }
  }
  return new Uint8Array(out)
}

/** The ids and where the table ends; throws when the bytes are cut short or unknown. */
export function readIds(bytes: Uint8Array): { ids: string[]; end: number } {
  const count = ((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0)
  const ids: string[] = []
  let at = 2
  for (let i = 0; i < count; i++) {
    const tag = bytes[at]
    if (tag === 0 && at + 5 <= bytes.length) {
      const state =
        (((bytes[at + 1] ?? 0) << 24) |
          ((bytes[at + 2] ?? 0) << 16) |
          ((bytes[at + 3] ?? 0) << 8) |
          (bytes[at + 4] ?? 0)) >>>
        0
      ids.push(drawnFrom(state))
      at += 5
    } else if (tag === 1 && at + 33 <= bytes.length) {
      let id = ''
      for (let b = 1; b <= 32; b++) id += (bytes[at + b] ?? 0).toString(16).padStart(2, '0')
      ids.push(id)
      at += 33
    } else throw new Error('id table cut short')
  }
  return { ids, end: at }
}
