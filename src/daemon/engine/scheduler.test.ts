import { describe, expect, it } from 'vitest'
import type { WakeDriver } from '../types.ts'
import { Scheduler } from './scheduler.ts'

/**
 * A driver whose timers can fire before the clock reaches their time, as Node's can: timers run
 * on a monotonic clock, `Date` on the wall clock, and the two drift by a millisecond or so.
 */
function earlyDriver() {
  const pending: { delay: number; wake: () => void; live: boolean }[] = []
  const driver: WakeDriver = (delay, wake) => {
    const entry = { delay, wake, live: true }
    pending.push(entry)
    return () => {
      entry.live = false
    }
  }
  const fireNext = () => {
    const next = pending.find((p) => p.live)
    if (!next) return false
    next.live = false
    next.wake()
    return true
  }
  return { driver, fireNext, armed: () => pending.filter((p) => p.live).length }
}

describe('Scheduler', () => {
  it('asks for another wake-up when one fires before its entry is due', () => {
    let now = 1_000
    const { driver, fireNext, armed } = earlyDriver()
    const scheduler = new Scheduler(() => new Date(now), driver)
    let ran = false
    scheduler.after(1_000, () => {
      ran = true
    })
    expect(armed()).toBe(1)
    // The timer fires 1 ms early: nothing is due yet.
    now = 1_999
    fireNext()
    expect(ran).toBe(false)
    // It must not be left without a wake-up (a stop's grace period would never end).
    expect(armed()).toBe(1)
    now = 2_000
    expect(fireNext()).toBe(true)
    expect(ran).toBe(true)
  })
})
