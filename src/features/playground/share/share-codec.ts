import { createDaemon, DOCKER_VERSIONS, type DockerVersion } from '../../../daemon/index.ts'
import { packEvents, unpackEvents } from './events.ts'
import { readIds, writeIds } from './id-table.ts'
import { delta, patch } from './json-delta.ts'

/**
 * A simulated daemon's state (and the requests of its history) as a few hundred bytes that fit
 * in a link, or a file for bigger states.
 *
 * The state is the daemon's own snapshot, made small in three steps:
 * 1. What a fresh daemon of the same version already holds (the seeded images, the default
 *    networks) is left out, and each container is sent as its difference from a container the
 *    same daemon creates with no options at all: most of a record is defaults.
 * 2. Every 64-hex id is sent once, as its 32 bytes, in a table; the JSON names it by its place.
 *    Random ids are the one thing no compressor can shrink, and hex doubles them.
 * 3. The JSON is deflated (CompressionStream, in browsers and Node alike).
 *
 * Bytes: 'D' 'S' version(1) | id count(2) | ids (32 each) | SHA-256 of all that follows, first 4
 * bytes | deflated JSON. A changed, cut or foreign link fails the magic, the checksum, the
 * inflate or the snapshot's own validation, and nothing is restored until all have passed.
 */

export interface SharedRequest {
  method: string
  path: string
  body: string
  contentType: string
  status: number
  /** The answer's Content-Length, null for a stream (the replay script backgrounds those). */
  length: string | null
}

export interface SharedDaemon {
  dockerVersion: DockerVersion
  /** The daemon's snapshot JSON, as `daemon.snapshot()` gives it. */
  snapshot: string
  /** Oldest first. Requests and statuses only: answers are left out of links. */
  history: SharedRequest[]
}

export class ShareError extends Error {
  constructor(
    readonly reason: 'foreign' | 'damaged' | 'version',
    message: string,
  ) {
    super(message)
  }
}

const MAGIC = [0x44, 0x53, 1] as const
const HEX64 = /[0-9a-f]{64}/g
// JSON.stringify escapes every control character, so these never occur raw in its output.
const REF_OPEN = '\u0001'
const REF_CLOSE = '\u0002'
const REF_SHORT = '\u0003'

type Json = Record<string, unknown>

/**
 * A fresh daemon's snapshot, and templates a container is told apart from: one created with
 * `{"Image":"busybox"}` alone, and the two a class runs most, `top` and `sh` with a TTY, started.
 */
const TEMPLATES = [
  { create: { Image: 'busybox' }, start: false },
  { create: { Image: 'busybox', Cmd: ['top'], Tty: true, OpenStdin: true }, start: true },
  { create: { Image: 'busybox', Cmd: ['sh'], Tty: true, OpenStdin: true }, start: true },
]

/** Both ends must build the same baseline, so its daemon runs on a fixed clock, not the wall's. */
const BASELINE_TIME = Date.UTC(2016, 11, 1)

async function baseline(version: DockerVersion): Promise<{ fresh: Json; templates: Json[] }> {
  const daemon = createDaemon({
    dockerVersion: version,
    clock: () => new Date(BASELINE_TIME),
    wake: () => () => {},
  })
  const send = (path: string, body?: unknown) =>
    daemon.handle({
      method: 'POST',
      path,
      query: new URLSearchParams(),
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : new TextEncoder().encode(JSON.stringify(body)),
    })
  try {
    const fresh = JSON.parse(daemon.snapshot()) as Json
    for (const [i, t] of TEMPLATES.entries()) {
      const created = await send(`/containers/create?name=template${i}`, t.create)
      if (created.status !== 201) throw new Error(`template ${i}: ${created.status}`)
      if (t.start) await send(`/containers/template${i}/start`)
    }
    const templates = (JSON.parse(daemon.snapshot()) as Json).containers as Json[]
    return { fresh, templates }
  } finally {
    daemon.dispose()
  }
}

/**
 * The JSON keys a fresh daemon and a template container already spell out, longest first: each
 * becomes two characters. Deflate would spell each out once per link; both ends build the same
 * list from the same daemon, and the checksum of the decoded state catches any drift.
 */
const WORD = '\u0007'
function dictionary(fresh: Json, templates: Json[]): string[] {
  const text = JSON.stringify([fresh, templates])
  const keys = new Set([...text.matchAll(/"([A-Za-z_]{4,})":/g)].map((m) => m[1] ?? ''))
  return [...keys].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).slice(0, 90)
}
function packWords(text: string, words: readonly string[]): string {
  const code = new Map(words.map((w, i) => [w, String.fromCharCode(0x21 + i)]))
  return text.replace(/"([A-Za-z_]{4,})":/g, (whole, key: string) => {
    const c = code.get(key)
    return c === undefined ? whole : `${WORD}${c}`
  })
}
function unpackWords(text: string, words: readonly string[]): string {
  return text.replace(new RegExp(`${WORD}(.)`, 'gs'), (_, c: string) => {
    const word = words[c.charCodeAt(0) - 0x21]
    if (word === undefined) throw new Error('unknown word')
    return `"${word}":`
  })
}

/**
 * Timestamps ("2026-12-07T20:36:06.289Z", or Go's "….28Z" without trailing zeros) become their
 * distance in milliseconds from the one before, in base 36: a class's are seconds apart.
 */
const TIME = /"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z)"/g
const TIME_OPEN = '\u0004'
const TIME_ISO = '\u0005'
const TIME_GO = '\u0006'
const goTime = (ms: number) => new Date(ms).toISOString().replace(/\.?0+Z$/, 'Z')

function packTimes(text: string): string {
  let previous = 0
  return text.replace(TIME, (whole, time: string) => {
    const ms = Date.parse(time)
    const kind =
      new Date(ms).toISOString() === time ? TIME_ISO : goTime(ms) === time ? TIME_GO : null
    if (kind === null || Number.isNaN(ms)) return whole
    const out = `"${TIME_OPEN}${(ms - previous).toString(36)}${kind}"`
    previous = ms
    return out
  })
}

function unpackTimes(text: string): string {
  let previous = 0
  return text.replace(
    new RegExp(`${TIME_OPEN}(-?[0-9a-z]+)([${TIME_ISO}${TIME_GO}])`, 'g'),
    (_, n: string, kind: string) => {
      previous += Number.parseInt(n, 36)
      return kind === TIME_ISO ? new Date(previous).toISOString() : goTime(previous)
    },
  )
}

/**
 * [base, delta] for each record, the smallest delta chosen: base -1, -2 … is a template, 0, 1 …
 * an earlier record.
 */
function againstNearest(records: readonly Json[], templates: readonly Json[]): [number, unknown][] {
  return records.map((record, i) => {
    let best: [number, unknown] = [0, undefined]
    let size = Number.POSITIVE_INFINITY
    const bases: [number, Json][] = templates.map((t, k) => [-(k + 1), t])
    for (let j = Math.max(0, i - 16); j < i; j++) bases.push([j, records[j] ?? {}])
    for (const [j, base] of bases) {
      const d = delta(base, record) ?? {}
      const length = JSON.stringify(d).length
      if (length < size) {
        best = [j, d]
        size = length
      }
    }
    return best
  })
}

function fromNearest(entries: unknown, templates: readonly Json[]): unknown[] {
  const records: unknown[] = []
  for (const entry of entries as unknown[]) {
    const [base, d] = entry as [number, unknown]
    const from = base < 0 ? templates[-base - 1] : records[base]
    if (from === undefined) throw new Error('a delta names no earlier record')
    records.push(patch(from, d))
  }
  return records
}

/** A network's endpoints as its containers record them, in container order. */
function endpointsOf(networkId: unknown, containers: unknown): Json[] {
  return (Array.isArray(containers) ? (containers as Json[]) : []).flatMap((c) =>
    (Array.isArray(c.networks) ? (c.networks as Json[]) : [])
      .filter((n) => n.networkId === networkId)
      .map((n) => ({
        containerId: c.id,
        endpointId: n.endpointId,
        macAddress: n.macAddress,
        ipv4Address: `${n.ipAddress}/${n.ipPrefixLen}`,
      })),
  )
}

const ownNames = (containers: unknown) =>
  (Array.isArray(containers) ? containers : []).map((c) => [(c as Json).name, (c as Json).id])

const keyed = (records: unknown, key: string): Json =>
  Object.fromEntries(
    (Array.isArray(records) ? records : []).map((r) => [String((r as Json)[key]), r]),
  )

const COLLECTIONS = [
  ['images', 'id'],
  ['execs', 'id'],
  ['volumes', 'name'],
  ['networks', 'id'],
] as const

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream) {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream))
  return new Uint8Array(await out.arrayBuffer())
}

async function checksum(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)).slice(0, 4)
}

export async function encodeShare(shared: SharedDaemon): Promise<Uint8Array> {
  const snapshot = JSON.parse(shared.snapshot) as Json
  const { fresh, templates } = await baseline(shared.dockerVersion)
  const compact: Json = {
    prng: snapshot.prng,
    pid: snapshot.pid,
    // Names are usually exactly each container's own: then they are left out.
    names:
      JSON.stringify(snapshot.names) === JSON.stringify(ownNames(snapshot.containers))
        ? 0
        : snapshot.names,
    events: packEvents(snapshot.events as unknown[]),
    swarm: delta(fresh.swarm, snapshot.swarm),
    // Each container against whichever record it differs least from: the template or an earlier
    // container (a class's containers differ in little more than id, name, times, pid, address).
    containers: againstNearest(snapshot.containers as Json[], templates),
    // Fresh daemons have no exec instances: each against an earlier one, the first whole.
    execs: againstNearest(snapshot.execs as Json[], [{}]),
    history: shared.history.map((h) => [
      h.method,
      h.path,
      h.body,
      h.contentType,
      h.status,
      h.length,
    ]),
  }
  // A network's endpoint list repeats what its containers say: left out when it does.
  const networks = (snapshot.networks as Json[]).map((n) =>
    JSON.stringify(n.containers) === JSON.stringify(endpointsOf(n.id, snapshot.containers))
      ? { ...n, containers: 0 }
      : n,
  )
  for (const [name, key] of COLLECTIONS.filter(([n]) => n !== 'execs'))
    compact[name] = delta(
      keyed(fresh[name], key),
      keyed(name === 'networks' ? networks : snapshot[name], key),
    )
  const ids: string[] = []
  const index = new Map<string, number>()
  const longRefs = JSON.stringify(compact).replace(HEX64, (id) => {
    let i = index.get(id)
    if (i === undefined) {
      i = ids.length
      ids.push(id)
      index.set(id, i)
    }
    return `${REF_OPEN}${i.toString(36)}${REF_CLOSE}`
  })
  // A container's hostname and other short ids: the first 12 digits of an id in the table.
  const byShort = new Map(ids.map((id, i) => [id.slice(0, 12), i]))
  const text = longRefs.replace(/"([0-9a-f]{12})"/g, (whole, short: string) => {
    const i = byShort.get(short)
    return i === undefined ? whole : `"${REF_OPEN}${i.toString(36)}${REF_SHORT}"`
  })
  const words = dictionary(fresh, templates)
  const packed = packWords(packTimes(text), words)
  const deflated = await pipe(
    new TextEncoder().encode(packed),
    new CompressionStream('deflate-raw'),
  )
  const table = writeIds(ids)
  const body = concat([table, deflated])
  const header = new Uint8Array([...MAGIC, versionCode(shared.dockerVersion)])
  return concat([header, await checksum(concat([header, body])), body])
}

export async function decodeShare(bytes: Uint8Array): Promise<SharedDaemon> {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b))
    throw new ShareError('foreign', 'not a shared daemon')
  const sum = bytes.slice(4, 8)
  const body = bytes.slice(8)
  const expected = await checksum(concat([bytes.slice(0, 4), body]))
  if (expected.some((b, i) => b !== sum[i])) throw new ShareError('damaged', 'checksum mismatch')
  const version = VERSIONS[bytes[3] ?? 255]
  if (version === undefined)
    throw new ShareError('version', 'a Docker version this app does not simulate')
  let ids: string[]
  let end: number
  try {
    ;({ ids, end } = readIds(body))
  } catch {
    throw new ShareError('damaged', 'id table cut short')
  }
  const { fresh, templates } = await baseline(version)
  const words = dictionary(fresh, templates)
  let compact: Json
  try {
    const inflated = await pipe(body.slice(end), new DecompressionStream('deflate-raw'))
    const text = unpackTimes(unpackWords(new TextDecoder().decode(inflated), words)).replace(
      new RegExp(`${REF_OPEN}([0-9a-z]+)([${REF_CLOSE}${REF_SHORT}])`, 'g'),
      (_, n: string, kind: string) => {
        const id = ids[Number.parseInt(n, 36)]
        if (id === undefined) throw new Error('unknown id')
        return kind === REF_SHORT ? id.slice(0, 12) : id
      },
    )
    compact = JSON.parse(text) as Json
  } catch {
    throw new ShareError('damaged', 'the state does not read back')
  }
  try {
    const containers = fromNearest(compact.containers, templates)
    const collection = (name: string, key: string) =>
      Object.values(patch(keyed(fresh[name], key), compact[name]) as Json)
    // In the order the daemon writes them, so the snapshot reads back character for character.
    const snapshot: Json = {
      format: fresh.format,
      dockerVersion: version,
      prng: compact.prng,
      pid: compact.pid,
      images: collection('images', 'id'),
      containers,
      names: compact.names === 0 ? ownNames(containers) : compact.names,
      execs: fromNearest(compact.execs, [{}]),
      volumes: collection('volumes', 'name'),
      networks: collection('networks', 'id').map((n) =>
        (n as Json).containers === 0
          ? { ...(n as Json), containers: endpointsOf((n as Json).id, containers) }
          : n,
      ),
      events: unpackEvents(compact.events),
      swarm: patch(fresh.swarm, compact.swarm),
    }
    const history = (compact.history as unknown[]).map((h) => {
      const [method, path, body, contentType, status, length] = h as unknown[]
      if (typeof method !== 'string' || typeof path !== 'string' || typeof status !== 'number')
        throw new Error('history entry')
      return {
        method,
        path,
        body: typeof body === 'string' ? body : '',
        contentType: typeof contentType === 'string' ? contentType : '',
        status,
        length: typeof length === 'string' ? length : null,
      }
    })
    const json = JSON.stringify(snapshot)
    // The daemon's own validation, on a daemon of its own: nothing current is touched.
    const check = createDaemon({ dockerVersion: version })
    try {
      check.restore(json)
    } finally {
      check.dispose()
    }
    return { dockerVersion: version, snapshot: json, history }
  } catch (error) {
    throw new ShareError('damaged', error instanceof Error ? error.message : String(error))
  }
}

// A version's place in the daemon's list: new versions are added at the end, so codes stay.
const VERSIONS: readonly DockerVersion[] = DOCKER_VERSIONS

function versionCode(version: DockerVersion): number {
  const code = VERSIONS.indexOf(version)
  if (code < 0) throw new Error(`no share code for Docker ${version}`)
  return code
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ShareError('foreign', 'not base64url')
  const padded = text.replace(/-/g, '+').replace(/_/g, '/')
  let binary: string
  try {
    binary = atob(padded + '='.repeat((4 - (padded.length % 4)) % 4))
  } catch {
    throw new ShareError('damaged', 'cut short')
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}
