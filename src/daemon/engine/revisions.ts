import type { ContainerRecord } from '../model/state.ts'

/**
 * Change counters for caches of derived container data (the list summaries in
 * api/containers/list-cache.ts). Every writer of container records, images or names marks its
 * change here as part of the write: the engine's own operations (lifecycle, registry, the clock's
 * wake-ups, live processes exiting) call `touch`/`changedAll` themselves, and the dispatcher runs
 * each route that may write as one `mutation`. Kept outside the records, which stay plain JSON
 * for snapshots.
 */
export class Revisions {
  /** Moves on any change that may touch any container's list entry (images, a reset). */
  revision = 0
  /** Counts `touch` calls: an answer kept before the latest one may describe a changed container. */
  touched = 0
  private readonly perContainer = new WeakMap<ContainerRecord, number>()

  /** The container's record changed. */
  touch(c: ContainerRecord): void {
    this.touched++
    this.perContainer.set(c, (this.perContainer.get(c) ?? 0) + 1)
  }

  /** Anything may have changed (image store, names of several containers, a new state). */
  changedAll(): void {
    this.revision++
  }

  /** How often `c` was touched: a cached entry from an older count is stale. */
  of(c: ContainerRecord): number {
    return this.perContainer.get(c) ?? 0
  }

  /**
   * Marks a change to `target` (or to anything when null) when `write` returns and, for a
   * promise, again when it settles: whatever the write did before either point is covered.
   */
  mutation<T>(target: ContainerRecord | null, write: () => T): T {
    let result: T
    try {
      result = write()
    } finally {
      this.mark(target)
    }
    if (result instanceof Promise) return result.finally(() => this.mark(target)) as T
    return result
  }

  private mark(target: ContainerRecord | null): void {
    if (target === null) this.revision++
    else this.touch(target)
  }
}
