import type { DaemonState } from './state.ts'

/**
 * Read-only summaries of the daemon's state for UIs, lessons and tests: what a learner sees
 * in the state panel and which ids presets fill in. Features read these instead of walking
 * `daemon.state`'s maps, so the state's shape can change without touching them.
 */

export interface ContainerSummary {
  id: string
  /** Without the leading slash, as `docker ps` shows it. */
  name: string
  image: string
  status: string
  running: boolean
  tty: boolean
  created: string
}

export interface ExecSummary {
  id: string
  containerId: string
  /** The container's name without the slash, '' when the container is gone. */
  containerName: string
  command: string
  tty: boolean
  phase: 'created' | 'running' | 'exited'
  exitCode: number | null
}

export interface ImageSummary {
  id: string
  tags: string[]
}

type Readable = Pick<DaemonState, 'containers' | 'execs' | 'images'>

/** Containers in creation order (the daemon's maps keep insertion order). */
export function listContainers(state: Readable): ContainerSummary[] {
  return [...state.containers.values()].map((c) => ({
    id: c.id,
    name: c.name.replace(/^\//, ''),
    image: typeof c.config.Image === 'string' ? c.config.Image : '',
    status: c.state.status,
    running: c.state.status === 'running' || c.state.status === 'paused',
    tty: c.config.Tty === true,
    created: c.created,
  }))
}

/** Exec instances in creation order. */
export function listExecs(state: Readable): ExecSummary[] {
  return [...state.execs.values()].map((e) => ({
    id: e.id,
    containerId: e.containerId,
    containerName: state.containers.get(e.containerId)?.name.replace(/^\//, '') ?? '',
    command: [e.entrypoint, ...e.arguments].join(' '),
    tty: e.tty,
    phase: e.phase,
    exitCode: e.exitCode,
  }))
}

export function listImages(state: Readable): ImageSummary[] {
  return [...state.images.values()].map((image) => ({ id: image.id, tags: [...image.repoTags] }))
}

/** The most recently created container, if any. */
export function newestContainer(state: Readable): ContainerSummary | undefined {
  return listContainers(state).at(-1)
}

/** The most recently created exec instance, of one container (by name or id) or of any. */
export function newestExec(state: Readable, container?: string): ExecSummary | undefined {
  const execs = listExecs(state)
  if (container === undefined) return execs.at(-1)
  const name = container.replace(/^\//, '')
  return execs.filter((e) => e.containerName === name || e.containerId === container).at(-1)
}

/** What a full id names in this daemon: a container, an exec instance, an image, or nothing. */
export function kindOfId(state: Readable, id: string): 'container' | 'exec' | 'image' | undefined {
  if (state.containers.has(id)) return 'container'
  if (state.execs.has(id)) return 'exec'
  if (state.images.has(id) || state.images.has(`sha256:${id}`)) return 'image'
  return undefined
}
