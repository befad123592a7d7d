import { engineApi, json } from './client.ts'
import type { ContainerStatus, DockerManager, PodStatus, RuntimePod } from './docker-manager.ts'
import type { InspectedContainer } from './docker-types.ts'
import {
  type ContainerSpec,
  hashContainer,
  infraContainer,
  POD_INFRA_CONTAINER_NAME,
  type PodSpec,
} from './pod.ts'

/**
 * DockerManager.SyncPod and the kills (docker_manager.go): computePodContainerChanges, the
 * kill of what must go, the infra container, then the containers to start. Where Go runs
 * goroutines (KillPod) or ranges over a map (SyncPod's containers to start) the model goes in
 * the pod's container order.
 */

/** SyncPod: computePodContainerChanges, then kill, create the infra container, start. */
export async function syncPod(
  dm: DockerManager,
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
    await killPod(dm, pod, runningPodOf(pod, status))
  } else {
    for (const running of status.containers.filter((c) => c.state === 'running')) {
      if (toKeep.has(running.id)) continue
      const spec = pod.containers.find((c) => c.name === running.name) ?? null
      await killContainerInPod(dm, running.id, spec, pod)
    }
  }

  let infraId = !startInfra && infra ? infra.id : null
  if (startInfra && toStart.length > 0) {
    await dm.ensureImageExists(infraContainer)
    infraId = await dm.runContainerInPod(pod, infraContainer, null, 0)
    // the pod IP, read from the infra container after the network plugin's SetUpPod
    await dm.client.send('inspectInfra', engineApi.inspectContainer(infraId))
  }
  for (const { container } of toStart) {
    // tryContainerStart: EnsureImageExists, runAsNonRoot, runContainerInPod
    await dm.ensureImageExists(container)
    if (container.runAsNonRoot) await verifyNonRoot(dm, container)
    const previous = status.containers.find((c) => c.name === container.name)
    const restartCount = previous ? previous.restartCount + 1 : 0
    await dm.runContainerInPod(pod, container, infraId, restartCount)
  }
}

/** verifyNonRoot → isImageRoot: refuses an image whose Config.User is empty, root or 0. */
export async function verifyNonRoot(dm: DockerManager, container: ContainerSpec): Promise<void> {
  const image = await dm.inspectImage('imageRoot', container.image)
  if (!image) throw new Error(`image ${container.image} not found`)
  const user = (image.Config?.User ?? '').split(':')[0] ?? ''
  if (user === '' || user === 'root' || user === '0') {
    throw new Error('container has no runAsUser and image will run as root')
  }
}

/** KillPod / killPodWithSyncResult: app containers first, the infra container last. */
export async function killPod(
  dm: DockerManager,
  pod: PodSpec | null,
  running: RuntimePod,
): Promise<void> {
  const network = running.containers.find((c) => c.name === POD_INFRA_CONTAINER_NAME)
  const apps = running.containers.filter((c) => c.name !== POD_INFRA_CONTAINER_NAME)
  // killPodWithSyncResult stops the app containers in goroutines, one per container, and waits.
  // Go tends to run the goroutine started last first (the scheduler's runnext slot), then the
  // others in the order they were started: the real kubelet's recorded calls show that order in
  // 4 of 6 runs. It is a race; the model takes the usual outcome.
  const last = apps.pop()
  for (const c of last ? [last, ...apps] : apps) {
    const spec = pod?.containers.find((s) => s.name === c.name) ?? null
    await killContainerInPod(dm, c.id, spec, pod)
  }
  if (network) {
    await dm.client.send('inspectNetworkContainer', engineApi.inspectContainer(network.id))
    // the pod spec has no POD container, so KillContainerInPod reads the labels
    await killContainerInPod(dm, network.id, null, pod)
  }
}

/** KillContainerInPod: without the spec or the pod, they come from the labels. */
export async function killContainerInPod(
  dm: DockerManager,
  id: string,
  container: ContainerSpec | null,
  pod: PodSpec | null,
): Promise<void> {
  let grace = pod?.terminationGracePeriodSeconds ?? null
  if (!container || !pod) {
    const inspected = json<InspectedContainer>(
      await dm.client.send('inspectForLabels', engineApi.inspectContainer(id)),
    )
    const label = inspected.Config?.Labels?.['io.kubernetes.pod.terminationGracePeriod']
    if (grace === null && label !== undefined) grace = Number(label)
  }
  // killContainer: minimumGracePeriodInSeconds = 2
  await dm.client.send('stop', engineApi.stopContainer(id, Math.max(grace ?? 2, 2)))
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
