/**
 * A small hand-rolled shape checker for snapshot records. Every field the model reads is
 * described here with its type, so a restored state can never hold a record that makes a
 * handler throw a JS TypeError (a 500 "Cannot read properties of undefined …" for ever).
 * `check` returns null when the value fits, or the path and reason of the first mismatch.
 */

export type Check = (v: unknown, path: string) => string | null

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const typed =
  (name: string, ok: (v: unknown) => boolean): Check =>
  (v, path) =>
    ok(v) ? null : `${path} must be ${name}`

export const str: Check = typed('a string', (v) => typeof v === 'string')
export const num: Check = typed(
  'a finite number',
  (v) => typeof v === 'number' && Number.isFinite(v),
)
export const int: Check = typed('an integer', (v) => Number.isInteger(v))
export const bool: Check = typed('a boolean', (v) => typeof v === 'boolean')
/** Any JSON object (contents unchecked). */
export const anyObj: Check = typed('an object', isObj)

export const oneOf =
  (...values: readonly (string | number)[]): Check =>
  (v, path) =>
    values.includes(v as string | number) ? null : `${path} must be one of ${values.join(', ')}`

export const nullable =
  (c: Check): Check =>
  (v, path) =>
    v === null ? null : c(v, path)

/** Optional field: absent (undefined) or fits. */
export const opt =
  (c: Check): Check =>
  (v, path) =>
    v === undefined ? null : c(v, path)

export const arrayOf =
  (c: Check): Check =>
  (v, path) => {
    if (!Array.isArray(v)) return `${path} must be an array`
    for (let i = 0; i < v.length; i++) {
      const e = c(v[i], `${path}[${i}]`)
      if (e !== null) return e
    }
    return null
  }

/** An object whose values all fit `c` (keys are free). */
export const mapOf =
  (c: Check): Check =>
  (v, path) => {
    if (!isObj(v)) return `${path} must be an object`
    for (const [k, x] of Object.entries(v)) {
      const e = c(x, `${path}.${k}`)
      if (e !== null) return e
    }
    return null
  }

/** An object with these fields (other fields are allowed and unchecked). */
export const shape =
  (fields: Record<string, Check>): Check =>
  (v, path) => {
    if (!isObj(v)) return `${path} must be an object`
    for (const [k, c] of Object.entries(fields)) {
      const e = c(v[k], `${path}.${k}`)
      if (e !== null) return e
    }
    return null
  }

const strList = arrayOf(str)
const strMap = mapOf(str)

/*
 * Config-like values (container/image Config and HostConfig, network IPAM and options, volume
 * labels, service specs) hold what the API accepted, and the API only type-checks some of it
 * (HostConfig.PortBindings and RestartPolicy are any object; a loaded image's config is taken
 * as it is and flows into containers created from it). The model reads them defensively, so
 * they are only required to be objects: being stricter would reject snapshots of reachable
 * states (a snapshot must always restore).
 */
const containerConfig = anyObj
const hostConfig = anyObj

const logEntry = shape({ stream: oneOf(1, 2), text: str, time: str })

export const imageRecord = shape({
  id: str,
  repoTags: strList,
  repoDigests: strList,
  parent: str,
  comment: str,
  created: str,
  container: str,
  dockerVersion: str,
  author: str,
  config: containerConfig,
  architecture: str,
  os: str,
  size: num,
  history: arrayOf(
    shape({ created: str, createdBy: str, size: num, comment: str, emptyLayer: opt(bool) }),
  ),
  layers: strList,
})

export const containerRecord = shape({
  id: str,
  name: str,
  created: str,
  path: str,
  args: strList,
  config: containerConfig,
  hostConfig,
  image: str,
  state: shape({
    status: oneOf('created', 'running', 'paused', 'restarting', 'exited', 'dead'),
    pid: int,
    exitCode: int,
    error: str,
    startedAt: str,
    finishedAt: str,
    oomKilled: bool,
  }),
  restartCount: int,
  restartDelayMs: opt(num),
  restartAt: opt(nullable(num)),
  process: nullable(
    shape({
      exitAt: nullable(num),
      exitCode: int,
      ignoresSigterm: bool,
      termExitCode: opt(int),
    }),
  ),
  logs: arrayOf(logEntry),
  execIds: strList,
  networks: arrayOf(
    shape({
      name: str,
      networkId: str,
      endpointId: str,
      ipAddress: str,
      macAddress: str,
      gateway: str,
      ipPrefixLen: int,
    }),
  ),
  mounts: arrayOf(
    shape({
      name: opt(str),
      source: str,
      destination: str,
      driver: opt(str),
      mode: str,
      rw: bool,
      propagation: str,
    }),
  ),
  changes: arrayOf(shape({ Path: str, Kind: int })),
  files: arrayOf(shape({ path: str, content: str })),
  sizeRw: num,
})

export const execRecord = shape({
  id: str,
  containerId: str,
  tty: bool,
  attachStdin: bool,
  attachStdout: bool,
  attachStderr: bool,
  detachKeys: str,
  privileged: bool,
  user: str,
  entrypoint: str,
  arguments: strList,
  phase: oneOf('created', 'running', 'exited'),
  exitCode: nullable(int),
  pid: int,
  output: arrayOf(logEntry),
  exitAt: nullable(num),
})

export const volumeRecord = shape({
  name: str,
  driver: str,
  mountpoint: str,
  labels: anyObj,
  options: anyObj,
  scope: oneOf('local'),
})

export const networkRecord = shape({
  id: str,
  name: str,
  driver: str,
  scope: str,
  enableIPv6: bool,
  internal: bool,
  ipam: anyObj,
  options: anyObj,
  labels: anyObj,
  containers: arrayOf(
    shape({ containerId: str, endpointId: str, macAddress: str, ipv4Address: str }),
  ),
  nextHost: int,
  subnet: str,
  gateway: str,
})

export const eventRecord = shape({
  Type: oneOf('container', 'image', 'volume', 'network', 'daemon', 'plugin'),
  Action: str,
  Actor: shape({ ID: str, Attributes: strMap }),
  time: num,
  timeNano: num,
  status: opt(str),
  id: opt(str),
  from: opt(str),
})

const serviceRecord = shape({
  id: str,
  version: int,
  createdAt: str,
  updatedAt: str,
  spec: anyObj,
  taskIds: strList,
})

export const swarmRecord = nullable(
  shape({
    id: str,
    nodeId: str,
    createdAt: str,
    updatedAt: str,
    version: int,
    spec: anyObj,
    workerToken: str,
    managerToken: str,
    listenAddr: str,
    advertiseAddr: str,
    services: arrayOf(serviceRecord),
  }),
)

export const nameEntry: Check = (v, path) =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string'
    ? null
    : `${path} must be a [name, id] pair of strings`
