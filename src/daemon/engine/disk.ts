import { type DaemonError, untyped } from '../errors.ts'
import type { DaemonState } from '../model/state.ts'

/**
 * The simulated disk: how much client-supplied data the daemon keeps in total. A real daemon
 * wrote containers' configs, copied files, images and volumes to /var/lib/docker and ran out of
 * disk some day; this one keeps everything in memory and would run out of memory first, or build
 * a list bigger than a JavaScript string can hold (`GET /containers/json` answering "Invalid
 * string length"). So the state has a budget, like a small disk: a write that would go past it
 * is refused with the error Docker gave on a full disk (ENOSPC), and nothing else changes.
 *
 * 128 MiB is twice the largest request body (64 MiB, src/server/node-http.ts): one upload of
 * the largest size always fits in an empty daemon, and 10,000 containers (≈ 2 KB of config each)
 * use a sixth of it.
 */
export const DISK_CAPACITY_BYTES = 128 * 1024 * 1024

/** Who holds stored bytes: removing the owner frees them. */
export type DiskOwner =
  | { kind: 'container'; id: string }
  | { kind: 'image'; id: string }
  | { kind: 'exec'; id: string }
  | { kind: 'network'; id: string }
  | { kind: 'volume'; id: string }
  | { kind: 'service'; id: string }

/**
 * Bytes charged per owner. Freeing needs no hook in every delete path: when a charge would not
 * fit, owners that are gone from the state are forgotten first (a sweep over the owners, only
 * when the disk looks full), so an ordinary daemon never pays for the bookkeeping.
 */
export class DiskSpace {
  private readonly owners = new Map<string, { owner: DiskOwner; bytes: number }>()
  private usedBytes = 0

  constructor(
    private readonly state: () => DaemonState,
    readonly capacity: number = DISK_CAPACITY_BYTES,
  ) {}

  get used(): number {
    return this.usedBytes
  }

  /**
   * Charges `bytes` to `owner` if they fit; false (and nothing charged) when the disk is full.
   * Callers check first and write after, so a refused write leaves the state as it was.
   */
  charge(owner: DiskOwner, bytes: number): boolean {
    if (bytes <= 0) return true
    if (this.usedBytes + bytes > this.capacity) this.forgetRemoved()
    if (this.usedBytes + bytes > this.capacity) return false
    const key = `${owner.kind}:${owner.id}`
    const held = this.owners.get(key)
    if (held === undefined) this.owners.set(key, { owner, bytes })
    else held.bytes += bytes
    this.usedBytes += bytes
    return true
  }

  /** Whether `bytes` more would fit now (after forgetting removed owners). */
  fits(bytes: number): boolean {
    if (this.usedBytes + bytes <= this.capacity) return true
    this.forgetRemoved()
    return this.usedBytes + bytes <= this.capacity
  }

  /** A fresh or restored state: nothing charged (a restored snapshot came from a daemon under budget). */
  clear(): void {
    this.owners.clear()
    this.usedBytes = 0
  }

  private forgetRemoved(): void {
    const s = this.state()
    for (const [key, held] of this.owners) {
      if (!exists(s, held.owner)) {
        this.owners.delete(key)
        this.usedBytes -= held.bytes
      }
    }
  }
}

function exists(s: DaemonState, o: DiskOwner): boolean {
  switch (o.kind) {
    case 'container':
      return s.containers.has(o.id)
    case 'image':
      return s.images.has(o.id)
    case 'exec':
      return s.execs.has(o.id)
    case 'network':
      return s.networks.has(o.id)
    case 'volume':
      return s.volumes.has(o.id)
    case 'service':
      return s.swarm?.services.some((x) => x.id === o.id) ?? false
  }
}

/** The length of a value's JSON text: what storing it costs on the simulated disk. */
export function storedSize(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0
}

/**
 * ENOSPC as Go's os package words it for a write to `path` (`*PathError`): untyped, so 500.
 * The daemon's own writes to /var/lib/docker went through a temporary file (ioutils
 * AtomicFileWriter: `.tmp-<name>` plus ioutil.TempFile's nine digits), which is the path Go
 * named; `suffixOf` gives those digits from an id so the text is the same on every run.
 */
export function noSpaceLeft(op: 'write' | 'mkdir' | 'open', path: string): DaemonError {
  return untyped(`${op} ${path}: no space left on device`)
}

/** ioutil.TempFile's nine-digit suffix, derived from `id` (a hex id) instead of a random draw. */
export function tempSuffix(id: string): string {
  return String(Number.parseInt(id.slice(0, 8), 16) % 1_000_000_000).padStart(9, '0')
}

/**
 * The error for stored data past the budget where Docker wrote nothing to disk (exec
 * configs, service specs and the like lived in its memory): the simulation's own limit, said
 * plainly in Docker's error shape.
 */
export function stateFull(capacity: number): DaemonError {
  return untyped(
    `no space left on device: the simulated daemon keeps at most ${capacity / 1024 / 1024} MiB of containers, files, images, networks, volumes and execs; remove some first`,
  )
}
