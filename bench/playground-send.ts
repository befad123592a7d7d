import type { Browser } from 'playwright-core'

/** Clicks measured after the warm-up ones. */
const SENDS = 48
const WARM_UP = 8

export interface PlaygroundSendResult {
  /** Endpoint id of the preset sent (SystemPing, ImageList …) and the body's size. */
  preset: string
  bodyBytes: number
  /** Click → status and body in the DOM → that frame rendered (median / p90, ms). */
  median: number
  p90: number
  samples: number
  /** Requests to the daemon seen by the browser during the measured clicks, all answered by the service worker. */
  requests: number
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b)
const at = (values: number[], q: number) =>
  values[Math.min(values.length - 1, Math.floor(values.length * q))] ?? Number.NaN

/**
 * Send → answer on screen in the playground: the clock starts at the click's own timestamp and
 * stops once the response section shows the new answer (status line, body, no longer busy) and
 * the frame that draws it has been rendered: a MutationObserver sees the commit, an animation
 * frame follows, and a message posted from that frame runs after its style, layout and paint.
 *
 * The requests must be real fetches through the service worker (DevTools lists them): each one
 * is checked with `fromServiceWorker()`, and a send that made a second request (or none) fails
 * the bench, so the number cannot come from an in-page shortcut.
 */
export async function measurePlaygroundSend(
  browser: Browser,
  appUrl: string,
  preset: 'SystemPing' | 'ImageList',
  transport: 'service-worker' | 'in-page' = 'service-worker',
): Promise<PlaygroundSendResult> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    serviceWorkers: transport === 'in-page' ? 'block' : 'allow',
  })
  const page = await context.newPage()
  try {
    await page.goto(`${appUrl}?view=playground`)
    const send = page.getByRole('button', { name: 'Send', exact: true })
    await send.waitFor()
    // The daemon is up: the preset list reads its state.
    await page.getByRole('combobox', { name: /Start from/ }).selectOption(preset)
    // A string, not a function: tsx's esbuild would wrap named closures in a helper the page lacks.
    await page.evaluate(`(() => {
      window.__send = { samples: [], pending: null }
      const state = window.__send
      const section = document.querySelector('section.response')
      const shown = () =>
        section.getAttribute('aria-busy') === 'false' &&
        section.querySelector('.status-line') !== null &&
        (section.querySelector('.response-body') !== null || section.querySelector(':scope > p.muted:not([role=status])') !== null)
      document.addEventListener('click', (event) => {
        if (event.target.closest('button[type=submit]')) state.pending = { start: event.timeStamp, cleared: false }
      }, true)
      const channel = new MessageChannel()
      channel.port1.onmessage = (event) => state.samples.push(performance.now() - event.data)
      new MutationObserver(() => {
        const pending = state.pending
        if (pending === null) return
        // The click first clears the previous answer; only an answer shown after that counts.
        if (!pending.cleared) {
          pending.cleared = !shown()
          if (!pending.cleared) return
        }
        if (!shown()) return
        state.pending = null
        requestAnimationFrame(() => channel.port2.postMessage(pending.start))
      }).observe(section, { subtree: true, childList: true, characterData: true, attributes: true })
    })()`)
    const daemonCalls: { url: string; fromWorker: boolean }[] = []
    let counting = false
    page.on('response', (response) => {
      if (counting && response.url().includes('/docker-api/'))
        daemonCalls.push({ url: response.url(), fromWorker: response.fromServiceWorker() })
    })
    const clickOnce = async () => {
      await send.click()
      // A plain wait first: waitForFunction polls on every animation frame, and frames kept
      // running by the harness would change when the answer's frame starts. The wait also lets
      // the answer settle (idle work, the history's save) before the next click.
      await page.waitForTimeout(150)
      await page.waitForFunction('window.__send.pending === null')
    }
    for (let i = 0; i < WARM_UP; i++) await clickOnce()
    await page.evaluate('window.__send.samples.length = 0')
    counting = true
    for (let i = 0; i < SENDS; i++) await clickOnce()
    await page.waitForTimeout(100)
    counting = false
    const samples = sorted((await page.evaluate('window.__send.samples')) as number[])
    const bodyBytes = Number(
      (await page.locator('.status-line .muted').textContent())?.match(/(\d+) B/)?.[1] ??
        Number.NaN,
    )
    if (transport === 'service-worker') {
      const viaPage = daemonCalls.filter((call) => !call.fromWorker)
      if (daemonCalls.length !== SENDS || viaPage.length > 0)
        throw new Error(
          `playground send (${preset}): ${SENDS} clicks made ${daemonCalls.length} daemon requests, ${viaPage.length} not served by the service worker`,
        )
    }
    return {
      preset,
      bodyBytes,
      median: at(samples, 0.5),
      p90: at(samples, 0.9),
      samples: samples.length,
      requests: daemonCalls.length,
    }
  } finally {
    await context.close()
  }
}
