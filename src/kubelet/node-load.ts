import type { Release, SourceLine } from './types.ts'

/**
 * The node clock: what the kubelet's periodic loops send per tick on a node with N pods in
 * steady state (every pod running, nothing changing), so a UI can add up calls per endpoint
 * per minute by arithmetic. The counts are the model's own: node-load.test.ts runs each loop
 * against the simulated daemon with N pods and compares.
 *
 * Steady state means: a PLEG relist finds no change (no GetPodStatus), pod workers sync from
 * the PLEG cache (no call), image GC finds the disk under 90 % (no removal), ImageStats has
 * every image's history cached. cAdvisor's own Docker client (GET /containers/{id}/json per
 * container on its housekeeping) is not modelled.
 */

export interface LoopCall {
  endpointId: string
  method: 'GET' | 'POST' | 'DELETE'
  path: string
  /** Calls of this endpoint in one tick, for the node's pod count. */
  perTick: number
}

export interface LoopLoad {
  id:
    | 'pleg'
    | 'housekeeping'
    | 'runtime-status'
    | 'node-status'
    | 'eviction'
    | 'container-gc'
    | 'image-detect'
  /** The operation that runs one tick of this loop. */
  operation:
    | 'pleg-relist'
    | 'housekeeping'
    | 'runtime-status'
    | 'node-status'
    | 'stats-summary'
    | 'container-gc'
    | 'image-gc'
  periodSeconds: number
  /** Where the period is set, at the tag. */
  source: SourceLine
  calls: LoopCall[]
}

const KUBELET = 'pkg/kubelet/kubelet.go'
const src = (file: string, line: number, func: string): SourceLine => ({ file, line, func })

const LIST_ALL = {
  endpointId: 'ContainerList',
  method: 'GET',
  path: '/containers/json?all=1&limit=0',
} as const
const LIST_RUNNING = {
  endpointId: 'ContainerList',
  method: 'GET',
  path: '/containers/json?limit=0',
} as const
const VERSION = { endpointId: 'SystemVersion', method: 'GET', path: '/version' } as const
const IMAGES = { endpointId: 'ImageList', method: 'GET', path: '/images/json' } as const
const INSPECT = {
  endpointId: 'ContainerInspect',
  method: 'GET',
  path: '/containers/{id}/json',
} as const

/** Containers per pod in the node clock: the pause container and one app container. */
export const CONTAINERS_PER_POD = 2

/** The periodic loops of a release for `pods` running pods. */
export function nodeLoad(release: Release, pods: number): LoopLoad[] {
  const n = Math.max(0, Math.floor(pods))
  const v13 = release === '1.3'
  const loops: LoopLoad[] = [
    {
      id: 'pleg',
      operation: 'pleg-relist',
      periodSeconds: 1,
      source: src(KUBELET, v13 ? 143 : 149, 'plegRelistPeriod'),
      calls: [{ ...LIST_ALL, perTick: 1 }],
    },
    {
      id: 'housekeeping',
      operation: 'housekeeping',
      periodSeconds: 2,
      source: src(KUBELET, v13 ? 122 : 128, 'housekeepingPeriod'),
      calls: [{ ...LIST_RUNNING, perTick: 2 }],
    },
    {
      id: 'runtime-status',
      operation: 'runtime-status',
      periodSeconds: 5,
      source: src(KUBELET, v13 ? 1006 : 1179, 'Kubelet.Run (updateRuntimeUp)'),
      calls: [{ ...VERSION, perTick: 1 }],
    },
    {
      id: 'node-status',
      operation: 'node-status',
      periodSeconds: 10,
      source: v13
        ? src(
            'cmd/kubelet/app/options/options.go',
            122,
            'NewKubeletServer (NodeStatusUpdateFrequency)',
          )
        : src('pkg/apis/componentconfig/v1alpha1/defaults.go', 259, 'NodeStatusUpdateFrequency'),
      calls: [
        { ...VERSION, perTick: 1 },
        { ...IMAGES, perTick: 1 },
      ],
    },
  ]
  if (!v13) {
    loops.push({
      id: 'eviction',
      operation: 'stats-summary',
      periodSeconds: 10,
      source: src(KUBELET, 132, 'evictionMonitoringPeriod'),
      calls: [{ ...IMAGES, perTick: 1 }],
    })
  }
  loops.push(
    {
      id: 'container-gc',
      operation: 'container-gc',
      periodSeconds: 60,
      source: src(KUBELET, v13 ? 151 : 157, 'ContainerGCPeriod'),
      calls: [
        { ...LIST_ALL, perTick: 1 },
        { ...INSPECT, perTick: n * CONTAINERS_PER_POD },
      ],
    },
    {
      id: 'image-detect',
      operation: 'image-gc',
      periodSeconds: 300,
      source: v13
        ? src('pkg/kubelet/image_manager.go', 139, 'realImageManager.Start')
        : src('pkg/kubelet/images/image_gc_manager.go', 143, 'realImageGCManager.Start'),
      calls: [
        { ...IMAGES, perTick: 1 },
        { ...LIST_ALL, perTick: 1 },
      ],
    },
  )
  return loops
}

export interface ClockMinute {
  minute: number
  /** Calls per endpoint id in this minute. */
  byEndpoint: Record<string, number>
  total: number
}

/** Ticks of a loop in [from, to) seconds: wait.Until runs at once, then every period (0, p, 2p, …). */
function ticks(period: number, from: number, to: number): number {
  const count = (t: number) => (t <= 0 ? 0 : Math.ceil(t / period))
  return count(to) - count(from)
}

/**
 * Calls per endpoint for each minute of `minutes`, for `pods` pods. Pure arithmetic:
 * loops × minutes multiplications (an hour of a 110-pod node is a few hundred).
 */
export function nodeClock(release: Release, pods: number, minutes: number): ClockMinute[] {
  const loops = nodeLoad(release, pods)
  const out: ClockMinute[] = []
  for (let m = 0; m < minutes; m++) {
    const byEndpoint: Record<string, number> = {}
    let total = 0
    for (const loop of loops) {
      const k = ticks(loop.periodSeconds, m * 60, (m + 1) * 60)
      for (const c of loop.calls) {
        const add = k * c.perTick
        byEndpoint[c.endpointId] = (byEndpoint[c.endpointId] ?? 0) + add
        total += add
      }
    }
    out.push({ minute: m, byEndpoint, total })
  }
  return out
}
