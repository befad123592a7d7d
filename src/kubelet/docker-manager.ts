import { DockerError, engineApi, json, type KubeClient } from './client.ts'
import type {
  InspectedContainer,
  InspectedImage,
  ListedContainer,
  ListedImage,
} from './docker-types.ts'
import { withDefaultTag } from './engine-api.ts'
import {
  type ContainerSpec,
  createBody,
  dockerName,
  hashContainer,
  infraContainer,
  POD_INFRA_CONTAINER_NAME,
  type PodSpec,
  parseDockerName,
  pullPolicyOf,
} from './pod.ts'
import type { SiteId } from './sites.ts'

/**
 * DockerManager (pkg/kubelet/dockertools/docker_manager.go) as the model runs it: the calls
 * of GetPods, GetPodStatus, SyncPod, KillPod, the puller, the version cache and the GC, in
 * the order the Go code makes them. Where Go runs goroutines (KillPod stops the app
 * containers in parallel; SyncPod ranges over a map of containers to start, in random order)
 * the model goes in the pod's container order.
 */

export type ContainerState = 'running' | 'exited' | 'unknown'

export interface ContainerStatus {
  id: string
  name: string
  state: ContainerState
  exitCode: number
  restartCount: number
  hash: string
  image: string
}

export interface PodStatus {
  uid: string
  ip: string
  /** Newest first, as Docker lists them. */
  containers: ContainerStatus[]
}

export interface RuntimeContainer {
  id: string
  name: string
  state: ContainerState
  imageId: string
}

export interface RuntimePod {
  uid: string
  name: string
  namespace: string
  containers: RuntimeContainer[]
}

/** versionCacheTTL = 60 * time.Second (docker_manager.go, both releases). */
const VERSION_CACHE_TTL_MS = 60_000

export class DockerManager {
  private versionCachedAt: number | null = null
  /** imageStatsProvider's layer cache: the images whose history it has read. */
  private readonly historyKnown = new Set<string>()
  private nameCounter = 0x9acb0442

  constructor(
    readonly client: KubeClient,
    /** The kubelet's clock in ms (the version cache TTL, GC ages). */
    private readonly clock: () => number,
  ) {}

  get release() {
    return this.client.release
  }

  /** NewDockerManager: one GET /info. */
  async start(): Promise<void> {
    await this.client.send('startInfo', engineApi.info())
  }

  /** Status() → checkVersionCompatibility() → APIVersion(). */
  async status(): Promise<string> {
    const v = json<{ ApiVersion?: string }>(
      await this.client.send('versionStatus', engineApi.version()),
    )
    return v.ApiVersion ?? ''
  }

  /** Node status: setNodeStatusVersionInfo (Version) and setNodeStatusImages (ListImages). */
  async nodeStatus(): Promise<void> {
    await this.client.send('versionNodeStatus', engineApi.version())
    await this.client.send('imagesNodeStatus', engineApi.listImages())
  }

  /** GetPods(all) through GetKubeletDockerContainers: only `k8s_` names count. */
  async getPods(all: boolean, site: SiteId): Promise<RuntimePod[]> {
    const listed = json<ListedContainer[]>(
      await this.client.send(site, engineApi.listContainers(all)),
    )
    const pods = new Map<string, RuntimePod>()
    for (const c of listed) {
      const parsed = parseDockerName(c.Names?.[0] ?? '')
      if (!parsed) continue
      let pod = pods.get(parsed.podUid)
      if (!pod) {
        pod = {
          uid: parsed.podUid,
          name: parsed.podName,
          namespace: parsed.podNamespace,
          containers: [],
        }
        pods.set(parsed.podUid, pod)
      }
      pod.containers.push({
        id: c.Id,
        name: parsed.containerName,
        // toRuntimeContainer: a Status starting with "Up" is running
        state: (c.Status ?? '').startsWith('Up') ? 'running' : 'exited',
        imageId: c.ImageID ?? '',
      })
    }
    return [...pods.values()]
  }

  /** GetPodStatus: list all containers, inspect each of this pod's. */
  async getPodStatus(pod: { uid: string }): Promise<PodStatus> {
    const listed = json<ListedContainer[]>(
      await this.client.send('containersPodStatus', engineApi.listContainers(true)),
    )
    const status: PodStatus = { uid: pod.uid, ip: '', containers: [] }
    for (const c of listed) {
      const parsed = parseDockerName(c.Names?.[0] ?? '')
      if (!parsed || parsed.podUid !== pod.uid) continue
      try {
        const inspected = json<InspectedContainer>(
          await this.client.send('inspectPodStatus', engineApi.inspectContainer(c.Id)),
        )
        const labels = inspected.Config?.Labels ?? {}
        status.containers.push({
          id: c.Id,
          name: parsed.containerName,
          state: inspected.State?.Running ? 'running' : 'exited',
          exitCode: inspected.State?.ExitCode ?? 0,
          restartCount: Number(labels['io.kubernetes.container.restartCount'] ?? '0') || 0,
          hash: parsed.hash,
          image: inspected.Config?.Image ?? c.Image ?? '',
        })
        const ip = inspected.NetworkSettings?.IPAddress ?? ''
        if (ip !== '') status.ip = ip
      } catch (error) {
        // a listed container that cannot be inspected gets an unknown status (issue 22541)
        if (!(error instanceof DockerError && error.status === 404)) throw error
        status.containers.push({
          id: c.Id,
          name: parsed.containerName,
          state: 'unknown',
          exitCode: 0,
          restartCount: 0,
          hash: parsed.hash,
          image: c.Image ?? '',
        })
      }
    }
    return status
  }

  /** checkDockerAPIVersion through versionCache: two GET /version when stale, none otherwise. */
  private async cachedVersion(): Promise<void> {
    const now = this.clock()
    if (this.versionCachedAt !== null && now - this.versionCachedAt < VERSION_CACHE_TTL_MS) return
    await this.client.send('versionCacheApi', engineApi.version())
    await this.client.send('versionCacheDaemon', engineApi.version())
    this.versionCachedAt = now
  }

  /** imageManager.EnsureImageExists (1.4) / serializedImagePuller.PullImage (1.3). */
  async ensureImageExists(container: ContainerSpec): Promise<void> {
    const present = await this.isImagePresent('imagePresent', container.image)
    const policy = pullPolicyOf(container)
    if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
      if (!present)
        throw new Error(`image ${container.image} is not present with pull policy Never`)
      return
    }
    const image = withDefaultTag(container.image)
    const pulled = await this.client.send('imagePull', engineApi.pullImage(image))
    await drain(pulled)
    if (!(await this.isImagePresent('imagePresentAfterPull', image))) {
      throw new Error('image pull failed for unknown error')
    }
  }

  private async isImagePresent(site: SiteId, image: string): Promise<boolean> {
    return (await this.inspectImage(site, image)) !== null
  }

  /**
   * kubeDockerClient.InspectImage: null when Docker answers 404, and in 1.4 also when the
   * answer does not match the reference asked for (matchImageTagOrSHA): `sha256:<hex>` parses
   * as repository "sha256" with a tag, which no RepoTag ends with, so an image asked for by
   * its ID counts as absent, while a bare hex ID (no tag) matches.
   */
  private async inspectImage(site: SiteId, image: string): Promise<InspectedImage | null> {
    let inspected: InspectedImage
    try {
      inspected = json<InspectedImage>(await this.client.send(site, engineApi.inspectImage(image)))
    } catch (error) {
      if (error instanceof DockerError && error.status === 404) return null
      throw error
    }
    if (this.release === '1.4' && !matchImageTagOrSha(inspected, image)) return null
    return inspected
  }

  /** runContainerInPod → runContainer: version checks, create, start, inspect. */
  async runContainerInPod(
    pod: PodSpec,
    container: ContainerSpec,
    infraId: string | null,
    restartCount: number,
  ): Promise<string> {
    // getSecurityOpts (1.3) / getSeccompOpts (1.4) ask APIVersion uncached; 1.4's
    // fmtDockerOpts asks once more; then checkDockerAPIVersion goes through the cache.
    await this.client.send('versionSecurity', engineApi.version())
    if (this.release === '1.4') await this.client.send('versionFmtOpts', engineApi.version())
    await this.cachedVersion()
    const name = dockerName(pod, container, this.nameCounter++)
    const created = json<{ Id: string }>(
      await this.client.send(
        'create',
        engineApi.createContainer(name, createBody(pod, container, restartCount, infraId)),
      ),
    )
    await this.client.send('start', engineApi.startContainer(created.Id))
    // runContainerInPod: the inspect for the log symlink, OOM score and ndots; the OOM check
    // after it (applyOOMScoreAdjIfNeeded) hits the version cache.
    await this.client.send('inspectAfterStart', engineApi.inspectContainer(created.Id))
    await this.cachedVersion()
    return created.Id
  }

  /** SyncPod: computePodContainerChanges, then kill, create the infra container, start. */
  async syncPod(
    pod: PodSpec,
    status: PodStatus,
    unhealthy: ReadonlySet<string> = new Set(),
  ): Promise<void> {
    const infra = status.containers.find((c) => c.name === POD_INFRA_CONTAINER_NAME)
    const startInfra = infra?.state !== 'running'
    const toStart: { index: number; container: ContainerSpec }[] = []
    const toKeep = new Set<string>()
    if (!startInfra && infra) toKeep.add(infra.id)
    pod.containers.forEach((container, index) => {
      const current = status.containers.find((c) => c.name === container.name)
      if (current?.state !== 'running') {
        if (shouldRestart(pod, current)) toStart.push({ index, container })
        return
      }
      if (startInfra) {
        if (pod.restartPolicy !== 'Never') toStart.push({ index, container })
        return
      }
      const changed = current.hash !== '' && current.hash !== hashContainer(container)
      if (changed || unhealthy.has(current.id)) {
        if (changed || pod.restartPolicy !== 'Never') toStart.push({ index, container })
        return
      }
      toKeep.add(current.id)
    })
    if (!startInfra && toStart.length === 0 && toKeep.size === 1) toKeep.clear()

    if (startInfra || (toKeep.size === 0 && toStart.length === 0)) {
      await this.killPod(pod, runningPodOf(pod, status))
    } else {
      for (const running of status.containers.filter((c) => c.state === 'running')) {
        if (toKeep.has(running.id)) continue
        const spec = pod.containers.find((c) => c.name === running.name) ?? null
        await this.killContainerInPod(running.id, spec, pod)
      }
    }

    let infraId = !startInfra && infra ? infra.id : null
    if (startInfra && toStart.length > 0) {
      await this.ensureImageExists(infraContainer)
      infraId = await this.runContainerInPod(pod, infraContainer, null, 0)
      // the pod IP, read from the infra container after the network plugin's SetUpPod
      await this.client.send('inspectInfra', engineApi.inspectContainer(infraId))
    }
    for (const { container } of toStart) {
      // tryContainerStart: EnsureImageExists, runAsNonRoot, runContainerInPod
      await this.ensureImageExists(container)
      if (container.runAsNonRoot) await this.verifyNonRoot(container)
      const previous = status.containers.find((c) => c.name === container.name)
      const restartCount = previous ? previous.restartCount + 1 : 0
      await this.runContainerInPod(pod, container, infraId, restartCount)
    }
  }

  /** verifyNonRoot → isImageRoot: refuses an image whose Config.User is empty, root or 0. */
  private async verifyNonRoot(container: ContainerSpec): Promise<void> {
    const image = await this.inspectImage('imageRoot', container.image)
    if (!image) throw new Error(`image ${container.image} not found`)
    const user = (image.Config?.User ?? '').split(':')[0] ?? ''
    if (user === '' || user === 'root' || user === '0') {
      throw new Error('container has no runAsUser and image will run as root')
    }
  }

  /** KillPod / killPodWithSyncResult: app containers first, the infra container last. */
  async killPod(pod: PodSpec | null, running: RuntimePod): Promise<void> {
    const network = running.containers.find((c) => c.name === POD_INFRA_CONTAINER_NAME)
    for (const c of running.containers) {
      if (c.name === POD_INFRA_CONTAINER_NAME) continue
      const spec = pod?.containers.find((s) => s.name === c.name) ?? null
      await this.killContainerInPod(c.id, spec, pod)
    }
    if (network) {
      await this.client.send('inspectNetworkContainer', engineApi.inspectContainer(network.id))
      // the pod spec has no POD container, so KillContainerInPod reads the labels
      await this.killContainerInPod(network.id, null, pod)
    }
  }

  /** KillContainerInPod: without the spec or the pod, they come from the labels. */
  async killContainerInPod(
    id: string,
    container: ContainerSpec | null,
    pod: PodSpec | null,
  ): Promise<void> {
    let grace = pod?.terminationGracePeriodSeconds ?? null
    if (!container || !pod) {
      const inspected = json<InspectedContainer>(
        await this.client.send('inspectForLabels', engineApi.inspectContainer(id)),
      )
      const label = inspected.Config?.Labels?.['io.kubernetes.pod.terminationGracePeriod']
      if (grace === null && label !== undefined) grace = Number(label)
    }
    // killContainer: minimumGracePeriodInSeconds = 2
    await this.client.send('stop', engineApi.stopContainer(id, Math.max(grace ?? 2, 2)))
  }

  /** Container GC: list every container, inspect each, remove the evictable dead ones. */
  async garbageCollect(
    policy: { minAgeMs: number; maxPerPodContainer: number; maxContainers: number },
    isPodDeleted: (uid: string) => boolean,
  ): Promise<void> {
    const listed = json<ListedContainer[]>(
      await this.client.send('containersGc', engineApi.listContainers(true)),
    )
    const newest = this.clock() - policy.minAgeMs
    type Dead = { id: string; created: number; uid: string }
    const units = new Map<string, Dead[]>()
    for (const c of listed) {
      const parsed = parseDockerName(c.Names?.[0] ?? '')
      if (!parsed) continue
      let inspected: InspectedContainer
      try {
        inspected = json<InspectedContainer>(
          await this.client.send('inspectGc', engineApi.inspectContainer(c.Id)),
        )
      } catch {
        continue
      }
      if (inspected.State?.Running) continue
      const created = Date.parse(inspected.Created ?? '') || 0
      if (newest < created) continue
      const key = `${parsed.podUid}/${parsed.containerName}`
      const unit = units.get(key) ?? []
      unit.push({ id: c.Id, created, uid: parsed.podUid })
      units.set(key, unit)
    }
    const remove = async (dead: Dead[]) => {
      for (const d of dead) {
        await this.client.send('removeGc', engineApi.removeContainer(d.id)).catch(() => undefined)
      }
    }
    for (const [key, unit] of units) {
      unit.sort((a, b) => b.created - a.created)
      if (unit[0] && isPodDeleted(unit[0].uid)) {
        await remove([...unit].reverse())
        units.delete(key)
      }
    }
    if (policy.maxPerPodContainer >= 0) {
      for (const unit of units.values()) {
        if (unit.length > policy.maxPerPodContainer) {
          await remove(unit.splice(policy.maxPerPodContainer).reverse())
        }
      }
    }
  }

  /** 1.4 podContainerDeletor → containerGC.deleteContainer: inspect, then remove. */
  async deleteContainer(id: string): Promise<void> {
    const inspected = json<InspectedContainer>(
      await this.client.send('inspectDelete', engineApi.inspectContainer(id)),
    )
    if (inspected.State?.Running) throw new Error(`container "${id}" is still running`)
    await this.client.send('removeGc', engineApi.removeContainer(id))
  }

  /** Image GC detectImages: ListImages, then GetPods(true) for the images in use. */
  async detectImages(): Promise<{ images: ListedImage[]; inUse: Set<string> }> {
    const images = json<ListedImage[]>(
      await this.client.send('imagesDetect', engineApi.listImages()),
    )
    const pods = await this.getPods(true, 'containersDetect')
    const inUse = new Set(pods.flatMap((p) => p.containers.map((c) => c.imageId)))
    return { images, inUse }
  }

  /** DockerManager.RemoveImage: 1.3 deletes by id with noprune=1; 1.4 inspects, and deletes tag by tag when several. */
  async removeImage(id: string): Promise<void> {
    if (this.release === '1.4') {
      const tags = (await this.inspectImage('inspectImageGc', id).catch(() => null))?.RepoTags ?? []
      if (tags.length > 1) {
        for (const tag of tags)
          await this.client.send('removeImageTag', engineApi.removeImage(tag, true))
        return
      }
      await this.client.send('removeImage', engineApi.removeImage(id, true))
      return
    }
    await this.client.send('removeImage', engineApi.removeImage(id, false))
  }

  /** imageStatsProvider.ImageStats: ListImages, ImageHistory of each image not seen before. */
  async imageStats(): Promise<void> {
    const images = json<ListedImage[]>(
      await this.client.send('statsListImages', engineApi.listImages()),
    )
    const current = new Set<string>()
    for (const image of images) {
      current.add(image.Id)
      if (this.historyKnown.has(image.Id)) continue
      await this.client.send('statsHistory', engineApi.imageHistory(image.Id))
      this.historyKnown.add(image.Id)
    }
    for (const id of this.historyKnown) if (!current.has(id)) this.historyKnown.delete(id)
  }
}

/** docker.go matchImageTagOrSHA (1.4), for the references the kubelet uses. */
function matchImageTagOrSha(inspected: InspectedImage, image: string): boolean {
  const at = image.indexOf('@')
  if (at >= 0) {
    const digest = image.slice(at + 1)
    return (
      (inspected.RepoDigests ?? []).some((d) => d.endsWith(`@${digest}`)) || inspected.Id === digest
    )
  }
  const slash = image.lastIndexOf('/')
  const colon = image.lastIndexOf(':')
  if (colon <= slash) return true
  return (inspected.RepoTags ?? []).some((tag) => image.endsWith(tag) || tag.endsWith(image))
}

/** kubecontainer.ShouldContainerBeRestarted for a container that is not running. */
function shouldRestart(pod: PodSpec, current: ContainerStatus | undefined): boolean {
  if (!current) return true
  if (pod.restartPolicy === 'Never') return false
  if (pod.restartPolicy === 'OnFailure') return current.exitCode !== 0
  return true
}

/** kubecontainer.ConvertPodStatusToRunningPod: the running containers of a status. */
export function runningPodOf(pod: PodSpec, status: PodStatus): RuntimePod {
  return {
    uid: pod.uid,
    name: pod.name,
    namespace: pod.namespace,
    containers: status.containers
      .filter((c) => c.state === 'running')
      .map((c) => ({ id: c.id, name: c.name, state: c.state, imageId: c.image })),
  }
}

/** Reads a streamed answer (pull progress) to its end, as the kubelet's progress reporter does. */
export async function drain(response: { stream?: { read(): Promise<Uint8Array | null> } }) {
  if (!response.stream) return
  while ((await response.stream.read()) !== null) {
    // progress messages: the kubelet only logs them
  }
}
