import { badRequest, untyped } from '../errors.ts'
import { ChunkQueue, EVENT_LIMITS } from '../model/events.ts'
import { parseReference } from '../model/reference.ts'
import { KERNEL_RELEASE } from '../model/simulated-host.ts'
import { type EventRecord, isRunning } from '../model/state.ts'
import { GIT_COMMIT_OF, GO_VERSION_OF } from '../version.ts'
import { Filters, goQuote } from '../wire/filters.ts'
import { bodyJSON, type Handler, isObject } from './context.ts'
import { knownFilters } from './filter-names.ts'
import { goJSON, JSON_TYPE, json, stream, text, utf8 } from './http.ts'
import { SIMULATED_SYSINFO } from './verify-settings.ts'

/**
 * System routes: _ping, version, info, events, auth.
 * @see moby api/server/router/system/system_routes.go and daemon/info.go at v1.12.6
 */

const KERNEL = KERNEL_RELEASE

const BUILD_TIME: Record<string, string> = {
  '1.9.1': 'Fri Nov 20 13:12:04 UTC 2015',
  '1.10.3': '2016-03-10T15:54:52.312835708+00:00',
  '1.11.2': '2016-05-31T22:36:06.318829287+00:00',
  '1.12.6': '2017-01-10T20:38:45.046251489+00:00',
}

/** `pingHandler` writes the two bytes "OK"; Go sniffs text/plain. */
export const ping: Handler = () => text(200, 'OK')

/** `GetVersion` always reports the daemon's own API version, whatever the URL prefix. */
export const version: Handler = (ctx) => {
  const v = ctx.engine.dockerVersion
  return json(200, {
    Version: v,
    ApiVersion: ctx.engine.apiVersion,
    GitCommit: GIT_COMMIT_OF[v],
    GoVersion: GO_VERSION_OF[v],
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: KERNEL,
    BuildTime: BUILD_TIME[v],
  })
}

export const info: Handler = (ctx) => {
  const e = ctx.engine
  let running = 0
  let paused = 0
  let stopped = 0
  for (const c of e.state.containers.values()) {
    if (c.state.status === 'paused') paused++
    else if (isRunning(c)) running++
    else stopped++
  }
  const v124 = e.apiVersion === '1.24'
  return json(200, {
    ID: 'WBBK:2MJE:6RKL:5TQL:TLRR:YJMG:RGH2:7YHQ:HVJR:ZTVJ:2UGI:5YWW',
    Containers: e.state.containers.size,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: stopped,
    Images: e.state.images.size,
    Driver: 'aufs',
    DriverStatus: [
      ['Root Dir', `${e.hostSetup.host.dataRoot}/aufs`],
      ['Backing Filesystem', 'extfs'],
      ['Dirs', String(e.state.images.size * 2 + e.state.containers.size * 2)],
      ['Dirperm1 Supported', 'true'],
    ],
    SystemStatus: null,
    Plugins: {
      Volume: ['local'],
      Network: ['null', 'host', 'bridge', 'overlay'],
      Authorization: null,
    },
    // The same host capabilities the create/update checks use (verify-settings.ts).
    MemoryLimit: SIMULATED_SYSINFO.MemoryLimit,
    SwapLimit: SIMULATED_SYSINFO.SwapLimit,
    KernelMemory: SIMULATED_SYSINFO.KernelMemory,
    CpuCfsPeriod: SIMULATED_SYSINFO.CPUCfsPeriod,
    CpuCfsQuota: SIMULATED_SYSINFO.CPUCfsQuota,
    CPUShares: SIMULATED_SYSINFO.CPUShares,
    CPUSet: SIMULATED_SYSINFO.Cpuset,
    IPv4Forwarding: !SIMULATED_SYSINFO.IPv4ForwardingDisabled,
    BridgeNfIptables: true,
    BridgeNfIp6tables: true,
    Debug: false,
    NFd: 24 + running * 4,
    OomKillDisable: SIMULATED_SYSINFO.OomKillDisable,
    NGoroutines: 38 + running * 6,
    SystemTime: e.clock.nowString(),
    ExecutionDriver: '',
    LoggingDriver: 'json-file',
    CgroupDriver: 'cgroupfs',
    NEventsListener: 0,
    KernelVersion: KERNEL,
    OperatingSystem: 'Ubuntu 16.04.1 LTS',
    OSType: 'linux',
    Architecture: 'x86_64',
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: {
      InsecureRegistryCIDRs: ['127.0.0.0/8'],
      IndexConfigs: {
        'docker.io': { Name: 'docker.io', Mirrors: null, Secure: true, Official: true },
      },
      Mirrors: null,
    },
    NCPU: 4,
    MemTotal: 8_369_942_528,
    DockerRootDir: e.hostSetup.host.dataRoot,
    HttpProxy: '',
    HttpsProxy: '',
    NoProxy: '',
    Name: 'docker-host',
    Labels: null,
    ExperimentalBuild: false,
    ServerVersion: e.dockerVersion,
    ClusterStore: '',
    ClusterAdvertise: '',
    SecurityOptions: ['apparmor', 'seccomp'],
    ...(v124
      ? {
          Runtimes: { runc: { path: 'docker-runc' } },
          DefaultRuntime: 'runc',
          Swarm: {
            NodeID: '',
            NodeAddr: '',
            LocalNodeState: 'inactive',
            ControlAvailable: false,
            Error: '',
            RemoteManagers: null,
            Nodes: 0,
            Managers: 0,
            Cluster: {
              ID: '',
              Version: {},
              CreatedAt: '0001-01-01T00:00:00Z',
              UpdatedAt: '0001-01-01T00:00:00Z',
              Spec: {
                Orchestration: {},
                Raft: {},
                Dispatcher: {},
                CAConfig: {},
                TaskDefaults: {},
              },
            },
          },
          LiveRestoreEnabled: false,
        }
      : {}),
  })
}

/** engine-api `timetypes.ParseTimestamps` → [seconds, nanos] or null for "". */
function eventTime(value: string | null): number | null {
  if (value === null || value === '') return null
  const [secPart = '', nanoPart] =
    value.split('.', 2).length === 2
      ? [value.slice(0, value.indexOf('.')), value.slice(value.indexOf('.') + 1)]
      : [value, undefined]
  if (!/^[+-]?\d+$/.test(secPart))
    throw untyped(`strconv.ParseInt: parsing ${goQuote(secPart)}: invalid syntax`)
  let nanos = 0
  if (nanoPart !== undefined) {
    if (!/^[+-]?\d+$/.test(nanoPart))
      throw untyped(`strconv.ParseInt: parsing ${goQuote(nanoPart)}: invalid syntax`)
    nanos = Math.trunc(Number(nanoPart) * 10 ** (9 - nanoPart.length))
  }
  return Number(secPart) * 1e9 + nanos
}

/** Go field order of events.Message. */
function encodeEvent(e: EventRecord): Uint8Array {
  const o: Record<string, unknown> = {}
  if (e.status !== undefined) o.status = e.status
  if (e.id !== undefined) o.id = e.id
  if (e.from !== undefined) o.from = e.from
  o.Type = e.Type
  o.Action = e.Action
  o.Actor = e.Actor
  o.time = e.time
  o.timeNano = e.timeNano
  return utf8(goJSON(o))
}

function stripTag(image: string): string {
  const ref = parseReference(image)
  return ref === null ? image : ref.name
}

/** @see moby daemon/events/filter.go Include at v1.12.6 */
function includeEvent(f: Filters, e: EventRecord): boolean {
  const fuzzy = (type: string) =>
    f.fuzzyMatch(type, e.Actor.ID) || f.fuzzyMatch(type, e.Actor.Attributes.name ?? '')
  const imageName = e.Actor.Attributes[e.Type === 'image' ? 'name' : 'image'] ?? ''
  return (
    f.exactMatch('event', e.Action) &&
    f.exactMatch('type', e.Type) &&
    fuzzy('daemon') &&
    fuzzy('container') &&
    fuzzy('plugin') &&
    fuzzy('volume') &&
    fuzzy('network') &&
    (f.exactMatch('image', e.Actor.ID) ||
      f.exactMatch('image', imageName) ||
      f.exactMatch('image', stripTag(e.Actor.ID)) ||
      f.exactMatch('image', stripTag(imageName))) &&
    (!f.include('label') || f.matchKVList('label', e.Actor.Attributes))
  )
}

/**
 * Past events (since/until) then, unless `until` is in the past, a live stream that ends at
 * `until` or when the client goes away.
 */
export const events: Handler = (ctx) => {
  const since = eventTime(ctx.query.get('since'))
  const until = eventTime(ctx.query.get('until'))
  if (until !== null && since !== null && until < since) {
    throw badRequest(
      `\`since\` time (${ctx.query.get('since')}) cannot be after \`until\` time (${ctx.query.get('until')})`,
    )
  }
  const nowNs = ctx.engine.clock.nowMs() * 1e6
  const onlyPast = until !== null && until < nowNs
  const f = knownFilters(
    Filters.parse(ctx.query.get('filters')),
    'SystemEvents',
    ctx.engine.dockerVersion,
  )
  const q = new ChunkQueue(EVENT_LIMITS)
  // Without since or until nothing is replayed: only new events (daemon/events/events.go
  // loadBufferedEvents). `since=0` replays the whole buffer.
  const replay = since !== null || until !== null ? ctx.engine.state.events : []
  for (const e of replay) {
    if (since !== null && e.timeNano < since) continue
    if (until !== null && e.timeNano > until) continue
    if (includeEvent(f, e)) q.push(encodeEvent(e))
  }
  if (onlyPast) {
    q.close()
  } else {
    const unsubscribe = ctx.engine.events.bus.subscribe((e) => {
      if (includeEvent(f, e)) q.push(encodeEvent(e))
    })
    // The stream ends when the daemon clock reaches `until`.
    const cancelUntil =
      until === null
        ? () => {}
        : ctx.engine.clock.at(until / 1e6, () => {
            unsubscribe()
            q.close()
          })
    q.onCancel = () => {
      unsubscribe()
      cancelUntil()
    }
  }
  return stream(q, JSON_TYPE)
}

/**
 * Registry login. Nothing is contacted; every username/password pair succeeds, except the
 * password "wrong", which answers like Docker Hub's rejection (401 via `unauthorized`).
 */
export const auth: Handler = (ctx) => {
  const body = bodyJSON(ctx)
  const cfg = isObject(body) ? body : {}
  const server =
    typeof cfg.serveraddress === 'string' && cfg.serveraddress !== ''
      ? cfg.serveraddress
      : 'https://index.docker.io/v1/'
  if (cfg.password === 'wrong' || cfg.username === '' || cfg.username === undefined) {
    const host = server.replace(/^https?:\/\//, '').replace(/\/.*$/, '')
    const registry = host === 'index.docker.io' ? 'registry-1.docker.io' : host
    // registry/auth.go loginV2: 401 through the `unauthorized` keyword.
    throw untyped(`login attempt to https://${registry}/v2/ failed with status: 401 Unauthorized`)
  }
  return json(200, { Status: 'Login Succeeded', IdentityToken: '' })
}
