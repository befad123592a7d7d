import type { JsonObject } from '../../model/state.ts'
import { HOST_CONFIG_KINDS } from './fields.ts'

/**
 * What a HostConfig holds where the body said nothing: Go's zero values for JSON nulls, and
 * the defaults a 1.12 daemon filled in before inspect showed them. Apart from decoding because
 * these are the daemon's choices, not encoding/json's, and start and update apply them too.
 */

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
