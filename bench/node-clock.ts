import type { Browser, Page } from 'playwright-core'

export interface NodeClockResult {
  /** Click on "Run an hour" → the hour's table on screen, 110 pods, 1.3 and 1.4 (median / max of runs). */
  hourMs: { median: number; max: number; runs: number }
  /** Playing at ×60: each frame's work (rAF callback → the frame's rendering done), and the gap between frames. */
  frameWorkMs: { median: number; p95: number; frames: number }
  frameIntervalMs: { median: number; p95: number }
  /** The same page, the clock stopped: what the machine itself costs a frame (load, GC). */
  idleFrameWorkMs: { median: number; p95: number }
  idleFrameIntervalMs: { median: number; p95: number }
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b)
const at = (values: number[], q: number) => {
  const s = sorted(values)
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? Number.NaN
}

/**
 * The kubelet view's node clock in Chromium: how long an hour of a 110-pod node takes to
 * compute and show (both releases), and what a frame costs while it plays at ×60.
 *
 * A frame's work is measured from the start of its requestAnimationFrame callback (the clock's
 * own step, which sets React state) to a message posted from that callback, which runs after
 * the frame's rendering and paint work: the part of the 16.7 ms budget the view uses.
 */
export async function measureNodeClock(browser: Browser, appUrl: string): Promise<NodeClockResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  try {
    await page.goto(`${appUrl}?view=kubelet&release=both&pods=110&speed=60`)
    const hourButton = page.getByRole('button', { name: 'Run an hour' })
    await hourButton.waitFor()
    const hours: number[] = []
    for (let i = 0; i < 7; i++) {
      await page.getByRole('button', { name: 'Reset' }).click()
      // A string, not a function: tsx's esbuild would wrap named closures in a helper the page lacks.
      const pending = page.evaluate(`new Promise((done) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Run an hour')
        button.addEventListener('click', () => {
          const start = performance.now()
          const check = () => {
            if (document.querySelector('[data-testid="node-time"]').textContent === '1:00:00')
              requestAnimationFrame(() => done(performance.now() - start))
            else requestAnimationFrame(check)
          }
          check()
        }, { once: true, capture: true })
      })`)
      await hourButton.click()
      hours.push((await pending) as number)
    }
    await page.getByRole('button', { name: 'Reset' }).click()
    const idle = await recordFrames(page)
    await page.getByRole('button', { name: 'Play' }).click()
    const frames = await recordFrames(page)
    return {
      hourMs: { median: at(hours, 0.5), max: Math.max(...hours), runs: hours.length },
      frameWorkMs: {
        median: at(frames.work, 0.5),
        p95: at(frames.work, 0.95),
        frames: frames.work.length,
      },
      frameIntervalMs: { median: at(frames.gaps, 0.5), p95: at(frames.gaps, 0.95) },
      idleFrameWorkMs: { median: at(idle.work, 0.5), p95: at(idle.work, 0.95) },
      idleFrameIntervalMs: { median: at(idle.gaps, 0.5), p95: at(idle.gaps, 0.95) },
    }
  } finally {
    await context.close()
  }
}

/** Five seconds of frames: each one's work and the gap since the previous. */
async function recordFrames(page: Page) {
  return (await page.evaluate(`new Promise((done) => {
      const work = []
      const gaps = []
      let last = 0
      const channel = new MessageChannel()
      let started = 0
      channel.port1.onmessage = () => work.push(performance.now() - started)
      const end = performance.now() + 5000
      const frame = (now) => {
        if (last) gaps.push(now - last)
        last = now
        started = performance.now()
        channel.port2.postMessage(0)
        if (performance.now() < end) requestAnimationFrame(frame)
        else setTimeout(() => done({ work, gaps }), 50)
      }
      requestAnimationFrame(frame)
    })`)) as { work: number[]; gaps: number[] }
}
