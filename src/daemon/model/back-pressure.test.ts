import { afterEach, describe, expect, it } from 'vitest'
import { call, jsonRequest } from '../../scenarios/test-client.ts'
import { createDaemon, type SimulatedDaemon } from '../daemon.ts'
import { ChunkQueue, EVENT_LIMITS, STREAM_LIMITS } from './events.ts'

let daemons: SimulatedDaemon[] = []
afterEach(() => {
  for (const d of daemons) d.dispose()
  daemons = []
})

describe('ChunkQueue limits', () => {
  it('drops what does not fit and says when the producer may go on', async () => {
    const q = new ChunkQueue({ highWaterBytes: 10, maxBytes: 20, maxChunks: 100 })
    expect(q.whenDrained()).toBeNull()
    for (let i = 0; i < 5; i++) expect(q.push(new Uint8Array(6))).toBe(i < 4)
    expect(q.bufferedBytes).toBe(24)
    expect(q.dropped).toBe(1)
    const drained = q.whenDrained()
    expect(drained).not.toBeNull()
    let resolved = false
    void drained?.then(() => {
      resolved = true
    })
    const it = q[Symbol.asyncIterator]()
    await it.next()
    await it.next()
    await Promise.resolve()
    expect(resolved).toBe(false) // 12 bytes still wait
    await it.next()
    await Promise.resolve()
    expect(resolved).toBe(true)
  })

  it('events keep at most 1,024 for a subscriber that does not read (1.12 bufferSize)', () => {
    const q = new ChunkQueue(EVENT_LIMITS)
    let kept = 0
    for (let i = 0; i < 5000; i++) if (q.push(new Uint8Array(100))) kept++
    expect(kept).toBe(1024)
    expect(q.dropped).toBe(5000 - 1024)
  })
})

describe('a client that does not read what its process writes', () => {
  it('exec start: the session is not ready once 256 KiB wait unread, and ready again once read', async () => {
    const d = createDaemon({ clock: () => new Date('2017-01-14T12:00:00Z') })
    daemons.push(d)
    await call(d, 'POST', '/containers/create?name=bb', { Image: 'busybox', Cmd: ['top'] })
    await call(d, 'POST', '/containers/bb/start')
    const created = await call(d, 'POST', '/containers/bb/exec', {
      AttachStdin: true,
      AttachStdout: true,
      Tty: true,
      Cmd: ['sh'],
    })
    const { Id } = JSON.parse(created.text) as { Id: string }
    const res = await d.handle(
      jsonRequest('POST', `/exec/${Id}/start`, { Detach: false, Tty: true }, { upgrade: 'tcp' }),
    )
    const session = d.stdin(res.headers['x-daemon-stdin'] ?? '')
    expect(session?.ready?.()).toBeNull()
    const lines = 'echo hello world\n'.repeat(240)
    let written = 0
    while (session?.ready?.() === null && written < 64 * 1024 * 1024) {
      session.write(lines)
      written += lines.length
    }
    // It stopped taking input soon after the high-water mark, not after 64 MB.
    expect(written).toBeLessThan(2 * STREAM_LIMITS.highWaterBytes)
    const waiting = session?.ready?.()
    expect(waiting).toBeInstanceOf(Promise)
    let ready = false
    void waiting?.then(() => {
      ready = true
    })
    // The client reads: the output drains and the process may read again.
    const it = (res.body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
    for (let read = 0; !ready && read < 10_000; read++) await it.next()
    expect(ready).toBe(true)
    expect(session?.ready?.()).toBeNull()
    await it.return?.()
  })
})
