import type { WakeDriver } from '../types.ts'
import { rfc3339Nano } from '../wire/clock.ts'

/** What runs at a wake-up; `at` is the simulated time it was due (maybe earlier than now). */
type Due = (at: number) => void

interface Entry {
  at: number
  run: Due | null
}

/** Wake-ups done per `tick`; the rest wait for the next (delay-0) wake so requests get served. */
const TICK_BUDGET = 2000
/** setTimeout's largest delay. */
const MAX_DELAY = 2 ** 31 - 1

/**
 * The daemon's time: the injected clock (`now`) and every timed wake-up (process ends, restart
 * back-offs, script sleeps, `top`'s refresh, stats samples, an events stream's `until`), run in
 * order by `tick` when the clock has reached them. `tick` runs on every request and when the
 * injected wake driver fires, so blocked waits and follows end without new requests.
 */
export class Scheduler {
  /** Pending wake-ups, soonest first; equal times in the order they were scheduled. */
  private queue: Entry[] = []
  private cancelWake: (() => void) | null = null
  private readonly clearListeners = new Set<() => void>()

  constructor(
    private readonly clock: () => Date,
    private readonly driver: WakeDriver,
  ) {}

  now(): Date {
    return this.clock()
  }
  nowMs(): number {
    return this.clock().getTime()
  }
  nowString(): string {
    return rfc3339Nano(this.clock())
  }

  /** Runs `fn` once the clock reaches `at` (ms); the returned function cancels it. */
  at(at: number, fn: Due): () => void {
    const entry: Entry = { at, run: fn }
    let i = this.queue.length
    while (i > 0 && (this.queue[i - 1]?.at ?? 0) > at) i--
    this.queue.splice(i, 0, entry)
    if (i === 0) this.arm()
    return () => {
      entry.run = null
    }
  }

  /** Runs `fn` once `ms` of daemon time have passed. */
  after(ms: number, fn: Due): () => void {
    return this.at(this.nowMs() + ms, fn)
  }

  /** Runs `fn` every `ms` of daemon time until cancelled. */
  every(ms: number, fn: () => void): () => void {
    let cancel = () => {}
    const next = (from: number) => {
      cancel = this.at(from + ms, (at) => {
        next(at)
        fn()
      })
    }
    next(this.nowMs())
    return () => cancel()
  }

  /** Runs every wake-up whose time has come, up to a budget. */
  tick(): void {
    const now = this.nowMs()
    let ran = false
    let budget = TICK_BUDGET
    while ((this.queue[0]?.at ?? Number.POSITIVE_INFINITY) <= now) {
      if (budget-- <= 0) break
      const entry = this.queue.shift()
      if (entry === undefined) break
      ran = true
      const run = entry.run
      entry.run = null
      run?.(entry.at)
    }
    // Re-arm also when nothing was due: a timer can fire a little before the wall clock reaches
    // the entry (Node's timers run on a monotonic clock, Date on the wall clock), and without a
    // new wake-up the entry would wait for the next request — a stop's grace period never ended.
    if (ran || this.cancelWake === null) this.arm()
  }

  /**
   * `fn` runs when every wake-up is forgotten (reset, restore, dispose), so a request waiting on
   * the clock (a stop's grace period) ends instead of waiting forever. Returns its cancel.
   */
  onClear(fn: () => void): () => void {
    this.clearListeners.add(fn)
    return () => this.clearListeners.delete(fn)
  }

  /** Forgets every pending wake-up. */
  clear(): void {
    this.cancelWake?.()
    this.cancelWake = null
    this.queue = []
    const listeners = [...this.clearListeners]
    this.clearListeners.clear()
    for (const fn of listeners) fn()
  }

  /** Asks the driver for a wake-up at the soonest entry. */
  private arm(): void {
    this.cancelWake?.()
    this.cancelWake = null
    const first = this.queue[0]
    if (first === undefined) return
    const delay = Math.max(0, Math.min(first.at - this.nowMs(), MAX_DELAY))
    this.cancelWake = this.driver(delay, () => {
      this.cancelWake = null
      this.tick()
    })
  }
}
