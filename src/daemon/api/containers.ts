import { humanDuration, rfc3339Nano, ZERO_TIME } from '../clock'
import type { Engine } from '../engine'
import {
  badRequest,
  conflict,
  DaemonError,
  errNotRunning,
  errorMessage,
  notFound,
  untyped,
  wrap,
} from '../errors'
import { ChunkQueue } from '../events'
import { Filters, goQuote, parseGoInt } from '../filters'
import { statPath } from '../fs'
import { psRows } from '../process'
import { parseReference, withDefaultTag } from '../reference'
import { parseSignal, terminates, validSignal } from '../signals'
import {
  type ContainerRecord,
  isRunning,
  type JsonObject,
  type JsonValue,
  type LogEntry,
} from '../state'
import { frame } from '../stdcopy'
import { tar, untar } from '../tar'
import type { DaemonResponse } from '../types'
import {
  CONFIG_FIELDS,
  CONFIG_KINDS,
  defaultHostConfig,
  HOST_CONFIG_KINDS,
  parseCreateBody,
  pick,
  str,
  strs,
  verifySettings,
} from './config'
import {
  bodyJSON,
  boolValue,
  boolValueOrDefault,
  type Ctx,
  checkForJSON,
  type Handler,
  isObject,
  versionGTE,
  versionLT,
} from './context'
import {
  bytes,
  emptyOk,
  goJSON,
  goJSONValue,
  JSON_TYPE,
  json,
  noContent,
  stream,
  TEXT_TYPE,
  utf8,
} from './http'

/**
 * Container routes.
 * @see moby api/server/router/container/container_routes.go and daemon/*.go at v1.12.6
 */

const RAW_STREAM = 'application/vnd.docker.raw-stream'

// ---------- shapes ----------

function stateString(c: ContainerRecord): string {
  return c.state.status
}

/** `State.String()`: the human Status column. */
export function statusText(e: Engine, c: ContainerRecord): string {
  const now = e.nowMs()
  const since = (t: string) => humanDuration(Math.max(0, now - Date.parse(t)))
  switch (c.state.status) {
    case 'running':
      return `Up ${since(c.state.startedAt)}`
    case 'paused':
      return `Up ${since(c.state.startedAt)} (Paused)`
    case 'restarting':
      return `Restarting (${c.state.exitCode}) ${since(c.state.finishedAt)} ago`
    case 'dead':
      return 'Dead'
    case 'created':
      return 'Created'
    case 'exited':
      return c.state.finishedAt === ZERO_TIME
        ? ''
        : `Exited (${c.state.exitCode}) ${since(c.state.finishedAt)} ago`
  }
}

function portMap(c: ContainerRecord): Record<string, JsonValue> | null {
  if (!isRunning(c)) return null
  const out: Record<string, JsonValue> = {}
  const exposed = c.config.ExposedPorts
  if (isObject(exposed)) for (const p of Object.keys(exposed)) out[p] = null
  const bindings = c.hostConfig.PortBindings
  if (isObject(bindings)) {
    for (const [p, list] of Object.entries(bindings)) {
      const key = p.includes('/') ? p : `${p}/tcp`
      out[key] = Array.isArray(list)
        ? list.map((b) => ({
            HostIp:
              isObject(b) && typeof b.HostIp === 'string' && b.HostIp !== '' ? b.HostIp : '0.0.0.0',
            HostPort: isObject(b) && typeof b.HostPort === 'string' ? b.HostPort : '',
          }))
        : null
    }
  }
  return out
}

function networksJSON(c: ContainerRecord): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {}
  for (const n of c.networks) {
    out[n.name] = {
      IPAMConfig: null,
      Links: null,
      Aliases: null,
      NetworkID: n.networkId,
      EndpointID: n.endpointId,
      Gateway: n.gateway,
      IPAddress: n.ipAddress,
      IPPrefixLen: n.ipPrefixLen,
      IPv6Gateway: '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      MacAddress: n.macAddress,
    }
  }
  return out
}

function mountsJSON(c: ContainerRecord): JsonValue[] {
  return c.mounts.map((m) => ({
    ...(m.name !== undefined ? { Name: m.name } : {}),
    Source: m.source,
    Destination: m.destination,
    ...(m.driver !== undefined ? { Driver: m.driver } : {}),
    Mode: m.mode,
    RW: m.rw,
    Propagation: m.propagation,
  }))
}

/** `types.ContainerJSON` (GET /containers/{id}/json). */
export function inspectJSON(e: Engine, c: ContainerRecord, size: boolean): JsonObject {
  const bridge = c.networks.find((n) => n.name === 'bridge')
  const st = c.state
  const root = `/var/lib/docker/containers/${c.id}`
  return {
    Id: c.id,
    Created: c.created,
    Path: c.path,
    Args: c.args,
    State: {
      Status: stateString(c),
      Running: isRunning(c),
      Paused: st.status === 'paused',
      Restarting: st.status === 'restarting',
      OOMKilled: st.oomKilled,
      Dead: st.status === 'dead',
      Pid: st.pid,
      ExitCode: st.exitCode,
      Error: st.error,
      StartedAt: st.startedAt,
      FinishedAt: st.finishedAt,
    },
    Image: c.image,
    ResolvConfPath: `${root}/resolv.conf`,
    HostnamePath: `${root}/hostname`,
    HostsPath: `${root}/hosts`,
    LogPath: `${root}/${c.id}-json.log`,
    Name: c.name,
    RestartCount: c.restartCount,
    Driver: 'aufs',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: c.execIds.length > 0 ? c.execIds : null,
    HostConfig: c.hostConfig,
    GraphDriver: { Name: 'aufs', Data: null },
    ...(size
      ? { SizeRw: c.sizeRw, SizeRootFs: c.sizeRw + (e.state.images.get(c.image)?.size ?? 0) }
      : {}),
    Mounts: mountsJSON(c),
    Config: c.config,
    NetworkSettings: {
      Bridge: '',
      SandboxID: isRunning(c) ? `${c.id.slice(0, 12)}${'0'.repeat(52)}` : '',
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      Ports: portMap(c),
      SandboxKey: isRunning(c) ? `/var/run/docker/netns/${c.id.slice(0, 12)}` : '',
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: bridge?.endpointId ?? '',
      Gateway: bridge?.gateway ?? '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      IPAddress: bridge?.ipAddress ?? '',
      IPPrefixLen: bridge?.ipPrefixLen ?? 0,
      IPv6Gateway: '',
      MacAddress: bridge?.macAddress ?? '',
      Networks: networksJSON(c),
    },
  }
}

/** `daemon.transformContainer` (one entry of GET /containers/json). */
function summaryJSON(e: Engine, c: ContainerRecord, names: string[], size: boolean): JsonObject {
  return {
    Id: c.id,
    Names: names,
    Image: summaryImage(e, c),
    ...summaryMiddle(e, c, size),
    Status: statusText(e, c),
    ...summaryTail(c),
  }
}

/** The Image column: the name the container was created with, or its image id once that name points elsewhere. */
function summaryImage(e: Engine, c: ContainerRecord): string {
  const given = String(c.config.Image ?? '')
  if (given === c.image) return given
  const found = e.findImage(given)
  return found === undefined || found.id !== c.image ? c.image : given
}

/** The fields between Image and Status; they change only when the container does. */
function summaryMiddle(e: Engine, c: ContainerRecord, size: boolean): JsonObject {
  const args = c.args.map((a) => (a.includes(' ') ? `'${a}'` : a))
  const ports: JsonValue[] = []
  const pm = portMap(c)
  if (pm !== null) {
    for (const [p, list] of Object.entries(pm)) {
      const [num = '0', proto = 'tcp'] = p.split('/')
      if (!Array.isArray(list) || list.length === 0) {
        ports.push({ PrivatePort: Number(num), Type: proto })
      } else {
        for (const b of list) {
          const hb = b as { HostIp: string; HostPort: string }
          ports.push({
            IP: hb.HostIp,
            PrivatePort: Number(num),
            PublicPort: Number(hb.HostPort),
            Type: proto,
          })
        }
      }
    }
  }
  return {
    ImageID: c.image,
    Command: c.args.length > 0 ? `${c.path} ${args.join(' ')}` : c.path,
    Created: Math.floor(Date.parse(c.created) / 1000),
    Ports: ports,
    ...(size
      ? { SizeRw: c.sizeRw, SizeRootFs: c.sizeRw + (e.state.images.get(c.image)?.size ?? 0) }
      : {}),
    Labels: (c.config.Labels ?? {}) as JsonValue,
    State: stateString(c),
  }
}

/** The fields after Status. */
function summaryTail(c: ContainerRecord): JsonObject {
  // types.SummaryNetworkSettings holds full EndpointSettings: Links/Aliases stay (as null).
  return {
    HostConfig: { NetworkMode: String(c.hostConfig.NetworkMode ?? 'default') },
    NetworkSettings: { Networks: networksJSON(c) },
    Mounts: mountsJSON(c),
  }
}

/** `{"a":1,"b":2}` → `"a":1,"b":2`, Go-escaped (both objects are never empty). */
const innerJSON = (o: JsonObject): string => goJSONValue(o).slice(1, -1)

/**
 * A container's list entry, serialised. Its structure (everything but the names, the Image
 * column and the Status text) is valid while `revision` and the container's own revision
 * stand; those three are compared on every list: the names change with a link or a rename of
 * another container, the Image column when a tag moves, the Status text with the clock.
 *
 * `json` is kept as a slice of the last list body when it went into one, so the cache holds
 * that body once rather than every entry a second time.
 */
interface CachedSummary {
  revision: number
  containerRevision: number
  size: boolean
  /** Date.parse of the time the Status text counts from. */
  sinceMs: number
  names: readonly string[]
  image: string
  status: string
  /** `{"Id":…,"Names":[…],"Image":…,"ImageID":…,"Status":…,…,"Mounts":[…]}` */
  json: string
  /** The list body `json` is a slice of (0: a string of its own). */
  generation: number
  /** In `json`: where the names start, where the text after the Image value starts, where the Status value starts and where what follows it starts. */
  namesAt: number
  middleAt: number
  statusAt: number
  tailAt: number
}

const summaryCache = new WeakMap<ContainerRecord, CachedSummary>()
const NO_NAMES: readonly string[] = []

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * Whether list entries come from the cache. Tests switch it off to compare the cached list
 * with one built from scratch after every kind of change.
 */
export const listCache = { enabled: true }

/** Lists with more entries than this are built from scratch each time and not kept. */
const CACHED_LIST_MAX = 2_000

/** The container's entry, its `json` up to date for these names and Image column at `now`. */
function cachedSummary(
  e: Engine,
  c: ContainerRecord,
  size: boolean,
  names: readonly string[],
  image: string,
  now: number,
): CachedSummary {
  const revision = e.revision
  const containerRevision = e.containerRevision(c)
  let entry = summaryCache.get(c)
  let head: string
  let middle: string
  let tail: string
  if (
    entry !== undefined &&
    entry.revision === revision &&
    entry.containerRevision === containerRevision &&
    entry.size === size
  ) {
    const status = statusFromCache(c, entry.sinceMs, now)
    if (entry.status === status && entry.image === image && sameStrings(entry.names, names)) {
      return entry
    }
    const json = entry.json
    head = json.slice(0, entry.namesAt)
    middle = json.slice(entry.middleAt, entry.statusAt)
    tail = json.slice(entry.tailAt)
  } else {
    const st = c.state
    const sinceMs = Date.parse(
      st.status === 'running' || st.status === 'paused' ? st.startedAt : st.finishedAt,
    )
    entry = {
      revision,
      containerRevision,
      size,
      sinceMs,
      names: NO_NAMES,
      image: '',
      status: '',
      json: '',
      generation: 0,
      namesAt: 0,
      middleAt: 0,
      statusAt: 0,
      tailAt: 0,
    }
    summaryCache.set(c, entry)
    head = `{"Id":${goJSONValue(c.id)},"Names":`
    middle = `,${innerJSON(summaryMiddle(e, c, size))},"Status":`
    tail = `,${innerJSON(summaryTail(c))}}`
  }
  const status = statusFromCache(c, entry.sinceMs, now)
  const namesJSON = goJSONValue(names)
  const imageJSON = goJSONValue(image)
  const statusJSON = goJSONValue(status)
  entry.names = names
  entry.image = image
  entry.status = status
  entry.json = `${head}${namesJSON},"Image":${imageJSON}${middle}${statusJSON}${tail}`
  entry.generation = 0
  entry.namesAt = head.length
  entry.middleAt = entry.namesAt + namesJSON.length + ',"Image":'.length + imageJSON.length
  entry.statusAt = entry.middleAt + middle.length
  entry.tailAt = entry.statusAt + statusJSON.length
  return entry
}

/** `statusText` with the clock read once per list and the start/finish time parsed once per change. */
function statusFromCache(c: ContainerRecord, sinceMs: number, now: number): string {
  const st = c.state
  switch (st.status) {
    case 'running':
      return `Up ${humanDuration(Math.max(0, now - sinceMs))}`
    case 'paused':
      return `Up ${humanDuration(Math.max(0, now - sinceMs))} (Paused)`
    case 'restarting':
      return `Restarting (${st.exitCode}) ${humanDuration(Math.max(0, now - sinceMs))} ago`
    case 'dead':
      return 'Dead'
    case 'created':
      return 'Created'
    case 'exited':
      return st.finishedAt === ZERO_TIME
        ? ''
        : `Exited (${st.exitCode}) ${humanDuration(Math.max(0, now - sinceMs))} ago`
  }
}

// ---------- list ----------

const PS_FILTERS = [
  'ancestor',
  'before',
  'exited',
  'id',
  'isolation',
  'label',
  'name',
  'status',
  'since',
  'volume',
  'network',
]
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
  const now = e.nowMs()
  const key = listCache.enabled ? ctx.query.toString() : ''
  const answered = listCache.enabled ? lastBodies.get(e)?.get(key) : undefined
  if (
    answered !== undefined &&
    answered.revision === e.revision &&
    answered.touched === e.touched &&
    now >= answered.from &&
    now < answered.until
  ) {
    return { status: 200, headers: { 'content-type': JSON_TYPE }, body: answered.body }
  }
  const f = Filters.parse(ctx.query.get('filters'))
  let all = boolValue(ctx, 'all')
  const size = boolValue(ctx, 'size')
  let limit = 0
  const limitText = ctx.query.get('limit') ?? ''
  if (limitText !== '') limit = parseGoInt(limitText, 64)
  f.validate(PS_FILTERS)
  const exited = f.get('exited').map((v) => parseGoInt(v, 64))
  for (const v of f.get('status')) {
    if (!STATES.includes(v)) throw untyped(`Unrecognised filter value for status: ${v}`)
    all = true
  }
  let before: ContainerRecord | null = null
  let since: ContainerRecord | null = null
  for (const v of f.get('before')) before = e.getContainer(v)
  for (const v of f.get('since')) since = e.getContainer(v)
  let ancestorImages: Set<string> | null = null
  if (f.include('ancestor')) {
    ancestorImages = new Set()
    for (const a of f.get('ancestor')) {
      const img = e.findImage(a)
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
        const full = e.containerIndex.find(id)
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
  const out: string[] = []
  const entries: CachedSummary[] = []
  const found = new Map<string, string>()
  let until = Number.POSITIVE_INFINITY
  for (const c of selected) {
    // summaryImage, with one image lookup per name per list.
    const given = String(c.config.Image ?? '')
    let image = given
    if (given !== c.image) {
      let foundId = found.get(given)
      if (foundId === undefined) {
        foundId = e.findImage(given)?.id ?? ''
        found.set(given, foundId)
      }
      if (foundId !== c.image) image = c.image
    }
    const entry = cachedSummary(e, c, size, names.get(c.id) ?? NO_NAMES, image, now)
    until = Math.min(until, statusChangesAt(c, entry.sinceMs, now))
    out.push(entry.json)
    entries.push(entry)
  }
  // The body is a function of the entries alone: when they are the very strings of the last
  // list, so is the body (and the MSW adapter can reuse its bytes too).
  const last = lastList.get(e)
  let body: string
  if (last !== undefined && sameStrings(last.entries, out)) {
    body = last.body
  } else {
    // Exactly goJSON(summaries): JSON.stringify writes no whitespace, so the pieces concatenate.
    // The brackets go into the first and last element, so that join makes the one flat string
    // (a `[` + … + `]` around it would be copied once more when first sliced).
    if (out.length === 0) body = '[]\n'
    else {
      out[0] = `[${out[0]}`
      out[out.length - 1] = `${out[out.length - 1]}]\n`
      body = out.join(',')
    }
    // From now on each entry is a slice of the body (no copy): memory for the body only.
    const generation = ++bodyGeneration
    let at = 1
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as CachedSummary
      const length = entry.json.length
      entry.json = body.slice(at, at + length)
      entry.generation = generation
      out[i] = entry.json
      at += length + 1
    }
    // Entries of the previous body that are not in this one get their own copy of their text,
    // so that no body stays alive for the sake of a few entries (a paging client would
    // otherwise pin one old body per page).
    for (const entry of last?.owners ?? []) {
      if (entry.generation !== generation && entry.generation !== 0) {
        entry.json = ownCopy(entry.json)
        entry.generation = 0
      }
    }
    lastList.set(e, { entries: out, owners: entries, body })
  }
  let bodies = lastBodies.get(e)
  if (bodies === undefined) {
    bodies = new Map()
    lastBodies.set(e, bodies)
  }
  // A few queries' bodies, at most LAST_BODIES_CHARS in all (10k containers: 6.7 MB for one).
  let kept = body.length
  for (const [k, b] of bodies) if (k !== key) kept += b.body.length
  if (!bodies.has(key) && (bodies.size >= LAST_BODIES_KEPT || kept > LAST_BODIES_CHARS)) {
    bodies.clear()
  }
  bodies.set(key, { revision: e.revision, touched: e.touched, from: now, until, body })
  return { status: 200, headers: { 'content-type': JSON_TYPE }, body }
}

/** Per daemon: the entries and body of the last list built, and the cache entries sliced from it. */
const lastList = new WeakMap<
  Engine,
  { entries: readonly string[]; owners: readonly CachedSummary[]; body: string }
>()
let bodyGeneration = 0

/**
 * A string with its own storage: `slice` of a flattened concatenation copies the characters,
 * whereas a slice of a slice would still point into the large string it came from.
 */
function ownCopy(text: string): string {
  return `${text} `.slice(0, -1)
}

/**
 * Per daemon and query: the last body, valid while no write happened (both revisions) and the
 * clock stays in [from, until), the span in which no Status text ("Up 5 minutes") changes.
 */
const lastBodies = new WeakMap<
  Engine,
  Map<string, { revision: number; touched: number; from: number; until: number; body: string }>
>()
const LAST_BODIES_KEPT = 16
const LAST_BODIES_CHARS = 8 * 2 ** 20

/**
 * When the Status text of `statusFromCache` can next change. `humanDuration` is a function of
 * the whole seconds below a minute, of the whole minutes below an hour and of the whole hours
 * above, so the text stands until the next such boundary.
 */
function statusChangesAt(c: ContainerRecord, sinceMs: number, now: number): number {
  const st = c.state.status
  const timed =
    st === 'running' ||
    st === 'paused' ||
    st === 'restarting' ||
    (st === 'exited' && c.state.finishedAt !== ZERO_TIME)
  if (!timed) return Number.POSITIVE_INFINITY
  const elapsed = now - sinceMs
  // Before the start (a clock set back): "Less than a second" until then, re-checked each second.
  if (!(elapsed >= 0)) return now + 1
  const unit = elapsed < 60_000 ? 1_000 : elapsed < 3_600_000 ? 60_000 : 3_600_000
  return now + unit - (elapsed % unit)
}

// ---------- create ----------

function mergeImageConfig(config: JsonObject, image: JsonObject): void {
  // daemon.merge (daemon/daemon.go): user values win; Cmd comes from the image only when the
  // user gave neither Cmd nor Entrypoint.
  const has = (k: string) => Array.isArray(config[k]) && (config[k] as JsonValue[]).length > 0
  if (!has('Entrypoint')) {
    if (!has('Cmd')) config.Cmd = image.Cmd ?? null
    if (config.Entrypoint === undefined || config.Entrypoint === null)
      config.Entrypoint = image.Entrypoint ?? null
  }
  const userEnv = strs(config, 'Env')
  const keys = new Set(userEnv.map((kv) => kv.split('=')[0]))
  config.Env = [...strs(image, 'Env').filter((kv) => !keys.has(kv.split('=')[0])), ...userEnv]
  if (str(config, 'User') === '') config.User = image.User ?? ''
  if (str(config, 'WorkingDir') === '') config.WorkingDir = image.WorkingDir ?? ''
  if (isObject(image.ExposedPorts)) {
    config.ExposedPorts = {
      ...image.ExposedPorts,
      ...(isObject(config.ExposedPorts) ? config.ExposedPorts : {}),
    }
  }
  if (isObject(image.Volumes)) {
    config.Volumes = { ...image.Volumes, ...(isObject(config.Volumes) ? config.Volumes : {}) }
  }
  if (isObject(image.Labels)) {
    config.Labels = { ...image.Labels, ...(isObject(config.Labels) ? config.Labels : {}) }
  }
  if (str(config, 'StopSignal') === '' && typeof image.StopSignal === 'string')
    config.StopSignal = image.StopSignal
}

/** Normalises the stored Config to the inspect shape, in Go field order. */
function normaliseConfig(config: JsonObject, id: string): JsonObject {
  const defaults: JsonObject = {
    Hostname: id.slice(0, 12),
    Domainname: '',
    User: '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: null,
    Cmd: null,
    Image: '',
    Volumes: null,
    WorkingDir: '',
    Entrypoint: null,
    OnBuild: null,
    Labels: {},
  }
  const out: JsonObject = {}
  for (const k of CONFIG_FIELDS) {
    const v = config[k]
    if (v !== undefined && !(k === 'Hostname' && v === '')) out[k] = v
    else if (defaults[k] !== undefined) out[k] = defaults[k] as JsonValue
    if (k === 'Labels' && (out.Labels === null || out.Labels === undefined)) out.Labels = {}
  }
  return out
}

const LOG_DRIVERS = [
  'json-file',
  'syslog',
  'journald',
  'gelf',
  'fluentd',
  'awslogs',
  'splunk',
  'gcplogs',
  'none',
]

export const create: Handler = (ctx) => {
  const e = ctx.engine
  checkForJSON(ctx)
  const name = ctx.query.get('name') ?? ''
  const body = parseCreateBody(bodyJSON(ctx))
  // runconfig DecodeContainerConfig validates bind specs while decoding, before anything else.
  if (body.config !== null) for (const bind of strs(body.hostConfig, 'Binds')) validateBind(bind)
  if (body.config === null) throw untyped('Config cannot be empty in order to create a container')
  const config = body.config
  const warnings = verifySettings(body.hostConfig, config, (s) => parseSignal(s))
  const endpoints = body.networkingConfig?.EndpointsConfig
  if (isObject(endpoints) && Object.keys(endpoints).length > 1) {
    throw badRequest(
      `Container cannot be connected to network endpoints: ${Object.keys(endpoints).join(', ')}`,
    )
  }
  const imageName = str(config, 'Image')
  let imageId = ''
  if (imageName !== '') {
    const img = lookupImageForCreate(e, imageName)
    imageId = img.id
    mergeImageConfig(config, img.config)
  }
  const cmd = strs(config, 'Cmd')
  const entrypoint = strs(config, 'Entrypoint')
  if (cmd.length === 0 && entrypoint.length === 0) throw untyped('No command specified')
  // mergeAndVerifyLogConfig: the logging drivers compiled into the Linux daemon (logdrivers_linux.go).
  const logConfig = body.hostConfig?.LogConfig
  const logDriver = isObject(logConfig) && typeof logConfig.Type === 'string' ? logConfig.Type : ''
  if (logDriver !== '' && !LOG_DRIVERS.includes(logDriver)) {
    throw untyped(`logger: no log driver named '${logDriver}' is registered`)
  }

  // Network mode and links must point at things that exist (daemon.create → setHostConfig).
  const hc = { ...defaultHostConfig(), ...(body.hostConfig ?? {}) }
  if (hc.NetworkMode === '' || hc.NetworkMode === null) hc.NetworkMode = 'default'
  const mode = String(hc.NetworkMode)
  if (mode.startsWith('container:')) e.getContainer(mode.slice('container:'.length))
  else if (
    !['default', 'bridge', 'host', 'none'].includes(mode) &&
    e.findNetwork(mode) === undefined
  ) {
    throw notFound(`network ${mode} not found`)
  }
  for (const link of strs(hc, 'Links')) {
    const [target = ''] = link.split(':')
    try {
      e.getContainer(target)
    } catch {
      throw untyped(`Could not get container for ${target}`)
    }
  }

  const id = e.newId()
  const finalName = name === '' ? e.generateName(id) : e.reserveName(id, name)
  const path = entrypoint.length > 0 ? (entrypoint[0] ?? '') : (cmd[0] ?? '')
  const args = entrypoint.length > 0 ? [...entrypoint.slice(1), ...cmd] : cmd.slice(1)
  const now = e.nowString()
  const netName = mode === 'default' ? 'bridge' : mode.startsWith('container:') ? '' : mode
  const net = netName === '' ? undefined : e.findNetwork(netName)
  const c: ContainerRecord = {
    id,
    name: finalName,
    created: now,
    path,
    args,
    config: normaliseConfig(config, id),
    hostConfig: hc,
    image: imageId,
    state: {
      status: 'created',
      pid: 0,
      exitCode: 0,
      error: '',
      startedAt: ZERO_TIME,
      finishedAt: ZERO_TIME,
      oomKilled: false,
    },
    restartCount: 0,
    process: null,
    logs: [],
    execIds: [],
    networks:
      net === undefined
        ? []
        : [
            {
              name: net.name,
              networkId: net.id,
              endpointId: '',
              ipAddress: '',
              macAddress: '',
              gateway: '',
              ipPrefixLen: 0,
            },
          ],
    mounts: [],
    changes: [],
    files: [],
    sizeRw: 0,
  }
  setupMounts(e, c)
  e.addContainer(c)
  e.containerEvent(c, 'create')
  return json(201, { Id: id, Warnings: warnings })
}

/** `daemon.GetImage` + `imageNotExistToErrcode` (daemon/errors.go). */
function lookupImageForCreate(e: Engine, name: string) {
  const img = e.findImage(name)
  if (img !== undefined) return img
  if (name.includes('@')) throw notFound(`No such image: ${name}`)
  if (/^sha256:/.test(name)) throw notFound(`No such image: ${name}`)
  const ref = parseReference(name)
  if (ref === null)
    throw untyped(`Error parsing reference: ${goQuote(name)} is not a valid repository/tag`)
  throw notFound(`No such image: ${withDefaultTag(ref)}`)
}

/** Anonymous volumes for Config.Volumes, named volumes and bind mounts for HostConfig.Binds. */
/** `volume.ParseMountSpec` for `src:dst[:mode]`. */
function validateBind(bind: string): string[] {
  const parts = bind.split(':')
  const destination = parts[1] ?? ''
  if (parts.length < 2 || parts.length > 3 || parts[0] === '' || !destination.startsWith('/')) {
    throw untyped(
      `Invalid bind mount spec ${goQuote(bind)}: invalid volume specification: '${bind}'`,
    )
  }
  return parts
}

function setupMounts(e: Engine, c: ContainerRecord): void {
  for (const bind of strs(c.hostConfig, 'Binds')) {
    const [source = '', destination = '', mode = ''] = validateBind(bind)
    const rw = !mode.split(',').includes('ro')
    if (source.startsWith('/')) {
      c.mounts.push({ source, destination, mode, rw, propagation: 'rprivate' })
    } else {
      const v = ensureVolume(e, source)
      c.mounts.push({
        name: v.name,
        source: v.mountpoint,
        destination,
        driver: v.driver,
        mode: mode === '' ? 'z' : mode,
        rw,
        propagation: 'rprivate',
      })
    }
  }
  const volumes = c.config.Volumes
  if (isObject(volumes)) {
    for (const destination of Object.keys(volumes)) {
      if (c.mounts.some((m) => m.destination === destination)) continue
      const v = ensureVolume(e, e.newId())
      c.mounts.push({
        name: v.name,
        source: v.mountpoint,
        destination,
        driver: 'local',
        mode: '',
        rw: true,
        propagation: '',
      })
    }
  }
}

export function ensureVolume(e: Engine, name: string) {
  const existing = e.state.volumes.get(name)
  if (existing !== undefined) return existing
  const v = {
    name,
    driver: 'local',
    mountpoint: `/var/lib/docker/volumes/${name}/_data`,
    labels: {},
    options: {},
    scope: 'local' as const,
  }
  e.state.volumes.set(name, v)
  e.event('volume', 'create', name, { driver: 'local' })
  return v
}

// ---------- inspect, top, changes ----------

/**
 * GET /containers/{id}/json. Older API versions get the older shapes: before 1.20 `Volumes`
 * and `VolumesRW` instead of `Mounts` and resource limits inside `Config`; up to 1.20 the
 * NetworkSettings without `Networks`.
 * @see moby daemon/inspect.go ContainerInspect, daemon/inspect_unix.go at v1.12.6
 */
export const inspect: Handler = (ctx) => {
  const c = ctx.engine.getContainer(ctx.param)
  if (versionGTE(ctx, '1.21')) return json(200, inspectJSON(ctx.engine, c, boolValue(ctx, 'size')))
  const current = inspectJSON(ctx.engine, c, false)
  const { Mounts, Config, NetworkSettings, ...base } = current
  const { Networks: _networks, ...compatNetwork } = NetworkSettings as JsonObject
  const hc = c.hostConfig
  if (versionLT(ctx, '1.20')) {
    const volumes: JsonObject = {}
    const volumesRW: JsonObject = {}
    for (const m of c.mounts) {
      volumes[m.destination] = m.source
      volumesRW[m.destination] = m.rw
    }
    return json(200, {
      ...base,
      Volumes: volumes,
      VolumesRW: volumesRW,
      Config: {
        ...(Config as JsonObject),
        VolumeDriver: hc.VolumeDriver ?? '',
        Memory: hc.Memory ?? 0,
        MemorySwap: hc.MemorySwap ?? 0,
        CpuShares: hc.CpuShares ?? 0,
        Cpuset: hc.CpusetCpus ?? '',
      },
      NetworkSettings: compatNetwork,
    })
  }
  return json(200, {
    ...base,
    Mounts: Mounts ?? [],
    Config: { ...(Config as JsonObject), VolumeDriver: hc.VolumeDriver ?? '' },
    NetworkSettings: compatNetwork,
  })
}

/** `validatePSArgs` (daemon/top_unix.go): only `pid=PID…` may be renamed. */
function validatePSArgs(psArgs: string): void {
  for (const m of psArgs.matchAll(/\s+(\S*)=\s*(PID\S*)/g)) {
    if (m[1] !== 'pid') throw untyped(`specifying "${m[1]}=${m[2]}" is not allowed`)
  }
}

export const top: Handler = (ctx) => {
  const e = ctx.engine
  const psArgs = ctx.query.get('ps_args') || '-ef'
  validatePSArgs(psArgs)
  const c = e.getContainer(ctx.param)
  if (!isRunning(c)) throw errNotRunning(c.id)
  if (c.state.status === 'restarting') {
    throw conflict(`Container ${c.id} is restarting, wait until the container is running`)
  }
  const argv = e.argv(c)
  const rows = psRows(argv, c.state.pid, c.state.startedAt)
  const execRows = c.execIds
    .map((id) => e.state.execs.get(id))
    .filter((x) => x !== undefined && x.phase === 'running')
    .flatMap((x) =>
      x === undefined ? [] : psRows([x.entrypoint, ...x.arguments], x.pid, c.state.startedAt),
    )
  let result: JsonObject
  if (/(^|\s)-?[a-z]*u[a-z]*x|aux/.test(psArgs)) {
    result = {
      Titles: [
        'USER',
        'PID',
        '%CPU',
        '%MEM',
        'VSZ',
        'RSS',
        'TTY',
        'STAT',
        'START',
        'TIME',
        'COMMAND',
      ],
      Processes: [...rows, ...execRows].map((r) => [
        r[0] ?? 'root',
        r[1] ?? '',
        '0.0',
        '0.0',
        '1232',
        '4',
        '?',
        'Ss',
        r[4] ?? '',
        '0:00',
        r[7] ?? '',
      ]),
    }
  } else {
    result = {
      Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
      Processes: [...rows, ...execRows],
    }
  }
  e.containerEvent(c, 'top')
  return json(200, result)
}

export const changes: Handler = (ctx) => {
  const c = ctx.engine.getContainer(ctx.param)
  return json(200, c.changes.length > 0 ? c.changes : null)
}

// ---------- logs, attach ----------

/** json-file's fixed-width RFC 3339 (9 fractional digits): `jsonlog.RFC3339NanoFixed`. */
function fixedNano(t: string): string {
  const m = /^(.*?)(?:\.(\d+))?Z$/.exec(t)
  if (m === null) return t
  return `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}Z`
}

function encodeEntry(entry: LogEntry, tty: boolean, timestamps: boolean): Uint8Array {
  const text = timestamps ? entry.text.replace(/^(?=.)/gm, `${fixedNano(entry.time)} `) : entry.text
  return tty ? utf8(text) : frame(entry.stream, text)
}

function sinceNs(value: string | null): number {
  if (value === null || value === '') return 0
  const [s = '', n] = value.split('.', 2)
  const secs = parseGoInt(s)
  const nanos = n === undefined ? 0 : parseGoInt(n) * 10 ** (9 - n.length)
  return secs * 1e9 + nanos
}

export const logs: Handler = (ctx) => {
  const e = ctx.engine
  const stdout = boolValue(ctx, 'stdout')
  const stderr = boolValue(ctx, 'stderr')
  // Checked in the router before the container lookup (keyword `bad parameter` → 400).
  if (!stdout && !stderr) throw untyped('Bad parameters: you must choose at least one stream')
  const c = e.getContainer(ctx.param)
  // Only json-file and journald can be read back (logger.LogReader); see daemon/logs.go.
  const logType = isObject(c.hostConfig.LogConfig) ? String(c.hostConfig.LogConfig.Type ?? '') : ''
  if (logType !== '' && logType !== 'json-file' && logType !== 'journald') {
    throw untyped('configured logging reader does not support reading')
  }
  const since = sinceNs(ctx.query.get('since'))
  const tailText = ctx.query.get('tail') ?? ''
  const tail = /^[+-]?\d+$/.test(tailText) ? Number.parseInt(tailText, 10) : -1
  const tty = c.config.Tty === true
  const timestamps = boolValue(ctx, 'timestamps')
  const wanted = (entry: LogEntry) => (entry.stream === 1 ? stdout : stderr)
  let entries = c.logs.filter(
    (x) => wanted(x) && (since === 0 || Date.parse(x.time) * 1e6 >= since),
  )
  if (tail >= 0) entries = tail === 0 ? [] : entries.slice(-tail)
  const chunks = entries.map((x) => encodeEntry(x, tty, timestamps))
  // No explicit Content-Type, but daemon/logs.go flushes before the first write, so Go
  // sniffs an empty body: text/plain even for multiplexed binary frames.
  if (boolValue(ctx, 'follow') && isRunning(c)) {
    const q = e.follow(c, (x) => (wanted(x) ? encodeEntry(x, tty, timestamps) : null))
    return stream(prepend(chunks, q), TEXT_TYPE)
  }
  const q = new ChunkQueue()
  for (const ch of chunks) q.push(ch)
  q.close()
  return stream(q, TEXT_TYPE)
}

async function* prepend(
  first: Uint8Array[],
  rest: AsyncIterable<Uint8Array>,
): AsyncIterable<Uint8Array> {
  yield* first
  yield* rest
}

/** daemon/attach.go: detach keys are parsed before the container lookup. */
function checkDetachKeys(ctx: Ctx): void {
  const keys = ctx.query.get('detachKeys') ?? ''
  if (
    keys !== '' &&
    !/^(ctrl-[a-z@[\\\]^_]|[^,]{1})(,(ctrl-[a-z@[\\\]^_]|[^,]{1}))*$/i.test(keys)
  ) {
    throw untyped(`Invalid escape keys (${keys}) provided`)
  }
}

/**
 * POST /attach: the real daemon hijacks the connection. Here the response is a stream of the
 * container's output (past output with logs=1, live output with stream=1), multiplexed unless
 * the container has a TTY. Errors are written the hijacked way: a status line and the message.
 */
export const attach: Handler = (ctx) => {
  const e = ctx.engine
  let c: ContainerRecord
  try {
    checkDetachKeys(ctx)
    c = e.getContainer(ctx.param)
  } catch (err) {
    const status = err instanceof DaemonError ? err.status : 500
    return { status, headers: { 'content-type': RAW_STREAM }, body: `${errorMessage(err)}\r\n` }
  }
  if (c.state.status === 'paused') {
    return {
      status: 409,
      headers: { 'content-type': RAW_STREAM },
      body: `Container ${ctx.param} is paused. Unpause the container before attach\r\n`,
    }
  }
  const tty = c.config.Tty === true
  const useStdout = boolValue(ctx, 'stdout')
  const useStderr = boolValue(ctx, 'stderr')
  const wanted = (x: LogEntry) => (x.stream === 1 ? useStdout : useStderr)
  const chunks = boolValue(ctx, 'logs')
    ? c.logs.filter(wanted).map((x) => encodeEntry(x, tty, false))
    : []
  e.containerEvent(c, 'attach')
  const upgrade = ctx.req.headers.upgrade !== undefined
  const status = upgrade ? 101 : 200
  const headers: Record<string, string> = upgrade
    ? { 'content-type': RAW_STREAM, connection: 'Upgrade', upgrade: 'tcp' }
    : { 'content-type': RAW_STREAM }
  if (boolValue(ctx, 'stream')) {
    const q = e.follow(c, (x) => (wanted(x) ? encodeEntry(x, tty, false) : null), true)
    return { status, headers, body: prepend(chunks, q) }
  }
  const q = new ChunkQueue()
  for (const ch of chunks) q.push(ch)
  q.close()
  return { status, headers, body: q }
}

/**
 * GET /attach/ws: a websocket upgrade in the real daemon. Without a websocket handshake
 * (`Upgrade: websocket` + `Sec-WebSocket-Key`) golang.org/x/net/websocket answers 400; the
 * container is looked up first.
 */
export const attachWebsocket: Handler = (ctx): DaemonResponse => {
  checkDetachKeys(ctx)
  const c = ctx.engine.getContainer(ctx.param)
  if (c.state.status === 'paused') {
    throw conflict(`Container ${ctx.param} is paused. Unpause the container before attach`)
  }
  const upgrade = (ctx.req.headers.upgrade ?? '').toLowerCase()
  if (upgrade !== 'websocket' || ctx.req.headers['sec-websocket-key'] === undefined) {
    return { status: 400, headers: { 'content-type': TEXT_TYPE }, body: 'Bad Request' }
  }
  const chunks = boolValue(ctx, 'logs') ? c.logs.map((x) => utf8(x.text)) : []
  const q = new ChunkQueue()
  for (const ch of chunks) q.push(ch)
  q.close()
  return { status: 101, headers: { upgrade: 'websocket', connection: 'Upgrade' }, body: q }
}

// ---------- lifecycle ----------

export const start: Handler = (ctx) => {
  const e = ctx.engine
  const body = ctx.req.body
  const length = body?.length ?? 0
  const chunked = (ctx.req.headers['transfer-encoding'] ?? '').toLowerCase() === 'chunked'
  let hostConfig: JsonObject | null = null
  if (length > 7 || chunked) {
    if (versionGTE(ctx, '1.24')) {
      // validationError → 400, before the container is even looked up.
      throw badRequest(
        'starting container with HostConfig was deprecated since v1.10 and removed in v1.12',
      )
    }
    checkForJSON(ctx)
    const decoded = bodyJSON(ctx)
    hostConfig = isObject(decoded) ? pick(decoded, HOST_CONFIG_KINDS) : null
  }
  const c = e.getContainer(ctx.param)
  if (c.state.status === 'paused')
    throw untyped('Cannot start a paused container, try unpause instead.')
  if (isRunning(c)) throw new DaemonError('Container already started', 304)
  if (hostConfig !== null) {
    // Below API 1.24 the HostConfig given to start replaces the one from create (deprecated).
    verifySettings(hostConfig, null, (s) => parseSignal(s))
    c.hostConfig = { ...c.hostConfig, ...hostConfig }
  }
  verifySettings(c.hostConfig, null, (s) => parseSignal(s))
  if (c.state.status === 'dead')
    throw untyped('Container is marked for removal and cannot be started.')
  checkPortsFree(e, c)
  e.start(c)
  return noContent()
}

/** A host port can be bound by one running container only (docker-proxy). */
function checkPortsFree(e: Engine, c: ContainerRecord): void {
  const mine = hostPorts(c)
  if (mine.length === 0) return
  for (const other of e.state.containers.values()) {
    if (other.id === c.id || !isRunning(other)) continue
    for (const p of hostPorts(other)) {
      if (mine.includes(p)) {
        const ep = c.id.slice(0, 12)
        throw untyped(
          `driver failed programming external connectivity on endpoint ${c.name.slice(1)} (${ep}${'0'.repeat(52)}): Bind for 0.0.0.0:${p} failed: port is already allocated`,
        )
      }
    }
  }
}

function hostPorts(c: ContainerRecord): string[] {
  const out: string[] = []
  const bindings = c.hostConfig.PortBindings
  if (!isObject(bindings)) return out
  for (const list of Object.values(bindings)) {
    if (!Array.isArray(list)) continue
    for (const b of list)
      if (isObject(b) && typeof b.HostPort === 'string' && b.HostPort !== '') out.push(b.HostPort)
  }
  return out
}

/**
 * What a signal does to the simulated process: the exit status it dies with, or null when the
 * process survives it. A PID 1 without signal handlers (a shell, `sleep`) ignores every
 * catchable signal — only SIGKILL ends it; servers exit 0 on TERM/INT/QUIT and handle the rest.
 */
function signalOutcome(c: ContainerRecord, sig: number): number | null {
  if (sig === 9) return 137
  const p = c.process
  if (p?.ignoresSigterm === true) return null
  if (p?.termExitCode === 0) return [2, 3, 15].includes(sig) ? 0 : null
  return terminates(sig) ? 128 + sig : null
}

/**
 * The stop sequence (daemon/stop.go): StopSignal (default SIGTERM), then SIGKILL after `t`
 * seconds if the process is still alive. Simulated time does not pass: a process that ignores
 * the stop signal is killed at once and exits 137.
 */
function stopContainer(e: Engine, c: ContainerRecord): void {
  if (!isRunning(c)) return
  if (c.state.status === 'restarting') {
    // killWithSignal returns early for a restarting container: no kill event, the pending
    // restart is cancelled (ExitOnNext).
    e.finish(c, c.state.exitCode, true)
    e.containerEvent(c, 'stop')
    return
  }
  const stopSignal = str(c.config, 'StopSignal')
  const sig = stopSignal === '' ? 15 : parseSignal(stopSignal)
  e.containerEvent(c, 'kill', { signal: String(sig) })
  let code = signalOutcome(c, sig)
  if (code === null) {
    e.containerEvent(c, 'kill', { signal: '9' })
    code = 137
  }
  e.finish(c, code, true)
  e.containerEvent(c, 'stop')
}

export const stop: Handler = (ctx) => {
  const e = ctx.engine
  const c = e.getContainer(ctx.param)
  if (!isRunning(c)) throw new DaemonError(`Container ${ctx.param} is already stopped`, 304)
  if (c.state.status === 'paused') {
    throw untyped(
      `Cannot stop container ${ctx.param}: Container ${c.id} is paused. Unpause the container before stopping`,
    )
  }
  stopContainer(e, c)
  return noContent()
}

export const restart: Handler = (ctx) => {
  const e = ctx.engine
  const c = e.getContainer(ctx.param)
  try {
    if (c.state.status === 'paused') {
      throw untyped(`Container ${c.id} is paused. Unpause the container before stopping`)
    }
    stopContainer(e, c)
    checkPortsFree(e, c)
    e.start(c)
  } catch (err) {
    throw wrap(`Cannot restart container ${ctx.param}: `, err)
  }
  e.containerEvent(c, 'restart')
  return noContent()
}

export const kill: Handler = (ctx) => {
  const e = ctx.engine
  const sigText = ctx.query.get('signal') ?? ''
  const sig = sigText === '' ? 0 : parseSignal(sigText)
  try {
    const c = e.getContainer(ctx.param)
    if (sig !== 0 && !validSignal(sig))
      throw untyped(`The linux daemon does not support signal ${sig}`)
    if (c.state.status === 'paused') {
      throw untyped(`Container ${c.id} is paused. Unpause the container before stopping`)
    }
    if (!isRunning(c)) throw errNotRunning(c.id)
    if (c.state.status === 'restarting') {
      // daemon/kill.go: "if the container is currently restarting we do not need to send the
      // signal to the process" — the restart is cancelled and the call succeeds.
      e.finish(c, c.state.exitCode, true)
      return noContent()
    }
    const effective = sig === 0 ? 9 : sig
    e.containerEvent(c, 'kill', { signal: String(effective) })
    const code = signalOutcome(c, effective)
    if (code !== null) e.finish(c, code, true)
  } catch (err) {
    // API ≥ 1.20 wraps every error, which drops typed statuses: only keywords count.
    if (
      versionGTE(ctx, '1.20') ||
      !(err instanceof DaemonError && /is not running$/.test(err.message))
    ) {
      throw wrap(`Cannot kill container ${ctx.param}: `, err)
    }
  }
  return noContent()
}

export const pause: Handler = (ctx) => {
  const e = ctx.engine
  const c = e.getContainer(ctx.param)
  if (!isRunning(c)) throw errNotRunning(c.id)
  if (c.state.status === 'paused') throw untyped(`Container ${c.id} is already paused`)
  if (c.state.status === 'restarting') {
    throw conflict(`Container ${c.id} is restarting, wait until the container is running`)
  }
  c.state = { ...c.state, status: 'paused' }
  e.containerEvent(c, 'pause')
  return noContent()
}

export const unpause: Handler = (ctx) => {
  const e = ctx.engine
  const c = e.getContainer(ctx.param)
  if (!isRunning(c)) throw errNotRunning(c.id)
  if (c.state.status !== 'paused') throw untyped(`Container ${c.id} is not paused`)
  c.state = { ...c.state, status: 'running' }
  e.containerEvent(c, 'unpause')
  return noContent()
}

export const rename: Handler = (ctx) => {
  const e = ctx.engine
  const oldName = ctx.param
  let newName = ctx.query.get('name') ?? ''
  if (oldName === '' || newName === '') throw untyped('Neither old nor new names may be empty')
  if (!newName.startsWith('/')) newName = `/${newName}`
  const c = e.getContainer(oldName)
  const previous = c.name
  if (previous === newName)
    throw untyped('Renaming a container with the same name as its current name')
  try {
    e.reserveName(c.id, newName)
  } catch (err) {
    throw wrap('Error when allocating new name: ', err)
  }
  c.name = newName
  if (e.state.names.get(previous) === c.id) e.state.names.delete(previous)
  e.containerEvent(c, 'rename', { oldName: previous })
  return noContent()
}

export const wait: Handler = async (ctx) => {
  const c = ctx.engine.getContainer(ctx.param)
  const code = await ctx.engine.waitStop(c)
  return json(200, { StatusCode: code })
}

export const remove: Handler = (ctx) => {
  const e = ctx.engine
  const force = boolValue(ctx, 'force')
  const removeVolumes = boolValue(ctx, 'v')
  const c = e.getContainer(ctx.param)
  if (boolValue(ctx, 'link')) {
    // rmLink: only link aliases (`/parent/alias`) can be removed this way.
    const name = ctx.param.startsWith('/') ? ctx.param : `/${ctx.param}`
    const parent = name.slice(0, name.lastIndexOf('/')) || '/'
    if (parent === '/') throw untyped('Conflict, cannot remove the default name of the container')
    e.state.names.delete(name)
    return noContent()
  }
  if (isRunning(c)) {
    if (!force) {
      throw conflict(
        `You cannot remove a running container ${c.id}. Stop the container before attempting removal or use -f`,
      )
    }
    if (c.state.status === 'paused') {
      throw untyped(
        `Could not kill running container ${c.id}, cannot remove - Container ${c.id} is paused. Unpause the container before stopping`,
      )
    }
    e.containerEvent(c, 'kill', { signal: '9' })
    e.finish(c, 137, true)
  }
  for (const m of c.mounts) {
    // removeMountPoints: named volumes (-v name:/path) are kept; anonymous ones go with v=1
    // unless another container still uses them.
    if (!removeVolumes || m.name === undefined || /^[0-9a-f]{64}$/.test(m.name) === false) continue
    const inUse = [...e.state.containers.values()].some(
      (o) => o.id !== c.id && o.mounts.some((x) => x.name === m.name),
    )
    if (!inUse && e.state.volumes.delete(m.name))
      e.event('volume', 'destroy', m.name, { driver: 'local' })
  }
  e.removeContainer(c)
  e.containerEvent(c, 'destroy')
  return noContent()
}

// ---------- resize ----------

/**
 * h and w are parsed (Go 1.6 `strconv.Atoi` = `ParseInt(s, 10, 0)`) before the lookup, so a
 * bad value is 500 even for an unknown container. Success writes nothing: 200, empty body,
 * sniffed text/plain. @see moby daemon/resize.go at v1.12.6
 */
export const resize: Handler = (ctx) => {
  const e = ctx.engine
  const height = parseGoInt(ctx.query.get('h') ?? '', 64)
  const width = parseGoInt(ctx.query.get('w') ?? '', 64)
  const c = e.getContainer(ctx.param)
  if (!isRunning(c)) throw errNotRunning(c.id)
  if (c.state.status === 'restarting') {
    // Between restarts there is no process in containerd (404 through "not found").
    throw untyped('rpc error: code = 2 desc = containerd: container not found')
  }
  // libcontainerd ignores the size of a paused process without error; the event still fires.
  e.containerEvent(c, 'resize', { height: String(height), width: String(width) })
  return emptyOk()
}

// ---------- stats ----------

const EMPTY_CPU = {
  cpu_usage: { total_usage: 0, percpu_usage: null, usage_in_kernelmode: 0, usage_in_usermode: 0 },
  system_cpu_usage: 0,
  throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
}

const EMPTY_BLKIO = {
  io_service_bytes_recursive: null,
  io_serviced_recursive: null,
  io_queue_recursive: null,
  io_service_time_recursive: null,
  io_wait_time_recursive: null,
  io_merged_recursive: null,
  io_time_recursive: null,
  sectors_recursive: null,
}

/** `types.Stats{}` as json.Encoder writes it (struct omitempty has no effect in Go). */
export const EMPTY_STATS = {
  read: ZERO_TIME,
  precpu_stats: EMPTY_CPU,
  cpu_stats: EMPTY_CPU,
  memory_stats: { usage: 0, max_usage: 0, stats: null, failcnt: 0, limit: 0 },
  blkio_stats: EMPTY_BLKIO,
  pids_stats: {},
}

function sample(e: Engine, c: ContainerRecord, n: number, version: string): JsonObject {
  const uptime = Math.max(1, e.nowMs() - Date.parse(c.state.startedAt)) + n * 1000
  const total = Math.round(uptime * 12_000 + c.state.pid)
  const cpu = (t: number) => ({
    cpu_usage: {
      total_usage: t,
      percpu_usage: [t >> 1, t - (t >> 1), 0, 0],
      usage_in_kernelmode: Math.round(t * 0.2),
      usage_in_usermode: Math.round(t * 0.7),
    },
    system_cpu_usage: 1_000_000 * (1_234_567 + Math.round(uptime / 10)),
    throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
  })
  const usage = 1_597_440 + (c.state.pid % 97) * 4096
  const memLimit =
    typeof c.hostConfig.Memory === 'number' && c.hostConfig.Memory > 0
      ? c.hostConfig.Memory
      : 8_369_942_528
  const net = {
    rx_bytes: 648 + n * 90,
    rx_packets: 8 + n,
    rx_errors: 0,
    rx_dropped: 0,
    tx_bytes: 648,
    tx_packets: 8,
    tx_errors: 0,
    tx_dropped: 0,
  }
  const base: JsonObject = {
    read: rfc3339Nano(new Date(e.nowMs() + n * 1000)),
    precpu_stats: n === 0 ? EMPTY_CPU : cpu(total - 12_000_000),
    cpu_stats: cpu(total),
    memory_stats: {
      usage,
      max_usage: usage + 262_144,
      stats: {
        cache: 0,
        rss: usage - 65_536,
        total_rss: usage - 65_536,
        pgfault: 1_130,
        pgmajfault: 0,
      },
      failcnt: 0,
      limit: memLimit,
    },
    blkio_stats: EMPTY_BLKIO,
    pids_stats: { current: 1 + c.execIds.length },
  }
  if (versionLT({ version } as Ctx, '1.21')) return { ...base, network: net }
  return { ...base, networks: c.networks.length > 0 ? { eth0: net } : null }
}

export const stats: Handler = (ctx) => {
  const e = ctx.engine
  const streaming = boolValueOrDefault(ctx, 'stream', true)
  const c = e.getContainer(ctx.param)
  if ((!isRunning(c) || c.state.status === 'restarting') && !streaming) {
    return json(200, EMPTY_STATS)
  }
  if (!streaming) return json(200, sample(e, c, 1, ctx.version))
  // One sample per second while the container runs, as the stats collector does. A container
  // that is not running publishes nothing (the stream stays open and idle); the stream ends
  // when the container is removed (statsCollector.stopCollection in cleanupContainer).
  const q = new ChunkQueue()
  let n = 0
  if (isRunning(c) && c.state.status !== 'restarting')
    q.push(utf8(goJSON(sample(e, c, n++, ctx.version))))
  const timer = setInterval(() => {
    if (!e.state.containers.has(c.id)) {
      clearInterval(timer)
      q.close()
      return
    }
    if (isRunning(c) && c.state.status !== 'restarting')
      q.push(utf8(goJSON(sample(e, c, n++, ctx.version))))
  }, 1000)
  ;(timer as unknown as { unref?: () => void }).unref?.()
  q.onCancel = () => clearInterval(timer)
  // The stats handler flushes before the first sample: Go sniffs an empty body (text/plain).
  return stream(q, TEXT_TYPE)
}

// ---------- update ----------

const UPDATE_KINDS = {
  BlkioWeight: 'int64',
  CpuShares: 'int64',
  CpuPeriod: 'int64',
  CpuQuota: 'int64',
  CpusetCpus: 'string',
  CpusetMems: 'string',
  Memory: 'int64',
  MemorySwap: 'int64',
  MemoryReservation: 'int64',
  KernelMemory: 'int64',
  RestartPolicy: 'object',
} as const

/**
 * POST /update: the new values are verified (as an update) before the container is looked
 * up; only non-zero values replace the old ones (container.UpdateContainer).
 * @see moby daemon/update.go, container/container_unix.go at v1.12.6
 */
export const update: Handler = (ctx) => {
  const e = ctx.engine
  checkForJSON(ctx)
  const body = bodyJSON(ctx)
  const updates = isObject(body) ? pick(body, UPDATE_KINDS) : {}
  verifySettings(updates, null, (s) => parseSignal(s), true)
  const c = e.getContainer(ctx.param)
  const cannot = (why: string) => untyped(`Cannot update container ${c.id}: ${why}`)
  if (c.state.status === 'dead')
    throw cannot('Container is marked for removal and cannot be "update".')
  if (isRunning(c) && typeof updates.KernelMemory === 'number' && updates.KernelMemory !== 0) {
    throw cannot('Can not update kernel memory to a running container, please stop it first.')
  }
  const merged: JsonObject = { ...c.hostConfig }
  for (const [k, v] of Object.entries(updates)) {
    if (k === 'RestartPolicy') {
      if (isObject(v) && typeof v.Name === 'string' && v.Name !== '') merged.RestartPolicy = v
    } else if (v !== 0 && v !== '' && v !== null) {
      merged[k] = v
    }
  }
  c.hostConfig = merged
  e.containerEvent(c, 'update')
  return json(200, { Warnings: null })
}

// ---------- export, archive, copy ----------

function rootfs(c: ContainerRecord): ReturnType<typeof tar> {
  return tar([
    { name: '.dockerenv', content: '' },
    { name: 'bin', dir: true },
    { name: 'bin/sh', content: '#!/bin/busybox\n', mode: 0o755 },
    { name: 'etc', dir: true },
    { name: 'etc/hostname', content: `${String(c.config.Hostname ?? '')}\n` },
    { name: 'etc/hosts', content: '127.0.0.1\tlocalhost\n' },
    { name: 'etc/resolv.conf', content: 'nameserver 8.8.8.8\n' },
    { name: 'tmp', dir: true },
    ...c.files.map((f) => ({ name: f.path.replace(/^\//, ''), content: f.content })),
  ])
}

export const exportContainer: Handler = (ctx) => {
  const e = ctx.engine
  const c = e.getContainer(ctx.param)
  e.containerEvent(c, 'export')
  // ContainerExport sets no Content-Type; Go sniffs the tar header bytes as binary.
  return bytes(200, rootfs(c), 'application/octet-stream')
}

function pathStatHeader(s: { name: string; size: number; mode: number }): string {
  // base64 of the JSON stat (container/archive.go ContainerPathStat), in X-Docker-Container-Path-Stat.
  const jsonText = JSON.stringify({
    name: s.name,
    size: s.size,
    mode: s.mode,
    mtime: '2017-01-14T12:00:00Z',
    linkTarget: '',
  })
  return btoa(jsonText)
}

function archivePath(ctx: Ctx): string {
  const path = ctx.query.get('path') ?? ''
  // httputils.ArchiveFormValues: untyped, 400 through the `bad parameter` keyword.
  if (path === '') throw untyped("bad parameter: 'path' cannot be empty")
  return path
}

/** @see moby daemon/archive.go: a missing path is `lstat …: no such file or directory` (404). */
function noSuchPath(c: ContainerRecord, path: string): DaemonError {
  return untyped(`lstat /var/lib/docker/aufs/mnt/${c.id}${path}: no such file or directory`)
}

export const archiveHead: Handler = (ctx) => {
  const c = ctx.engine.getContainer(ctx.param)
  const path = archivePath(ctx)
  const s = statPath(c, path)
  if (s === null) throw noSuchPath(c, path)
  return { status: 200, headers: { 'x-docker-container-path-stat': pathStatHeader(s) }, body: null }
}

export const archiveGet: Handler = (ctx) => {
  const e = ctx.engine
  const c = e.getContainer(ctx.param)
  const path = archivePath(ctx)
  const s = statPath(c, path)
  if (s === null) throw noSuchPath(c, path)
  const body = s.dir
    ? tar([
        { name: s.name, dir: true },
        ...c.files
          .filter((f) => f.path.startsWith(`${path.replace(/\/$/, '')}/`))
          .map((f) => ({
            name: `${s.name}/${f.path.slice(path.replace(/\/$/, '').length + 1)}`,
            content: f.content,
          })),
      ])
    : tar([{ name: s.name, content: s.content }])
  e.containerEvent(c, 'archive-path')
  return {
    status: 200,
    headers: {
      'content-type': 'application/x-tar',
      'x-docker-container-path-stat': pathStatHeader(s),
    },
    body,
  }
}

export const archivePut: Handler = (ctx) => {
  const e = ctx.engine
  const c = e.getContainer(ctx.param)
  const path = archivePath(ctx)
  const s = statPath(c, path)
  if (s === null) throw noSuchPath(c, path)
  if (!s.dir) throw untyped(`extraction point is not a directory`)
  // ErrRootFSReadOnly has no HTTP status in 1.12: 500, although the doc lists 403.
  if (c.hostConfig.ReadonlyRootfs === true) throw untyped('container rootfs is marked read-only')
  const entries = untar(ctx.req.body ?? new Uint8Array())
  if (entries === null) throw untyped('archive/tar: invalid tar header')
  const dir = path.replace(/\/$/, '')
  for (const entry of entries) {
    if (entry.dir) continue
    const target = `${dir}/${entry.name.replace(/^\.?\//, '')}`
    const existed = statPath(c, target) !== null
    c.files = c.files.filter((f) => f.path !== target)
    c.files.push({ path: target, content: entry.content })
    recordChange(c, target, existed ? 0 : 1)
    c.sizeRw += entry.content.length
  }
  e.containerEvent(c, 'extract-to-dir')
  return emptyOk()
}

/** `docker diff` kinds: 0 = changed, 1 = added, 2 = deleted; parent directories count as changed. */
function recordChange(c: ContainerRecord, path: string, kind: 0 | 1 | 2): void {
  const parts = path.split('/').filter((x) => x !== '')
  for (let i = 1; i < parts.length; i++) {
    const dir = `/${parts.slice(0, i).join('/')}`
    if (!c.changes.some((x) => x.Path === dir)) c.changes.push({ Path: dir, Kind: 0 })
  }
  const existing = c.changes.find((x) => x.Path === path)
  if (existing === undefined) c.changes.push({ Path: path, Kind: kind })
  c.changes.sort((a, b) => (a.Path < b.Path ? -1 : a.Path > b.Path ? 1 : 0))
}

/**
 * POST /containers/{id}/copy: removed at API 1.24 — the handler writes a bare 404 with no body.
 * Older versions copy the resource out as a tar.
 * @see moby api/server/router/container/copy.go at v1.12.6
 */
export const copy: Handler = (ctx) => {
  if (versionGTE(ctx, '1.24')) return { status: 404, headers: {}, body: null }
  const e = ctx.engine
  checkForJSON(ctx)
  const body = bodyJSON(ctx)
  const resource = isObject(body) && typeof body.Resource === 'string' ? body.Resource : ''
  if (resource === '') throw untyped('Path cannot be empty')
  let c: ContainerRecord
  try {
    c = e.getContainer(ctx.param)
  } catch (err) {
    // "no such container" → a bare 404 with no body (copy.go).
    if (/no such container/i.test(errorMessage(err)))
      return { status: 404, headers: {}, body: null }
    throw err
  }
  const s = statPath(c, resource)
  if (s === null) throw untyped(`Could not find the file ${resource} in container ${ctx.param}`)
  e.containerEvent(c, 'copy')
  return bytes(200, tar([{ name: s.name, content: s.content, dir: s.dir }]), 'application/x-tar')
}

// ---------- commit (POST /commit) ----------

export const commit: Handler = (ctx) => {
  const e = ctx.engine
  const containerName = ctx.query.get('container') ?? ''
  // The body (a Config) is optional; decoded only when present and JSON.
  let overrides: JsonObject = {}
  const raw = ctx.req.body
  if (raw !== null && raw.length > 0) {
    checkForJSON(ctx)
    const decoded = bodyJSON(ctx)
    if (isObject(decoded)) overrides = pick(decoded, CONFIG_KINDS)
  }
  const c = e.getContainer(containerName)
  const repo = ctx.query.get('repo') ?? ''
  const tag = ctx.query.get('tag') ?? ''
  let refTag: string | null = null
  if (repo !== '') {
    const ref = parseReference(repo)
    if (ref === null || ref.tag !== null || ref.digest !== null) {
      throw untyped(`Error parsing reference: ${goQuote(repo)} is not a valid repository/tag`)
    }
    if (tag !== '' && !/^[\w][\w.-]{0,127}$/.test(tag)) {
      throw untyped(`Error parsing reference: ${goQuote(tag)} is not a valid repository/tag`)
    }
    refTag = `${ref.name}:${tag === '' ? 'latest' : tag}`
  }
  const parent = e.state.images.get(c.image)
  const id = `sha256:${e.newId()}`
  const now = e.nowString()
  const config: JsonObject = { ...c.config, ...overrides }
  if (refTag !== null) {
    for (const img of e.state.images.values())
      img.repoTags = img.repoTags.filter((t) => t !== refTag)
  }
  e.putImage({
    id,
    repoTags: refTag === null ? [] : [refTag],
    repoDigests: [],
    parent: parent?.id ?? '',
    comment: ctx.query.get('comment') ?? '',
    created: now,
    container: c.id,
    dockerVersion: e.dockerVersion,
    author: ctx.query.get('author') ?? '',
    config,
    architecture: 'amd64',
    os: 'linux',
    size: (parent?.size ?? 0) + c.sizeRw,
    history: [
      ...(parent?.history ?? []),
      {
        created: now,
        createdBy: [c.path, ...c.args].join(' '),
        size: c.sizeRw,
        comment: ctx.query.get('comment') ?? '',
      },
    ],
    layers: [...(parent?.layers ?? []), `sha256:${e.newId()}`],
  })
  e.containerEvent(c, 'commit', { comment: ctx.query.get('comment') ?? '' })
  return json(201, { Id: id })
}
