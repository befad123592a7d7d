import type { StdinSession } from '../types.ts'
import type { EventRecord } from './state.ts'

/**
 * The event log plus live subscribers (GET /events without `until` streams new events).
 * @see moby daemon/events/events.go at v1.12.6 (it keeps the last 256 events for `since` replays)
 */
export const EVENTS_KEPT = 256

export type EventListener = (e: EventRecord) => void

export class EventBus {
  private readonly listeners = new Set<EventListener>()

  constructor(private readonly log: EventRecord[]) {}

  publish(e: EventRecord): void {
    this.log.push(e)
    // shift, not splice: V8 drops the first element of a long array without moving the rest.
    while (this.log.length > EVENTS_KEPT) this.log.shift()
    for (const l of this.listeners) l(e)
  }

  subscribe(l: EventListener): () => void {
    this.listeners.add(l)
    return () => {
      this.listeners.delete(l)
    }
  }
}

/** How much a stream's queue holds for a client that is not reading (see ChunkQueue). */
export interface QueueLimits {
  /** At or above this many bytes waiting, the producer is told to wait (`whenDrained`). */
  highWaterBytes: number
  /** Beyond this many bytes or chunks waiting, a new chunk is dropped. */
  maxBytes: number
  maxChunks: number
}

/**
 * A stream's queue: 256 KiB before its producer is asked to wait — about what a Linux pipe
 * (64 KiB) and two loopback socket buffers held before a process writing to a client that
 * does not read blocked — and at most 4 MiB or 16,384 chunks, so one stuck client costs a few
 * megabytes, never the daemon's memory.
 */
export const STREAM_LIMITS: QueueLimits = {
  highWaterBytes: 256 * 1024,
  maxBytes: 4 * 1024 * 1024,
  maxChunks: 16_384,
}

/**
 * GET /events: 1.12 gave each subscriber a channel of 1,024 events and skipped an event for a
 * subscriber whose channel stayed full (pkg/pubsub Publisher, after waiting 100 ms for it;
 * daemon/events/events.go bufferSize). Here the skip is immediate, and 4 MiB bounds events
 * made large by labels.
 */
export const EVENT_LIMITS: QueueLimits = {
  highWaterBytes: 256 * 1024,
  maxBytes: 4 * 1024 * 1024,
  maxChunks: 1024,
}

const UNBOUNDED: QueueLimits = {
  highWaterBytes: Number.POSITIVE_INFINITY,
  maxBytes: Number.POSITIVE_INFINITY,
  maxChunks: Number.POSITIVE_INFINITY,
}

/**
 * A push-to-pull queue: producers `push` chunks, the consumer iterates them. Used for every
 * streamed body (events, logs follow, attach, pull progress). A queue that a live producer
 * feeds for as long as a client stays (follow, attach, exec, events, stats) is bounded
 * (QueueLimits): a chunk that does not fit is dropped and counted, and a producer that can
 * wait (a process whose stdin can be held) asks `whenDrained` first.
 */
export class ChunkQueue implements AsyncIterable<Uint8Array> {
  private readonly chunks: Uint8Array[] = []
  private bytes = 0
  private waiting: ((r: IteratorResult<Uint8Array>) => void) | null = null
  private drainWaiters: Array<() => void> = []
  private closed = false
  /** Chunks dropped because the queue was full. */
  dropped = 0
  onCancel: (() => void) | null = null

  /** Unbounded by default: for bodies the daemon writes whole (logs, pull progress, …). */
  constructor(private readonly limits: QueueLimits = UNBOUNDED) {}

  /** Queues a chunk for the consumer; false when it was dropped (closed, or the queue full). */
  push(chunk: Uint8Array): boolean {
    if (this.closed) return false
    if (this.waiting !== null) {
      const w = this.waiting
      this.waiting = null
      w({ value: chunk, done: false })
      return true
    }
    if (this.chunks.length >= this.limits.maxChunks || this.bytes >= this.limits.maxBytes) {
      this.dropped++
      return false
    }
    this.chunks.push(chunk)
    this.bytes += chunk.byteLength
    return true
  }

  /** Bytes waiting for the consumer. */
  get bufferedBytes(): number {
    return this.bytes
  }

  /**
   * Null while the consumer keeps up; otherwise a promise that resolves once what waits is
   * below the high-water mark again (or the stream is over).
   */
  whenDrained(): Promise<void> | null {
    if (this.closed || this.bytes < this.limits.highWaterBytes) return null
    return new Promise((resolve) => this.drainWaiters.push(resolve))
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    if (this.waiting !== null) {
      const w = this.waiting
      this.waiting = null
      w({ value: undefined, done: true })
    }
    this.releaseWaiters()
  }

  get isClosed(): boolean {
    return this.closed
  }

  private releaseWaiters(): void {
    const waiters = this.drainWaiters
    this.drainWaiters = []
    for (const w of waiters) w()
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return {
      next: () => {
        const chunk = this.chunks.shift()
        if (chunk !== undefined) {
          this.bytes -= chunk.byteLength
          if (this.drainWaiters.length > 0 && this.bytes < this.limits.highWaterBytes) {
            this.releaseWaiters()
          }
          return Promise.resolve({ value: chunk, done: false })
        }
        if (this.closed) return Promise.resolve({ value: undefined, done: true })
        return new Promise((resolve) => {
          this.waiting = resolve
        })
      },
      return: () => {
        this.close()
        this.onCancel?.()
        return Promise.resolve({ value: undefined, done: true })
      },
    }
  }
}

/**
 * A stdin session whose `ready` follows the queue its process's output goes to: input waits
 * while the client has not read what is already there.
 */
export function heldByOutput<S extends StdinSession>(session: S, output: ChunkQueue): S {
  session.ready = () => output.whenDrained()
  return session
}
