import type { Engine } from '../../engine.ts'
import { untyped } from '../../errors.ts'
import type { JsonObject, SwarmRecord } from '../../model/state.ts'
import { bodyJSON, type Handler, isObject } from '../context.ts'
import { emptyOk, json } from '../http.ts'
import { manager, parseVersion } from './shared.ts'

/**
 * The swarm routes themselves (new in API 1.24): inspect, init, join, leave, update. The daemon
 * starts outside any swarm, so manager-only calls answer `This node is not a swarm manager…`,
 * 406 through the `this node` keyword. `POST /swarm/init` makes this single node a manager;
 * nodes, services and tasks (their own files) then answer.
 * @see moby api/server/router/swarm/cluster_routes.go and daemon/cluster/cluster.go at v1.12.6
 */

const NO_SWARM = 'This node is not part of a swarm'
const SWARM_EXISTS =
  'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.'

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
