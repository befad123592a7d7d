import type { listContainers, listImages } from '../../daemon/index.ts'

type ContainerSummary = ReturnType<typeof listContainers>[number]
type ImageSummary = ReturnType<typeof listImages>[number]

/** What one call changed in the daemon: a container or image that appeared or went, a new status. */
export type DaemonChange =
  | { kind: 'added' | 'removed'; name: string }
  | { kind: 'status'; name: string; from: string; to: string }
  | { kind: 'image-added' | 'image-removed'; name: string }

/** The parts of the daemon's state a learner follows: containers by name, images by tag. */
export interface DaemonView {
  containers: ReadonlyMap<string, { name: string; status: string }>
  images: ReadonlyMap<string, string>
}

export function viewOf(
  containers: readonly ContainerSummary[],
  images: readonly ImageSummary[],
): DaemonView {
  return {
    containers: new Map(containers.map((c) => [c.id, { name: c.name, status: c.status }])),
    images: new Map(images.map((i) => [i.id, i.tags[0] ?? i.id.slice(0, 19)])),
  }
}

/** The changes from `before` to `after`, containers first, in the daemon's order. */
export function diffDaemon(before: DaemonView, after: DaemonView): DaemonChange[] {
  const changes: DaemonChange[] = []
  for (const [id, c] of after.containers) {
    const old = before.containers.get(id)
    if (!old) changes.push({ kind: 'added', name: c.name })
    else if (old.status !== c.status)
      changes.push({ kind: 'status', name: c.name, from: old.status, to: c.status })
  }
  for (const [id, c] of before.containers) {
    if (!after.containers.has(id)) changes.push({ kind: 'removed', name: c.name })
  }
  for (const [id, tag] of after.images) {
    if (!before.images.has(id)) changes.push({ kind: 'image-added', name: tag })
  }
  for (const [id, tag] of before.images) {
    if (!after.images.has(id)) changes.push({ kind: 'image-removed', name: tag })
  }
  return changes
}
