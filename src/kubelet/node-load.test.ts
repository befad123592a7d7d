import { afterEach, describe, expect, it } from 'vitest'
import type { SimulatedDaemon } from '../daemon/index.ts'
import { kubeletOnDaemon } from '../kubelet-transports/test-kubelet.ts'
import { imageStats } from './gc.ts'
import { type LoopLoad, nodeClock, nodeLoad } from './node-load.ts'
import { webPod } from './pods.ts'
import type { KubeletCall } from './types.ts'

/**
 * The node clock's per-tick counts are the model's: each loop, run once on the simulated
 * daemon with N running pods, sends what nodeLoad says.
 */
const daemons: SimulatedDaemon[] = []
afterEach(() => {
  for (const d of daemons.splice(0)) d.dispose()
})

const tally = (calls: readonly KubeletCall[]) => {
  const out: Record<string, number> = {}
  for (const c of calls) out[c.endpointId] = (out[c.endpointId] ?? 0) + 1
  return out
}
const expected = (loop: LoopLoad | undefined) => {
  const out: Record<string, number> = {}
  for (const c of loop?.calls ?? [])
    if (c.perTick > 0) out[c.endpointId] = (out[c.endpointId] ?? 0) + c.perTick
  return out
}

describe.each([
  ['1.3', 1],
  ['1.3', 3],
  ['1.4', 1],
  ['1.4', 3],
] as const)('kubelet %s, %i running pods: one tick of each loop', (release, pods) => {
  it('sends what nodeLoad says', async () => {
    const { kubelet, daemon, calls } = kubeletOnDaemon(release)
    daemons.push(daemon)
    const node = kubelet.node
    for (let i = 0; i < pods; i++) {
      const pod = webPod(i, node.salt)
      node.pods.set(pod.uid, pod)
      await node.syncPod(pod)
    }
    await node.relist()
    await imageStats(node.dm)
    const loops = nodeLoad(release, pods)
    const ticks: Record<string, () => Promise<unknown>> = {
      pleg: () => node.relist(),
      housekeeping: () => node.housekeeping(),
      'runtime-status': () => node.dm.status(),
      'node-status': () => node.dm.nodeStatus(),
      eviction: () => imageStats(node.dm),
      'container-gc': () => node.containerGc(),
      'image-detect': () => node.detectImages(),
    }
    expect(loops.map((l) => l.id).sort()).toEqual(
      Object.keys(ticks)
        .filter((id) => release === '1.4' || id !== 'eviction')
        .sort(),
    )
    for (const loop of loops) {
      const from = calls.length
      await ticks[loop.id]?.()
      expect({ loop: loop.id, calls: tally(calls.slice(from)) }).toEqual({
        loop: loop.id,
        calls: expected(loop),
      })
    }
  })
})

describe('nodeClock', () => {
  it('adds up a minute of a 110-pod 1.4 node', () => {
    const [first, second] = nodeClock('1.4', 110, 2)
    // PLEG 60 + housekeeping 30×2 + container GC 1 + image detection 1 (only at 0 s)
    expect(first?.byEndpoint.ContainerList).toBe(122)
    expect(second?.byEndpoint.ContainerList).toBe(121)
    // container GC inspects both containers of each pod once a minute
    expect(first?.byEndpoint.ContainerInspect).toBe(220)
    // runtime status every 5 s, node status every 10 s
    expect(first?.byEndpoint.SystemVersion).toBe(12 + 6)
    // node status, eviction (1.4 only), image detection at 0 s
    expect(first?.byEndpoint.ImageList).toBe(6 + 6 + 1)
    expect(nodeClock('1.3', 110, 1)[0]?.byEndpoint.ImageList).toBe(6 + 1)
  })

  it('an hour of a 110-pod 1.4 node: 22,284 calls', () => {
    const hour = nodeClock('1.4', 110, 60)
    expect(hour).toHaveLength(60)
    const total = (endpoint: string) => hour.reduce((n, m) => n + (m.byEndpoint[endpoint] ?? 0), 0)
    // lists: PLEG 3600 + housekeeping 1800×2 + container GC 60 + image detection 12
    expect(total('ContainerList')).toBe(7272)
    expect(total('ContainerInspect')).toBe(60 * 220)
    expect(total('SystemVersion')).toBe(720 + 360)
    expect(total('ImageList')).toBe(360 + 360 + 12)
    expect(hour.reduce((n, m) => n + m.total, 0)).toBe(22_284)
  })
})
