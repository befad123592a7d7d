import type { Engine } from '../../engine.ts'
import type { ContainerRecord, JsonObject } from '../../model/state.ts'
import { goJSONValue } from '../http.ts'
import { statusChangesAt, statusSinceMs, statusTextAt } from './status.ts'
import { summaryMiddle, summaryTail } from './summary.ts'

/**
 * The cache behind GET /containers/json: each container's entry kept serialised, and the last
 * bodies per query kept while nothing changed and no Status text moved on.
 */

/**
 * Whether list entries come from the cache. Tests switch it off to compare the cached list
 * with one built from scratch after every kind of change.
 */
export const listCache = { enabled: true }

/** Lists with more entries than this are built from scratch each time and not kept. */
export const CACHED_LIST_MAX = 2_000

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

/** The body last answered for this query, while it still stands (see `lastBodies`). */
export function standingBody(e: Engine, key: string, now: number): string | undefined {
  const answered = lastBodies.get(e)?.get(key)
  if (
    answered !== undefined &&
    answered.revision === e.revisions.revision &&
    answered.touched === e.revisions.touched &&
    now >= answered.from &&
    now < answered.until
  ) {
    return answered.body
  }
  return undefined
}

/**
 * The list body for `selected` (already filtered, newest first), from the cached entries;
 * kept as the standing answer to the query `key`.
 */
export function listBody(
  e: Engine,
  key: string,
  selected: readonly ContainerRecord[],
  names: ReadonlyMap<string, string[]>,
  size: boolean,
  now: number,
): string {
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
        foundId = e.registry.findImage(given)?.id ?? ''
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
  bodies.set(key, {
    revision: e.revisions.revision,
    touched: e.revisions.touched,
    from: now,
    until,
    body,
  })
  return body
}

/** The container's entry, its `json` up to date for these names and Image column at `now`. */
function cachedSummary(
  e: Engine,
  c: ContainerRecord,
  size: boolean,
  names: readonly string[],
  image: string,
  now: number,
): CachedSummary {
  const revision = e.revisions.revision
  const containerRevision = e.revisions.of(c)
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
    const status = statusTextAt(c, entry.sinceMs, now)
    if (entry.status === status && entry.image === image && sameStrings(entry.names, names)) {
      return entry
    }
    const json = entry.json
    head = json.slice(0, entry.namesAt)
    middle = json.slice(entry.middleAt, entry.statusAt)
    tail = json.slice(entry.tailAt)
  } else {
    const sinceMs = statusSinceMs(c)
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
  const status = statusTextAt(c, entry.sinceMs, now)
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
