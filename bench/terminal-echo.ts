import type { Browser } from 'playwright-core'

const TYPED = 'abcdefghijklmnopqrstuvwxyzabcd'

export interface TerminalEchoResult {
  /** Keydown → the echoed character in the terminal's rows (median / p95 over TYPED). */
  median: number
  p95: number
  samples: number
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b)

/**
 * Keystroke → echo on screen in the browser terminal: the key goes to xterm, through the
 * daemon's stdin session to the simulated TTY's line discipline, back as a chunk of the exec
 * start's body (answered in the page, see in-page-fetch.ts), and into xterm's rows. The clock starts at keydown
 * (capture) and stops when the echoed character is in the DOM: xterm writes its rows inside the
 * animation frame that paints them, so that is the frame the reader sees it in.
 *
 * Measured twice: with the service worker (the default: every other call goes through it) and
 * with service workers blocked (everything answered in the page).
 */
export async function measureTerminalEcho(
  browser: Browser,
  appUrl: string,
  transport: 'service-worker' | 'in-page' = 'service-worker',
): Promise<TerminalEchoResult> {
  // Narrower than the side-by-side breakpoint: one terminal, Kubernetes 1.4. With service
  // workers blocked the same handlers answer inside the page (the playground's fallback).
  const context = await browser.newContext({
    viewport: { width: 900, height: 900 },
    serviceWorkers: transport === 'in-page' ? 'block' : 'allow',
  })
  const page = await context.newPage()
  try {
    await page.goto(`${appUrl}?view=playground`)
    await page.getByRole('button', { name: 'Open a terminal' }).click()
    const input = page.getByRole('textbox', { name: 'Terminal, Kubernetes 1.4 behaviour' })
    await input.waitFor({ state: 'attached' })
    // Focus scrolls the terminal into view: xterm does not render while it is off screen.
    await input.focus()
    // The prompt (`/ # `) is on screen: the shell reads stdin.
    await page.waitForFunction(
      `(document.querySelector('.xterm-rows')?.textContent ?? '').includes('#')`,
    )
    // A string, not a function: tsx's esbuild would wrap named closures in a helper the page lacks.
    await page.evaluate(`(() => {
      window.__echo = []
      const rows = document.querySelector('.xterm-rows')
      const text = () => rows.textContent.replace(/\\u00a0/g, ' ')
      let start = 0
      let typed = ''
      document.addEventListener('keydown', (event) => {
        if (event.key.length !== 1) return
        start = performance.now()
        typed += event.key
      }, true)
      new MutationObserver(() => {
        if (start === 0) return
        if (text().includes('# ' + typed)) {
          window.__echo.push(performance.now() - start)
          start = 0
        }
      }).observe(rows, { subtree: true, childList: true, characterData: true })
    })()`)
    for (const char of TYPED) {
      await page.keyboard.type(char)
      await page.waitForTimeout(40)
    }
    await page.keyboard.press('Enter')
    const samples = sorted((await page.evaluate('window.__echo')) as number[])
    return {
      median: samples[Math.floor(samples.length / 2)] ?? Number.NaN,
      p95: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))] ?? Number.NaN,
      samples: samples.length,
    }
  } finally {
    await context.close()
  }
}
