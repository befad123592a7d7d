import { describe, expect, it } from 'vitest'
import { call } from '../../../scenarios/test-client.ts'
import { createDaemon } from '../../daemon.ts'

describe('GET /containers/{id}/stats', () => {
  it('keeps the per-CPU counters whole and non-negative however long the container has run', async () => {
    let now = 0
    const d = createDaemon({
      dockerVersion: '1.12.6',
      clock: () => new Date(now),
      wake: () => () => {},
    })
    await call(d, 'POST', '/v1.24/containers/create?name=long', { Image: 'busybox', Cmd: ['top'] })
    expect((await call(d, 'POST', '/v1.24/containers/long/start')).status).toBe(204)
    // A day in: total_usage is far past 2^31, where 32-bit arithmetic wraps negative.
    for (const uptimeMs of [1_000, 180_000, 86_400_000]) {
      now = uptimeMs
      const res = await call(d, 'GET', '/v1.24/containers/long/stats?stream=0')
      const usage = JSON.parse(res.text).cpu_stats.cpu_usage as {
        total_usage: number
        percpu_usage: number[]
      }
      expect(usage.total_usage).toBeGreaterThan(0)
      for (const n of usage.percpu_usage) expect(Number.isSafeInteger(n) && n >= 0).toBe(true)
      expect(usage.percpu_usage.reduce((a, b) => a + b, 0)).toBe(usage.total_usage)
    }
  })
})
