import type { Engine } from '../../engine.ts'
import type { ContainerRecord } from '../../model/state.ts'
import { humanDuration, ZERO_TIME } from '../../wire/clock.ts'

/**
 * A container's state as the API words it: the State column and the human Status text, and
 * when that text next changes (for the list cache).
 * @see moby container/state.go at v1.12.6
 */

export function stateString(c: ContainerRecord): string {
  return c.state.status
}

/** `State.String()`: the human Status column. */
export function statusText(e: Engine, c: ContainerRecord): string {
  return statusTextAt(c, statusSinceMs(c), e.clock.nowMs())
}

/** Date.parse of the time the Status text counts from: the start while up, else the finish. */
export function statusSinceMs(c: ContainerRecord): number {
  const st = c.state
  return Date.parse(
    st.status === 'running' || st.status === 'paused' ? st.startedAt : st.finishedAt,
  )
}

/**
 * `statusText` at `now`, with `sinceMs` from `statusSinceMs`: the list reads the clock once per
 * list and parses the start/finish time once per change.
 */
export function statusTextAt(c: ContainerRecord, sinceMs: number, now: number): string {
  const st = c.state
  switch (st.status) {
    case 'running':
      return `Up ${humanDuration(Math.max(0, now - sinceMs))}`
    case 'paused':
      return `Up ${humanDuration(Math.max(0, now - sinceMs))} (Paused)`
    case 'restarting':
      return `Restarting (${st.exitCode}) ${humanDuration(Math.max(0, now - sinceMs))} ago`
    case 'dead':
      return 'Dead'
    case 'created':
      return 'Created'
    case 'exited':
      return st.finishedAt === ZERO_TIME
        ? ''
        : `Exited (${st.exitCode}) ${humanDuration(Math.max(0, now - sinceMs))} ago`
  }
}

/**
 * When the Status text of `statusTextAt` can next change. `humanDuration` is a function of
 * the whole seconds below a minute, of the whole minutes below an hour and of the whole hours
 * above, so the text stands until the next such boundary.
 */
export function statusChangesAt(c: ContainerRecord, sinceMs: number, now: number): number {
  const st = c.state.status
  const timed =
    st === 'running' ||
    st === 'paused' ||
    st === 'restarting' ||
    (st === 'exited' && c.state.finishedAt !== ZERO_TIME)
  if (!timed) return Number.POSITIVE_INFINITY
  const elapsed = now - sinceMs
  // Before the start (a clock set back): "Less than a second" until then, re-checked each second.
  if (!(elapsed >= 0)) return now + 1
  const unit = elapsed < 60_000 ? 1_000 : elapsed < 3_600_000 ? 60_000 : 3_600_000
  return now + unit - (elapsed % unit)
}
