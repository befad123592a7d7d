import { create, err, plain, TOP } from './helpers.ts'
import type { Scenario } from './types.ts'

/**
 * How create, update and start (with a HostConfig, API < 1.24) decode and verify container
 * settings: runconfig.ContainerConfigWrapper (HostConfig fields also at the top of the body),
 * then daemon.verifyContainerSettings → verifyPlatformContainerSettings →
 * verifyContainerResources against the simulated host's sysinfo (api/verify-settings.ts:
 * 4 CPUs "0-3", memory node "0", no swap accounting). All errors are untyped: 500.
 * @see moby runconfig/config.go, runconfig/config_unix.go, daemon/container.go,
 *   daemon/daemon_unix.go, daemon/update.go, daemon/start.go at v1.12.6
 */

const MB = 1024 * 1024
const SWAP_WARNING =
  'Your kernel does not support swap limit capabilities, memory limited without swap.'

/** POST /containers/create with TOP plus `extra` at the top of the body. */
const createWith = (extra: Record<string, unknown>) => ({
  method: 'POST',
  path: '/containers/create',
  body: { ...TOP, ...extra },
})
const inspect = (name: string) => ({ method: 'GET', path: `/containers/${name}/json` })

/** A create refused by verification, with the HostConfig inside the body. */
const refused = (name: string, hostConfig: Record<string, unknown>, message: string): Scenario => ({
  name: `create: ${name}`,
  endpointId: 'ContainerCreate',
  setup: [],
  request: createWith({ HostConfig: hostConfig }),
  expect: { status: 500, body: err(message) },
  source: 'daemon/daemon_unix.go verifyContainerResources / verifyPlatformContainerSettings',
})

const decoding: Scenario[] = [
  {
    name: 'create: Memory at the top of the body is the HostConfig and is verified',
    endpointId: 'ContainerCreate',
    setup: [],
    request: createWith({ Memory: 1024 }),
    expect: { status: 500, body: err('Minimum memory limit allowed is 4MB') },
    source: 'runconfig/config_unix.go ContainerConfigWrapper (embedded *container.HostConfig)',
  },
  {
    name: 'create: OomScoreAdj at the top of the body is verified',
    endpointId: 'ContainerCreate',
    setup: [],
    request: createWith({ OomScoreAdj: 2000 }),
    expect: {
      status: 500,
      body: err('Invalid value 2000, range for oom score adj is [-1000, 1000]'),
    },
  },
  {
    name: 'create: PortBindings at the top of the body are verified',
    endpointId: 'ContainerCreate',
    setup: [],
    request: createWith({ PortBindings: { '80/tcp': [{ HostPort: 'http' }] } }),
    expect: { status: 500, body: err('Invalid port specification: "http"') },
  },
  {
    name: 'create: top-level settings are kept (inspect shows them; no swap accounting → -1)',
    endpointId: 'ContainerInspect',
    setup: [create('web', { ...TOP, Memory: 8 * MB, OomScoreAdj: 500 })],
    request: inspect('web'),
    expect: {
      status: 200,
      body: { json: { HostConfig: { Memory: 8 * MB, MemorySwap: -1, OomScoreAdj: 500 } } },
    },
  },
  {
    name: 'create: a memory limit on this host warns that swap is not limited',
    endpointId: 'ContainerCreate',
    setup: [],
    request: createWith({ HostConfig: { Memory: 8 * MB, MemorySwap: 4 * MB } }),
    // SwapLimit is false: MemorySwap becomes -1 before the memoryswap < memory check.
    expect: { status: 201, body: { json: { Warnings: [SWAP_WARNING] } } },
  },
  {
    name: 'create: with an inner HostConfig, top-level Memory fills a zero Memory',
    endpointId: 'ContainerInspect',
    setup: [create('web', { ...TOP, Memory: 8 * MB, HostConfig: { CpuShares: 512 } })],
    request: inspect('web'),
    expect: { status: 200, body: { json: { HostConfig: { Memory: 8 * MB, CpuShares: 512 } } } },
    source: 'runconfig/config_unix.go getHostConfig',
  },
  {
    name: 'create: with an inner HostConfig, a top-level OomScoreAdj is not merged (not verified)',
    endpointId: 'ContainerInspect',
    setup: [create('web', { ...TOP, OomScoreAdj: 5000, HostConfig: {} })],
    request: inspect('web'),
    expect: { status: 200, body: { json: { HostConfig: { OomScoreAdj: 0 } } } },
  },
  {
    name: 'create: the inner CpusetCpus wins over a top-level one',
    endpointId: 'ContainerInspect',
    setup: [create('web', { ...TOP, CpusetCpus: '9', HostConfig: { CpusetCpus: '1' } })],
    request: inspect('web'),
    expect: { status: 200, body: { json: { HostConfig: { CpusetCpus: '1' } } } },
  },
  {
    name: 'create: the deprecated Cpuset fills an empty CpusetCpus',
    endpointId: 'ContainerInspect',
    setup: [create('web', { ...TOP, Cpuset: '0-1', HostConfig: {} })],
    request: inspect('web'),
    expect: { status: 200, body: { json: { HostConfig: { CpusetCpus: '0-1' } } } },
  },
  {
    name: 'create: the deprecated Cpuset is verified like CpusetCpus',
    endpointId: 'ContainerCreate',
    setup: [],
    request: createWith({ Cpuset: '7', HostConfig: {} }),
    expect: {
      status: 500,
      body: err('Requested CPUs are not available - requested 7, available: 0-3'),
    },
  },
  {
    name: 'create: Cpuset without any HostConfig field is dropped',
    endpointId: 'ContainerCreate',
    setup: [],
    request: createWith({ Cpuset: '7' }),
    expect: { status: 201 },
  },
  {
    name: 'create: a numeric HostPort is a Go type error',
    endpointId: 'ContainerCreate',
    setup: [],
    request: createWith({ HostConfig: { PortBindings: { '80/tcp': [{ HostPort: 8080 }] } } }),
    expect: {
      status: 500,
      body: err('json: cannot unmarshal number into Go value of type string'),
    },
  },
  {
    name: 'create: the first type error in document order is the one reported',
    endpointId: 'ContainerCreate',
    setup: [],
    request: {
      method: 'POST',
      path: '/containers/create',
      body: '{"Image":"busybox","Memory":"lots","Tty":"yes","Hostname":5}',
    },
    expect: { status: 500, body: err('json: cannot unmarshal string into Go value of type int64') },
    source: 'Go 1.6 encoding/json decode.go saveError (the first error is kept)',
  },
  {
    name: 'create: BlkioWeight is a uint16 (a negative value does not decode)',
    endpointId: 'ContainerCreate',
    setup: [],
    request: createWith({ HostConfig: { BlkioWeight: -1 } }),
    expect: {
      status: 500,
      body: err('json: cannot unmarshal number -1 into Go value of type uint16'),
    },
  },
  {
    name: 'create: Cmd of the wrong type is StrSlice’s string error',
    endpointId: 'ContainerCreate',
    setup: [],
    request: { method: 'POST', path: '/containers/create', body: { Image: 'busybox', Cmd: 5 } },
    expect: {
      status: 500,
      body: err('json: cannot unmarshal number into Go value of type string'),
    },
    source: 'engine-api types/strslice/strslice.go UnmarshalJSON',
  },
  {
    name: 'create: IOMaximumIOps is refused while decoding (ValidateQoS)',
    endpointId: 'ContainerCreate',
    setup: [],
    request: createWith({ HostConfig: { IOMaximumIOps: 100 } }),
    expect: { status: 500, body: err('invalid QoS settings: linux does not support --io-maxiops') },
    source: 'runconfig/hostconfig_unix.go ValidateQoS',
  },
  {
    name: 'create: an isolation other than default (ValidateIsolation)',
    endpointId: 'ContainerCreate',
    setup: [],
    request: createWith({ HostConfig: { Isolation: 'hyperv' } }),
    expect: {
      status: 500,
      body: err(`invalid --isolation: "hyperv" - linux only supports 'default'`),
    },
  },
  {
    name: 'create: a hostname with container networking (ValidateNetMode)',
    endpointId: 'ContainerCreate',
    setup: [],
    request: createWith({ Hostname: 'h', HostConfig: { NetworkMode: 'container:other' } }),
    // "conflict" is a status keyword (httputils.GetHTTPErrorStatusCode, lower-cased): 409.
    expect: { status: 409, body: err('Conflicting options: hostname and the network mode') },
  },
]

const verification: Scenario[] = [
  refused(
    'a container port range is not a port',
    { PortBindings: { '80-90/tcp': [] } },
    'Invalid port specification: "80-90"',
  ),
  {
    name: 'create: a host port range is accepted',
    endpointId: 'ContainerCreate',
    setup: [],
    request: createWith({
      HostConfig: { PortBindings: { '80/tcp': [{ HostPort: '8080-8081' }] } },
    }),
    expect: { status: 201 },
  },
  refused(
    'a descending host port range',
    { PortBindings: { '80/tcp': [{ HostPort: '9000-8000' }] } },
    'Invalid port specification: "9000-8000"',
  ),
  refused(
    'MemorySwap without Memory',
    { MemorySwap: 8 * MB },
    'You should always set the Memory limit when using Memoryswap limit, see usage',
  ),
  refused(
    'swappiness above 100',
    { MemorySwappiness: 101 },
    'Invalid value: 101, valid memory swappiness range is 0-100',
  ),
  refused(
    'memory reservation below 4 MB',
    { MemoryReservation: 1024 },
    'Minimum memory reservation allowed is 4MB',
  ),
  refused(
    'memory below its reservation',
    { Memory: 8 * MB, MemoryReservation: 16 * MB },
    'Minimum memory limit should be larger than memory reservation limit, see usage',
  ),
  refused(
    'kernel memory below 4 MB',
    { KernelMemory: 1024 },
    'Minimum kernel memory limit allowed is 4MB',
  ),
  refused(
    'CPU period below 1 ms',
    { CpuPeriod: 100 },
    'CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)',
  ),
  refused(
    'CPU quota below 1 ms',
    { CpuQuota: 500 },
    'CPU cfs quota can not be less than 1ms (i.e. 1000)',
  ),
  refused(
    'cpuset cpus that do not parse',
    { CpusetCpus: '1-a' },
    'Invalid value 1-a for cpuset cpus',
  ),
  refused(
    'cpuset cpus the host does not have',
    { CpusetCpus: '2-5' },
    'Requested CPUs are not available - requested 2-5, available: 0-3',
  ),
  refused(
    'cpuset mems the host does not have',
    { CpusetMems: '1' },
    'Requested memory nodes are not available - requested 1, available: 0',
  ),
  refused('blkio weight below 10', { BlkioWeight: 5 }, 'Range of blkio weight is from 10 to 1000'),
  refused('a negative SHM size', { ShmSize: -1 }, 'SHM size must be greater than 0'),
  refused(
    'OOM score adjustment below -1000',
    { OomScoreAdj: -1001 },
    'Invalid value -1001, range for oom score adj is [-1000, 1000]',
  ),
  {
    name: 'create: CpuPercent is discarded with two warnings (the format string and "linux")',
    endpointId: 'ContainerCreate',
    setup: [],
    request: createWith({ HostConfig: { CpuPercent: 50 } }),
    expect: {
      status: 201,
      body: {
        json: { Warnings: ['%s does not support CPU percent. Percent discarded.', 'linux'] },
      },
    },
    source: 'daemon/daemon_unix.go verifyContainerResources (warnings = append(…, runtime.GOOS))',
  },
  {
    name: 'create: a relative working directory',
    endpointId: 'ContainerCreate',
    setup: [],
    request: createWith({ WorkingDir: 'app' }),
    expect: {
      status: 500,
      body: err("The working directory 'app' is invalid. It needs to be an absolute path"),
    },
    source: 'daemon/container.go verifyContainerSettings',
  },
  {
    name: 'create: an unknown stop signal',
    endpointId: 'ContainerCreate',
    setup: [],
    request: createWith({ StopSignal: 'SIGBOGUS' }),
    expect: { status: 500, body: err('Invalid signal: SIGBOGUS') },
  },
  {
    name: 'create: below API 1.19 CPU shares are clamped to [2, 262144]',
    endpointId: 'ContainerInspect',
    setup: [
      {
        method: 'POST',
        path: '/v1.18/containers/create?name=web',
        body: { ...TOP, HostConfig: { CpuShares: 1 } },
        status: 201,
      },
    ],
    request: inspect('web'),
    expect: { status: 200, body: { json: { HostConfig: { CpuShares: 2 } } } },
    source: 'daemon/daemon_unix.go adaptContainerSettings (adjustCPUShares for API < 1.19)',
  },
  {
    name: 'create: from API 1.19 CPU shares are kept as given',
    endpointId: 'ContainerInspect',
    setup: [create('web', { ...TOP, HostConfig: { CpuShares: 1 } })],
    request: inspect('web'),
    expect: { status: 200, body: { json: { HostConfig: { CpuShares: 1 } } } },
  },
  {
    name: 'create: an unknown restart policy name is not checked at 1.12.6',
    endpointId: 'ContainerCreate',
    setup: [],
    request: createWith({ HostConfig: { RestartPolicy: { Name: 'bogus' } } }),
    expect: { status: 201 },
    source: 'daemon/container.go verifyContainerSettings (the restart policy check came in 1.13)',
  },
]

const update: Scenario[] = [
  {
    name: 'update: swappiness is verified too (all of Resources is decoded)',
    endpointId: 'ContainerUpdate',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/update', body: { MemorySwappiness: 200 } },
    expect: {
      status: 500,
      body: err('Invalid value: 200, valid memory swappiness range is 0-100'),
    },
  },
  {
    name: 'update: IO maximums get verifyContainerResources’ QoS message',
    endpointId: 'ContainerUpdate',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/update', body: { IOMaximumIOps: 10 } },
    expect: {
      status: 500,
      body: err(
        'Invalid QoS settings: linux does not support Maximum IO Bandwidth or Maximum IO IOps',
      ),
    },
  },
  {
    name: 'update: MemorySwap alone is allowed for an update',
    endpointId: 'ContainerUpdate',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/update', body: { MemorySwap: 8 * MB } },
    expect: { status: 200, body: { json: { Warnings: null } } },
  },
  {
    name: 'update: a memory limit answers the swap warning and stores MemorySwap -1',
    endpointId: 'ContainerInspect',
    setup: [
      create('web'),
      {
        method: 'POST',
        path: '/containers/web/update',
        body: { Memory: 8 * MB },
        status: 200,
      },
    ],
    request: inspect('web'),
    expect: { status: 200, body: { json: { HostConfig: { Memory: 8 * MB, MemorySwap: -1 } } } },
    source:
      'daemon/daemon_unix.go verifyContainerResources, container/container_unix.go UpdateContainer',
  },
  {
    name: 'update: a null body is an empty UpdateConfig',
    endpointId: 'ContainerUpdate',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/update', body: 'null' },
    expect: { status: 200 },
  },
]

const start: Scenario[] = [
  {
    name: 'start: below 1.24 the body is decoded as the create wrapper and verified',
    endpointId: 'ContainerStart',
    setup: [create('web')],
    request: { method: 'POST', path: '/v1.23/containers/web/start', body: { Memory: 1024 } },
    expect: { status: 500, body: plain('Minimum memory limit allowed is 4MB') },
    source: 'runconfig/hostconfig.go DecodeHostConfig, daemon/start.go ContainerStart',
  },
  {
    name: 'start: below 1.24 an inner HostConfig in the body counts too',
    endpointId: 'ContainerStart',
    setup: [create('web')],
    request: {
      method: 'POST',
      path: '/v1.23/containers/web/start',
      body: { HostConfig: { OomScoreAdj: 5000 } },
    },
    expect: {
      status: 500,
      body: plain('Invalid value 5000, range for oom score adj is [-1000, 1000]'),
    },
  },
  {
    name: 'start: below 1.24 the body replaces the whole HostConfig',
    endpointId: 'ContainerInspect',
    setup: [
      create('web', { ...TOP, HostConfig: { Memory: 8 * MB, CpuShares: 512 } }),
      {
        method: 'POST',
        path: '/v1.23/containers/web/start',
        body: { Dns: ['8.8.8.8'] },
        status: 204,
      },
    ],
    request: inspect('web'),
    expect: {
      status: 200,
      body: { json: { HostConfig: { Memory: 0, CpuShares: 0, Dns: ['8.8.8.8'] } } },
    },
    source: 'daemon/container.go setHostConfig (container.HostConfig = hostConfig)',
  },
]

export const settingsScenarios: Scenario[] = [...decoding, ...verification, ...update, ...start]
