import { stateFull, storedSize } from '../../engine/disk.ts'
import type { Engine } from '../../engine.ts'
import { forbidden, untyped } from '../../errors.ts'
import type { JsonObject, ServiceRecord, SwarmRecord } from '../../model/state.ts'
import { Filters } from '../../wire/filters.ts'
import { bodyJSON, type Handler, isObject } from '../context.ts'
import { knownFilters } from '../filter-names.ts'
import { emptyOk, json } from '../http.ts'
import { manager, parseVersion } from './shared.ts'

/**
 * The service routes (API 1.24). A service is its spec and a list of task ids (one per
 * replica); no container is scheduled for it, so the checks that matter are the ones made
 * before swarmkit stored the spec: networks, image, name, version.
 * @see moby api/server/router/swarm/cluster_routes.go, daemon/cluster/cluster.go at v1.12.6
 */

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
  knownFilters(f, 'ServiceList', ctx.engine.dockerVersion)
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
  if (!e.disk.charge({ kind: 'service', id }, storedSize(spec))) throw stateFull(e.disk.capacity)
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
