/**
 * The Go structs a create body is decoded into, as data: the field names of engine-api
 * `container.Config` and `container.HostConfig` and the JSON kind each one takes. Kept apart
 * from the decoder because the tables are read on their own — by commit and update (which
 * decode parts of them), by `field-versions.ts` and by `version-data.test.ts` (which tie them
 * to the API references) — and change only when the structs do.
 * @see engine-api types/container/config.go, host_config.go (vendored at moby v1.12.6)
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
export const HOST_CONFIG_FIELDS = [
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
