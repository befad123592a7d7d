import { afterEach, describe, expect, it } from 'vitest'
import { createDaemon, type SimulatedDaemon } from '../daemon/index.ts'
import { daemonTransport } from '../kubelet-transports/daemon-transport.ts'
import { createKubelet } from './kubelet.ts'
import { timerSleep } from './sleep.ts'
import type { OperationId } from './types.ts'

const daemons: SimulatedDaemon[] = []
afterEach(() => {
  for (const d of daemons.splice(0)) d.dispose()
})

describe('the kubelet’s waits', () => {
  it('timerSleep ends at once when cancelled', async () => {
    const cancel = new AbortController()
    const started = performance.now()
    const wait = timerSleep(60_000, cancel.signal)
    cancel.abort()
    await wait
    expect(performance.now() - started).toBeLessThan(1000)
  })

  // logs -f reads for a while and hangs up; exec -it and attach -it give the stream a grace
  // period before hanging up. Each races a wait against the stream; the wait that lost must be
  // cancelled, or a finished operation keeps a process alive until its timer fires.
  it.each<OperationId>(['logs', 'exec-it', 'attach-it', 'exec'])(
    '%s cancels every wait it no longer needs',
    async (operation) => {
      const daemon = createDaemon()
      daemons.push(daemon)
      const waits: { ms: number; signal: AbortSignal | undefined; over: boolean }[] = []
      const kubelet = createKubelet({
        release: '1.4',
        transport: daemonTransport(daemon),
        sleep: (ms, signal) => {
          const wait = { ms, signal, over: false }
          waits.push(wait)
          return timerSleep(Math.min(ms, 20), signal).then(() => {
            wait.over = true
          })
        },
      })
      const run = await kubelet.run(operation)
      expect(run.error).toBeUndefined()
      const pending = waits.filter((w) => !w.over && !w.signal?.aborted)
      expect(pending.map((w) => w.ms)).toEqual([])
    },
  )
})
