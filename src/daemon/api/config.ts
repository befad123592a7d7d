import { untyped } from '../errors'
import { jsonKind, typeError } from '../json'
import type { JsonObject, JsonValue } from '../state'
import { isObject } from './context'

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

export type Kind = 'string' | 'bool' | 'int64' | 'strslice' | 'strings' | 'strmap' | 'object'

const GO_TYPE: Record<Kind, string> = {
  string: 'string',
  bool: 'bool',
  int64: 'int64',
  strslice: 'string',
  strings: 'string',
  strmap: 'string',
  object: 'struct',
}

export const CONFIG_KINDS: Record<string, Kind> = {
  Hostname: 'string',
  Domainname: 'string',
  User: 'string',
  AttachStdin: 'bool',
  AttachStdout: 'bool',
  AttachStderr: 'bool',
  ExposedPorts: 'object',
  Tty: 'bool',
  OpenStdin: 'bool',
  StdinOnce: 'bool',
  Env: 'strings',
  Cmd: 'strslice',
  Image: 'string',
  Volumes: 'object',
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
  PortBindings: 'object',
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
  BlkioWeight: 'int64',
  OomScoreAdj: 'int64',
  ShmSize: 'int64',
  PidsLimit: 'int64',
  Links: 'strings',
  Dns: 'strings',
  DnsOptions: 'strings',
  DnsSearch: 'strings',
  ExtraHosts: 'strings',
  VolumesFrom: 'strings',
  CapAdd: 'strings',
  CapDrop: 'strings',
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
  RestartPolicy: 'object',
  LogConfig: 'object',
  Sysctls: 'strmap',
  StorageOpt: 'strmap',
}

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
  if (value === null) return // null leaves the Go zero value
  switch (kind) {
    case 'string':
      if (typeof value !== 'string') throw typeError(jsonKind(value), 'string')
      return
    case 'bool':
      if (typeof value !== 'boolean') throw typeError(jsonKind(value), 'bool')
      return
    case 'int64':
      if (typeof value !== 'number') throw typeError(jsonKind(value), 'int64')
      if (!Number.isInteger(value)) throw typeError(`number ${value}`, 'int64')
      return
    case 'strslice':
      // strslice.StrSlice also accepts a single string.
      if (typeof value === 'string') return
      if (!Array.isArray(value)) throw typeError(jsonKind(value), '[]string')
      for (const v of value) if (typeof v !== 'string') throw typeError(jsonKind(v), 'string')
      return
    case 'strings':
      if (!Array.isArray(value)) throw typeError(jsonKind(value), '[]string')
      for (const v of value) if (typeof v !== 'string') throw typeError(jsonKind(v), 'string')
      return
    case 'strmap':
      if (!isObject(value)) throw typeError(jsonKind(value), 'map[string]string')
      for (const v of Object.values(value))
        if (typeof v !== 'string') throw typeError(jsonKind(v), 'string')
      return
    case 'object':
      if (!isObject(value)) throw typeError(jsonKind(value), GO_TYPE.object)
      return
  }
}

/** Copies the known fields (canonical names) with type checks; unknown keys are ignored, as Go does. */
export function pick(obj: Record<string, unknown>, kinds: Record<string, Kind>): JsonObject {
  const out: JsonObject = {}
  for (const [name, kind] of Object.entries(kinds)) {
    const f = field(obj, name)
    if (f === undefined) continue
    checkKind(f.value, kind)
    let v = f.value as JsonValue
    if (kind === 'strslice' && typeof v === 'string') v = [v]
    out[name] = v
  }
  return out
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
  const present = CONFIG_FIELDS.some((name) => field(body, name) !== undefined)
  const config = present ? pick(body, CONFIG_KINDS) : null
  const hc = field(body, 'HostConfig')?.value
  if (hc !== undefined && hc !== null && !isObject(hc))
    throw typeError(jsonKind(hc), 'container.HostConfig')
  const nc = field(body, 'NetworkingConfig')?.value
  if (nc !== undefined && nc !== null && !isObject(nc)) {
    throw typeError(jsonKind(nc), 'network.NetworkingConfig')
  }
  return {
    config,
    hostConfig: isObject(hc) ? pick(hc, HOST_CONFIG_KINDS) : null,
    networkingConfig: isObject(nc) ? (nc as JsonObject) : null,
  }
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

const MIN_MEMORY = 4 * 1024 * 1024

/** Go's `nat.ParsePort`: "" is 0, otherwise a number 0–65535 or a range. */
function validPort(p: string): boolean {
  if (p === '') return true
  const m = /^(\d+)(?:-(\d+))?$/.exec(p)
  if (m === null) return false
  return Number(m[1]) <= 65535 && (m[2] === undefined || Number(m[2]) <= 65535)
}

/** `parsers.ParseUintList` for cpuset strings like "0-2,4". */
function validCpuset(s: string): boolean {
  if (s === '') return true
  return s.split(',').every((part) => /^\d+(-\d+)?$/.test(part))
}

/**
 * `verifyContainerSettings` + `verifyPlatformContainerSettings` (the checks that can fail
 * without a real kernel), in their order.
 * @see moby daemon/container.go, daemon/daemon_unix.go at v1.12.6
 */
export function verifySettings(
  hc: JsonObject | null,
  config: JsonObject | null,
  signalOk: (s: string) => void,
  update = false,
): string[] | null {
  if (config !== null) {
    const wd = str(config, 'WorkingDir')
    if (wd !== '' && !wd.startsWith('/')) {
      throw untyped(`The working directory '${wd}' is invalid. It needs to be an absolute path`)
    }
    const stop = str(config, 'StopSignal')
    if (stop !== '') signalOk(stop)
  }
  if (hc === null) return null
  const warnings: string[] = []
  const bindings = hc.PortBindings
  if (isObject(bindings)) {
    for (const [port, list] of Object.entries(bindings)) {
      const portStr = port.split('/')[0] ?? ''
      if (!validPort(portStr))
        throw untyped(`Invalid port specification: ${JSON.stringify(portStr)}`)
      if (Array.isArray(list)) {
        for (const pb of list) {
          const hostPort = isObject(pb) && typeof pb.HostPort === 'string' ? pb.HostPort : ''
          if (!validPort(hostPort.split('/')[0] ?? '')) {
            throw untyped(`Invalid port specification: ${JSON.stringify(hostPort)}`)
          }
        }
      }
    }
  }
  const memory = num(hc, 'Memory')
  const swap = num(hc, 'MemorySwap')
  const reservation = num(hc, 'MemoryReservation')
  const kernel = num(hc, 'KernelMemory')
  if (memory !== 0 && memory < MIN_MEMORY) throw untyped('Minimum memory limit allowed is 4MB')
  // The simulated host reports SwapLimit: false in /info, as many Ubuntu kernels of 2016 did.
  if (memory > 0 && swap !== -1) {
    warnings.push(
      'Your kernel does not support swap limit capabilities, memory limited without swap.',
    )
  }
  if (memory > 0 && swap > 0 && swap < memory) {
    throw untyped('Minimum memoryswap limit should be larger than memory limit, see usage')
  }
  if (memory === 0 && swap > 0 && !update) {
    throw untyped('You should always set the Memory limit when using Memoryswap limit, see usage')
  }
  if (reservation > 0 && reservation < MIN_MEMORY)
    throw untyped('Minimum memory reservation allowed is 4MB')
  if (memory > 0 && reservation > 0 && memory < reservation) {
    throw untyped('Minimum memory limit should be larger than memory reservation limit, see usage')
  }
  const swappiness = hc.MemorySwappiness
  if (typeof swappiness === 'number' && (swappiness < -1 || swappiness > 100)) {
    throw untyped(`Invalid value: ${swappiness}, valid memory swappiness range is 0-100`)
  }
  if (kernel > 0 && kernel < MIN_MEMORY) throw untyped('Minimum kernel memory limit allowed is 4MB')
  const period = num(hc, 'CpuPeriod')
  if (period !== 0 && (period < 1000 || period > 1000000)) {
    throw untyped(
      'CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)',
    )
  }
  const quota = num(hc, 'CpuQuota')
  if (quota > 0 && quota < 1000) throw untyped('CPU cfs quota can not be less than 1ms (i.e. 1000)')
  const cpus = str(hc, 'CpusetCpus')
  if (!validCpuset(cpus)) throw untyped(`Invalid value ${cpus} for cpuset cpus`)
  if (cpus !== '' && cpus.split(/[,-]/).some((n) => Number(n) > 3)) {
    throw untyped(`Requested CPUs are not available - requested ${cpus}, available: 0-3`)
  }
  const mems = str(hc, 'CpusetMems')
  if (!validCpuset(mems)) throw untyped(`Invalid value ${mems} for cpuset mems`)
  if (mems !== '' && mems.split(/[,-]/).some((n) => Number(n) > 0)) {
    throw untyped(`Requested memory nodes are not available - requested ${mems}, available: 0`)
  }
  const blkio = num(hc, 'BlkioWeight')
  if (blkio > 0 && (blkio < 10 || blkio > 1000))
    throw untyped('Range of blkio weight is from 10 to 1000')
  if (num(hc, 'ShmSize') < 0) throw untyped('SHM size must be greater than 0')
  const oom = num(hc, 'OomScoreAdj')
  if (oom < -1000 || oom > 1000)
    throw untyped(`Invalid value ${oom}, range for oom score adj is [-1000, 1000]`)
  const runtime = str(hc, 'Runtime')
  if (runtime !== '' && runtime !== 'runc') throw untyped(`Unknown runtime specified ${runtime}`)
  return warnings.length > 0 ? warnings : null
}
