import type { Engine } from '../../engine.ts'
import { untyped } from '../../errors.ts'
import { type ContainerRecord, isRunning } from '../../model/state.ts'
import { ZERO_TIME } from '../../wire/clock.ts'
import { Filters, parseGoInt } from '../../wire/filters.ts'
import { boolValue, type Handler } from '../context.ts'
import { knownFilters } from '../filter-names.ts'
import { JSON_TYPE, json } from '../http.ts'
import { CACHED_LIST_MAX, listBody, listCache, standingBody } from './list-cache.ts'
import { stateString } from './status.ts'
import { summaryJSON } from './summary.ts'

const STATES = ['paused', 'restarting', 'running', 'dead', 'created', 'exited']

/** Names per container id, including link aliases (`/web/db`), like `nameIndex.GetAll()`. */
function allNames(e: Engine): Map<string, string[]> {
  const m = new Map<string, string[]>()
  for (const [name, id] of e.state.names) {
    const list = m.get(id)
    if (list === undefined) m.set(id, [name])
    else list.push(name)
  }
  return m
}

/**
 * GET /containers/json — `daemon.reduceContainers`: newest first, filters validated first,
 * `limit` implies all, `before`/`since` filters by container. O(n) in the number of containers.
 */
export const list: Handler = (ctx) => {
  const e = ctx.engine
  const now = e.clock.nowMs()
  const key = listCache.enabled ? ctx.query.toString() : ''
  const standing = listCache.enabled ? standingBody(e, key, now) : undefined
  if (standing !== undefined) {
    return { status: 200, headers: { 'content-type': JSON_TYPE }, body: standing }
  }
  const parsed = Filters.parse(ctx.query.get('filters'))
  let all = boolValue(ctx, 'all')
  const size = boolValue(ctx, 'size')
  let limit = 0
  const limitText = ctx.query.get('limit') ?? ''
  if (limitText !== '') limit = parseGoInt(limitText, 64)
  const f = knownFilters(parsed, 'ContainerList', e.dockerVersion)
  const exited = f.get('exited').map((v) => parseGoInt(v, 64))
  for (const v of f.get('status')) {
    if (!STATES.includes(v)) throw untyped(`Unrecognised filter value for status: ${v}`)
    all = true
  }
  let before: ContainerRecord | null = null
  let since: ContainerRecord | null = null
  for (const v of f.get('before')) before = e.registry.getContainer(v)
  for (const v of f.get('since')) since = e.registry.getContainer(v)
  let ancestorImages: Set<string> | null = null
  if (f.include('ancestor')) {
    ancestorImages = new Set()
    for (const a of f.get('ancestor')) {
      const img = e.registry.findImage(a)
      if (img !== undefined) {
        ancestorImages.add(img.id)
        // populateImageFilterByParents: images built on top of it count too.
        for (const child of e.state.images.values())
          if (child.parent === img.id) ancestorImages.add(child.id)
      }
    }
  }
  const names = allNames(e)
  // Newest first (daemon.List sorts by creation time); Map insertion order is creation order.
  let candidates = [...e.state.containers.values()].reverse()
  const nameFilter = f.get('name')
  const idFilter = f.get('id')
  if (nameFilter.length + idFilter.length > 0) {
    const matches = new Set<string>()
    for (const id of idFilter) {
      try {
        const full = e.registry.containerIndex.find(id)
        if (full !== undefined) matches.add(full)
      } catch {
        // an ambiguous prefix matches nothing
      }
    }
    if (nameFilter.length > 0) {
      for (const [id, idNames] of names) {
        if (idFilter.length > 0 && !matches.has(id)) continue
        if (idNames.some((n) => f.match('name', n))) matches.add(id)
      }
    }
    candidates = candidates.filter((c) => matches.has(c.id))
  }
  const selected: ContainerRecord[] = []
  for (const c of candidates) {
    if (before !== null) {
      if (c.id === before.id) before = null
      continue
    }
    if (since !== null && c.id === since.id) break
    const running = isRunning(c)
    if (!running && !all && limit <= 0) continue
    if (!f.match('name', c.name)) continue
    if (!f.match('id', c.id)) continue
    if (!f.matchKVList('label', c.config.Labels as Record<string, unknown> | null)) continue
    if (limit > 0 && selected.length === limit) break
    if (exited.length > 0) {
      const ok = exited.some(
        (code) => code === c.state.exitCode && !running && c.state.startedAt !== ZERO_TIME,
      )
      if (!ok) continue
    }
    if (!f.match('status', stateString(c))) continue
    if (f.include('volume')) {
      const wanted = f.get('volume')
      if (
        !c.mounts.some((m) => wanted.includes(m.destination) || wanted.includes(m.name ?? m.source))
      )
        continue
    }
    if (ancestorImages !== null && !ancestorImages.has(c.image)) continue
    if (f.include('network')) {
      const wanted = f.get('network')
      if (!c.networks.some((n) => wanted.includes(n.name) || wanted.includes(n.networkId))) continue
    }
    selected.push(c)
  }
  if (!listCache.enabled || selected.length > CACHED_LIST_MAX) {
    // The reference: one object per entry, then goJSON, as before the cache. Also for large
    // lists, so that the cache stays small: it would hold a copy of a 10k-container list
    // (6.7 MB) for the sake of a list that costs 60 ms to build anyway.
    return json(
      200,
      selected.map((c) => summaryJSON(e, c, names.get(c.id) ?? [], size)),
    )
  }
  const body = listBody(e, key, selected, names, size, now)
  return { status: 200, headers: { 'content-type': JSON_TYPE }, body }
}
