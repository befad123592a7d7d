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

/**
 * A push-to-pull queue: producers `push` chunks, the consumer iterates them. Used for every
 * streamed body (events, logs follow, attach, pull progress).
 */
export class ChunkQueue implements AsyncIterable<Uint8Array> {
  private readonly chunks: Uint8Array[] = []
  private waiting: ((r: IteratorResult<Uint8Array>) => void) | null = null
  private closed = false
  onCancel: (() => void) | null = null

  push(chunk: Uint8Array): void {
    if (this.closed) return
    if (this.waiting !== null) {
      const w = this.waiting
      this.waiting = null
      w({ value: chunk, done: false })
    } else {
      this.chunks.push(chunk)
    }
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    if (this.waiting !== null) {
      const w = this.waiting
      this.waiting = null
      w({ value: undefined, done: true })
    }
  }

  get isClosed(): boolean {
    return this.closed
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return {
      next: () => {
        const chunk = this.chunks.shift()
        if (chunk !== undefined) return Promise.resolve({ value: chunk, done: false })
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
