import { type LoopLoad, nodeLoad, type Release } from '../../kubelet/index.ts'

/** One row of the node clock: an endpoint as the loops send it (the query matters: `all=1`). */
export interface ClockRow {
  key: string
  endpointId: string
  method: string
  path: string
  /** The loops that send it, with their periods. */
  loops: { id: LoopLoad['id']; periodSeconds: number }[]
  /** Calls in the current minute of node time. */
  inMinute: number
  /** Calls since the node clock started. */
  soFar: number
}

/**
 * Ticks of a loop with period `p` in (from, to] seconds of node time. wait.Until runs a loop at
 * once and then every period; the clock counts a tick at 0+ as the first, so minute 0 of a 1 s
 * loop holds 60 ticks, like every other minute.
 */
export function ticks(period: number, from: number, to: number): number {
  const count = (t: number) => (t <= 0 ? 0 : Math.ceil(t / period))
  return count(to) - count(from)
}

/**
 * The calls per endpoint after `seconds` of node time for `pods` pods: arithmetic over the
 * model's per-tick counts (nodeLoad), no simulation, so an hour of a 110-pod node costs the
 * same as a second. Sorted by the current minute's calls, the heaviest first.
 */
export function clockRows(release: Release, pods: number, seconds: number): ClockRow[] {
  const minuteStart = Math.floor(Math.max(0, seconds - 1e-9) / 60) * 60
  const rows = new Map<string, ClockRow>()
  for (const loop of nodeLoad(release, pods)) {
    const inMinuteTicks = ticks(loop.periodSeconds, minuteStart, minuteStart + 60)
    const soFarTicks = ticks(loop.periodSeconds, 0, seconds)
    for (const call of loop.calls) {
      const key = `${call.method} ${call.path}`
      let row = rows.get(key)
      if (!row) {
        row = {
          key,
          endpointId: call.endpointId,
          method: call.method,
          path: call.path,
          loops: [],
          inMinute: 0,
          soFar: 0,
        }
        rows.set(key, row)
      }
      if (!row.loops.some((l) => l.id === loop.id))
        row.loops.push({ id: loop.id, periodSeconds: loop.periodSeconds })
      row.inMinute += inMinuteTicks * call.perTick
      row.soFar += soFarTicks * call.perTick
    }
  }
  return [...rows.values()].sort((a, b) => b.inMinute - a.inMinute || a.key.localeCompare(b.key))
}

/** `mm:ss`, or `h:mm:ss` from an hour on. */
export function formatNodeTime(seconds: number): string {
  const s = Math.floor(seconds)
  const pad = (n: number) => String(n).padStart(2, '0')
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`
}
