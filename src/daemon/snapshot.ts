import type { DaemonState, JsonObject } from './state'

/**
 * JSON snapshots of the state, so the browser can keep the simulated daemon across reloads.
 * Maps become entry arrays. Restoring validates the shape before touching anything.
 */

export const SNAPSHOT_FORMAT = 'docker-api-explorer/daemon-snapshot@1'

export interface SnapshotData {
  format: typeof SNAPSHOT_FORMAT
  dockerVersion: string
  prng: number
  pid: number
  images: unknown[]
  containers: unknown[]
  names: Array<[string, string]>
  execs: unknown[]
  volumes: unknown[]
  networks: unknown[]
  events: unknown[]
  swarm: unknown
}

export function toSnapshot(
  state: DaemonState,
  meta: { dockerVersion: string; prng: number; pid: number },
): string {
  const data: SnapshotData = {
    format: SNAPSHOT_FORMAT,
    dockerVersion: meta.dockerVersion,
    prng: meta.prng,
    pid: meta.pid,
    images: [...state.images.values()],
    containers: [...state.containers.values()],
    names: [...state.names.entries()],
    execs: [...state.execs.values()],
    volumes: [...state.volumes.values()],
    networks: [...state.networks.values()],
    events: state.events,
    swarm: state.swarm,
  }
  return JSON.stringify(data)
}

const isObj = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function records<T>(
  v: unknown,
  what: string,
  key: string,
  check: (o: JsonObject) => boolean,
): Map<string, T> {
  if (!Array.isArray(v)) throw new Error(`Invalid snapshot: ${what} must be an array`)
  const m = new Map<string, T>()
  for (const item of v) {
    if (!isObj(item) || typeof item[key] !== 'string' || !check(item)) {
      throw new Error(`Invalid snapshot: malformed entry in ${what}`)
    }
    m.set(item[key] as string, item as unknown as T)
  }
  return m
}

const arr = (o: JsonObject, k: string) => Array.isArray(o[k])
const str = (o: JsonObject, k: string) => typeof o[k] === 'string'

/** Parses and validates; throws an Error (and changes nothing) when malformed. */
export function fromSnapshot(json: string): {
  state: DaemonState
  dockerVersion: string
  prng: number
  pid: number
} {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch (e) {
    throw new Error(`Invalid snapshot: ${(e as Error).message}`)
  }
  if (!isObj(data) || data.format !== SNAPSHOT_FORMAT)
    throw new Error('Invalid snapshot: unknown format')
  if (
    typeof data.prng !== 'number' ||
    typeof data.pid !== 'number' ||
    typeof data.dockerVersion !== 'string'
  ) {
    throw new Error('Invalid snapshot: missing metadata')
  }
  const images = records<DaemonState['images'] extends Map<string, infer T> ? T : never>(
    data.images,
    'images',
    'id',
    (o) => arr(o, 'repoTags') && arr(o, 'repoDigests') && isObj(o.config) && arr(o, 'history'),
  )
  const containers = records<DaemonState['containers'] extends Map<string, infer T> ? T : never>(
    data.containers,
    'containers',
    'id',
    (o) =>
      str(o, 'name') &&
      isObj(o.config) &&
      isObj(o.hostConfig) &&
      isObj(o.state) &&
      arr(o, 'logs') &&
      arr(o, 'execIds') &&
      arr(o, 'networks') &&
      arr(o, 'mounts') &&
      arr(o, 'args') &&
      arr(o, 'changes') &&
      arr(o, 'files'),
  )
  const execs = records<DaemonState['execs'] extends Map<string, infer T> ? T : never>(
    data.execs,
    'execs',
    'id',
    (o) => str(o, 'containerId') && arr(o, 'arguments') && arr(o, 'output'),
  )
  const volumes = records<DaemonState['volumes'] extends Map<string, infer T> ? T : never>(
    data.volumes,
    'volumes',
    'name',
    (o) => str(o, 'driver') && isObj(o.labels),
  )
  const networks = records<DaemonState['networks'] extends Map<string, infer T> ? T : never>(
    data.networks,
    'networks',
    'id',
    (o) => str(o, 'name') && arr(o, 'containers') && isObj(o.ipam),
  )
  if (
    !Array.isArray(data.names) ||
    !data.names.every(
      (p) =>
        Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string',
    )
  ) {
    throw new Error('Invalid snapshot: malformed names')
  }
  if (!Array.isArray(data.events) || !data.events.every(isObj))
    throw new Error('Invalid snapshot: malformed events')
  const names = new Map<string, string>(data.names as Array<[string, string]>)
  const swarm = data.swarm ?? null
  if (
    swarm !== null &&
    (!isObj(swarm) ||
      typeof swarm.nodeId !== 'string' ||
      !Array.isArray(swarm.services) ||
      !isObj(swarm.spec))
  ) {
    throw new Error('Invalid snapshot: malformed swarm')
  }
  return {
    state: {
      images,
      containers,
      names,
      execs,
      volumes,
      networks,
      events: data.events as unknown as DaemonState['events'],
      swarm: swarm as unknown as DaemonState['swarm'],
    },
    dockerVersion: data.dockerVersion,
    prng: data.prng,
    pid: data.pid,
  }
}
