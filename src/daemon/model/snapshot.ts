import {
  arrayOf,
  type Check,
  containerRecord,
  eventRecord,
  execRecord,
  imageRecord,
  nameEntry,
  networkRecord,
  swarmRecord,
  volumeRecord,
} from './snapshot-validate.ts'
import type {
  ContainerRecord,
  DaemonState,
  ExecRecord,
  ImageRecord,
  JsonObject,
  NetworkRecord,
  VolumeRecord,
} from './state.ts'

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

/** Every record is checked field by field (snapshot-validate.ts) and keyed by its own id. */
function records<T>(v: unknown, what: string, key: string, check: Check): Map<string, T> {
  if (!Array.isArray(v)) throw new Error(`Invalid snapshot: ${what} must be an array`)
  const m = new Map<string, T>()
  for (let i = 0; i < v.length; i++) {
    const problem = check(v[i], `${what}[${i}]`)
    if (problem !== null) throw new Error(`Invalid snapshot: ${problem}`)
    const id = (v[i] as JsonObject)[key] as string
    if (m.has(id))
      throw new Error(`Invalid snapshot: duplicate ${what} entry ${JSON.stringify(id)}`)
    m.set(id, v[i] as T)
  }
  return m
}

function must(problem: string | null): void {
  if (problem !== null) throw new Error(`Invalid snapshot: ${problem}`)
}

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
  const images = records<ImageRecord>(data.images, 'images', 'id', imageRecord)
  const containers = records<ContainerRecord>(data.containers, 'containers', 'id', containerRecord)
  const execs = records<ExecRecord>(data.execs, 'execs', 'id', execRecord)
  const volumes = records<VolumeRecord>(data.volumes, 'volumes', 'name', volumeRecord)
  const networks = records<NetworkRecord>(data.networks, 'networks', 'id', networkRecord)
  must(arrayOf(nameEntry)(data.names, 'names'))
  must(arrayOf(eventRecord)(data.events, 'events'))
  const swarm = data.swarm ?? null
  must(swarmRecord(swarm, 'swarm'))
  if (!Number.isSafeInteger(data.pid) || data.pid < 0)
    throw new Error('Invalid snapshot: pid must be a non-negative integer')
  if (!Number.isSafeInteger(data.prng)) throw new Error('Invalid snapshot: prng must be an integer')
  const names = new Map<string, string>(data.names as Array<[string, string]>)
  // References between records (names, execIds, exec.containerId) are not required to
  // resolve: lookups treat a dangling one as "no such …", and reachable states have some
  // (a generated service name is reserved in the container names).
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
