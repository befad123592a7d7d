import { engineApi, json } from './client.ts'
import type { DockerManager } from './docker-manager.ts'
import type { InspectedContainer, ListedContainer, ListedImage } from './docker-types.ts'
import { parseDockerName } from './pod.ts'

/**
 * Garbage collection and image stats (container_gc.go, docker_manager.go RemoveImage,
 * images.go ImageStats, the image GC manager's detectImages).
 */

/** Container GC: list every container, inspect each, remove the evictable dead ones. */
export async function garbageCollect(
  dm: DockerManager,
  policy: { minAgeMs: number; maxPerPodContainer: number; maxContainers: number },
  isPodDeleted: (uid: string) => boolean,
): Promise<void> {
  const listed = json<ListedContainer[]>(
    await dm.client.send('containersGc', engineApi.listContainers(true)),
  )
  const newest = dm.clock() - policy.minAgeMs
  type Dead = { id: string; created: number; uid: string }
  const units = new Map<string, Dead[]>()
  for (const c of listed) {
    const parsed = parseDockerName(c.Names?.[0] ?? '')
    if (!parsed) continue
    let inspected: InspectedContainer
    try {
      inspected = json<InspectedContainer>(
        await dm.client.send('inspectGc', engineApi.inspectContainer(c.Id)),
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
  // removeOldestN: each unit is sorted newest first (byCreated), and the loop runs from the first
  // container to remove to the end of the slice, so the newest of those goes first. (Its comment
  // says "from oldest to newest"; the loop does the opposite, and the real kubelet's calls
  // recorded against a daemon show newest first.)
  const remove = async (dead: Dead[]) => {
    for (const d of dead) {
      await dm.client.send('removeGc', engineApi.removeContainer(d.id)).catch(() => undefined)
    }
  }
  for (const [key, unit] of units) {
    unit.sort((a, b) => b.created - a.created)
    if (unit[0] && isPodDeleted(unit[0].uid)) {
      await remove(unit)
      units.delete(key)
    }
  }
  if (policy.maxPerPodContainer >= 0) {
    for (const unit of units.values()) {
      if (unit.length > policy.maxPerPodContainer) {
        await remove(unit.splice(policy.maxPerPodContainer))
      }
    }
  }
}

/** 1.4 podContainerDeletor → containerGC.deleteContainer: inspect, then remove. */
export async function deleteContainer(dm: DockerManager, id: string): Promise<void> {
  const inspected = json<InspectedContainer>(
    await dm.client.send('inspectDelete', engineApi.inspectContainer(id)),
  )
  if (inspected.State?.Running) throw new Error(`container "${id}" is still running`)
  await dm.client.send('removeGc', engineApi.removeContainer(id))
}

/** Image GC detectImages: ListImages, then GetPods(true) for the images in use. */
export async function detectImages(
  dm: DockerManager,
): Promise<{ images: ListedImage[]; inUse: Set<string> }> {
  const images = json<ListedImage[]>(await dm.client.send('imagesDetect', engineApi.listImages()))
  const pods = await dm.getPods(true, 'containersDetect')
  const inUse = new Set(pods.flatMap((p) => p.containers.map((c) => c.imageId)))
  return { images, inUse }
}

/** DockerManager.RemoveImage: 1.3 deletes by id with noprune=1; 1.4 inspects, and deletes tag by tag when several. */
export async function removeImage(dm: DockerManager, id: string): Promise<void> {
  if (dm.release === '1.4') {
    const tags = (await dm.inspectImage('inspectImageGc', id).catch(() => null))?.RepoTags ?? []
    if (tags.length > 1) {
      for (const tag of tags)
        await dm.client.send('removeImageTag', engineApi.removeImage(tag, true))
      return
    }
    await dm.client.send('removeImage', engineApi.removeImage(id, true))
    return
  }
  await dm.client.send('removeImage', engineApi.removeImage(id, false))
}

/** imageStatsProvider.ImageStats: ListImages, ImageHistory of each image not seen before. */
export async function imageStats(dm: DockerManager): Promise<void> {
  const images = json<ListedImage[]>(
    await dm.client.send('statsListImages', engineApi.listImages()),
  )
  const current = new Set<string>()
  for (const image of images) {
    current.add(image.Id)
    if (dm.historyKnown.has(image.Id)) continue
    await dm.client.send('statsHistory', engineApi.imageHistory(image.Id))
    dm.historyKnown.add(image.Id)
  }
  for (const id of dm.historyKnown) if (!current.has(id)) dm.historyKnown.delete(id)
}
