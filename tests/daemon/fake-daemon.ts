import type { Daemon, DaemonRequest, DaemonResponse } from '../../src/daemon/index.ts'

/**
 * A stand-in for the simulated daemon that records what it was asked and answers with a
 * scripted response: lets the adapter and server tests check the transport alone.
 */
export interface FakeDaemon extends Daemon {
  readonly requests: DaemonRequest[]
  respond: (request: DaemonRequest) => DaemonResponse | Promise<DaemonResponse>
}

export function createFakeDaemon(
  respond: FakeDaemon['respond'] = () => ({
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: 'OK',
  }),
): FakeDaemon {
  const requests: DaemonRequest[] = []
  const fake: FakeDaemon = {
    requests,
    respond,
    async handle(request) {
      requests.push(request)
      return fake.respond(request)
    },
    get state(): Daemon['state'] {
      throw new Error('the fake daemon has no state')
    },
    reset() {
      requests.length = 0
    },
    snapshot() {
      return '{}'
    },
    restore() {},
    stdin() {
      return undefined
    },
  }
  return fake
}

/** An async iterable whose chunks are released one by one by the test. */
export function controlledStream(): {
  iterable: AsyncIterable<Uint8Array>
  push(text: string): void
  end(): void
  readonly returned: boolean
} {
  const queue: Array<Uint8Array | null> = []
  let wake: (() => void) | null = null
  let returned = false
  const encoder = new TextEncoder()
  const iterable: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]() {
      return {
        async next(): Promise<IteratorResult<Uint8Array>> {
          while (queue.length === 0) {
            await new Promise<void>((resolve) => {
              wake = resolve
            })
          }
          const value = queue.shift()
          if (value === null || value === undefined) return { done: true, value: undefined }
          return { done: false, value }
        },
        async return(): Promise<IteratorResult<Uint8Array>> {
          returned = true
          return { done: true, value: undefined }
        },
      }
    },
  }
  const signal = (): void => {
    const w = wake
    wake = null
    w?.()
  }
  return {
    iterable,
    push(text) {
      queue.push(encoder.encode(text))
      signal()
    },
    end() {
      queue.push(null)
      signal()
    },
    get returned() {
      return returned
    },
  }
}
