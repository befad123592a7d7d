import { untyped } from '../errors.ts'

/** @see moby pkg/truncindex/truncindex.go at v1.12.6 */
/**
 * Sorted id list answering unique-prefix queries in O(log n), like truncindex's patricia trie.
 */
export class PrefixIndex {
  private ids: string[] = []

  add(id: string): void {
    const i = this.lowerBound(id)
    if (this.ids[i] !== id) this.ids.splice(i, 0, id)
  }

  delete(id: string): void {
    const i = this.lowerBound(id)
    if (this.ids[i] === id) this.ids.splice(i, 1)
  }

  clear(): void {
    this.ids = []
  }

  get size(): number {
    return this.ids.length
  }

  /**
   * The single id starting with `prefix`; undefined when none.
   * @throws an untyped error (→ 500) when the prefix is ambiguous, naming the second match as
   * truncindex's `ErrAmbiguousPrefix` does (pkg/truncindex/truncindex.go at v1.12.6).
   */
  find(prefix: string): string | undefined {
    const i = this.lowerBound(prefix)
    const first = this.ids[i]
    if (first === undefined || !first.startsWith(prefix)) return undefined
    const second = this.ids[i + 1]
    if (second?.startsWith(prefix)) {
      throw untyped(`Multiple IDs found with provided prefix: ${second}`)
    }
    return first
  }

  /** All ids (sorted). */
  all(): readonly string[] {
    return this.ids
  }

  private lowerBound(s: string): number {
    let lo = 0
    let hi = this.ids.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const v = this.ids[mid]
      if (v !== undefined && v < s) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
