/**
 * The daemon's explicit state value. Keyed collections are Maps (never plain objects) so hostile
 * names like `__proto__` are just keys. Records are plain JSON-compatible values so a snapshot is
 * a straight serialisation.
 */

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'exited' | 'dead'

export interface ImageRecord {
  /** `sha256:<64 hex>` */
  id: string
  /** `repo:tag` references, e.g. `busybox:latest`. */
  repoTags: string[]
  repoDigests: string[]
  parent: string
  comment: string
  /** RFC 3339 */
  created: string
  container: string
  dockerVersion: string
  author: string
  /** The image's container config (Cmd, Entrypoint, Env, ExposedPorts …). */
  config: JsonObject
  architecture: string
  os: string
  size: number
  history: Array<{
    created: string
    createdBy: string
    size: number
    comment: string
    emptyLayer?: boolean
  }>
  layers: string[]
}

export interface ContainerStateRecord {
  status: ContainerStatus
  pid: number
  exitCode: number
  error: string
  /** RFC 3339, or the zero time. */
  startedAt: string
  finishedAt: string
  oomKilled: boolean
}

export interface LogEntry {
  /** 1 = stdout, 2 = stderr (stdcopy stream ids). */
  stream: 1 | 2
  text: string
  /** RFC 3339 Nano */
  time: string
}

/** What the simulated process does once started (see process.ts). */
export interface ProcessRecord {
  /** Exit time in ms (by the daemon clock) for timed commands (`sleep 5`); null = until stopped. */
  exitAt: number | null
  exitCode: number
  /** How the process reacts to SIGTERM (`sh` ignores it as PID 1: stop has to SIGKILL it). */
  ignoresSigterm: boolean
  /** Exit status after a graceful SIGTERM (servers like nginx exit 0; default 128 + 15). */
  termExitCode?: number
}

export interface ContainerRecord {
  id: string
  /** With the leading slash: `/web`. */
  name: string
  created: string
  path: string
  args: string[]
  config: JsonObject
  hostConfig: JsonObject
  /** Image id (`sha256:…`). */
  image: string
  state: ContainerStateRecord
  restartCount: number
  /** Restart back-off of the restart policy (ms), and when the pending restart happens. */
  restartDelayMs?: number
  restartAt?: number | null
  process: ProcessRecord | null
  logs: LogEntry[]
  execIds: string[]
  /** Network name → endpoint settings. */
  networks: Array<{
    name: string
    networkId: string
    endpointId: string
    ipAddress: string
    macAddress: string
    gateway: string
    ipPrefixLen: number
  }>
  mounts: Array<{
    name?: string
    source: string
    destination: string
    driver?: string
    mode: string
    rw: boolean
    propagation: string
  }>
  /** Filesystem changes (GET /changes), as produced by the simulated process. */
  changes: Array<{ Path: string; Kind: number }>
  /** Files added through PUT /archive or created by the process: path → content. */
  files: Array<{ path: string; content: string }>
  sizeRw: number
}

export interface ExecRecord {
  id: string
  containerId: string
  tty: boolean
  attachStdin: boolean
  attachStdout: boolean
  attachStderr: boolean
  detachKeys: string
  privileged: boolean
  user: string
  entrypoint: string
  arguments: string[]
  /** 'created' until started; 'running' while its process lives; 'exited' afterwards. */
  phase: 'created' | 'running' | 'exited'
  exitCode: number | null
  pid: number
  output: LogEntry[]
  /** ms by the daemon clock when a timed exec ends. */
  exitAt: number | null
}

export interface VolumeRecord {
  name: string
  driver: string
  mountpoint: string
  labels: Record<string, string>
  options: Record<string, string>
  scope: 'local'
}

export interface NetworkRecord {
  id: string
  name: string
  driver: string
  scope: string
  enableIPv6: boolean
  internal: boolean
  ipam: JsonObject
  options: Record<string, string>
  labels: Record<string, string>
  /** Container id → endpoint. */
  containers: Array<{
    containerId: string
    endpointId: string
    macAddress: string
    ipv4Address: string
  }>
  /** Index for allocating addresses in the subnet. */
  nextHost: number
  subnet: string
  gateway: string
}

export interface EventRecord {
  Type: 'container' | 'image' | 'volume' | 'network' | 'daemon' | 'plugin'
  Action: string
  Actor: { ID: string; Attributes: Record<string, string> }
  time: number
  timeNano: number
  /** Legacy fields, kept for containers and images as 1.12 did. */
  status?: string
  id?: string
  from?: string
}

export interface ServiceRecord {
  id: string
  version: number
  createdAt: string
  updatedAt: string
  spec: JsonObject
  /** One task id per replica slot. */
  taskIds: string[]
}

/** Swarm mode (new in 1.12): null while the node is not part of a swarm. */
export interface SwarmRecord {
  id: string
  nodeId: string
  createdAt: string
  updatedAt: string
  version: number
  spec: JsonObject
  workerToken: string
  managerToken: string
  listenAddr: string
  advertiseAddr: string
  services: ServiceRecord[]
}

export interface DaemonState {
  readonly images: Map<string, ImageRecord>
  readonly containers: Map<string, ContainerRecord>
  /** `/name` → container id. */
  readonly names: Map<string, string>
  readonly execs: Map<string, ExecRecord>
  readonly volumes: Map<string, VolumeRecord>
  readonly networks: Map<string, NetworkRecord>
  readonly events: EventRecord[]
  /** Swarm mode state; null = not part of a swarm (the usual 1.12 daemon). */
  swarm: SwarmRecord | null
}

export function emptyState(): DaemonState {
  return {
    images: new Map(),
    containers: new Map(),
    names: new Map(),
    execs: new Map(),
    volumes: new Map(),
    networks: new Map(),
    events: [],
    swarm: null,
  }
}

/** Container statuses that count as "running" for list/kill/stop/… */
export const isRunning = (c: ContainerRecord): boolean =>
  c.state.status === 'running' || c.state.status === 'paused' || c.state.status === 'restarting'
