/**
 * The statuses a learner picks from in predict mode: the right one among the statuses Docker
 * 1.12 really sends, chosen so the tempting wrong answers are there (201 next to 200 for a
 * resize, 409 next to 500 for "is not running", 204 next to 304 for a second start).
 */
const PLAUSIBLE = [200, 201, 204, 304, 400, 404, 409, 500] as const

/** Four choices in ascending order, always including `expected`; stable for a given step. */
export function statusChoices(expected: number, stepKey: string): number[] {
  const others = PLAUSIBLE.filter((s) => s !== expected)
  // A small stable hash, so a step offers the same choices on every visit and in the handout.
  let hash = 0
  for (const ch of stepKey) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0
  const near = [...others].sort(
    (a, b) =>
      Math.abs(a - expected) - Math.abs(b - expected) || ((a ^ hash) & 7) - ((b ^ hash) & 7),
  )
  return [expected, ...near.slice(0, 3)].sort((a, b) => a - b)
}
