import { createDaemon, type SimulatedDaemon } from '../daemon/index.ts'

/**
 * The daemon every scenario runs on, whatever the transport (the model test, the HTTP test):
 * a fixed clock and a counter-based id generator, so every run sees the same ids and times.
 */
export function deterministicDaemon(
  dockerVersion: SimulatedDaemon['dockerVersion'] = '1.12.6',
): SimulatedDaemon {
  let n = 0
  const idGenerator = () => {
    n++
    // Spread ids over the hex space (a pure counter would share long prefixes).
    let h = (n * 0x9e3779b1) >>> 0
    let s = ''
    for (let i = 0; i < 8; i++) {
      h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0
      h = (h + 0x6d2b79f5 + i) >>> 0
      s += h.toString(16).padStart(8, '0')
    }
    return s
  }
  return createDaemon({ dockerVersion, clock: () => new Date('2017-01-14T12:00:00Z'), idGenerator })
}
