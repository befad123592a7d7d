/**
 * Random ids from a deterministic generator, so a seeded daemon (tests, lessons, snapshots)
 * gives the same ids every run.
 * @see moby pkg/stringid/stringid.go at v1.12.6
 */

/** A small deterministic PRNG (splitmix32) whose state fits in a snapshot. */
export class Prng {
  state: number
  constructor(seed: number) {
    this.state = seed >>> 0
  }
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0
    let z = this.state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  /** 0 ≤ n < max */
  int(max: number): number {
    return this.next() % max
  }
}

export const HEX64 = /^[0-9a-f]{64}$/

/**
 * 64 lowercase hex digits. Like `stringid.GenerateRandomID`, ids whose 12-character short form
 * is all digits are skipped, so a short id can never be mistaken for a number.
 */
export function hexId(prng: Prng): string {
  for (;;) {
    let s = ''
    for (let i = 0; i < 8; i++) s += prng.next().toString(16).padStart(8, '0')
    if (!/^\d{12}/.test(s)) return s
  }
}

export const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12)
