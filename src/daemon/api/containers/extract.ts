import type { DiskSpace } from '../../engine/disk.ts'
import { noSpaceLeft } from '../../engine/disk.ts'
import { type DaemonError, untyped } from '../../errors.ts'
import { cleanPath, inSkeleton, statPath } from '../../model/fs.ts'
import type { ContainerRecord } from '../../model/state.ts'
import type { TarMember } from '../../wire/tar.ts'

/**
 * PUT /containers/{id}/archive: the members of a tar written into a container's files, as
 * 1.12's docker-untar did it, in time linear in the number of members.
 *
 * The files, the directories that hold them and the `docker diff` entries are indexed once per
 * upload (a Map and two Sets), so each member costs a few lookups instead of a scan of every
 * file and a sort of every change (8,000 files took 1.3 s that way, 32,000 took 25 s); the
 * changes are sorted once at the end. Walking up a new file's parents stops at the first one
 * already known, so a directory is visited once however many files it holds.
 * @see moby pkg/chrootarchive/archive_unix.go untar, pkg/archive/archive.go Unpack,
 * createTarFile at v1.12.6
 */

/** Linux refuses a path argument of 4,096 bytes or more (PATH_MAX counts the NUL)… */
const PATH_MAX = 4096
/** …and any one name over 255 bytes (NAME_MAX), with ENAMETOOLONG. */
const NAME_MAX = 255

/** What a stored file or change costs on the simulated disk beyond its strings (its JSON). */
const FILE_OVERHEAD = 24
const CHANGE_OVERHEAD = 21

const encoder = new TextEncoder()
const byteLength = (s: string): number =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
  /[^\x00-\x7f]/.test(s) ? encoder.encode(s).byteLength : s.length

/** The path is one the kernel would refuse with ENAMETOOLONG. */
function nameTooLong(path: string): boolean {
  if (byteLength(path) >= PATH_MAX) return true
  let start = 1
  for (;;) {
    const end = path.indexOf('/', start)
    const name = end < 0 ? path.slice(start) : path.slice(start, end)
    if (name.length > NAME_MAX / 3 && byteLength(name) > NAME_MAX) return true
    if (end < 0) return false
    start = end + 1
  }
}

/**
 * The error createTarFile returned for a member whose path the kernel refused: the system call
 * it made first, with Go's `*PathError` / `*LinkError` text (mknod's is the bare errno).
 */
function tooLongError(member: TarMember, path: string): DaemonError {
  const reason = 'file name too long'
  const text =
    member.type === 'dir'
      ? `mkdir ${path}: ${reason}`
      : member.type === 'file'
        ? `open ${path}: ${reason}`
        : member.type === 'link'
          ? `link ${cleanPath(member.linkname)} ${path}: ${reason}`
          : member.type === 'symlink'
            ? `symlink ${member.linkname} ${path}: ${reason}`
            : reason
  return untarFailed(text)
}

/** chrootarchive's wrapping of the docker-untar child's failure (500: no keyword in it). */
export function untarFailed(reason: string): DaemonError {
  return untyped(`Error processing tar file(exit status 1): ${reason}`)
}

class Extraction {
  /** Stored path → its index in `c.files`. */
  private readonly fileAt = new Map<string, number>()
  /** Every directory that holds a copied file (parents of `c.files`). */
  private readonly dirs = new Set<string>()
  /** Paths already in `c.changes`. */
  private readonly changed = new Set<string>()
  private readonly added: Array<{ Path: string; Kind: number }> = []

  constructor(
    private readonly c: ContainerRecord,
    /** The extraction directory, cleaned: docker-untar's chroot. */
    private readonly dir: string,
    private readonly disk: DiskSpace,
  ) {
    c.files.forEach((f, i) => {
      this.fileAt.set(f.path, i)
      this.addParents(this.dirs, f.path, null)
    })
    for (const x of c.changes) this.changed.add(x.Path)
  }

  /**
   * One member as chrootarchive.Untar extracts it: the docker-untar child chroots into the
   * extraction directory and unpacks to "/", so a name is cleaned (filepath.Clean) and joined
   * to "/" — `../../../tmp/x`, `a/../../b` and `/etc/passwd` all land *inside* the directory
   * (pkg/archive's breakout checks compare against "/" there and never fire). A hard link's
   * target is resolved the same way; a missing one is os.Link's error (404 through "no such").
   * A name the kernel refuses (over PATH_MAX or NAME_MAX) fails with the call's
   * ENAMETOOLONG; a file that does not fit on the simulated disk with ENOSPC. Symbolic links,
   * devices and FIFOs are not modelled (skipped). Returns the error docker-untar stopped with.
   */
  member(member: TarMember): DaemonError | null {
    const inChroot = cleanPath(member.name)
    if (nameTooLong(inChroot)) return tooLongError(member, inChroot)
    if (inChroot === '/' || member.type === 'dir') return null // directories exist implicitly
    const target = this.inside(inChroot)
    let content = member.content
    if (member.type === 'link') {
      const linkInChroot = cleanPath(member.linkname)
      const source = this.read(this.inside(linkInChroot))
      if (source === null || source === 'dir') {
        const reason = source === null ? 'no such file or directory' : 'operation not permitted'
        return untarFailed(`link ${linkInChroot} ${inChroot}: ${reason}`)
      }
      content = source
    } else if (member.type !== 'file') {
      return null // symbolic links, devices and FIFOs are not modelled
    }
    const index = this.fileAt.get(target)
    const existed = index !== undefined || this.dirs.has(target) || inSkeleton(target)
    // The disk first: what the file and its new `docker diff` entries cost. A refused write
    // leaves everything as it was (the members before it stay, as docker-untar left them).
    const newChanges: string[] = []
    this.addParents(this.changed, target, newChanges)
    if (!this.changed.has(target)) newChanges.push(target)
    let cost = content.length + (index === undefined ? target.length + FILE_OVERHEAD : 0)
    if (index !== undefined) cost -= this.c.files[index]?.content.length ?? 0
    for (const p of newChanges) cost += p.length + CHANGE_OVERHEAD
    if (!this.disk.charge({ kind: 'container', id: this.c.id }, cost)) {
      for (const p of newChanges) this.changed.delete(p)
      return untarFailed(noSpaceLeft(content === '' ? 'open' : 'write', inChroot).message)
    }
    if (index === undefined) {
      this.fileAt.set(target, this.c.files.length)
      this.c.files.push({ path: target, content })
      this.addParents(this.dirs, target, null)
    } else {
      this.c.files[index] = { path: target, content }
    }
    for (const p of newChanges) {
      this.changed.add(p)
      this.added.push({ Path: p, Kind: p === target && !existed ? 1 : 0 })
    }
    this.c.sizeRw += content.length
    return null
  }

  /** The new changes join the list, sorted by path once. */
  finish(): void {
    if (this.added.length === 0) return
    this.c.changes.push(...this.added)
    this.c.changes.sort((a, b) => (a.Path < b.Path ? -1 : a.Path > b.Path ? 1 : 0))
  }

  private inside(inChroot: string): string {
    return this.dir === '/' ? inChroot : `${this.dir}${inChroot}`
  }

  /** A stored file's content, 'dir' for a directory, null when nothing is there. */
  private read(path: string): string | 'dir' | null {
    const index = this.fileAt.get(path)
    if (index !== undefined) return this.c.files[index]?.content ?? null
    if (this.dirs.has(path)) return 'dir'
    if (!inSkeleton(path)) return null
    const s = statPath(this.c, path)
    return s === null ? null : s.dir ? 'dir' : s.content
  }

  /**
   * Adds the parent directories of `path` to `set`, deepest first, stopping at the first one
   * already there (its own parents are then there too); `added`, when given, collects them.
   */
  private addParents(set: Set<string>, path: string, added: string[] | null): void {
    for (let end = path.lastIndexOf('/'); end > 0; end = path.lastIndexOf('/', end - 1)) {
      const parent = path.slice(0, end)
      if (set.has(parent)) return
      if (added === null) set.add(parent)
      else {
        // Tentatively known, so a second file under it in this member is not counted twice.
        set.add(parent)
        added.push(parent)
      }
    }
  }
}

/** Members extracted between two pauses (see `pause` below): a few milliseconds of work. */
const MEMBERS_PER_TURN = 1000

/**
 * Extracts the archive `reader` yields into `dir` of `c`, stopping at the first member
 * docker-untar would have failed on; returns that error (nothing after it is extracted), the
 * archive's own read error, or null. With `pause` (the server's: a turn of the event loop),
 * other requests are served between batches, so a large upload does not hold the daemon for
 * its whole length.
 */
export async function extractTar(
  c: ContainerRecord,
  dir: string,
  reader: Generator<TarMember, string | null>,
  disk: DiskSpace,
  pause?: () => Promise<void>,
): Promise<DaemonError | null> {
  const x = new Extraction(c, dir, disk)
  try {
    for (let n = 1, next = reader.next(); ; n++, next = reader.next()) {
      if (next.done === true) return next.value === null ? null : untarFailed(next.value)
      const error = x.member(next.value)
      if (error !== null) return error
      if (pause !== undefined && n % MEMBERS_PER_TURN === 0) await pause()
    }
  } finally {
    x.finish()
  }
}
