import { stateFull, storedSize } from '../engine/disk.ts'
import type { Engine } from '../engine.ts'
import { forbidden, untyped } from '../errors.ts'
import { isRunning, type NetworkRecord } from '../model/state.ts'
import { Filters } from '../wire/filters.ts'
import { goStringMap } from '../wire/json.ts'
import { bodyJSON, type Ctx, checkForJSON, type Handler, isObject } from './context.ts'
import { knownFilters } from './filter-names.ts'
import { emptyOk, json, noContent } from './http.ts'

/**
 * Network routes (API ≥ 1.21).
 * @see moby api/server/router/network/network_routes.go, daemon/network.go,
 * vendor/src/github.com/docker/libnetwork/error.go at v1.12.6
 */

const PREDEFINED = ['bridge', 'host', 'none', 'default']

/** `FindNetwork`: by name, then by id prefix (ambiguous → `invalid id: X`, 500). */
function findNetwork(e: Engine, idOrName: string): NetworkRecord {
  for (const n of e.state.networks.values()) if (n.name === idOrName) return n
  const exact = e.state.networks.get(idOrName)
  if (exact !== undefined) return exact
  const hits = [...e.state.networks.values()].filter((n) => n.id.startsWith(idOrName))
  if (hits.length === 1 && hits[0] !== undefined) return hits[0]
  if (hits.length > 1) throw untyped(`invalid id: ${idOrName}`)
  throw untyped(`network ${idOrName} not found`)
}

function networkJSON(e: Engine, n: NetworkRecord) {
  const containers: Record<string, unknown> = {}
  for (const ep of n.containers) {
    const c = e.state.containers.get(ep.containerId)
    containers[ep.containerId] = {
      Name: c?.name.slice(1) ?? '',
      EndpointID: ep.endpointId,
      MacAddress: ep.macAddress,
      IPv4Address: ep.ipv4Address,
      IPv6Address: '',
    }
  }
  return {
    Name: n.name,
    Id: n.id,
    Scope: n.scope,
    Driver: n.driver,
    EnableIPv6: n.enableIPv6,
    IPAM: n.ipam,
    Internal: n.internal,
    Containers: containers,
    Options: n.options,
    Labels: n.labels,
  }
}

export const list: Handler = (ctx) => {
  const e = ctx.engine
  const f = knownFilters(Filters.parse(ctx.query.get('filters')), 'NetworkList', e.dockerVersion)
  for (const t of f.get('type')) {
    if (t !== 'builtin' && t !== 'custom') throw untyped(`Invalid filter: 'type'='${t}'`)
  }
  const out = [...e.state.networks.values()].filter(
    (n) =>
      (!f.include('driver') || f.exactMatch('driver', n.driver)) &&
      (!f.include('name') || f.match('name', n.name)) &&
      (!f.include('id') || f.match('id', n.id)) &&
      (!f.include('label') || f.matchKVList('label', n.labels)) &&
      (!f.include('type') ||
        f.get('type').some((t) => (t === 'builtin') === PREDEFINED.includes(n.name))),
  )
  return json(
    200,
    out.map((n) => networkJSON(e, n)),
  )
}

export const inspect: Handler = (ctx) =>
  json(200, networkJSON(ctx.engine, findNetwork(ctx.engine, ctx.param)))

const DRIVERS = ['bridge', 'overlay', 'macvlan', 'host', 'null']

export const create: Handler = (ctx) => {
  const e = ctx.engine
  checkForJSON(ctx)
  const body = bodyJSON(ctx)
  const req = isObject(body) ? body : {}
  // types.NetworkCreateRequest decodes Labels and Options as map[string]string before the
  // handler looks at anything: a value that is not a string is Go's UnmarshalTypeError (500).
  const labels = goStringMap(req.Labels)
  const options = goStringMap(req.Options)
  const name = typeof req.Name === 'string' ? req.Name : ''
  if (PREDEFINED.includes(name))
    throw forbidden(`${name} is a pre-defined network and cannot be created`)
  let warning = ''
  const same = [...e.state.networks.values()].find((n) => n.name === name)
  if (same !== undefined) {
    if (req.CheckDuplicate === true) throw untyped(`network with name ${name} already exists`)
    warning = `Network with name ${name} (id : ${same.id}) already exists`
  }
  const driver = typeof req.Driver === 'string' && req.Driver !== '' ? req.Driver : 'bridge'
  if (!DRIVERS.includes(driver)) throw untyped('plugin not found')
  if (driver === 'host' || driver === 'null') {
    throw untyped(`only one instance of "${driver}" network is allowed`)
  }
  if (driver === 'overlay') {
    throw untyped(
      'error getting pools config from store: could not get pools config from store: datastore for scope "global" is not initialized ',
    )
  }
  const ipam = isObject(req.IPAM) ? req.IPAM : {}
  const configs = Array.isArray(ipam.Config) ? ipam.Config.filter(isObject) : []
  let subnet = ''
  let gateway = ''
  const first = configs[0]
  if (first !== undefined && typeof first.Subnet === 'string') {
    subnet = first.Subnet
    if (!/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(subnet))
      throw untyped(`Invalid subnet ${subnet} : invalid CIDR address: ${subnet}`)
    gateway =
      typeof first.Gateway === 'string' ? first.Gateway : subnet.replace(/\.\d+\/\d+$/, '.1')
    for (const n of e.state.networks.values()) {
      if (n.subnet === subnet) throw untyped('Pool overlaps with other one on this address space')
    }
  } else {
    const used = new Set([...e.state.networks.values()].map((n) => n.subnet))
    let k = 18
    while (used.has(`172.${k}.0.0/16`)) k++
    subnet = `172.${k}.0.0/16`
    gateway = `172.${k}.0.1`
  }
  const id = e.registry.newId()
  if (!e.disk.charge({ kind: 'network', id }, storedSize(labels) + storedSize(options))) {
    throw stateFull(e.disk.capacity)
  }
  e.state.networks.set(id, {
    id,
    name,
    driver,
    scope: 'local',
    enableIPv6: req.EnableIPv6 === true,
    internal: req.Internal === true,
    ipam: {
      Driver: typeof ipam.Driver === 'string' && ipam.Driver !== '' ? ipam.Driver : 'default',
      Options: isObject(ipam.Options) ? (ipam.Options as Record<string, string>) : {},
      Config: [{ Subnet: subnet, Gateway: gateway }],
    },
    options,
    labels,
    containers: [],
    nextHost: 1,
    subnet,
    gateway,
  })
  e.events.emit('network', 'create', id, { name, type: driver })
  return json(201, { Id: id, Warning: warning })
}

function connectBody(ctx: Ctx): Record<string, unknown> {
  checkForJSON(ctx)
  const body = bodyJSON(ctx)
  return isObject(body) ? body : {}
}

export const connect: Handler = (ctx) => {
  const e = ctx.engine
  const body = connectBody(ctx)
  const n = findNetwork(e, ctx.param)
  if (n.scope === 'swarm') throw forbidden('operation not supported for swarm scoped networks')
  const c = e.registry.getContainer(typeof body.Container === 'string' ? body.Container : '')
  const mode = String(c.hostConfig.NetworkMode ?? 'default')
  if (n.driver === 'host' || mode === 'host') {
    throw untyped('container cannot be disconnected from host network or connected to host network')
  }
  if (n.driver === 'null' || mode === 'none') {
    throw untyped(
      'container cannot be connected to multiple networks with one of the networks in private (none) mode',
    )
  }
  if (c.networks.some((x) => x.networkId === n.id)) {
    throw untyped(`endpoint with name ${c.name.slice(1)} already exists in network ${n.name}`)
  }
  c.networks.push({
    name: n.name,
    networkId: n.id,
    endpointId: '',
    ipAddress: '',
    macAddress: '',
    gateway: '',
    ipPrefixLen: 0,
  })
  if (isRunning(c)) {
    n.nextHost += 1
    const ep = c.networks[c.networks.length - 1]
    if (ep !== undefined) {
      const base = n.subnet.split('/')[0]?.split('.').map(Number) ?? [172, 18, 0, 0]
      ep.ipAddress = `${base[0]}.${base[1]}.${base[2]}.${(base[3] ?? 0) + n.nextHost}`
      ep.gateway = n.gateway
      ep.ipPrefixLen = Number(n.subnet.split('/')[1] ?? 16)
      ep.endpointId = e.registry.newId()
      ep.macAddress = `02:42:${ep.ipAddress
        .split('.')
        .map((x) => Number(x).toString(16).padStart(2, '0'))
        .join(':')}`
      n.containers.push({
        containerId: c.id,
        endpointId: ep.endpointId,
        macAddress: ep.macAddress,
        ipv4Address: `${ep.ipAddress}/${ep.ipPrefixLen}`,
      })
    }
  }
  e.events.emit('network', 'connect', n.id, { container: c.id, name: n.name, type: n.driver })
  return emptyOk()
}

export const disconnect: Handler = (ctx) => {
  const e = ctx.engine
  const body = connectBody(ctx)
  const n = findNetwork(e, ctx.param)
  if (n.scope === 'swarm') throw forbidden('operation not supported for swarm scoped networks')
  const c = e.registry.getContainer(typeof body.Container === 'string' ? body.Container : '')
  if (n.driver === 'host') {
    throw untyped('container cannot be disconnected from host network or connected to host network')
  }
  const i = c.networks.findIndex((x) => x.networkId === n.id)
  if (i < 0) throw untyped(`container ${c.id} is not connected to the network ${n.name}`)
  c.networks.splice(i, 1)
  const j = n.containers.findIndex((x) => x.containerId === c.id)
  if (j >= 0) n.containers.splice(j, 1)
  e.events.emit('network', 'disconnect', n.id, { container: c.id, name: n.name, type: n.driver })
  return emptyOk()
}

export const remove: Handler = (ctx) => {
  const e = ctx.engine
  const n = findNetwork(e, ctx.param)
  if (PREDEFINED.includes(n.name))
    throw forbidden(`${n.name} is a pre-defined network and cannot be removed`)
  if (n.name === 'ingress' && n.scope === 'swarm') {
    throw untyped('rpc error: code = 7 desc = ingress network cannot be removed')
  }
  if (n.containers.length > 0) {
    // libnetwork's ActiveEndpointsError has no HTTP status method: 500 in 1.12.
    throw untyped(`network ${n.name} has active endpoints`)
  }
  e.state.networks.delete(n.id)
  for (const c of e.state.containers.values()) {
    const i = c.networks.findIndex((x) => x.networkId === n.id)
    if (i >= 0) c.networks.splice(i, 1)
  }
  e.events.emit('network', 'destroy', n.id, { name: n.name, type: n.driver })
  return noContent()
}
