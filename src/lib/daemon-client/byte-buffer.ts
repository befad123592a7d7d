/**
 * Bytes appended chunk by chunk, readable at any time as one view. The capacity doubles, so a
 * stream of n bytes costs O(n) copies however many chunks it arrives in (re-concatenating every
 * chunk on each arrival was quadratic on a long stream).
 */
export class ByteBuffer {
  private buffer = new Uint8Array(0)
  private used = 0
  /** Bytes copied so far, growth included: what the tests hold to a linear bound. */
  copied = 0

  get length(): number {
    return this.used
  }

  append(chunk: Uint8Array): void {
    const needed = this.used + chunk.length
    if (needed > this.buffer.length) {
      const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2, 1024))
      grown.set(this.buffer.subarray(0, this.used))
      this.copied += this.used
      this.buffer = grown
    }
    this.buffer.set(chunk, this.used)
    this.copied += chunk.length
    this.used = needed
  }

  /**
   * The bytes so far. A view, not a copy: later appends never change what an earlier view shows
   * (they write past its end, or into a new buffer after growth).
   */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.used)
  }
}
