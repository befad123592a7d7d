import { DockerError, engineApi, json, type KubeClient } from './client.ts'
import type { InspectedContainer, InspectedImage, ListedContainer } from './docker-types.ts'
import { withDefaultTag } from './engine-api.ts'
import {
  type ContainerSpec,
  createBody,
  dockerName,
  type PodSpec,
  parseDockerName,
  pullPolicyOf,
} from './pod.ts'
import type { SiteId } from './sites.ts'

/**
 * DockerManager (pkg/kubelet/dockertools/docker_manager.go) as the model runs it: GetPods,
 * GetPodStatus, the image puller, the version cache and runContainerInPod, in the order the Go
 * code makes their calls. SyncPod and the kills are in sync-pod.ts, the GC and image stats in
 * gc.ts, exec and attach in streams.ts; they take a DockerManager.
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
  readonly historyKnown = new Set<string>()
  constructor(
    readonly client: KubeClient,
    /** The kubelet's clock in ms (the version cache TTL, GC ages). */
    readonly clock: () => number,
    /** rand.Uint32 for container names. */
    private readonly random: () => number,
  ) {}

  get release() {
    return this.client.release
  }

  /** NewDockerManager: one GET /info; on an error the kubelet logs it and goes on with /var/lib/docker. */
  async start(): Promise<void> {
    await this.client.send('startInfo', engineApi.info()).catch(() => undefined)
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
  async inspectImage(site: SiteId, image: string): Promise<InspectedImage | null> {
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
    const name = dockerName(pod, container, this.random())
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

/** Reads a streamed answer (pull progress) to its end, as the kubelet's progress reporter does. */
export async function drain(response: { stream?: { read(): Promise<Uint8Array | null> } }) {
  if (!response.stream) return
  while ((await response.stream.read()) !== null) {
    // progress messages: the kubelet only logs them
  }
}
