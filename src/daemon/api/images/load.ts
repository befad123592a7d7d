import type { Engine } from '../../engine.ts'
import { errorMessage, untyped } from '../../errors.ts'
import { ChunkQueue } from '../../model/events.ts'
import { parseReference, referenceError } from '../../model/reference.ts'
import type { ImageRecord, JsonObject } from '../../model/state.ts'
import { goQuote } from '../../wire/filters.ts'
import { decodeJSON, jsonKind, typeError } from '../../wire/json.ts'
import { untar } from '../../wire/tar.ts'
import { boolValueOrDefault, type Handler, isObject, versionGreater } from '../context.ts'
import { goJSON, JSON_TYPE, stream, TEXT_TYPE } from '../http.ts'
import { progressLine, streamError } from './progress.ts'
import { addTag } from './store.ts'

/** POST /images/load: manifest.json archives and the legacy layout. @see moby image/tarexport/load.go */

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
  const created = stringField(cfg, 'created') || e.clock.nowString()
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
    size: typeof cfg.Size === 'number' && Number.isFinite(cfg.Size) ? cfg.Size : 0,
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
    const id = `sha256:${/^[0-9a-f]{64}$/.test(base) ? base : e.registry.newIdFor(configText)}`
    if (!e.state.images.has(id)) e.registry.putImage(loadedImage(e, id, cfg, diffIds))
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
    e.events.emit('image', 'load', id, { name: id })
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
  const layers = [...(parentImg?.layers ?? []), `sha256:${e.registry.newIdFor(`layer ${oldId}`)}`]
  const id = `sha256:${e.registry.newIdFor(jsonText)}`
  if (!e.state.images.has(id)) {
    const img = loadedImage(e, id, v1, layers)
    img.parent = parentImg?.id ?? ''
    e.registry.putImage(img)
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
