import { describe, expect, it } from 'vitest'
import { ResizeQueue, type TerminalSize } from './resize-queue.ts'

/** A queue whose calls answer only when the test says so. */
function controlled() {
  const sent: string[] = []
  const answers: (() => void)[] = []
  const queue = new ResizeQueue((size: TerminalSize) => {
    sent.push(`${size.rows}x${size.cols}`)
    return new Promise<void>((resolve) => answers.push(resolve))
  })
  const answer = async () => {
    answers.shift()?.()
    // The queue's next call starts in the settled promise's callbacks.
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return { queue, sent, answer, waiting: () => answers.length }
}

describe('ResizeQueue', () => {
  it('sends the first size at once and keeps one call in flight', () => {
    const q = controlled()
    q.queue.push({ rows: 24, cols: 80 })
    q.queue.push({ rows: 25, cols: 80 })
    expect(q.sent).toEqual(['24x80'])
    expect(q.waiting()).toBe(1)
  })

  it('collapses a burst into the newest size once the call in flight is answered', async () => {
    const q = controlled()
    q.queue.push({ rows: 24, cols: 80 })
    for (let cols = 81; cols <= 120; cols++) q.queue.push({ rows: 30, cols })
    await q.answer()
    expect(q.sent).toEqual(['24x80', '30x120'])
    await q.answer()
    expect(q.sent).toHaveLength(2)
  })

  it('skips sizes with a zero dimension, as the kubelet’s HandleResizing did', () => {
    const q = controlled()
    q.queue.push({ rows: 0, cols: 80 })
    q.queue.push({ rows: 24, cols: 0 })
    expect(q.sent).toEqual([])
  })

  it('does not send the size it sent last again', async () => {
    const q = controlled()
    q.queue.push({ rows: 24, cols: 80 })
    await q.answer()
    q.queue.push({ rows: 24, cols: 80 })
    expect(q.sent).toEqual(['24x80'])
    // …but a size that came back after another one is a change.
    q.queue.push({ rows: 30, cols: 80 })
    await q.answer()
    q.queue.push({ rows: 24, cols: 80 })
    expect(q.sent).toEqual(['24x80', '30x80', '24x80'])
  })

  it('goes on after a failed call, and sends nothing once closed', async () => {
    const sent: number[] = []
    const queue = new ResizeQueue(async (size) => {
      sent.push(size.rows)
      throw new Error('network down')
    })
    queue.push({ rows: 10, cols: 10 })
    queue.push({ rows: 11, cols: 10 })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(sent).toEqual([10, 11])
    queue.close()
    queue.push({ rows: 12, cols: 10 })
    expect(sent).toEqual([10, 11])
  })
})
