import { describe, expect, it } from 'vitest'
import type { StdinSession } from '../daemon/index.ts'
import { STDIN_SLICE_BYTES, StdinPump } from './stdin-pump.ts'

/** A session that records its writes, with a `ready` the test opens and closes. */
function recordingSession() {
  const writes: number[] = []
  let gate: { promise: Promise<void>; open: () => void } | null = null
  let ended = false
  const session: StdinSession = {
    write: (data) => {
      writes.push(typeof data === 'string' ? data.length : data.byteLength)
    },
    end: () => {
      ended = true
    },
    ready: () => gate?.promise ?? null,
  }
  return {
    session,
    writes,
    ended: () => ended,
    block() {
      let open: () => void = () => undefined
      const promise = new Promise<void>((resolve) => {
        open = resolve
      })
      gate = { promise, open }
    },
    unblock() {
      gate?.open()
      gate = null
    },
  }
}

const turn = () => new Promise((resolve) => setImmediate(resolve))

describe('StdinPump', () => {
  it('hands a big chunk over one slice per turn of the event loop, holding the source meanwhile', async () => {
    const r = recordingSession()
    const holds: boolean[] = []
    const pump = new StdinPump(r.session, (held) => holds.push(held))
    pump.push(Buffer.alloc(10 * STDIN_SLICE_BYTES + 5))
    // Synchronously only the first slice: the rest waits for later turns.
    expect(r.writes).toEqual([STDIN_SLICE_BYTES])
    expect(holds).toEqual([true])
    for (let i = 0; i < 20; i++) await turn()
    expect(r.writes).toHaveLength(11)
    expect(r.writes.reduce((a, b) => a + b, 0)).toBe(10 * STDIN_SLICE_BYTES + 5)
    expect(holds).toEqual([true, false])
  })

  it('waits while the process cannot take more (its output unread), then goes on', async () => {
    const r = recordingSession()
    const holds: boolean[] = []
    const pump = new StdinPump(r.session, (held) => holds.push(held))
    r.block()
    pump.push(Buffer.alloc(3 * STDIN_SLICE_BYTES))
    for (let i = 0; i < 20; i++) await turn()
    expect(r.writes).toHaveLength(1)
    expect(holds).toEqual([true])
    r.unblock()
    for (let i = 0; i < 20; i++) await turn()
    expect(r.writes).toHaveLength(3)
    expect(holds).toEqual([true, false])
  })

  it('a half-close ends the session after what is pending; a vanished client drops it', async () => {
    const a = recordingSession()
    const pumpA = new StdinPump(a.session, () => undefined)
    pumpA.push(Buffer.alloc(2 * STDIN_SLICE_BYTES))
    pumpA.end()
    expect(a.ended()).toBe(false)
    for (let i = 0; i < 10; i++) await turn()
    expect(a.writes).toHaveLength(2)
    expect(a.ended()).toBe(true)

    const b = recordingSession()
    const pumpB = new StdinPump(b.session, () => undefined)
    pumpB.push(Buffer.alloc(5 * STDIN_SLICE_BYTES))
    pumpB.abort()
    for (let i = 0; i < 10; i++) await turn()
    expect(b.writes).toHaveLength(1)
    expect(b.ended()).toBe(true)
  })
})
