import { KubeClient } from './client.ts'
import { type ContainerState, DockerManager, type PodStatus } from './docker-manager.ts'
import type { ListedImage } from './docker-types.ts'
import { deleteContainer, detectImages, garbageCollect, removeImage } from './gc.ts'
import type { PodSpec } from './pod.ts'
import { type Sleep, timerSleep } from './sleep.ts'
import { killPod, runningPodOf, syncPod } from './sync-pod.ts'
import type { KubeletCall, Release, Transport } from './types.ts'

/**
 * The kubelet around DockerManager: the pods it was given, the PLEG's view of the containers,
 * the pod status cache, the image GC's records and the default flags of each release. The
 * loops (kubelet.go Run/syncLoop) are methods here; the operations (operations.ts) and the node
 * clock (node-load.ts) drive them.
 */

/** Default flags and loop periods at the tags (kubelet.go constants, componentconfig defaults). */
export const DEFAULTS = {
  '1.3': {
    /** --minimum-container-ttl-duration=1m, --maximum-dead-containers-per-container=2, --maximum-dead-containers=240 */
    containerGc: { minAgeMs: 60_000, maxPerPodContainer: 2, maxContainers: 240 },
    /** --minimum-image-ttl-duration=2m */
    imageMinAgeMs: 120_000,
    /** no --eviction-hard default: the eviction manager has nothing to do */
    evictionMonitoring: false,
  },
  '1.4': {
    /** the three container GC flags deprecated in favour of eviction: 0, 1, -1 */
    containerGc: { minAgeMs: 0, maxPerPodContainer: 1, maxContainers: -1 },
    imageMinAgeMs: 120_000,
    /** --eviction-hard=memory.available<100Mi: the summary (ImageStats) every 10 s */
    evictionMonitoring: true,
  },
} as const

export interface NodeOptions {
  release: Release
  transport: Transport
  onCall?: (call: KubeletCall) => void
  /** Milliseconds for `at`/`durationMs` of calls (default Date.now). */
  now?: () => number
  /** Waits (the exec poll interval, a logs -f read window); default setTimeout. */
  sleep?: Sleep
  /**
   * A uint32 for the last part of each container name (docker.go BuildDockerName's
   * rand.Uint32). Default: random, so a second kubelet on the same daemon never reuses a name.
   */
  random?: () => number
  /** 4 hex digits in the UIDs of this node's pods (default random): one run's pods are not another's. */
  salt?: string
}

interface PlegRecord {
  uid: string
  state: ContainerState
}

export class KubeletNode {
  readonly release: Release
  readonly client: KubeClient
  readonly dm: DockerManager
  readonly sleep: Sleep
  readonly salt: string
  /** The pods the API server gave this node. */
  readonly pods = new Map<string, PodSpec>()
  /** The PLEG cache: the last status of each pod. */
  readonly statuses = new Map<string, PodStatus>()
  /** Liveness failures by container id (prober results). */
  readonly unhealthy = new Set<string>()
  private plegRecords = new Map<string, PlegRecord>()
  private readonly imageRecords = new Map<string, { firstDetected: number; lastUsed: number }>()
  /** The kubelet's clock runs ahead of real time when an operation waits a GC period. */
  private offsetMs = 0
  private readonly wall: () => number

  constructor(options: NodeOptions) {
    this.release = options.release
    const now = options.now ?? (() => Date.now())
    this.wall = () => Date.now()
    this.sleep = options.sleep ?? timerSleep
    this.client = new KubeClient({
      release: options.release,
      transport: options.transport,
      now,
      onCall: options.onCall ?? (() => undefined),
    })
    const random = options.random ?? (() => Math.floor(Math.random() * 0x1_0000_0000))
    this.salt = options.salt ?? random().toString(16).padStart(8, '0').slice(0, 4)
    this.dm = new DockerManager(this.client, () => this.clock(), random)
  }

  /** The kubelet's time (wall clock plus the waits operations skipped). */
  clock(): number {
    return this.wall() + this.offsetMs
  }

  /** Let `ms` of the kubelet's time pass without waiting for it. */
  advance(ms: number): void {
    this.offsetMs += ms
  }

  /** PLEG relist: GetPods(true); for each pod whose containers changed, updateCache (GetPodStatus). */
  async relist(): Promise<string[]> {
    const pods = await this.dm.getPods(true, 'containersRelist')
    const seen = new Map<string, PlegRecord>()
    const changed = new Set<string>()
    const died: { uid: string; id: string }[] = []
    for (const pod of pods) {
      for (const c of pod.containers) {
        seen.set(c.id, { uid: pod.uid, state: c.state })
        const old = this.plegRecords.get(c.id)
        if (!old || old.state !== c.state) {
          changed.add(pod.uid)
          if (c.state === 'exited' && old?.state === 'running')
            died.push({ uid: pod.uid, id: c.id })
        }
      }
    }
    for (const [id, old] of this.plegRecords) if (!seen.has(id)) changed.add(old.uid)
    this.plegRecords = seen
    for (const uid of changed) {
      const known = pods.find((p) => p.uid === uid)
      if (known) this.statuses.set(uid, await this.dm.getPodStatus({ uid }))
      else this.statuses.delete(uid)
    }
    if (this.release === '1.4') {
      for (const { uid } of died) await this.deleteDeadContainers(uid)
    }
    return [...changed]
  }

  /**
   * 1.4's podContainerDeletor (pod_container_deletor.go), on a ContainerDied event: keeps the
   * newest max(--maximum-dead-containers-per-container, 1) dead instances of each container.
   */
  private async deleteDeadContainers(uid: string): Promise<void> {
    const status = this.statuses.get(uid)
    if (!status) return
    const keep = Math.max(DEFAULTS['1.4'].containerGc.maxPerPodContainer, 1)
    const byName = new Map<string, string[]>()
    for (const c of status.containers) {
      if (c.state !== 'exited') continue
      byName.set(c.name, [...(byName.get(c.name) ?? []), c.id])
    }
    for (const ids of byName.values()) {
      for (const id of ids.slice(keep)) await deleteContainer(this.dm, id)
    }
  }

  /** HandlePodCleanups: the runtime cache (refreshed every 2 s) and a direct GetPods(false). */
  async housekeeping(): Promise<void> {
    const cached = await this.dm.getPods(false, 'containersRuntimeCache')
    for (const pod of cached) {
      if (!this.pods.has(pod.uid)) await killPod(this.dm, null, pod)
    }
    await this.dm.getPods(false, 'containersHousekeeping')
  }

  /** A pod worker's sync: SyncPod with the status the PLEG cached (no call of its own). */
  async syncPod(pod: PodSpec): Promise<void> {
    const status = this.statuses.get(pod.uid) ?? { uid: pod.uid, ip: '', containers: [] }
    await syncPod(this.dm, pod, status, this.unhealthy)
  }

  /** kubectl delete pod: the pod worker kills the running pod from the cache. */
  async killPod(pod: PodSpec): Promise<void> {
    const status = this.statuses.get(pod.uid) ?? { uid: pod.uid, ip: '', containers: [] }
    await killPod(this.dm, pod, runningPodOf(pod, status))
  }

  /** Container GC with the release's defaults; pods not on the node count as deleted. */
  async containerGc(): Promise<void> {
    await garbageCollect(this.dm, DEFAULTS[this.release].containerGc, (uid) => !this.pods.has(uid))
  }

  /** detectImages, recording first-seen and last-used times (image_gc_manager.go). */
  async detectImages(now = this.clock()): Promise<ListedImage[]> {
    const { images, inUse } = await detectImages(this.dm)
    const current = new Set<string>()
    for (const image of images) {
      current.add(image.Id)
      const record = this.imageRecords.get(image.Id) ?? { firstDetected: now, lastUsed: 0 }
      if (inUse.has(image.Id)) record.lastUsed = now
      this.imageRecords.set(image.Id, record)
    }
    for (const id of this.imageRecords.keys()) if (!current.has(id)) this.imageRecords.delete(id)
    return images
  }

  /**
   * Image GC with the image disk above --image-gc-high-threshold (90 %): freeSpace removes
   * unused images old enough, least recently used first, until enough is freed (here: all).
   */
  async imageGcFreeSpace(): Promise<void> {
    const freeTime = this.clock()
    await this.detectImages(freeTime)
    const candidates = [...this.imageRecords.entries()]
      .filter(([, r]) => r.lastUsed < freeTime)
      .sort((a, b) => a[1].lastUsed - b[1].lastUsed || a[1].firstDetected - b[1].firstDetected)
    for (const [id, record] of candidates) {
      if (freeTime - record.firstDetected < DEFAULTS[this.release].imageMinAgeMs) continue
      try {
        await removeImage(this.dm, id)
        this.imageRecords.delete(id)
      } catch {
        // the kubelet collects deletion errors and goes on with the next image
      }
    }
  }
}
