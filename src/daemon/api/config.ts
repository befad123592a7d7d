import { untyped } from '../errors.ts'
import type { JsonObject, JsonValue } from '../model/state.ts'
import { jsonKind, typeError } from '../wire/json.ts'
import { isObject } from './context.ts'

/**
 * Container create bodies: Go decodes JSON keys case-insensitively into the structs of
 * engine-api `container.Config` / `container.HostConfig`, and fails with an UnmarshalTypeError
 * when a value has the wrong JSON type.
 * @see moby runconfig/config.go DecodeContainerConfig, engine-api types/container/*.go at v1.12.6
 */

/** container.Config fields, in Go declaration order (which is also the JSON output order). */
export const CONFIG_FIELDS = [
  'Hostname',
  'Domainname',
  'User',
  'AttachStdin',
  'AttachStdout',
  'AttachStderr',
  'ExposedPorts',
  'Tty',
  'OpenStdin',
  'StdinOnce',
  'Env',
  'Cmd',
  'Healthcheck',
  'ArgsEscaped',
  'Image',
  'Volumes',
  'WorkingDir',
  'Entrypoint',
  'NetworkDisabled',
  'MacAddress',
  'OnBuild',
  'Labels',
  'StopSignal',
  'Shell',
] as const

export type Kind =
  | 'string'
  | 'bool'
  | 'int'
  | 'int64'
  | 'uint16'
  | 'uint64'
  | 'strslice'
  | 'strings'
  | 'strmap'
  | 'object'
  | 'portset'
  | 'volumeset'
  | 'portmap'
  | 'restart'
  | 'logconfig'

const GO_TYPE: Record<Kind, string> = {
  string: 'string',
  bool: 'bool',
  int: 'int',
  int64: 'int64',
  uint16: 'uint16',
  uint64: 'uint64',
  strslice: 'string',
  strings: 'string',
  strmap: 'string',
  object: 'struct',
  portset: 'map[nat.Port]struct {}',
  volumeset: 'map[string]struct {}',
  portmap: 'nat.PortMap',
  restart: 'container.RestartPolicy',
  logconfig: 'container.LogConfig',
}

/** The integer kinds and their ranges (Go's `reflect.Value.OverflowInt/Uint`). */
const INT_RANGE: Partial<Record<Kind, readonly [number, number]>> = {
  int: [-(2 ** 63), 2 ** 63 - 1],
  int64: [-(2 ** 63), 2 ** 63 - 1],
  uint16: [0, 65535],
  uint64: [0, 2 ** 64 - 1],
}

export const CONFIG_KINDS: Record<string, Kind> = {
  Hostname: 'string',
  Domainname: 'string',
  User: 'string',
  AttachStdin: 'bool',
  AttachStdout: 'bool',
  AttachStderr: 'bool',
  ExposedPorts: 'portset',
  Tty: 'bool',
  OpenStdin: 'bool',
  StdinOnce: 'bool',
  Env: 'strings',
  Cmd: 'strslice',
  Image: 'string',
  Volumes: 'volumeset',
  WorkingDir: 'string',
  Entrypoint: 'strslice',
  NetworkDisabled: 'bool',
  MacAddress: 'string',
  OnBuild: 'strings',
  Labels: 'strmap',
  StopSignal: 'string',
  Shell: 'strslice',
}

export const HOST_CONFIG_KINDS: Record<string, Kind> = {
  Binds: 'strings',
  ContainerIDFile: 'string',
  NetworkMode: 'string',
  PortBindings: 'portmap',
  Privileged: 'bool',
  PublishAllPorts: 'bool',
  ReadonlyRootfs: 'bool',
  Memory: 'int64',
  MemorySwap: 'int64',
  MemoryReservation: 'int64',
  KernelMemory: 'int64',
  MemorySwappiness: 'int64',
  CpuShares: 'int64',
  CpuPeriod: 'int64',
  CpuQuota: 'int64',
  CpusetCpus: 'string',
  CpusetMems: 'string',
  BlkioWeight: 'uint16',
  OomScoreAdj: 'int',
  ShmSize: 'int64',
  PidsLimit: 'int64',
  Links: 'strings',
  Dns: 'strings',
  DnsOptions: 'strings',
  DnsSearch: 'strings',
  ExtraHosts: 'strings',
  VolumesFrom: 'strings',
  CapAdd: 'strslice',
  CapDrop: 'strslice',
  GroupAdd: 'strings',
  SecurityOpt: 'strings',
  IpcMode: 'string',
  PidMode: 'string',
  UTSMode: 'string',
  UsernsMode: 'string',
  CgroupParent: 'string',
  VolumeDriver: 'string',
  Runtime: 'string',
  Isolation: 'string',
  RestartPolicy: 'restart',
  LogConfig: 'logconfig',
  Sysctls: 'strmap',
  StorageOpt: 'strmap',
  Tmpfs: 'strmap',
  AutoRemove: 'bool',
  Cgroup: 'string',
  OomKillDisable: 'bool',
  DiskQuota: 'int64',
  CpuCount: 'int64',
  CpuPercent: 'int64',
  IOMaximumIOps: 'uint64',
  IOMaximumBandwidth: 'uint64',
}

/**
 * Every JSON name of container.HostConfig and its embedded Resources. ContainerConfigWrapper
 * embeds a *container.HostConfig too: each of these keys at the top of a create (or start)
 * body allocates it, even when the value is null.
 * @see engine-api types/container/host_config.go (vendored at moby v1.12.6)
 */
const HOST_CONFIG_FIELDS = [
  ...Object.keys(HOST_CONFIG_KINDS),
  'ConsoleSize',
  'Isolation',
  'BlkioWeightDevice',
  'BlkioDeviceReadBps',
  'BlkioDeviceWriteBps',
  'BlkioDeviceReadIOps',
  'BlkioDeviceWriteIOps',
  'Devices',
  'Ulimits',
]

/** Finds `name` the way encoding/json does: exact key first, then case-insensitively. */
export function field(
  obj: Record<string, unknown>,
  name: string,
): { key: string; value: unknown } | undefined {
  if (Object.hasOwn(obj, name)) return { key: name, value: obj[name] }
  const lower = name.toLowerCase()
  for (const key of Object.keys(obj))
    if (key.toLowerCase() === lower) return { key, value: obj[key] }
  return undefined
}

export function checkKind(value: unknown, kind: Kind): void {
  normalise(value, kind)
}

/** A JSON object's values as Go decodes them into `struct{}`: anything but an object or null fails. */
function structSet(value: Record<string, unknown>): JsonObject {
  const out: JsonObject = {}
  for (const [k, v] of Object.entries(value)) {
    if (v !== null && !isObject(v)) throw typeError(jsonKind(v), 'struct {}')
    out[k] = {} // unknown keys of struct{} are dropped, however deep they go
  }
  return out
}

function portBinding(value: unknown): JsonObject {
  if (value === null) return { HostIp: '', HostPort: '' }
  if (!isObject(value)) throw typeError(jsonKind(value), 'nat.PortBinding')
  const ip = field(value, 'HostIp')?.value ?? null
  const port = field(value, 'HostPort')?.value ?? null
  checkKind(ip, 'string')
  checkKind(port, 'string')
  return {
    HostIp: typeof ip === 'string' ? ip : '',
    HostPort: typeof port === 'string' ? port : '',
  }
}

/**
 * Type-checks `value` as Go decodes it into `kind` (UnmarshalTypeError texts) and returns it in
 * the Go shape: fields Go does not know are dropped, so nothing deeper than the struct itself is
 * kept (a value nested 100,000 deep inside a volume's `{}` is gone, as in Go).
 */
export function normalise(value: unknown, kind: Kind): JsonValue {
  if (value === null) return null // null leaves the Go zero value
  switch (kind) {
    case 'string':
      if (typeof value !== 'string') throw typeError(jsonKind(value), 'string')
      return value
    case 'bool':
      if (typeof value !== 'boolean') throw typeError(jsonKind(value), 'bool')
      return value
    case 'int':
    case 'int64':
    case 'uint16':
    case 'uint64': {
      if (typeof value !== 'number') throw typeError(jsonKind(value), GO_TYPE[kind])
      const [min, max] = INT_RANGE[kind] ?? [0, 0]
      if (!Number.isInteger(value) || value < min || value > max)
        throw typeError(`number ${value}`, GO_TYPE[kind])
      return value
    }
    case 'strslice':
      // strslice.StrSlice.UnmarshalJSON: a []string, else a string; the second error is returned.
      if (typeof value === 'string') return [value]
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
        throw typeError(jsonKind(value), 'string')
      return value as string[]
    case 'strings':
      if (!Array.isArray(value)) throw typeError(jsonKind(value), '[]string')
      for (const v of value)
        if (v !== null && typeof v !== 'string') throw typeError(jsonKind(v), 'string')
      return value.map((v) => (typeof v === 'string' ? v : ''))
    case 'strmap': {
      if (!isObject(value)) throw typeError(jsonKind(value), 'map[string]string')
      const out: JsonObject = {}
      for (const [k, v] of Object.entries(value)) {
        if (v !== null && typeof v !== 'string') throw typeError(jsonKind(v), 'string')
        out[k] = typeof v === 'string' ? v : ''
      }
      return out
    }
    case 'object':
      if (!isObject(value)) throw typeError(jsonKind(value), GO_TYPE.object)
      return value as JsonObject
    case 'portset':
    case 'volumeset':
      if (!isObject(value)) throw typeError(jsonKind(value), GO_TYPE[kind])
      return structSet(value)
    case 'portmap': {
      if (!isObject(value)) throw typeError(jsonKind(value), GO_TYPE.portmap)
      const out: JsonObject = {}
      for (const [port, list] of Object.entries(value)) {
        if (list !== null && !Array.isArray(list))
          throw typeError(jsonKind(list), '[]nat.PortBinding')
        out[port] = list === null ? null : list.map(portBinding)
      }
      return out
    }
    case 'restart': {
      if (!isObject(value)) throw typeError(jsonKind(value), GO_TYPE.restart)
      const name = normalise(field(value, 'Name')?.value ?? null, 'string')
      const max = normalise(field(value, 'MaximumRetryCount')?.value ?? null, 'int')
      return { Name: name ?? '', MaximumRetryCount: max ?? 0 }
    }
    case 'logconfig': {
      if (!isObject(value)) throw typeError(jsonKind(value), GO_TYPE.logconfig)
      const type = normalise(field(value, 'Type')?.value ?? null, 'string')
      const config = normalise(field(value, 'Config')?.value ?? null, 'strmap')
      return { Type: type ?? '', Config: config }
    }
  }
}

/** The field a JSON key fills, as encoding/json matches it: the exact name, else case-insensitively. */
function fieldFor(key: string, kinds: Record<string, Kind>): string | undefined {
  if (Object.hasOwn(kinds, key)) return key
  const lower = key.toLowerCase()
  return Object.keys(kinds).find((name) => name.toLowerCase() === lower)
}

/**
 * Copies the known fields (canonical names) with type checks, in document order: the first
 * type error in the body is the one reported (Go keeps the first), and a later key for the same
 * field wins. Unknown keys are ignored, as Go does.
 */
export function pick(obj: Record<string, unknown>, kinds: Record<string, Kind>): JsonObject {
  const out: JsonObject = {}
  for (const key of Object.keys(obj)) {
    const name = fieldFor(key, kinds)
    if (name !== undefined) out[name] = normalise(obj[key], kinds[name] ?? 'object')
  }
  return out
}

/** Every key the create wrapper decodes at its top level, with its kind. */
const WRAPPER_KINDS: Record<string, Kind> = {
  ...HOST_CONFIG_KINDS,
  ...CONFIG_KINDS,
  Cpuset: 'string',
}

export interface CreateBody {
  /** null when no container.Config field was present (the embedded pointer stayed nil). */
  config: JsonObject | null
  hostConfig: JsonObject | null
  networkingConfig: JsonObject | null
}

export function parseCreateBody(body: unknown): CreateBody {
  if (body === null) return { config: null, hostConfig: null, networkingConfig: null }
  if (!isObject(body)) throw typeError(jsonKind(body), 'runconfig.ContainerConfigWrapper')
  // One pass in document order first, so the first type error of the body is the one reported.
  for (const key of Object.keys(body)) {
    const lower = key.toLowerCase()
    const value = body[key]
    if (lower === 'hostconfig') {
      if (isObject(value)) pick(value, HOST_CONFIG_KINDS)
      else if (value !== null) throw typeError(jsonKind(value), 'container.HostConfig')
    } else if (lower === 'networkingconfig') {
      if (isObject(value)) networkingConfig(value)
      else if (value !== null) throw typeError(jsonKind(value), 'network.NetworkingConfig')
    } else {
      pick({ [key]: value }, WRAPPER_KINDS)
    }
  }
  const present = CONFIG_FIELDS.some((name) => field(body, name) !== undefined)
  const config = present ? pick(body, CONFIG_KINDS) : null
  const nc = field(body, 'NetworkingConfig')?.value
  if (nc !== undefined && nc !== null && !isObject(nc)) {
    throw typeError(jsonKind(nc), 'network.NetworkingConfig')
  }
  return {
    config,
    hostConfig: wrapperHostConfig(body),
    networkingConfig: isObject(nc) ? networkingConfig(nc) : null,
  }
}

/** network.NetworkingConfig: only EndpointsConfig, a map of endpoint names (the settings are not modelled). */
function networkingConfig(nc: Record<string, unknown>): JsonObject {
  const endpoints = field(nc, 'EndpointsConfig')?.value ?? null
  if (endpoints === null) return { EndpointsConfig: null }
  if (!isObject(endpoints))
    throw typeError(jsonKind(endpoints), 'map[string]*network.EndpointSettings')
  const out: JsonObject = {}
  for (const [name, v] of Object.entries(endpoints)) {
    if (v !== null && !isObject(v)) throw typeError(jsonKind(v), 'network.EndpointSettings')
    out[name] = {}
  }
  return { EndpointsConfig: out }
}

/**
 * `ContainerConfigWrapper.getHostConfig`: HostConfig fields at the top of the body (the
 * embedded, deprecated *HostConfig) and the inner `HostConfig`. Without an inner one the
 * top-level fields are the HostConfig; with one, only Memory, MemorySwap, CpuShares,
 * CpusetCpus and VolumeDriver are taken from the top, where the inner value is zero. The
 * deprecated top-level `Cpuset` fills an empty CpusetCpus. Used by create and by start with a
 * body (DecodeHostConfig decodes the same wrapper).
 * @see moby runconfig/config_unix.go, runconfig/hostconfig.go DecodeHostConfig at v1.12.6
 */
export function wrapperHostConfig(body: Record<string, unknown>): JsonObject | null {
  const topPresent = HOST_CONFIG_FIELDS.some((name) => field(body, name) !== undefined)
  const top = topPresent ? pick(body, HOST_CONFIG_KINDS) : null
  const innerValue = field(body, 'HostConfig')?.value ?? null
  if (innerValue !== null && !isObject(innerValue))
    throw typeError(jsonKind(innerValue), 'container.HostConfig')
  const inner = innerValue === null ? null : pick(innerValue, HOST_CONFIG_KINDS)
  const cpuset = normalise(field(body, 'Cpuset')?.value ?? null, 'string')
  let hc = top
  if (inner !== null) {
    if (top !== null) {
      for (const k of ['Memory', 'MemorySwap', 'CpuShares'] as const)
        if (num(top, k) !== 0 && num(inner, k) === 0) inner[k] = num(top, k)
      for (const k of ['CpusetCpus', 'VolumeDriver'] as const)
        if (str(top, k) !== '' && str(inner, k) === '') inner[k] = str(top, k)
    }
    hc = inner
  }
  if (hc !== null && typeof cpuset === 'string' && cpuset !== '' && str(hc, 'CpusetCpus') === '')
    hc.CpusetCpus = cpuset
  return hc
}

/**
 * The decoded HostConfig with JSON nulls replaced by Go zero values ("" / 0 / false) for
 * scalar fields: `"Memory": null` leaves Memory 0 in Go, and inspect shows 0, not null.
 * Pointers (MemorySwappiness, OomKillDisable) stay null for adaptSettings to fill.
 */
export function withZeroValues(hc: JsonObject): JsonObject {
  const out: JsonObject = { ...hc }
  for (const [k, v] of Object.entries(out)) {
    if (v !== null || k === 'MemorySwappiness' || k === 'OomKillDisable') continue
    const kind = HOST_CONFIG_KINDS[k]
    if (kind === 'string') out[k] = ''
    else if (kind === 'bool') out[k] = false
    else if (kind === 'int' || kind === 'int64' || kind === 'uint16' || kind === 'uint64')
      out[k] = 0
    else if (kind === 'restart') out[k] = { Name: '', MaximumRetryCount: 0 }
    else if (kind === 'logconfig') out[k] = { Type: '', Config: null }
    else delete out[k] // nil slices and maps: the defaults' null / {} stand
  }
  return out
}

export const num = (o: JsonObject | null, k: string): number => {
  const v = o?.[k]
  return typeof v === 'number' ? v : 0
}
export const str = (o: JsonObject | null, k: string): string => {
  const v = o?.[k]
  return typeof v === 'string' ? v : ''
}
export const strs = (o: JsonObject | null, k: string): string[] => {
  const v = o?.[k]
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}

/** Defaults a 1.12 daemon filled into HostConfig (inspect output), in Go field order. */
export function defaultHostConfig(): JsonObject {
  return {
    Binds: null,
    ContainerIDFile: '',
    LogConfig: { Type: 'json-file', Config: {} },
    NetworkMode: 'default',
    PortBindings: {},
    RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
    AutoRemove: false,
    VolumeDriver: '',
    VolumesFrom: null,
    CapAdd: null,
    CapDrop: null,
    Dns: [],
    DnsOptions: [],
    DnsSearch: [],
    ExtraHosts: null,
    GroupAdd: null,
    IpcMode: '',
    Cgroup: '',
    Links: null,
    OomScoreAdj: 0,
    PidMode: '',
    Privileged: false,
    PublishAllPorts: false,
    ReadonlyRootfs: false,
    SecurityOpt: null,
    UTSMode: '',
    UsernsMode: '',
    ShmSize: 67108864,
    Runtime: 'runc',
    ConsoleSize: [0, 0],
    Isolation: '',
    CpuShares: 0,
    Memory: 0,
    CgroupParent: '',
    BlkioWeight: 0,
    BlkioWeightDevice: null,
    BlkioDeviceReadBps: null,
    BlkioDeviceWriteBps: null,
    BlkioDeviceReadIOps: null,
    BlkioDeviceWriteIOps: null,
    CpuPeriod: 0,
    CpuQuota: 0,
    CpusetCpus: '',
    CpusetMems: '',
    Devices: [],
    DiskQuota: 0,
    KernelMemory: 0,
    MemoryReservation: 0,
    MemorySwap: 0,
    MemorySwappiness: -1,
    OomKillDisable: false,
    PidsLimit: 0,
    Ulimits: null,
    CpuCount: 0,
    CpuPercent: 0,
    IOMaximumIOps: 0,
    IOMaximumBandwidth: 0,
  }
}

/**
 * The checks DecodeContainerConfig makes after decoding (runconfig/config.go): ValidateNetMode,
 * ValidateIsolation, ValidateQoS (runconfig/hostconfig_unix.go). Create only: update decodes
 * an UpdateConfig and start uses DecodeHostConfig, which skip them.
 */
export function validateDecoded(config: JsonObject | null, hc: JsonObject | null): void {
  if (hc === null) return
  const mode = str(hc, 'NetworkMode')
  const [kind, target] = mode.split(':')
  const isContainer = kind === 'container'
  if (isContainer && (target === undefined || target === ''))
    throw untyped('--net: invalid net mode: invalid container format container:<name|id>')
  // Go dereferences the Config here; without one it would panic, so these need a Config.
  if (config !== null) {
    const conflict = (what: string) => untyped(`Conflicting options: ${what}`)
    const isHost = mode === 'host'
    const hostname = str(config, 'Hostname') !== ''
    const links = strs(hc, 'Links').length > 0
    if (isContainer && hostname) throw conflict('hostname and the network mode')
    if (str(hc, 'UTSMode') === 'host' && hostname) throw conflict('hostname and the UTS mode')
    if (isHost && links)
      throw conflict(
        "host type networking can't be used with links. This would result in undefined behavior",
      )
    if (isContainer && links)
      throw conflict(
        "container type network can't be used with links. This would result in undefined behavior",
      )
    if (isContainer && strs(hc, 'Dns').length > 0) throw conflict('dns and the network mode')
    if (isContainer && strs(hc, 'ExtraHosts').length > 0)
      throw conflict('custom host-to-IP mapping and the network mode')
    if ((isContainer || isHost) && str(config, 'MacAddress') !== '')
      throw conflict('mac-address and the network mode')
    const bindings = hc.PortBindings
    const publishes =
      (isObject(bindings) && Object.keys(bindings).length > 0) || hc.PublishAllPorts === true
    if (isContainer && publishes)
      throw conflict('port publishing and the container type network mode')
    const exposed = config.ExposedPorts
    if (isContainer && isObject(exposed) && Object.keys(exposed).length > 0)
      throw conflict('port exposing and the container type network mode')
  }
  const isolation = str(hc, 'Isolation')
  if (isolation !== '' && isolation.toLowerCase() !== 'default')
    throw untyped(
      `invalid --isolation: ${JSON.stringify(isolation)} - linux only supports 'default'`,
    )
  if (num(hc, 'IOMaximumBandwidth') !== 0)
    throw untyped('invalid QoS settings: linux does not support --io-maxbandwidth')
  if (num(hc, 'IOMaximumIOps') !== 0)
    throw untyped('invalid QoS settings: linux does not support --io-maxiops')
}
