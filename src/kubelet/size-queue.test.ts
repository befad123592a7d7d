import { describe, expect, it } from 'vitest'
import { initialSizes, SizeQueue } from './size-queue.ts'

describe("kubectl 1.4's terminal size queue", () => {
  it('exec -it queues the size; attach -it the size plus one row and column, then the size', () => {
    expect(initialSizes('exec', { height: 24, width: 80 })).toEqual([{ height: 24, width: 80 }])
    expect(initialSizes('attach', { height: 24, width: 80 })).toEqual([
      { height: 25, width: 81 },
      { height: 24, width: 80 },
    ])
  })

  it('drops a window change while every slot is taken, and takes one again once a size was handed on', async () => {
    const queue = new SizeQueue(1, [{ height: 24, width: 80 }])
    expect(queue.offer({ height: 30, width: 100 })).toBe(false)
    expect(await queue.next()).toEqual({ height: 24, width: 80 })
    expect(queue.offer({ height: 40, width: 120 })).toBe(true)
    expect(queue.offer({ height: 50, width: 150 })).toBe(false)
    expect(await queue.next()).toEqual({ height: 40, width: 120 })
  })

  it('hands a size straight to a waiting reader, and ends the reader when closed', async () => {
    const queue = new SizeQueue(2)
    const waiting = queue.next()
    expect(queue.offer({ height: 10, width: 20 })).toBe(true)
    expect(await waiting).toEqual({ height: 10, width: 20 })
    const ended = queue.next()
    queue.close()
    expect(await ended).toBeNull()
    expect(queue.offer({ height: 1, width: 1 })).toBe(false)
  })
})
