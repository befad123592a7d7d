import { untyped } from '../errors.ts'
import type { JsonObject } from '../model/state.ts'
import { isObject } from './context.ts'

/**
 * What `sysinfo.New(true)` finds on the simulated host: an Ubuntu 16.04 machine with kernel
 * 4.4.0-57 (cgroup v1), 4 CPUs and one memory node, booted without `swapaccount=1` — so, like
 * many 2016 hosts, no swap limit. Several checks of verifyContainerResources only warn (and
 * discard the value) when a capability is missing; on this host that happens for swap only.
 * `/info` reports the same flags (api/system.ts).
 * @see moby pkg/sysinfo/sysinfo.go, sysinfo_linux.go at v1.12.6
 */
export const SIMULATED_SYSINFO = {
  MemoryLimit: true,
  SwapLimit: false,
  MemoryReservation: true,
  MemorySwappiness: true,
  KernelMemory: true,
  /** Kernel 4.4 ≥ 4.0: no "kernel memory limits are experimental" warning. */
  KernelAtLeast4: true,
  OomKillDisable: true,
  /** The pids cgroup exists since Linux 4.3. */
  PidsLimit: true,
  CPUShares: true,
  CPUCfsPeriod: true,
  CPUCfsQuota: true,
  Cpuset: true,
  Cpus: '0-3',
  Mems: '0',
  BlkioWeight: true,
  IPv4ForwardingDisabled: false,
} as const

const LINUX_MIN_MEMORY = 4 * 1024 * 1024
/** container.DefaultSHMSize */
const DEFAULT_SHM_SIZE = 67108864

const num = (o: JsonObject, k: string): number => {
  const v = o[k]
  return typeof v === 'number' ? v : 0
}
const str = (o: JsonObject, k: string): string => {
  const v = o[k]
  return typeof v === 'string' ? v : ''
}

/** Go's `strconv.ParseUint(s, 10, 16)`: digits only, at most 65535. */
function parseUint16(s: string): number | null {
  if (!/^\d+$/.test(s)) return null
  const n = Number(s)
  return n <= 65535 ? n : null
}

/** nat.SplitProtoPort: the port part of "80/tcp" ("" when the part before the slash is empty). */
function portPart(raw: string): string {
  const [first = ''] = raw.split('/')
  return raw === '' || first === '' ? '' : first
}

/** nat.NewPort → ParsePortRangeToInt: "" is fine, else a port or an ascending range. */
function validPortRange(p: string): boolean {
  if (p === '') return true
  if (!p.includes('-')) return parseUint16(p) !== null
  const [a = '', b = ''] = p.split('-')
  const start = parseUint16(a)
  const end = parseUint16(b)
  return start !== null && end !== null && end >= start
}

/** Go 1.6 `strconv.Atoi`: an optional sign, then decimal digits. */
function atoi(s: string): number | null {
  return /^[+-]?\d+$/.test(s) ? Number(s) : null
}

/** `parsers.ParseUintList` ("0-2,4"); null for Go's "invalid format". */
function parseUintList(val: string): Set<number> | null {
  const out = new Set<number>()
  if (val === '') return out
  for (const r of val.split(',')) {
    if (!r.includes('-')) {
      const v = atoi(r)
      if (v === null) return null
      out.add(v)
      continue
    }
    const cut = r.indexOf('-')
    const min = atoi(r.slice(0, cut))
    const max = atoi(r.slice(cut + 1))
    if (min === null || max === null || max < min) return null
    // Bounded: a list is checked against 4 CPUs, so only membership of small numbers matters.
    for (let i = min; i <= max && i <= min + 1024; i++) out.add(i)
    if (max > min + 1024) out.add(max)
  }
  return out
}

/** sysinfo.isCpusetListAvailable: null when the list does not parse. */
function cpusetAvailable(provided: string, available: string): boolean | null {
  const want = parseUintList(provided)
  const have = parseUintList(available) ?? new Set<number>()
  if (want === null) return null
  for (const n of want) if (!have.has(n)) return false
  return true
}

/**
 * `verifyContainerSettings` (daemon/container.go) → `verifyPlatformContainerSettings` →
 * `verifyContainerResources` (daemon/daemon_unix.go), in their order, against
 * SIMULATED_SYSINFO. Like Go, it works on the HostConfig it is given: a value the host cannot
 * honour is replaced (MemorySwap → -1 without swap accounting, CpuPercent → 0) and the warning
 * returned. Errors are untyped (500). Used by create, update (`update = true`) and start.
 * Restart policies are not checked at v1.12.6 (that came with 1.13).
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
  const bindings = hc.PortBindings
  if (isObject(bindings)) {
    for (const [port, list] of Object.entries(bindings)) {
      // The container port is nat.ParsePort: one port, no range.
      const portStr = portPart(port)
      if (portStr !== '' && parseUint16(portStr) === null)
        throw untyped(`Invalid port specification: ${JSON.stringify(portStr)}`)
      for (const pb of Array.isArray(list) ? list : []) {
        const hostPort = isObject(pb) && typeof pb.HostPort === 'string' ? pb.HostPort : ''
        if (!validPortRange(portPart(hostPort)))
          throw untyped(`Invalid port specification: ${JSON.stringify(hostPort)}`)
      }
    }
  }
  const warnings = verifyResources(hc, update)
  if (num(hc, 'ShmSize') < 0) throw untyped('SHM size must be greater than 0')
  const oom = num(hc, 'OomScoreAdj')
  if (oom < -1000 || oom > 1000)
    throw untyped(`Invalid value ${oom}, range for oom score adj is [-1000, 1000]`)
  const runtime = str(hc, 'Runtime')
  if (runtime !== '' && runtime !== 'runc') throw untyped(`Unknown runtime specified ${runtime}`)
  return warnings.length > 0 ? warnings : null
}

/** verifyContainerResources for the capabilities of SIMULATED_SYSINFO. */
function verifyResources(r: JsonObject, update: boolean): string[] {
  const warnings: string[] = []
  const memory = num(r, 'Memory')
  if (memory !== 0 && memory < LINUX_MIN_MEMORY)
    throw untyped('Minimum memory limit allowed is 4MB')
  if (memory > 0 && num(r, 'MemorySwap') !== -1 && !SIMULATED_SYSINFO.SwapLimit) {
    warnings.push(
      'Your kernel does not support swap limit capabilities, memory limited without swap.',
    )
    r.MemorySwap = -1
  }
  const swap = num(r, 'MemorySwap')
  if (memory > 0 && swap > 0 && swap < memory)
    throw untyped('Minimum memoryswap limit should be larger than memory limit, see usage')
  if (memory === 0 && swap > 0 && !update)
    throw untyped('You should always set the Memory limit when using Memoryswap limit, see usage')
  const swappiness = r.MemorySwappiness
  if (typeof swappiness === 'number' && (swappiness < -1 || swappiness > 100))
    throw untyped(`Invalid value: ${swappiness}, valid memory swappiness range is 0-100`)
  const reservation = num(r, 'MemoryReservation')
  if (reservation > 0 && reservation < LINUX_MIN_MEMORY)
    throw untyped('Minimum memory reservation allowed is 4MB')
  if (memory > 0 && reservation > 0 && memory < reservation)
    throw untyped('Minimum memory limit should be larger than memory reservation limit, see usage')
  const kernel = num(r, 'KernelMemory')
  if (kernel > 0 && kernel < LINUX_MIN_MEMORY)
    throw untyped('Minimum kernel memory limit allowed is 4MB')
  const period = num(r, 'CpuPeriod')
  if (period !== 0 && (period < 1000 || period > 1000000))
    throw untyped(
      'CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)',
    )
  const quota = num(r, 'CpuQuota')
  if (quota > 0 && quota < 1000) throw untyped('CPU cfs quota can not be less than 1ms (i.e. 1000)')
  if (num(r, 'CpuPercent') > 0) {
    // A Go slip at v1.12.6: the format string and runtime.GOOS are appended as two warnings.
    warnings.push('%s does not support CPU percent. Percent discarded.', 'linux')
    r.CpuPercent = 0
  }
  const cpus = str(r, 'CpusetCpus')
  const cpusOk = cpusetAvailable(cpus, SIMULATED_SYSINFO.Cpus)
  if (cpusOk === null) throw untyped(`Invalid value ${cpus} for cpuset cpus`)
  if (!cpusOk)
    throw untyped(
      `Requested CPUs are not available - requested ${cpus}, available: ${SIMULATED_SYSINFO.Cpus}`,
    )
  const mems = str(r, 'CpusetMems')
  const memsOk = cpusetAvailable(mems, SIMULATED_SYSINFO.Mems)
  if (memsOk === null) throw untyped(`Invalid value ${mems} for cpuset mems`)
  if (!memsOk)
    throw untyped(
      `Requested memory nodes are not available - requested ${mems}, available: ${SIMULATED_SYSINFO.Mems}`,
    )
  const blkio = num(r, 'BlkioWeight')
  if (blkio > 0 && (blkio < 10 || blkio > 1000))
    throw untyped('Range of blkio weight is from 10 to 1000')
  if (num(r, 'IOMaximumBandwidth') !== 0 || num(r, 'IOMaximumIOps') !== 0)
    throw untyped(
      'Invalid QoS settings: linux does not support Maximum IO Bandwidth or Maximum IO IOps',
    )
  return warnings
}

/**
 * `adaptContainerSettings` (daemon/daemon_unix.go): defaults filled in at create and start.
 * Below API 1.19 CPU shares are clamped to [2, 262144].
 */
export function adaptSettings(hc: JsonObject, adjustCpuShares: boolean): void {
  const shares = num(hc, 'CpuShares')
  if (adjustCpuShares && shares > 0) {
    if (shares < 2) hc.CpuShares = 2
    else if (shares > 262144) hc.CpuShares = 262144
  }
  if (num(hc, 'Memory') > 0 && num(hc, 'MemorySwap') === 0) hc.MemorySwap = num(hc, 'Memory') * 2
  if (num(hc, 'ShmSize') === 0) hc.ShmSize = DEFAULT_SHM_SIZE
  if (hc.MemorySwappiness === null || hc.MemorySwappiness === undefined) hc.MemorySwappiness = -1
  if (hc.OomKillDisable === null || hc.OomKillDisable === undefined) hc.OomKillDisable = false
}
