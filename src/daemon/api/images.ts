import type { Engine } from '../engine'
import { conflict, type DaemonError, errorMessage, notFound, untyped } from '../errors'
import { ChunkQueue } from '../events'
import { Filters, goQuote, parseGoInt } from '../filters'
import { shortId } from '../ids'
import { decodeJSON, jsonKind, typeError } from '../json'
import { parseReference, referenceError } from '../reference'
import type { ImageRecord, JsonObject } from '../state'
import { tar, untar } from '../tar'
import type { DaemonResponse } from '../types'
import {
  boolValue,
  boolValueOrDefault,
  type Ctx,
  type Handler,
  isObject,
  versionGreater,
} from './context'
import { emptyOk, goJSON, goJSONValue, JSON_TYPE, json, stream, TEXT_TYPE, utf8 } from './http'

/**
 * Image routes.
 * @see moby api/server/router/image/image_routes.go, daemon/images.go, daemon/image_delete.go,
 * daemon/image_tag.go, daemon/image.go at v1.12.6
 */

/** `ErrImageDoesNotExist`: "no such id: X" (404 through the `no such` keyword). */
const noSuchId = (name: string) => untyped(`no such id: ${name}`)

/** `daemon.GetImage`: parse errors pass through; anything unknown is "no such id". */
function getImage(e: Engine, name: string): ImageRecord {
  const img = e.findImage(name)
  if (img !== undefined) return img
  if (!/^sha256:/.test(name) && parseReference(name) === null) throw referenceError(name)
  throw noSuchId(name)
}

/** "<none>" placeholders and familiar names, as the reference store prints them. */
function refsOf(img: ImageRecord): { tags: string[]; digests: string[] } {
  return { tags: img.repoTags, digests: img.repoDigests }
}

function childrenOf(e: Engine, id: string): ImageRecord[] {
  const out: ImageRecord[] = []
  for (const img of e.state.images.values()) if (img.parent === id) out.push(img)
  return out
}

/** Simple glob for `filter=` (Go's path.Match): `*`, `?`, `[…]`; `*` does not cross `/`. */
function pathMatch(pattern: string, name: string): boolean {
  let re = '^'
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? ''
    if (ch === '*') re += '[^/]*'
    else if (ch === '?') re += '[^/]'
    else if (ch === '[') {
      const end = pattern.indexOf(']', i)
      if (end < 0) return false
      re += `[${pattern
        .slice(i + 1, end)
        .replace(/^\^/, '^')
        .replace(/\\/g, '\\\\')}]`
      i = end
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&')
  }
  try {
    return new RegExp(`${re}$`).test(name)
  } catch {
    return false
  }
}

const refName = (ref: string) => ref.replace(/[@:][^/]*$/, '')

export const list: Handler = (ctx) => {
  const e = ctx.engine
  const f = Filters.parse(ctx.query.get('filters'))
  f.validate(['dangling', 'label', 'before', 'since'])
  let danglingOnly = false
  if (f.include('dangling')) {
    if (f.exactMatch('dangling', 'true')) danglingOnly = true
    else if (!f.exactMatch('dangling', 'false'))
      throw untyped(`Invalid filter 'dangling=[${f.get('dangling').join(' ')}]'`)
  }
  let before: ImageRecord | null = null
  let since: ImageRecord | null = null
  for (const v of f.get('before')) before = getImage(e, v)
  for (const v of f.get('since')) since = getImage(e, v)
  const filter = ctx.query.get('filter') ?? ''
  const filterRef = filter === '' ? null : parseReference(filter)
  const filterTagged = filterRef !== null && filterRef.tag !== null
  const all = boolValue(ctx, 'all')
  const out: Array<{ created: number; v: JsonObject }> = []
  for (const img of e.state.images.values()) {
    const hasChildren = childrenOf(e, img.id).length > 0
    if (danglingOnly && (img.repoTags.length > 0 || hasChildren)) continue
    const created = Date.parse(img.created)
    if (before !== null && created >= Date.parse(before.created)) continue
    if (since !== null && created <= Date.parse(since.created)) continue
    if (
      f.include('label') &&
      !f.matchKVList('label', img.config.Labels as Record<string, unknown> | null)
    )
      continue
    let tags: string[] | null = null
    let digests: string[] | null = null
    const { tags: t, digests: d } = refsOf(img)
    for (const ref of [...d, ...t]) {
      if (filter !== '') {
        if (filterTagged ? ref !== filter : !pathMatch(filter, refName(ref))) continue
      }
      if (ref.includes('@')) digests = [...(digests ?? []), ref]
      else tags = [...(tags ?? []), ref]
    }
    if (tags === null && digests === null) {
      if (!(all || !hasChildren)) continue
      if (f.include('dangling') && !danglingOnly) continue
      if (filter !== '') continue
      digests = ['<none>@<none>']
      tags = ['<none>:<none>']
    } else if (danglingOnly && tags !== null) {
      continue
    }
    out.push({
      created,
      v: {
        Id: img.id,
        ParentId: img.parent,
        RepoTags: tags,
        RepoDigests: digests,
        Created: Math.floor(created / 1000),
        Size: img.size,
        VirtualSize: img.size,
        Labels: (img.config.Labels ?? null) as JsonObject | null,
      },
    })
  }
  out.sort((a, b) => b.created - a.created)
  return json(
    200,
    out.map((x) => x.v),
  )
}

export function imageInspectJSON(img: ImageRecord): JsonObject {
  return {
    Id: img.id,
    RepoTags: img.repoTags,
    RepoDigests: img.repoDigests,
    Parent: img.parent,
    Comment: img.comment,
    Created: img.created,
    Container: img.container,
    ContainerConfig: {
      ...img.config,
      Cmd: ['/bin/sh', '-c', img.history.at(-1)?.createdBy.replace(/^\/bin\/sh -c /, '') ?? ''],
    },
    DockerVersion: img.dockerVersion,
    Author: img.author,
    Config: img.config,
    Architecture: img.architecture,
    Os: img.os,
    Size: img.size,
    VirtualSize: img.size,
    GraphDriver: { Name: 'aufs', Data: null },
    RootFS: { Type: 'layers', Layers: img.layers },
  }
}

/** `LookupImage` replaces every failure with `No such image: <name as given>` (typed 404). */
export const inspect: Handler = (ctx) => {
  const img = ctx.engine.findImage(ctx.param)
  if (img === undefined) throw notFound(`No such image: ${ctx.param}`)
  return json(200, imageInspectJSON(img))
}

export const history: Handler = (ctx) => {
  const e = ctx.engine
  const img = getImage(e, ctx.param)
  const rows = img.history
    .map((h, i) => ({
      Id: i === img.history.length - 1 ? img.id : '<missing>',
      Created: Math.floor(Date.parse(h.created) / 1000),
      CreatedBy: h.createdBy,
      Tags: i === img.history.length - 1 ? img.repoTags : null,
      Size: h.size,
      Comment: h.comment,
    }))
    .reverse()
  return json(200, rows)
}

/** `reference.WithName` + `WithTag` errors for POST /images/{name}/tag. */
function newTag(repo: string, tag: string): string {
  // docker/reference normalize(): the remote name (after an optional registry host) must be lowercase.
  const remote = /^[^/]*[.:][^/]*\//.test(repo) ? repo.slice(repo.indexOf('/') + 1) : repo
  if (remote.toLowerCase() !== remote) throw untyped('repository name must be lowercase')
  const ref = parseReference(repo)
  if (ref === null || ref.tag !== null || ref.digest !== null)
    throw untyped('invalid reference format')
  if (/^[a-f0-9]{64}$/.test(ref.name)) {
    throw untyped(
      `Invalid repository name (${ref.name}), cannot specify 64-byte hexadecimal strings`,
    )
  }
  if (tag !== '' && !/^[\w][\w.-]{0,127}$/.test(tag)) throw untyped('invalid tag format')
  return `${ref.name}:${tag === '' ? 'latest' : tag}`
}

/** Moves a `repo:tag` to `id` (the reference store always forces since 1.10). */
function addTag(e: Engine, id: string, ref: string): void {
  for (const other of e.state.images.values()) {
    if (other.id !== id && other.repoTags.includes(ref))
      other.repoTags = other.repoTags.filter((t) => t !== ref)
  }
  const img = e.state.images.get(id)
  if (img !== undefined && !img.repoTags.includes(ref)) img.repoTags = [...img.repoTags, ref]
  e.imagesChanged()
}

export const tag: Handler = (ctx) => {
  const e = ctx.engine
  const img = getImage(e, ctx.param)
  const ref = newTag(ctx.query.get('repo') ?? '', ctx.query.get('tag') ?? '')
  addTag(e, img.id, ref)
  e.event('image', 'tag', img.id, { name: ref })
  // WriteHeader(201) with nothing written: Go sniffs text/plain for the empty body.
  return emptyOk(201)
}

export const remove: Handler = (ctx) => {
  const e = ctx.engine
  const name = ctx.param
  if (name.trim() === '') throw untyped('image name cannot be blank')
  const force = boolValue(ctx, 'force')
  const prune = !boolValue(ctx, 'noprune')
  const img = e.findImage(name)
  if (img === undefined) {
    if (name.includes('@') || name.startsWith('sha256:')) throw notFound(`No such image: ${name}`)
    const ref = parseReference(name)
    if (ref === null) throw notFound(`No such image: ${name}:latest`)
    throw notFound(`No such image: ${ref.name}:${ref.tag ?? 'latest'}`)
  }
  const records: JsonObject[] = []
  const usedBy = (running: boolean | null) =>
    [...e.state.containers.values()].find(
      (c) =>
        c.image === img.id &&
        (running === null ||
          (c.state.status === 'running' ||
            c.state.status === 'paused' ||
            c.state.status === 'restarting') === running),
    )
  const isIdPrefix = img.id.startsWith(name) || img.id.slice(7).startsWith(name)
  const refs = [...img.repoTags, ...img.repoDigests]
  const single = isSingleReference(refs)
  if (!isIdPrefix) {
    if (!force && single) {
      const c = usedBy(null)
      if (c !== undefined) {
        throw conflict(
          `conflict: unable to remove repository reference ${goQuote(name)} (must force) - container ${shortId(c.id)} is using its referenced image ${shortId(img.id)}`,
        )
      }
    }
    const ref = parseReference(name)
    if (ref === null) throw referenceError(name)
    const full =
      ref.digest !== null ? `${ref.name}@${ref.digest}` : `${ref.name}:${ref.tag ?? 'latest'}`
    img.repoTags = img.repoTags.filter((t) => t !== full)
    img.repoDigests = img.repoDigests.filter((t) => t !== full)
    e.imagesChanged()
    records.push({ Untagged: full })
    e.event('image', 'untag', img.id, { name: img.id })
    if (ref.digest === null && !img.repoTags.some((t) => refName(t) === ref.name)) {
      // The last tag of a repository takes the repository's digest references with it.
      for (const d of img.repoDigests.filter((x) => refName(x) === ref.name)) {
        records.push({ Untagged: d })
      }
      img.repoDigests = img.repoDigests.filter((x) => refName(x) !== ref.name)
    }
    if (img.repoTags.length + img.repoDigests.length > 0) return json(200, records)
    deleteHelper(e, img, records, force, prune, true)
    return json(200, records)
  }
  if (single) {
    const hard = hardConflict(e, img)
    const soft = force ? null : stoppedConflict(e, img)
    if (hard !== null) throw hard
    if (soft !== null) throw soft
    for (const r of refs) {
      records.push({ Untagged: r })
      e.event('image', 'untag', img.id, { name: img.id })
    }
    img.repoTags = []
    img.repoDigests = []
    e.imagesChanged()
  }
  deleteHelper(e, img, records, force, prune, false)
  return json(200, records)
}

function isSingleReference(refs: string[]): boolean {
  if (refs.length <= 1) return refs.length === 1
  const canonical = new Set(refs.filter((r) => r.includes('@')).map(refName))
  const tagged = refs.filter((r) => !r.includes('@'))
  if (tagged.length > 1) return false
  const single = tagged[0] ?? refs[0] ?? ''
  return canonical.size === 1 && canonical.has(refName(single))
}

function imageConflict(img: ImageRecord, hard: boolean, message: string): DaemonError {
  return untyped(
    `conflict: unable to delete ${shortId(img.id)} (${hard ? 'cannot be forced' : 'must be forced'}) - ${message}`,
  )
}

function hardConflict(e: Engine, img: ImageRecord): DaemonError | null {
  if (childrenOf(e, img.id).length > 0)
    return imageConflict(img, true, 'image has dependent child images')
  for (const c of e.state.containers.values()) {
    if (c.image === img.id && ['running', 'paused', 'restarting'].includes(c.state.status)) {
      return imageConflict(img, true, `image is being used by running container ${shortId(c.id)}`)
    }
  }
  return null
}

function stoppedConflict(e: Engine, img: ImageRecord): DaemonError | null {
  if (img.repoTags.length + img.repoDigests.length > 0) {
    return imageConflict(img, false, 'image is referenced in one or more repositories')
  }
  for (const c of e.state.containers.values()) {
    if (c.image === img.id && !['running', 'paused', 'restarting'].includes(c.state.status)) {
      return imageConflict(img, false, `image is being used by stopped container ${shortId(c.id)}`)
    }
  }
  return null
}

/** `imageDeleteHelper`: conflicts, then untag everything, delete, and prune untagged parents. */
function deleteHelper(
  e: Engine,
  img: ImageRecord,
  records: JsonObject[],
  force: boolean,
  prune: boolean,
  quiet: boolean,
): void {
  const conflictErr = hardConflict(e, img) ?? (force ? null : stoppedConflict(e, img))
  if (conflictErr !== null) {
    const dangling =
      img.repoTags.length + img.repoDigests.length === 0 && childrenOf(e, img.id).length === 0
    const used = /being used/.test(conflictErr.message)
    if (quiet && (!dangling || used)) return
    throw conflictErr
  }
  for (const r of [...img.repoTags, ...img.repoDigests]) {
    records.push({ Untagged: r })
    e.event('image', 'untag', img.id, { name: img.id })
  }
  const parentId = img.parent
  e.deleteImage(img.id)
  e.event('image', 'delete', img.id, { name: img.id })
  records.push({ Deleted: img.id })
  const shared = new Set<string>()
  for (const other of e.state.images.values()) for (const l of other.layers) shared.add(l)
  for (const l of img.layers) if (!shared.has(l)) records.push({ Deleted: l })
  if (!prune || parentId === '') return
  const parent = e.state.images.get(parentId)
  if (parent !== undefined) deleteHelper(e, parent, records, false, true, true)
}

// ---------- pull / import ----------

const CMD_OF: Record<
  string,
  { cmd: string[]; entrypoint?: string[]; ports?: string[]; size: number }
> = {
  ubuntu: { cmd: ['/bin/bash'], size: 126_600_000 },
  debian: { cmd: ['/bin/bash'], size: 123_000_000 },
  centos: { cmd: ['/bin/bash'], size: 191_800_000 },
  redis: {
    cmd: ['redis-server'],
    entrypoint: ['docker-entrypoint.sh'],
    ports: ['6379/tcp'],
    size: 182_900_000,
  },
  postgres: {
    cmd: ['postgres'],
    entrypoint: ['/docker-entrypoint.sh'],
    ports: ['5432/tcp'],
    size: 264_900_000,
  },
  mysql: {
    cmd: ['mysqld'],
    entrypoint: ['docker-entrypoint.sh'],
    ports: ['3306/tcp'],
    size: 383_400_000,
  },
  httpd: { cmd: ['httpd-foreground'], ports: ['80/tcp'], size: 176_600_000 },
  memcached: { cmd: ['memcached'], ports: ['11211/tcp'], size: 128_000_000 },
  pause: { cmd: [], entrypoint: ['/pause'], size: 746_888 },
  'google_containers/pause': { cmd: [], entrypoint: ['/pause'], size: 746_888 },
  'gcr.io/google_containers/pause': { cmd: [], entrypoint: ['/pause'], size: 746_888 },
  'gcr.io/google_containers/pause-amd64': { cmd: [], entrypoint: ['/pause'], size: 746_888 },
}

function pseudoHex(seed: string, n = 64): string {
  let h = 0x811c9dc5
  let out = ''
  while (out.length < n) {
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0
    h = Math.imul(h ^ out.length, 2246822519) >>> 0
    out += h.toString(16).padStart(8, '0')
  }
  return out.slice(0, n)
}

/**
 * pkg/streamformatter's line end: FormatStream, FormatStatus, FormatError and FormatProgress all
 * append `streamNewline = "\r\n"` to the json.Marshal output (not json.Encoder's "\n").
 * @see moby pkg/streamformatter/streamformatter.go at v1.12.6
 */
const STREAM_NEWLINE = '\r\n'

/** One JSON message of a progress stream (pull, push, import, build, load). */
function progressLine(v: JsonObject): Uint8Array {
  return utf8(`${goJSONValue(v)}${STREAM_NEWLINE}`)
}

/** `streamformatter.FormatError` */
export function streamError(message: string): Uint8Array {
  return utf8(`${goJSONValue({ errorDetail: { message }, error: message })}${STREAM_NEWLINE}`)
}

function bar(current: number, total: number): string {
  const width = 50
  const filled = Math.max(0, Math.min(width, Math.floor((current / total) * width)))
  const arrow = filled < width ? '>' : ''
  const human = (n: number) =>
    n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} B`
  return `[${'='.repeat(Math.max(0, filled - (arrow ? 1 : 0)))}${arrow}${' '.repeat(width - filled)}] ${human(current)}/${human(total)}`
}

/**
 * POST /images/create?fromImage=: a pull from a registry that has every well-formed image.
 * Reference errors come before anything is streamed (500 JSON error); then a JSON-lines
 * progress stream like distribution/pull_v2.go writes it.
 */
export const create: Handler = (ctx) => {
  const e = ctx.engine
  const fromImage = ctx.query.get('fromImage') ?? ''
  if (fromImage === '') return importImage(ctx)
  const image = fromImage.replace(/:$/, '')
  const ref = parseReference(image)
  if (ref === null) throw referenceError(image)
  const tagParam = ctx.query.get('tag') ?? ''
  let tagName = ref.tag ?? 'latest'
  let digest = ref.digest
  if (tagParam !== '') {
    if (/^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/.test(tagParam))
      digest = tagParam
    else if (!/^[\w][\w.-]{0,127}$/.test(tagParam)) throw untyped('invalid tag format')
    else tagName = tagParam
  }
  const full = digest !== null ? `${ref.name}@${digest}` : `${ref.name}:${tagName}`
  const remote = ref.name.includes('/') ? ref.name : `library/${ref.name}`
  // The simulated registry has every repository except names starting with "doesnotexist",
  // "nosuch" or "notfound": those end like distribution/pull_v1.go after the v2 → v1
  // fallback, before anything is streamed (404 through the `not found` keyword).
  if (/(^|\/)(doesnotexist|nosuch|notfound)[^/]*$/.test(ref.name)) {
    throw untyped(`Error: image ${remote}:${tagName} not found`)
  }
  const repoDigest = `${ref.name}@sha256:${digest?.replace(/^sha256:/, '') ?? pseudoHex(`${full}#digest`)}`
  const q = new ChunkQueue()
  q.push(
    progressLine({
      status: `Pulling from ${remote.replace(/^[^/]*[.:][^/]*\//, '')}`,
      id: digest ?? tagName,
    }),
  )
  const existing = e.findImage(full)
  if (existing !== undefined) {
    q.push(progressLine({ status: `Digest: ${repoDigest.split('@')[1]}` }))
    q.push(progressLine({ status: `Status: Image is up to date for ${full}` }))
    q.close()
    return stream(q, JSON_TYPE)
  }
  const known = CMD_OF[ref.name] ?? { cmd: ['sh'], size: 5_000_000 }
  const layerIds = [pseudoHex(`${full}#layer0`), pseudoHex(`${full}#layer1`)]
  for (const l of layerIds)
    q.push(progressLine({ status: 'Pulling fs layer', progressDetail: {}, id: l.slice(0, 12) }))
  for (const [i, l] of layerIds.entries()) {
    const total = i === 0 ? Math.round(known.size * 0.3) : Math.round(known.size * 0.03) + 32
    const id12 = l.slice(0, 12)
    q.push(
      progressLine({
        status: 'Downloading',
        progressDetail: { current: Math.round(total / 2), total },
        progress: bar(Math.round(total / 2), total),
        id: id12,
      }),
    )
    q.push(progressLine({ status: 'Verifying Checksum', progressDetail: {}, id: id12 }))
    q.push(progressLine({ status: 'Download complete', progressDetail: {}, id: id12 }))
  }
  for (const [i, l] of layerIds.entries()) {
    const total = i === 0 ? known.size : 32
    const id12 = l.slice(0, 12)
    q.push(
      progressLine({
        status: 'Extracting',
        progressDetail: { current: total, total },
        progress: bar(total, total),
        id: id12,
      }),
    )
    q.push(progressLine({ status: 'Pull complete', progressDetail: {}, id: id12 }))
  }
  q.push(progressLine({ status: `Digest: ${repoDigest.split('@')[1]}` }))
  q.push(progressLine({ status: `Status: Downloaded newer image for ${full}` }))
  q.close()
  const id = `sha256:${pseudoHex(`${full}#config`)}`
  const created = '2016-12-15T20:31:00.000000000Z'
  const img: ImageRecord = {
    id,
    repoTags: digest !== null ? [] : [full],
    repoDigests: [repoDigest],
    parent: '',
    comment: '',
    created,
    container: '',
    dockerVersion: '1.12.3',
    author: '',
    config: {
      Hostname: '',
      Domainname: '',
      User: '',
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      ...(known.ports !== undefined
        ? { ExposedPorts: Object.fromEntries(known.ports.map((p) => [p, {}])) }
        : {}),
      Tty: false,
      OpenStdin: false,
      StdinOnce: false,
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      Cmd: known.cmd.length > 0 ? known.cmd : null,
      Image: '',
      Volumes: null,
      WorkingDir: '',
      Entrypoint: known.entrypoint ?? null,
      OnBuild: null,
      Labels: {},
    },
    architecture: 'amd64',
    os: 'linux',
    size: known.size,
    history: [
      {
        created,
        createdBy: `/bin/sh -c #(nop) ADD file:${pseudoHex(`${full}#file`)} in / `,
        size: known.size,
        comment: '',
      },
      {
        created,
        createdBy: `/bin/sh -c #(nop)  CMD ${JSON.stringify(known.cmd)}`,
        size: 0,
        comment: '',
        emptyLayer: true,
      },
    ],
    layers: layerIds.map((l) => `sha256:${l}`),
  }
  const same = e.state.images.get(id)
  if (same !== undefined) {
    if (digest === null) addTag(e, id, full)
  } else {
    e.putImage(img)
    if (digest === null) addTag(e, id, full)
  }
  e.event('image', 'pull', full, { name: full })
  return stream(q, JSON_TYPE)
}

/** POST /images/create?fromSrc=-: import a tarball from the body as a one-layer image. */
function importImage(ctx: Ctx): DaemonResponse {
  const e = ctx.engine
  const src = ctx.query.get('fromSrc') ?? ''
  const repo = ctx.query.get('repo') ?? ''
  const tagParam = ctx.query.get('tag') ?? ''
  let ref: string | null = null
  if (repo !== '') {
    const parsed = parseReference(repo)
    if (parsed === null) throw referenceError(repo)
    if (parsed.digest !== null) throw untyped('cannot import digest reference')
    ref = `${parsed.name}:${tagParam || parsed.tag || 'latest'}`
  }
  if (src !== '-') {
    // Downloading needs the network: the daemon reports the failed GET (in-stream, after the
    // first status line).
    const q = new ChunkQueue()
    q.push(progressLine({ status: `Downloading from http://${src}` }))
    q.push(streamError(`Get http://${src}: dial tcp: lookup ${src} on 127.0.1.1:53: no such host`))
    q.close()
    return stream(q, JSON_TYPE)
  }
  const entries = untar(ctx.req.body ?? new Uint8Array())
  if (entries === null) throw untyped('archive/tar: invalid tar header')
  const id = `sha256:${e.newId()}`
  const now = e.nowString()
  const msg = ctx.query.get('message') || `Imported from ${src}`
  e.putImage({
    id,
    repoTags: [],
    repoDigests: [],
    parent: '',
    comment: msg,
    created: now,
    container: '',
    dockerVersion: e.dockerVersion,
    author: '',
    config: { Cmd: null, Entrypoint: null, Env: null, Labels: {} },
    architecture: 'amd64',
    os: 'linux',
    size: entries.reduce((n, x) => n + x.content.length, 0),
    history: [{ created: now, createdBy: '', size: 0, comment: msg }],
    layers: [`sha256:${e.newId()}`],
  })
  if (ref !== null) addTag(e, id, ref)
  e.event('image', 'import', id, { name: id })
  const q = new ChunkQueue()
  q.push(progressLine({ status: id }))
  q.close()
  return stream(q, JSON_TYPE)
}

// ---------- push, search, get, load, build ----------

export const push: Handler = (ctx) => {
  const e = ctx.engine
  const auth = ctx.req.headers['x-registry-auth'] ?? ''
  let authConfig: Record<string, unknown> = {}
  if (auth !== '') {
    try {
      const decoded = decodeJSON(atob(auth.replace(/-/g, '+').replace(/_/g, '/')))
      if (isObject(decoded)) authConfig = decoded
    } catch {
      authConfig = {}
    }
  } else {
    try {
      const decoded = decodeJSON(new TextDecoder().decode(ctx.req.body ?? new Uint8Array()))
      if (isObject(decoded)) authConfig = decoded
    } catch (err) {
      throw untyped(`Bad parameters and missing X-Registry-Auth: ${errorMessage(err)}`)
    }
  }
  const ref = parseReference(ctx.param)
  if (ref === null) throw referenceError(ctx.param)
  const remote = ref.name.includes('/') ? ref.name : `library/${ref.name}`
  const host = /^[^/]*[.:]/.test(remote) ? '' : 'docker.io/'
  const q = new ChunkQueue()
  q.push(progressLine({ status: `The push refers to a repository [${host}${remote}]` }))
  const tagParam = ctx.query.get('tag') ?? ''
  const tags = [...e.state.images.values()].flatMap((img) =>
    img.repoTags
      .filter(
        (t) => refName(t) === ref.name && (tagParam === '' || t === `${ref.name}:${tagParam}`),
      )
      .map((t) => ({ t, img })),
  )
  if (tags.length === 0) {
    q.push(streamError(`An image does not exist locally with the tag: ${ref.name}`))
  } else if (typeof authConfig.username !== 'string' || authConfig.username === '') {
    for (const l of tags[0]?.img.layers ?? [])
      q.push(progressLine({ status: 'Preparing', progressDetail: {}, id: l.slice(7, 19) }))
    q.push(streamError('unauthorized: authentication required'))
  } else {
    for (const { t, img } of tags) {
      for (const l of img.layers)
        q.push(
          progressLine({ status: 'Layer already exists', progressDetail: {}, id: l.slice(7, 19) }),
        )
      const d = pseudoHex(`${t}#pushed`)
      q.push(progressLine({ status: `${t.split(':').pop()}: digest: sha256:${d} size: 527` }))
      q.push(
        progressLine({
          progressDetail: {},
          aux: { Tag: t.split(':').pop() ?? '', Digest: `sha256:${d}`, Size: 527 },
        }),
      )
    }
    e.event('image', 'push', ref.name, { name: ref.name })
  }
  q.close()
  return stream(q, JSON_TYPE)
}

const CATALOGUE: Array<[string, string, number, boolean, boolean]> = [
  ['busybox', 'Busybox base image.', 1012, true, false],
  ['nginx', 'Official build of Nginx.', 5311, true, false],
  [
    'alpine',
    'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!',
    2702,
    true,
    false,
  ],
  [
    'ubuntu',
    'Ubuntu is a Debian-based Linux operating system based on free software.',
    5245,
    true,
    false,
  ],
  [
    'redis',
    'Redis is an open source key-value store that functions as a data structure server.',
    3225,
    true,
    false,
  ],
  [
    'postgres',
    'The PostgreSQL object-relational database system provides reliability and data integrity.',
    3202,
    true,
    false,
  ],
  ['progrium/busybox', '', 66, false, true],
  [
    'radial/busyboxplus',
    'Full-chain, Internet enabled, busybox made from scratch. Comes in git and cURL flavors.',
    14,
    false,
    true,
  ],
  ['jwilder/nginx-proxy', 'Automated Nginx reverse proxy for docker containers', 792, false, true],
  ['kubernetes/pause', '', 8, false, true],
]

export const search: Handler = (ctx) => {
  let limit = 25
  const limitText = ctx.query.get('limit') ?? ''
  if (limitText !== '') limit = parseGoInt(limitText, 64)
  const f = Filters.parse(ctx.query.get('filters'))
  f.validate(['is-automated', 'is-official', 'stars'])
  const boolFilter = (key: string): boolean | null => {
    if (!f.include(key)) return null
    if (f.exactMatch(key, 'true')) return true
    if (f.exactMatch(key, 'false')) return false
    throw untyped(`Invalid filter '${key}=[${f.get(key).join(' ')}]'`)
  }
  const automated = boolFilter('is-automated')
  const official = boolFilter('is-official')
  let minStars = 0
  for (const v of f.get('stars')) minStars = Math.max(minStars, parseGoInt(v, 64))
  const term = (ctx.query.get('term') ?? '').toLowerCase()
  const results = CATALOGUE.filter(
    ([name, desc, stars, off, auto]) =>
      (name.includes(term) || desc.toLowerCase().includes(term)) &&
      stars >= minStars &&
      (automated === null || auto === automated) &&
      (official === null || off === official),
  )
    .slice(0, Math.max(0, limit))
    .map(([name, description, stars, off, auto]) => ({
      star_count: stars,
      is_official: off,
      name,
      is_automated: auto,
      description,
    }))
  return json(200, results)
}

function imageTar(e: Engine, names: string[]): Uint8Array {
  const imgs: Array<{ img: ImageRecord; tags: string[] }> = []
  for (const name of names) {
    const img = e.findImage(name)
    if (img === undefined) throw untyped(`reference does not exist`)
    const ref = parseReference(name)
    const tags =
      ref !== null && !img.id.includes(name)
        ? [`${ref.name}:${ref.tag ?? 'latest'}`].filter((t) => img.repoTags.includes(t))
        : []
    imgs.push({
      img,
      tags:
        tags.length > 0
          ? tags
          : ref?.tag == null && ref !== null
            ? img.repoTags.filter((t) => refName(t) === ref.name)
            : tags,
    })
  }
  const manifest = imgs.map(({ img, tags }) => ({
    Config: `${img.id.slice(7)}.json`,
    RepoTags: tags.length > 0 ? tags : null,
    Layers: img.layers.map((l) => `${l.slice(7)}/layer.tar`),
  }))
  return tar([
    ...imgs.flatMap(({ img }) => [
      { name: `${img.id.slice(7)}.json`, content: JSON.stringify(imageConfigJSON(img)) },
      ...img.layers.flatMap((l) => [
        { name: l.slice(7), dir: true },
        { name: `${l.slice(7)}/VERSION`, content: '1.0' },
        { name: `${l.slice(7)}/layer.tar`, content: '' },
      ]),
    ]),
    { name: 'manifest.json', content: JSON.stringify(manifest) },
  ])
}

export const get: Handler = (ctx) => {
  const body = imageTar(ctx.engine, [ctx.param])
  return { status: 200, headers: { 'content-type': 'application/x-tar' }, body }
}

export const getAll: Handler = (ctx) => {
  const names = ctx.query.getAll('names')
  const body = imageTar(ctx.engine, names)
  return { status: 200, headers: { 'content-type': 'application/x-tar' }, body }
}

/** The image config as `docker save` writes it (image/image.go Image, lower-case keys). */
function imageConfigJSON(img: ImageRecord): JsonObject {
  return {
    architecture: img.architecture,
    author: img.author,
    comment: img.comment,
    config: img.config,
    container: img.container,
    container_config: imageInspectJSON(img).ContainerConfig ?? {},
    created: img.created,
    docker_version: img.dockerVersion,
    history: img.history.map((h) => ({ created: h.created, created_by: h.createdBy })),
    os: img.os,
    rootfs: { type: 'layers', diff_ids: img.layers },
  }
}

/** ioutil.TempDir under the daemon's TMPDIR (<root>/tmp); the suffix is random in Docker. */
const LOAD_TMP = '/var/lib/docker/tmp/docker-import-079553371'

/** filepath.Join(tmpDir, p) kept inside tmpDir (safePath), as a path relative to it. */
function cleanInTar(p: string): string {
  const out: string[] = []
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') out.pop()
    else out.push(part)
  }
  return out.join('/')
}

/** A JSON object field as encoding/json finds it: the exact key, else a case-insensitive one. */
function goField(obj: JsonObject, key: string): unknown {
  if (key in obj) return obj[key]
  const k = Object.keys(obj).find((x) => x.toLowerCase() === key.toLowerCase())
  return k === undefined ? undefined : obj[k]
}

/** fmt's %q of a small int (a rune literal), as in "layers length mismatch: expected '\x01'". */
function goQuoteRune(n: number): string {
  if (n >= 0x20 && n < 0x7f)
    return n === 0x27 ? "'\\''" : n === 0x5c ? "'\\\\'" : `'${String.fromCharCode(n)}'`
  const named: Record<number, string> = {
    7: 'a',
    8: 'b',
    9: 't',
    10: 'n',
    11: 'v',
    12: 'f',
    13: 'r',
  }
  const esc = named[n]
  if (esc !== undefined) return `'\\${esc}'`
  return `'\\x${n.toString(16).padStart(2, '0')}'`
}

/** The files of an unpacked archive: path (relative, cleaned) → content; plus its directories. */
interface Unpacked {
  files: Map<string, string>
  dirs: Set<string>
}

function unpack(entries: ReadonlyArray<{ name: string; content: string; dir: boolean }>): Unpacked {
  const files = new Map<string, string>()
  const dirs = new Set<string>()
  for (const x of entries) {
    const path = cleanInTar(x.name)
    if (path === '') continue
    const parts = path.split('/')
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'))
    if (x.dir) dirs.add(path)
    else files.set(path, x.content)
  }
  return { files, dirs }
}

/** ioutil.ReadFile(safePath(tmpDir, name)) */
function readTarFile(u: Unpacked, name: string): string {
  const path = cleanInTar(name)
  const full = path === '' ? LOAD_TMP : `${LOAD_TMP}/${path}`
  const content = u.files.get(path)
  if (content !== undefined) return content
  if (path === '' || u.dirs.has(path)) throw untyped(`read ${full}: is a directory`)
  throw untyped(`open ${full}: no such file or directory`)
}

function decodeObject(text: string, goType: string): JsonObject {
  const v = decodeJSON(text)
  if (v === null) return {}
  if (!isObject(v)) throw typeError(jsonKind(v), goType)
  return v as JsonObject
}

const stringField = (obj: JsonObject, key: string): string => {
  const v = goField(obj, key)
  return typeof v === 'string' ? v : ''
}

/** A loaded image config (image/image.go Image) as an ImageRecord. */
function loadedImage(e: Engine, id: string, cfg: JsonObject, layers: string[]): ImageRecord {
  const created = stringField(cfg, 'created') || e.nowString()
  const rawHistory = goField(cfg, 'history')
  const history = Array.isArray(rawHistory)
    ? rawHistory.filter(isObject).map((h) => ({
        created: stringField(h as JsonObject, 'created') || created,
        createdBy: stringField(h as JsonObject, 'created_by'),
        size: 0,
        comment: stringField(h as JsonObject, 'comment'),
      }))
    : []
  const config = goField(cfg, 'config')
  return {
    id,
    repoTags: [],
    repoDigests: [],
    parent: '',
    comment: stringField(cfg, 'comment'),
    created,
    container: stringField(cfg, 'container'),
    dockerVersion: stringField(cfg, 'docker_version'),
    author: stringField(cfg, 'author'),
    config: isObject(config) ? (config as JsonObject) : {},
    architecture: stringField(cfg, 'architecture'),
    os: stringField(cfg, 'os'),
    size: typeof cfg.Size === 'number' ? cfg.Size : 0,
    history: history.length > 0 ? history : [{ created, createdBy: '', size: 0, comment: '' }],
    layers,
  }
}

/** A layer is in the layer store when an image already has it. */
const knownLayer = (e: Engine, diffId: string): boolean =>
  [...e.state.images.values()].some((img) => img.layers.includes(diffId))

/**
 * image/tarexport/load.go Load with a manifest.json at v1.12.6. Returns the lines written to the
 * output: "Loaded image: <ref>" per tag, then the "Loaded image ID" lines when the last image
 * had no tag. Images loaded before a failure stay loaded.
 */
function loadManifest(e: Engine, u: Unpacked, manifestText: string, out: string[]): void {
  const parsed = decodeJSON(manifestText)
  if (parsed !== null && !Array.isArray(parsed))
    throw typeError(jsonKind(parsed), '[]tarexport.manifestItem')
  let ids = ''
  let refCount = 0
  for (const item of (parsed ?? []) as unknown[]) {
    if (!isObject(item)) throw typeError(jsonKind(item), 'tarexport.manifestItem')
    const m = item as JsonObject
    const configName = stringField(m, 'Config')
    const configText = readTarFile(u, configName)
    const cfg = decodeObject(configText, 'image.Image')
    const rootfs = goField(cfg, 'rootfs')
    if (rootfs === undefined || rootfs === null) throw untyped('Invalid image JSON, no RootFS key.')
    if (!isObject(rootfs)) throw typeError(jsonKind(rootfs), 'image.RootFS')
    const rawDiffIds = goField(rootfs as JsonObject, 'diff_ids')
    const diffIds = Array.isArray(rawDiffIds)
      ? rawDiffIds.filter((d): d is string => typeof d === 'string')
      : []
    const rawLayers = goField(m, 'Layers')
    const layerFiles = Array.isArray(rawLayers)
      ? rawLayers.filter((l): l is string => typeof l === 'string')
      : []
    if (layerFiles.length !== diffIds.length) {
      throw untyped(
        `invalid manifest, layers length mismatch: expected ${goQuoteRune(layerFiles.length)}, got ${goQuoteRune(diffIds.length)}`,
      )
    }
    // A layer not yet in the layer store is registered from its tar (which must exist).
    diffIds.forEach((d, i) => {
      if (!knownLayer(e, d)) readTarFile(u, layerFiles[i] ?? '')
    })
    // The image id is the digest of the config; a saved archive names the config after it.
    const base = cleanInTar(configName).replace(/\.json$/, '')
    const id = `sha256:${/^[0-9a-f]{64}$/.test(base) ? base : e.newIdFor(configText)}`
    if (!e.state.images.has(id)) e.putImage(loadedImage(e, id, cfg, diffIds))
    ids += `Loaded image ID: ${id}\n`
    refCount = 0
    const rawTags = goField(m, 'RepoTags')
    for (const t of Array.isArray(rawTags) ? rawTags : []) {
      const repoTag = typeof t === 'string' ? t : ''
      const ref = parseReference(repoTag)
      if (ref === null) throw referenceError(repoTag)
      if (ref.tag === null) throw untyped(`invalid tag ${goQuote(repoTag)}`)
      const full = `${ref.name}:${ref.tag}`
      addTag(e, id, full)
      out.push(`Loaded image: ${full}\n`)
      refCount++
    }
    e.event('image', 'load', id, { name: id })
  }
  if (refCount === 0 && ids !== '') out.push(ids)
}

/** image/tarexport/load.go legacyLoadImage: one `<oldID>/json` + `<oldID>/layer.tar` directory. */
function legacyLoadImage(e: Engine, u: Unpacked, oldId: string, loaded: Map<string, string>): void {
  if (loaded.has(oldId)) return
  const jsonText = readTarFile(u, `${oldId}/json`)
  const v1 = decodeObject(jsonText, 'struct { Parent string }')
  const parent = stringField(v1, 'parent')
  let parentImg: ImageRecord | undefined
  if (parent !== '') {
    legacyLoadImage(e, u, parent, loaded)
    parentImg = e.state.images.get(loaded.get(parent) ?? '')
  }
  readTarFile(u, `${oldId}/layer.tar`)
  const layers = [...(parentImg?.layers ?? []), `sha256:${e.newIdFor(`layer ${oldId}`)}`]
  const id = `sha256:${e.newIdFor(jsonText)}`
  if (!e.state.images.has(id)) {
    const img = loadedImage(e, id, v1, layers)
    img.parent = parentImg?.id ?? ''
    e.putImage(img)
  }
  loaded.set(oldId, id)
}

/**
 * image/tarexport/load.go legacyLoad at v1.12.6: without a `repositories` file it returns
 * Close() of a nil *os.File, i.e. os.ErrInvalid ("invalid argument", 500). 1.13 made that a
 * "…/repositories: no such file or directory" 404 (moby 8f37abd056).
 */
function legacyLoad(e: Engine, u: Unpacked): void {
  const loaded = new Map<string, string>()
  const topDirs = [...u.dirs].filter((d) => !d.includes('/')).sort()
  for (const d of topDirs) legacyLoadImage(e, u, d, loaded)
  const repositories = u.files.get('repositories')
  if (repositories === undefined) {
    if (u.dirs.has('repositories')) throw untyped(`read ${LOAD_TMP}/repositories: is a directory`)
    throw untyped('invalid argument')
  }
  const repos = decodeObject(repositories, 'map[string]map[string]string')
  for (const [name, tagMap] of Object.entries(repos)) {
    if (tagMap === null) continue
    if (!isObject(tagMap)) throw typeError(jsonKind(tagMap), 'map[string]string')
    for (const [tag, oldId] of Object.entries(tagMap as JsonObject)) {
      if (typeof oldId !== 'string') throw typeError(jsonKind(oldId), 'string')
      const id = loaded.get(oldId)
      if (id === undefined) throw untyped(`invalid target ID: ${oldId}`)
      addTag(e, id, `${name}:${tag}`)
    }
  }
}

/** chrootarchive.Untar: what docker-untar reports for bytes that are not a tar stream. */
function untarError(body: Uint8Array): string {
  const reason = body.length < 512 ? 'unexpected EOF' : 'archive/tar: invalid tar header'
  return `Error processing tar file(exit status 1): ${reason}`
}

export const load: Handler = (ctx) => {
  const e = ctx.engine
  const quiet = boolValueOrDefault(ctx, 'quiet', true)
  const body = ctx.req.body ?? new Uint8Array()
  const entries = untar(body)
  const out: string[] = []
  let failure: string | null = null
  try {
    if (entries === null) throw untyped(untarError(body))
    const u = unpack(entries)
    const manifest = u.files.get('manifest.json')
    if (manifest !== undefined) loadManifest(e, u, manifest, out)
    else if (u.dirs.has('manifest.json'))
      throw untyped(`read ${LOAD_TMP}/manifest.json: is a directory`)
    else legacyLoad(e, u)
  } catch (err) {
    failure = errorMessage(err)
  }
  if (quiet) {
    if (failure !== null && out.length === 0) throw untyped(failure)
    // Lines already written mean the status is already 200: MakeErrorHandler's body follows them.
    const tail =
      failure === null
        ? ''
        : versionGreater(ctx, '1.23')
          ? goJSON({ message: failure })
          : `${failure}\n`
    return { status: 200, headers: { 'content-type': TEXT_TYPE }, body: out.join('') + tail }
  }
  const q = new ChunkQueue()
  for (const line of out) q.push(progressLine({ stream: line }))
  if (failure !== null) q.push(streamError(failure))
  q.close()
  return stream(q, JSON_TYPE)
}

/**
 * POST /build with a tar context holding a Dockerfile. FROM, CMD, ENTRYPOINT, ENV, LABEL,
 * EXPOSE, WORKDIR, USER and RUN (a no-op) are understood; the output mimics the 1.12 builder.
 */
export const build: Handler = (ctx) => {
  const e = ctx.engine
  const dockerfileName = ctx.query.get('dockerfile') || 'Dockerfile'
  const entries = untar(ctx.req.body ?? new Uint8Array())
  const file = entries?.find((x) => x.name.replace(/^\.\//, '') === dockerfileName)
  if (file === undefined) throw untyped(`Cannot locate specified Dockerfile: ${dockerfileName}`)
  const lines = file.content
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
  if (lines.length === 0) throw untyped('The Dockerfile (Dockerfile) cannot be empty')
  const q = new ChunkQueue()
  const out = (s: string) => q.push(progressLine({ stream: s }))
  let base: ImageRecord | undefined
  const config: JsonObject = {
    Cmd: null,
    Entrypoint: null,
    Env: [],
    Labels: {},
    WorkingDir: '',
    User: '',
  }
  const historyAdd: Array<{ created: string; createdBy: string; size: number; comment: string }> =
    []
  for (const [i, line] of lines.entries()) {
    const [instrRaw = '', ...rest] = line.split(/\s+/)
    const instr = instrRaw.toUpperCase()
    const args = rest.join(' ')
    out(`Step ${i + 1} : ${instr} ${args}\n`)
    if (i === 0 && instr !== 'FROM') {
      q.push(streamError('Please provide a source image with `from` prior to commit'))
      q.close()
      return stream(q, JSON_TYPE)
    }
    const parseList = (s: string): string[] => {
      try {
        const v = JSON.parse(s) as unknown
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v
      } catch {
        // shell form
      }
      return ['/bin/sh', '-c', s]
    }
    switch (instr) {
      case 'FROM': {
        base = e.findImage(args)
        if (base === undefined) {
          q.push(streamError(`Error: image library/${args} not found`))
          q.close()
          return stream(q, JSON_TYPE)
        }
        Object.assign(config, structuredClone(base.config))
        out(` ---> ${shortId(base.id)}\n`)
        continue
      }
      case 'CMD':
        config.Cmd = parseList(args)
        break
      case 'ENTRYPOINT':
        config.Entrypoint = parseList(args)
        break
      case 'ENV': {
        const m = /^(\S+?)(?:=|\s+)(.*)$/.exec(args)
        if (m?.[1] !== undefined)
          config.Env = [
            ...(Array.isArray(config.Env) ? (config.Env as string[]) : []),
            `${m[1]}=${m[2] ?? ''}`,
          ]
        break
      }
      case 'LABEL': {
        const labels = isObject(config.Labels) ? { ...config.Labels } : {}
        for (const m of args.matchAll(/(\S+?)=("[^"]*"|\S+)/g))
          labels[m[1] ?? ''] = (m[2] ?? '').replace(/^"|"$/g, '')
        config.Labels = labels
        break
      }
      case 'EXPOSE':
        config.ExposedPorts = {
          ...(isObject(config.ExposedPorts) ? config.ExposedPorts : {}),
          ...Object.fromEntries(
            args.split(/\s+/).map((p) => [p.includes('/') ? p : `${p}/tcp`, {}]),
          ),
        }
        break
      case 'WORKDIR':
        config.WorkingDir = args
        break
      case 'USER':
        config.User = args
        break
      case 'RUN':
        out(` ---> Running in ${e.newId().slice(0, 12)}\n`)
        break
      default:
        break
    }
    historyAdd.push({
      created: e.nowString(),
      createdBy: `/bin/sh -c ${instr === 'RUN' ? args : `#(nop)  ${instr} ${args}`}`,
      size: 0,
      comment: '',
    })
    out(` ---> ${e.newId().slice(0, 12)}\n`)
  }
  const id = `sha256:${e.newId()}`
  const parent = base
  e.putImage({
    id,
    repoTags: [],
    repoDigests: [],
    parent: parent?.id ?? '',
    comment: '',
    created: e.nowString(),
    container: '',
    dockerVersion: e.dockerVersion,
    author: '',
    config,
    architecture: 'amd64',
    os: 'linux',
    size: parent?.size ?? 0,
    history: [...(parent?.history ?? []), ...historyAdd],
    layers: parent?.layers ?? [],
  })
  out(`Successfully built ${shortId(id)}\n`)
  for (const t of ctx.query.getAll('t')) {
    const ref = parseReference(t)
    if (ref !== null) addTag(e, id, `${ref.name}:${ref.tag ?? 'latest'}`)
  }
  q.close()
  return stream(q, JSON_TYPE)
}
