import { stateFull, storedSize } from '../engine/disk.ts'
import { conflict, untyped } from '../errors.ts'
import type { VolumeRecord } from '../model/state.ts'
import { Filters } from '../wire/filters.ts'
import { goStringMap } from '../wire/json.ts'
import { ensureVolume } from './containers/mounts.ts'
import { bodyJSON, checkForJSON, type Handler, isObject } from './context.ts'
import { knownFilters } from './filter-names.ts'
import { json, noContent } from './http.ts'

/**
 * Volume routes (API ≥ 1.21).
 * @see moby api/server/router/volume/volume_routes.go, daemon/list.go filterVolumes,
 * daemon/delete.go VolumeRm, volume/store at v1.12.6
 */

function volumeJSON(v: VolumeRecord) {
  return {
    Name: v.name,
    Driver: v.driver,
    Mountpoint: v.mountpoint,
    Labels: Object.keys(v.labels).length > 0 ? v.labels : null,
    Scope: v.scope,
  }
}

function usersOf(ctx: Parameters<Handler>[0], name: string): string[] {
  const out: string[] = []
  for (const c of ctx.engine.state.containers.values())
    if (c.mounts.some((m) => m.name === name)) out.push(c.id)
  return out
}

export const list: Handler = (ctx) => {
  const f = knownFilters(
    Filters.parse(ctx.query.get('filters')),
    'VolumeList',
    ctx.engine.dockerVersion,
  )
  let vols = [...ctx.engine.state.volumes.values()].sort((a, b) => (a.name < b.name ? -1 : 1))
  if (f.size > 0) {
    vols = vols.filter(
      (v) =>
        (!f.include('name') || f.match('name', v.name)) &&
        (!f.include('driver') || f.match('driver', v.driver)),
    )
    if (f.include('dangling')) {
      let danglingOnly: boolean
      if (f.exactMatch('dangling', 'true') || f.exactMatch('dangling', '1')) danglingOnly = true
      else if (f.exactMatch('dangling', 'false') || f.exactMatch('dangling', '0'))
        danglingOnly = false
      else throw untyped(`Invalid filter 'dangling=[${f.get('dangling').join(' ')}]'`)
      vols = vols.filter((v) => (usersOf(ctx, v.name).length === 0) === danglingOnly)
    }
  }
  return json(200, { Volumes: vols.length > 0 ? vols.map(volumeJSON) : null, Warnings: null })
}

/** An unknown volume: `get foo: no such volume` (volume/store OpErr; 404 by keyword). */
function getVolume(ctx: Parameters<Handler>[0], name: string): VolumeRecord {
  const v = ctx.engine.state.volumes.get(name)
  if (v === undefined) throw untyped(`get ${name}: no such volume`)
  return v
}

export const inspect: Handler = (ctx) => json(200, volumeJSON(getVolume(ctx, ctx.param)))

const VALID_VOLUME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

export const create: Handler = (ctx) => {
  const e = ctx.engine
  checkForJSON(ctx)
  const body = bodyJSON(ctx)
  const req = isObject(body) ? body : {}
  // types.VolumeCreateRequest: DriverOpts and Labels are map[string]string, decoded (and type
  // checked) before anything else happens (api/server/router/volume/volume_routes.go).
  const opts = goStringMap(req.DriverOpts)
  const labels = goStringMap(req.Labels)
  let name = typeof req.Name === 'string' ? req.Name : ''
  const driver = typeof req.Driver === 'string' && req.Driver !== '' ? req.Driver : 'local'
  if (name === '') name = e.registry.newId()
  if (driver !== 'local') {
    throw untyped(`create ${name}: Error looking up volume plugin ${driver}: plugin not found`)
  }
  if (!VALID_VOLUME.test(name)) {
    const why =
      name.length === 1
        ? 'volume name is too short, names should be at least two alphanumeric characters'
        : `${JSON.stringify(name)} includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed`
    throw untyped(`create ${name}: ${why}`)
  }
  const existing = e.state.volumes.get(name)
  if (existing !== undefined) {
    if (existing.driver !== driver)
      throw untyped(`A volume named ${name} already exists. Choose a different volume name.`)
    return json(201, volumeJSON(existing))
  }
  for (const key of Object.keys(opts)) {
    if (!['type', 'device', 'o'].includes(key))
      throw untyped(`create ${name}: invalid option key: ${JSON.stringify(key)}`)
  }
  if (!e.disk.charge({ kind: 'volume', id: name }, storedSize(labels) + storedSize(opts))) {
    throw stateFull(e.disk.capacity)
  }
  const v = ensureVolume(e, name)
  v.labels = labels
  v.options = opts
  return json(201, volumeJSON(v))
}

export const remove: Handler = (ctx) => {
  const e = ctx.engine
  const v = getVolume(ctx, ctx.param)
  const users = usersOf(ctx, v.name)
  if (users.length > 0) {
    throw conflict(
      `Unable to remove volume, volume still in use: remove ${v.name}: volume is in use - [${users.join(', ')}]`,
    )
  }
  e.state.volumes.delete(v.name)
  e.events.emit('volume', 'destroy', v.name, { driver: v.driver })
  return noContent()
}
