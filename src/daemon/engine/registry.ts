import { badRequest, conflict, noSuchContainer, untyped } from '../errors.ts'
import { randomName, VALID_NAME } from '../ids/names.ts'
import { hexId, Prng } from '../ids/prng.ts'
import { PrefixIndex } from '../ids/truncindex.ts'
import { defaultNetworks, type NetworkStore } from '../model/networking.ts'
import { DIGEST_ID, parseReference } from '../model/reference.ts'
import { seedImages } from '../model/seed.ts'
import {
  type ContainerRecord,
  type DaemonState,
  emptyState,
  type ImageRecord,
  type NetworkRecord,
} from '../model/state.ts'
import type { Revisions } from './revisions.ts'

const HEX64 = /^[0-9a-f]{64}$/
const PRNG_SEED = 0x1d0c4e12

/**
 * The state value and the ways into it: ids, names, and lookups of containers, images and
 * networks with the indexes behind them. Writers here mark their change (`Revisions`).
 */
export class Registry implements NetworkStore {
  state: DaemonState = emptyState()
  prng = new Prng(PRNG_SEED)
  private pidCounter = 1000
  readonly containerIndex = new PrefixIndex()
  private readonly imageIndex = new PrefixIndex()
  /** `repo:tag` and `repo@digest` → image id; rebuilt lazily after image changes. */
  private tagCache: Map<string, string> | null = null

  constructor(
    private readonly customIds: (() => string) | null,
    private readonly revisions: Revisions,
  ) {}

  /** A fresh daemon's state: the seeded images (if `seed`) and the default networks. */
  reset(seed: boolean): void {
    this.load(emptyState(), PRNG_SEED, 1000)
    if (seed) for (const img of seedImages()) this.putImage(img)
    for (const n of defaultNetworks(this)) this.state.networks.set(n.id, n)
  }

  /** Takes a whole state (a restored snapshot) and rebuilds the indexes. */
  load(state: DaemonState, prngState: number, pidCounter: number): void {
    this.state = state
    this.prng = new Prng(0)
    this.prng.state = prngState
    this.pidCounter = pidCounter
    this.containerIndex.clear()
    this.imageIndex.clear()
    this.tagCache = null
    for (const id of state.containers.keys()) this.containerIndex.add(id)
    for (const id of state.images.keys()) this.imageIndex.add(id.slice(7))
    this.revisions.changedAll()
  }

  get pidState(): number {
    return this.pidCounter
  }

  // ---------- ids ----------

  /** A fresh 64-hex id, unique across containers, execs, networks and images. */
  newId(): string {
    for (let i = 0; ; i++) {
      const id = this.customIds !== null && i < 8 ? this.customIds() : hexId(this.prng)
      if (!HEX64.test(id)) continue
      if (
        !this.state.containers.has(id) &&
        !this.state.execs.has(id) &&
        !this.state.networks.has(id) &&
        !this.state.images.has(`sha256:${id}`)
      ) {
        return id
      }
    }
  }

  /** A stable 64-hex id derived from a seed (task container ids), without consuming the PRNG. */
  newIdFor(seed: string): string {
    const p = new Prng(
      seed.split('').reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0, 0x811c9dc5),
    )
    return hexId(p)
  }

  nextPid(): number {
    this.pidCounter += 1 + (this.prng.next() % 97)
    return this.pidCounter
  }

  // ---------- containers and names ----------

  /**
   * Full id, then exact name, then unique id prefix.
   * @see moby daemon/container.go GetContainer at v1.12.6
   */
  getContainer(nameOrId: string): ContainerRecord {
    if (nameOrId.length === 0) throw badRequest('No container name or ID supplied')
    const byId = this.state.containers.get(nameOrId)
    if (byId !== undefined) return byId
    const name = nameOrId.startsWith('/') ? nameOrId : `/${nameOrId}`
    const idByName = this.state.names.get(name)
    if (idByName !== undefined) {
      const c = this.state.containers.get(idByName)
      if (c !== undefined) return c
    }
    const id = this.containerIndex.find(nameOrId)
    const c = id === undefined ? undefined : this.state.containers.get(id)
    if (c === undefined) throw noSuchContainer(nameOrId)
    return c
  }

  /** `getContainer` without the errors: null when nothing (or more than one) matches. */
  lookupContainer(nameOrId: string): ContainerRecord | null {
    try {
      return this.getContainer(nameOrId)
    } catch {
      return null
    }
  }

  addContainer(c: ContainerRecord): void {
    this.state.containers.set(c.id, c)
    this.containerIndex.add(c.id)
    this.revisions.touch(c)
  }

  /** Drops the record, its name, its exec records and its network endpoints. */
  deleteContainer(c: ContainerRecord): void {
    this.state.containers.delete(c.id)
    this.containerIndex.delete(c.id)
    if (this.state.names.get(c.name) === c.id) this.state.names.delete(c.name)
    for (const execId of c.execIds) this.state.execs.delete(execId)
    for (const n of this.state.networks.values()) {
      const i = n.containers.findIndex((x) => x.containerId === c.id)
      if (i >= 0) n.containers.splice(i, 1)
    }
    this.revisions.touch(c)
  }

  /**
   * Reserves `/name` for a container.
   * @see moby daemon/names.go reserveName at v1.12.6
   */
  reserveName(id: string, requested: string): string {
    if (!VALID_NAME.test(requested)) {
      throw untyped(
        `Invalid container name (${requested}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
      )
    }
    const name = requested.startsWith('/') ? requested : `/${requested}`
    const holder = this.state.names.get(name)
    if (holder !== undefined && holder !== id) {
      throw conflict(
        `Conflict. The name "${name}" is already in use by container ${holder}. You have to remove (or rename) that container to be able to reuse that name.`,
      )
    }
    this.state.names.set(name, id)
    this.revisions.changedAll()
    return name
  }

  /** The container takes `name` (reserved for it first, `reserveName`) and lets its old one go. */
  rename(c: ContainerRecord, name: string): void {
    const previous = c.name
    c.name = name
    if (this.state.names.get(previous) === c.id) this.state.names.delete(previous)
    this.revisions.changedAll()
  }

  /** Drops a name (a link alias `/parent/alias`). */
  releaseName(name: string): void {
    this.state.names.delete(name)
    this.revisions.changedAll()
  }

  generateName(id: string): string {
    for (let retry = 0; ; retry++) {
      const name = `/${randomName(id, retry)}`
      if (!this.state.names.has(name)) {
        this.state.names.set(name, id)
        this.revisions.changedAll()
        return name
      }
    }
  }

  // ---------- images ----------

  /**
   * `daemon.GetImageID`: a digest id, a reference in the reference store, or an id prefix.
   * Returns undefined when nothing matches (callers phrase their own error, as 1.12 did).
   */
  findImage(refOrId: string): ImageRecord | undefined {
    if (DIGEST_ID.test(refOrId)) return this.state.images.get(refOrId)
    const ref = parseReference(refOrId)
    if (ref !== null) {
      const wanted =
        ref.digest !== null ? `${ref.name}@${ref.digest}` : `${ref.name}:${ref.tag ?? 'latest'}`
      const id = this.tagIndex().get(wanted)
      if (id !== undefined) return this.state.images.get(id)
    }
    if (/^[0-9a-f]+$/.test(refOrId) || refOrId.startsWith('sha256:')) {
      const prefix = refOrId.replace(/^sha256:/, '')
      if (prefix.length === 0) return undefined
      try {
        const hit = this.imageIndex.find(prefix)
        return hit === undefined ? undefined : this.state.images.get(`sha256:${hit}`)
      } catch {
        // digestset's ambiguity error is swallowed into "does not exist" (daemon/image.go).
        return undefined
      }
    }
    return undefined
  }

  private tagIndex(): Map<string, string> {
    if (this.tagCache === null) {
      const m = new Map<string, string>()
      for (const img of this.state.images.values()) {
        for (const t of img.repoTags) m.set(t, img.id)
        for (const d of img.repoDigests) m.set(d, img.id)
      }
      this.tagCache = m
    }
    return this.tagCache
  }

  putImage(img: ImageRecord): void {
    this.state.images.set(img.id, img)
    this.imageIndex.add(img.id.slice(7))
    this.imagesChanged()
  }

  /** An image's tags or digests were changed in place. */
  imagesChanged(): void {
    this.tagCache = null
    this.revisions.changedAll()
  }

  deleteImage(id: string): void {
    this.state.images.delete(id)
    this.imageIndex.delete(id.slice(7))
    this.imagesChanged()
  }

  // ---------- networks ----------

  /** By full id, exact name, or id prefix (libnetwork's lookup order). */
  findNetwork(idOrName: string): NetworkRecord | undefined {
    const byId = this.state.networks.get(idOrName)
    if (byId !== undefined) return byId
    for (const n of this.state.networks.values()) if (n.name === idOrName) return n
    if (idOrName === '') return undefined
    const hits = [...this.state.networks.values()].filter((n) => n.id.startsWith(idOrName))
    return hits.length === 1 ? hits[0] : undefined
  }
}
