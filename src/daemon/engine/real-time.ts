import type { WakeDriver } from '../types.ts'

/**
 * The daemon's only contact with real time, used when DaemonOptions leave `clock` and `wake`
 * out. Everything else reads the injected clock and schedules on it (engine/scheduler.ts), so a
 * daemon given a fake clock and driver is deterministic; `daemon/no-real-time.test.ts` keeps it so.
 */

/** The wall clock. */
export const systemClock = (): Date => new Date()

/** A setTimeout that never keeps a Node process alive just for a simulated `sleep`. */
export const timeoutWake: WakeDriver = (delayMs, wake) => {
  const timer = setTimeout(wake, delayMs)
  ;(timer as unknown as { unref?: () => void }).unref?.()
  return () => clearTimeout(timer)
}
