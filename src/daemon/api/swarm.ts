import type { Engine } from '../engine.ts'
import { forbidden, untyped } from '../errors.ts'
import type { JsonObject, ServiceRecord, SwarmRecord } from '../model/state.ts'
import { Filters } from '../wire/filters.ts'
import { bodyJSON, type Ctx, type Handler, isObject } from './context.ts'
import { emptyOk, json } from './http.ts'

/**
 * Swarm mode routes (new in API 1.24). The daemon starts outside any swarm, so manager-only
 * calls answer `This node is not a swarm manager…`, 406 through the `this node` keyword.
 * `POST /swarm/init` makes this single node a manager; services then exist as specs with
 * nominally running tasks (no containers are scheduled).
 * @see moby api/server/router/swarm/cluster_routes.go and daemon/cluster/cluster.go at v1.12.6
 */

const NO_MANAGER =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.'
const NO_SWARM = 'This node is not part of a swarm'
const SWARM_EXISTS =
  'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.'

function manager(ctx: Ctx): SwarmRecord {
  const s = ctx.engine.state.swarm
  if (s === null) throw untyped(NO_MANAGER)
  return s
}

const DEFAULT_SPEC = {
  Name: 'default',
  Orchestration: { TaskHistoryRetentionLimit: 5 },
  Raft: {
    SnapshotInterval: 10000,
    LogEntriesForSlowFollowers: 500,
    HeartbeatTick: 1,
    ElectionTick: 3,
  },
  Dispatcher: { HeartbeatPeriod: 5000000000 },
  CAConfig: { NodeCertExpiry: 7776000000000000 },
  TaskDefaults: {},
}

/** `opts.ParseTCPAddr` as used by validateAddr: host[:port], default 0.0.0.0:2377. */
function validateAddr(addr: string, what: string): string {
  if (addr === '') throw untyped(`invalid ${what} "": invalid empty address`)
  const m = /^(?:tcp:\/\/)?(\[[0-9a-fA-F:]+\]|[^:/]*)(?::(\d+))?$/.exec(addr)
  if (m === null)
    throw untyped(`invalid ${what} ${JSON.stringify(addr)}: Invalid bind address format: ${addr}`)
  return `${m[1] === '' ? '0.0.0.0' : m[1]}:${m[2] ?? '2377'}`
}

function token(e: Engine, kind: string): string {
  return `SWMTKN-1-${e.registry.newId().slice(0, 50)}-${kind}${e.registry.newId().slice(0, 24)}`
}

function swarmJSON(s: SwarmRecord) {
  return {
    ID: s.id,
    Version: { Index: s.version },
    CreatedAt: s.createdAt,
    UpdatedAt: s.updatedAt,
    Spec: s.spec,
    JoinTokens: { Worker: s.workerToken, Manager: s.managerToken },
  }
}

export const inspect: Handler = (ctx) => json(200, swarmJSON(manager(ctx)))

export const init: Handler = (ctx) => {
  const e = ctx.engine
  const body = bodyJSON(ctx)
  const req = isObject(body) ? body : {}
  if (e.state.swarm !== null && req.ForceNewCluster !== true) throw untyped(SWARM_EXISTS)
  const listen = validateAddr(
    typeof req.ListenAddr === 'string' ? req.ListenAddr : '',
    'ListenAddr',
  )
  const spec = isObject(req.Spec) ? req.Spec : {}
  const name = typeof spec.Name === 'string' ? spec.Name : ''
  if (name !== '' && name !== 'default') throw untyped('swarm spec must be named "default"')
  const now = e.clock.nowString()
  const nodeId = e.registry.newId().slice(0, 25)
  e.state.swarm = {
    id: e.registry.newId().slice(0, 25),
    nodeId,
    createdAt: now,
    updatedAt: now,
    version: 11,
    spec: { ...DEFAULT_SPEC, ...(spec as JsonObject), Name: 'default' },
    workerToken: token(e, ''),
    managerToken: token(e, ''),
    listenAddr: listen,
    advertiseAddr:
      typeof req.AdvertiseAddr === 'string' && req.AdvertiseAddr !== ''
        ? req.AdvertiseAddr
        : `192.168.65.2:${listen.split(':').pop() ?? '2377'}`,
    services: [],
  }
  // Swarm mode creates the routing-mesh network.
  const ingressId = e.registry.newId().slice(0, 25)
  e.state.networks.set(ingressId, {
    id: ingressId,
    name: 'ingress',
    driver: 'overlay',
    scope: 'swarm',
    enableIPv6: false,
    internal: false,
    ipam: {
      Driver: 'default',
      Options: null,
      Config: [{ Subnet: '10.255.0.0/16', Gateway: '10.255.0.1' }],
    },
    options: { 'com.docker.network.driver.overlay.vxlanid_list': '256' },
    labels: {},
    containers: [],
    nextHost: 1,
    subnet: '10.255.0.0/16',
    gateway: '10.255.0.1',
  })
  return json(200, nodeId)
}

/** A join needs a reachable manager; there is none, so it times out like 1.12 did. */
export const join: Handler = (ctx) => {
  const e = ctx.engine
  const body = bodyJSON(ctx)
  const req = isObject(body) ? body : {}
  if (e.state.swarm !== null) throw untyped(SWARM_EXISTS)
  validateAddr(typeof req.ListenAddr === 'string' ? req.ListenAddr : '', 'ListenAddr')
  const remotes = Array.isArray(req.RemoteAddrs) ? req.RemoteAddrs : []
  if (remotes.length === 0) throw untyped('at least 1 RemoteAddr is required to join')
  for (const r of remotes) validateAddr(typeof r === 'string' ? r : '', 'remoteAddr')
  throw untyped(
    'Timeout was reached before node was joined. The attempt to join the swarm will continue in the background. Use the "docker info" command to see the current swarm status of your node.',
  )
}

export const leave: Handler = (ctx) => {
  const e = ctx.engine
  const s = e.state.swarm
  if (s === null) throw untyped(NO_SWARM)
  const force = ['1', 'true', 'yes'].includes((ctx.query.get('force') ?? '').toLowerCase())
  if (!force) {
    throw untyped(
      'You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. ',
    )
  }
  e.state.swarm = null
  for (const [id, n] of e.state.networks) if (n.scope === 'swarm') e.state.networks.delete(id)
  return emptyOk()
}

function parseVersion(ctx: Ctx, what: string): number {
  const raw = ctx.query.get('version') ?? ''
  if (!/^\d+$/.test(raw)) {
    throw untyped(
      `Invalid ${what} version '${raw}': strconv.ParseUint: parsing ${JSON.stringify(raw)}: invalid syntax`,
    )
  }
  return Number(raw)
}

export const update: Handler = (ctx) => {
  const s = manager(ctx)
  const body = bodyJSON(ctx)
  const version = parseVersion(ctx, 'swarm')
  if (version !== s.version) throw untyped('rpc error: code = 2 desc = update out of sequence')
  if (isObject(body)) s.spec = { ...s.spec, ...(body as JsonObject), Name: 'default' }
  if (ctx.query.get('rotateWorkerToken') === 'true') s.workerToken = token(ctx.engine, '')
  if (ctx.query.get('rotateManagerToken') === 'true') s.managerToken = token(ctx.engine, '')
  s.version += 1
  s.updatedAt = ctx.engine.clock.nowString()
  return emptyOk()
}

// ---------- nodes ----------

function nodeJSON(e: Engine, s: SwarmRecord) {
  return {
    ID: s.nodeId,
    Version: { Index: s.version - 1 },
    CreatedAt: s.createdAt,
    UpdatedAt: s.updatedAt,
    Spec: { Role: 'manager', Availability: 'active' },
    Description: {
      Hostname: 'docker-host',
      Platform: { Architecture: 'x86_64', OS: 'linux' },
      Resources: { NanoCPUs: 4000000000, MemoryBytes: 8369942528 },
      Engine: {
        EngineVersion: e.dockerVersion,
        Plugins: [
          { Type: 'Network', Name: 'bridge' },
          { Type: 'Network', Name: 'host' },
          { Type: 'Network', Name: 'null' },
          { Type: 'Network', Name: 'overlay' },
          { Type: 'Volume', Name: 'local' },
        ],
      },
    },
    Status: { State: 'ready' },
    ManagerStatus: { Leader: true, Reachability: 'reachable', Addr: s.advertiseAddr },
  }
}

function findNode(ctx: Ctx, s: SwarmRecord, input: string) {
  if (input !== '' && (s.nodeId.startsWith(input) || input === 'docker-host'))
    return nodeJSON(ctx.engine, s)
  throw untyped(`node ${input} not found`)
}

export const nodeList: Handler = (ctx) => {
  const f = Filters.parse(ctx.query.get('filters'))
  const s = manager(ctx)
  f.validate(['id', 'label', 'name', 'membership', 'role'])
  const node = nodeJSON(ctx.engine, s)
  const ok =
    (!f.include('id') || f.get('id').some((x) => s.nodeId.startsWith(x))) &&
    (!f.include('name') || f.get('name').some((x) => 'docker-host'.startsWith(x))) &&
    (!f.include('role') || f.get('role').includes('manager')) &&
    (!f.include('membership') || f.get('membership').includes('accepted'))
  return json(200, ok ? [node] : [])
}

export const nodeInspect: Handler = (ctx) => json(200, findNode(ctx, manager(ctx), ctx.param))

export const nodeDelete: Handler = (ctx) => {
  const s = manager(ctx)
  const node = findNode(ctx, s, ctx.param)
  throw untyped(
    `rpc error: code = 9 desc = node ${node.ID} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal`,
  )
}

export const nodeUpdate: Handler = (ctx) => {
  const s = manager(ctx)
  bodyJSON(ctx)
  const version = parseVersion(ctx, 'node')
  findNode(ctx, s, ctx.param)
  if (version !== s.version - 1) throw untyped('rpc error: code = 2 desc = update out of sequence')
  s.version += 1
  return emptyOk()
}

// ---------- services and tasks ----------

function serviceJSON(svc: ServiceRecord) {
  return {
    ID: svc.id,
    Version: { Index: svc.version },
    CreatedAt: svc.createdAt,
    UpdatedAt: svc.updatedAt,
    Spec: svc.spec,
    Endpoint: { Spec: {} },
    UpdateStatus: { StartedAt: '0001-01-01T00:00:00Z', CompletedAt: '0001-01-01T00:00:00Z' },
  }
}

function findService(s: SwarmRecord, input: string): ServiceRecord {
  const byId = s.services.find((x) => x.id === input)
  if (byId !== undefined) return byId
  const byName = s.services.find((x) => x.spec.Name === input)
  if (byName !== undefined) return byName
  const hits = s.services.filter((x) => input !== '' && x.id.startsWith(input))
  if (hits.length === 1 && hits[0] !== undefined) return hits[0]
  if (hits.length > 1) throw untyped(`service ${input} is ambiguous (${hits.length} matches found)`)
  throw untyped(`service ${input} not found`)
}

function replicas(spec: JsonObject): number {
  const mode = isObject(spec.Mode) ? spec.Mode : {}
  if (isObject(mode.Global)) return 1
  const r = isObject(mode.Replicated) ? mode.Replicated.Replicas : undefined
  return typeof r === 'number' && r >= 0 ? r : 1
}

/**
 * Cluster.populateNetworkID (daemon/cluster/cluster.go at v1.12.6): runs before swarmkit sees the
 * spec, so a local network is 403 even when the image is missing or the service is unknown.
 */
function checkNetworks(e: Engine, spec: JsonObject): void {
  const networks = Array.isArray(spec.Networks) ? spec.Networks : []
  for (const n of networks) {
    const target = isObject(n) && typeof n.Target === 'string' ? n.Target : ''
    const swarmNet = [...e.state.networks.values()].find(
      (x) => x.scope === 'swarm' && (x.name === target || x.id.startsWith(target)),
    )
    if (swarmNet !== undefined) continue
    const local = e.registry.findNetwork(target)
    if (local !== undefined)
      throw forbidden(`network ${local.name} is not eligible for docker services`)
    throw untyped(`network ${target} not found`)
  }
}

/** swarmkit's validation of the converted spec (after populateNetworkID). */
function checkImage(spec: JsonObject): void {
  const template = isObject(spec.TaskTemplate) ? spec.TaskTemplate : {}
  const cs = isObject(template.ContainerSpec) ? template.ContainerSpec : {}
  if (typeof cs.Image !== 'string' || cs.Image === '') {
    throw untyped('rpc error: code = 3 desc = ContainerSpec: image reference must be provided')
  }
}

export const serviceList: Handler = (ctx) => {
  const f = Filters.parse(ctx.query.get('filters'))
  const s = manager(ctx)
  f.validate(['id', 'label', 'name'])
  const out = s.services.filter(
    (x) =>
      (!f.include('id') || f.get('id').some((p) => x.id.startsWith(p))) &&
      (!f.include('name') || f.get('name').some((p) => String(x.spec.Name ?? '').startsWith(p))) &&
      (!f.include('label') || f.matchKVList('label', isObject(x.spec.Labels) ? x.spec.Labels : {})),
  )
  return json(200, out.map(serviceJSON))
}

export const serviceInspect: Handler = (ctx) =>
  json(200, serviceJSON(findService(manager(ctx), ctx.param)))

export const serviceCreate: Handler = (ctx) => {
  const e = ctx.engine
  const body = bodyJSON(ctx)
  const s = manager(ctx)
  const spec = isObject(body) ? (body as JsonObject) : {}
  checkNetworks(e, spec)
  checkImage(spec)
  let name = typeof spec.Name === 'string' ? spec.Name : ''
  if (name !== '' && s.services.some((x) => x.spec.Name === name)) {
    throw untyped('rpc error: code = 2 desc = name conflicts with an existing object')
  }
  const id = e.registry.newId().slice(0, 25)
  if (name === '') name = e.registry.generateName(e.registry.newId()).slice(1)
  const now = e.clock.nowString()
  s.services.push({
    id,
    version: 12,
    createdAt: now,
    updatedAt: now,
    spec: { ...spec, Name: name },
    taskIds: Array.from({ length: replicas(spec) }, () => e.registry.newId().slice(0, 25)),
  })
  return json(201, { ID: id })
}

export const serviceUpdate: Handler = (ctx) => {
  const e = ctx.engine
  const body = bodyJSON(ctx)
  const version = parseVersion(ctx, 'service')
  const s = manager(ctx)
  const spec = isObject(body) ? (body as JsonObject) : {}
  // UpdateService: populateNetworkID, then getService, then swarmkit validates and versions.
  checkNetworks(e, spec)
  const svc = findService(s, ctx.param)
  checkImage(spec)
  if (version !== svc.version) throw untyped('rpc error: code = 2 desc = update out of sequence')
  const newName = typeof spec.Name === 'string' ? spec.Name : ''
  if (newName !== '' && newName !== svc.spec.Name) {
    throw untyped('rpc error: code = 12 desc = renaming services is not supported')
  }
  svc.spec = { ...spec, Name: svc.spec.Name ?? '' }
  svc.version += 1
  svc.updatedAt = e.clock.nowString()
  const n = replicas(spec)
  while (svc.taskIds.length < n) svc.taskIds.push(e.registry.newId().slice(0, 25))
  svc.taskIds.length = n
  return emptyOk()
}

export const serviceDelete: Handler = (ctx) => {
  const s = manager(ctx)
  const svc = findService(s, ctx.param)
  s.services = s.services.filter((x) => x !== svc)
  return emptyOk()
}

function tasksOf(ctx: Ctx, s: SwarmRecord) {
  return s.services.flatMap((svc) =>
    svc.taskIds.map((id, i) => ({
      ID: id,
      Version: { Index: svc.version + 2 },
      CreatedAt: svc.createdAt,
      UpdatedAt: svc.updatedAt,
      Spec: isObject(svc.spec.TaskTemplate) ? svc.spec.TaskTemplate : {},
      ServiceID: svc.id,
      Slot: i + 1,
      NodeID: s.nodeId,
      Status: {
        Timestamp: svc.updatedAt,
        State: 'running',
        Message: 'started',
        ContainerStatus: { ContainerID: ctx.engine.registry.newIdFor(`${id}`), PID: 4000 + i },
      },
      DesiredState: 'running',
      NetworksAttachments: [],
    })),
  )
}

export const taskList: Handler = (ctx) => {
  const f = Filters.parse(ctx.query.get('filters'))
  const s = manager(ctx)
  f.validate(['name', 'id', 'label', 'service', 'node', 'desired-state'])
  const out = tasksOf(ctx, s).filter(
    (t) =>
      (!f.include('id') || f.get('id').some((p) => t.ID.startsWith(p))) &&
      (!f.include('service') ||
        f
          .get('service')
          .some(
            (p) =>
              t.ServiceID.startsWith(p) ||
              s.services.some((x) => x.id === t.ServiceID && x.spec.Name === p),
          )) &&
      (!f.include('desired-state') || f.get('desired-state').includes('running')),
  )
  return json(200, out)
}

export const taskInspect: Handler = (ctx) => {
  const s = manager(ctx)
  const hits = tasksOf(ctx, s).filter((t) => ctx.param !== '' && t.ID.startsWith(ctx.param))
  if (hits.length === 0 || hits[0] === undefined) throw untyped(`task ${ctx.param} not found`)
  if (hits.length > 1)
    throw untyped(`task ${ctx.param} is ambiguous (${hits.length} matches found)`)
  return json(200, hits[0])
}
