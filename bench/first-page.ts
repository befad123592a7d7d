import { execSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../e2e/browser.ts'
import { serveStatic } from '../scripts/static-server.ts'
import { loadEndpointRows } from './load-rows.ts'
import { measureNodeClock, type NodeClockResult } from './node-clock.ts'
import { plainBaselineHtml } from './plain-baseline.ts'
import { measurePlaygroundSend, type PlaygroundSendResult } from './playground-send.ts'
import { measureTerminalEcho, type TerminalEchoResult } from './terminal-echo.ts'

const BASE = '/explorer/'
const VISITS = 15
const KEYSTROKES = 'container resize'

export interface FirstPageResult {
  plainHtmlGzip: number
  gzipBytes: { js: number; css: number; html: number; total: number; files: Record<string, number> }
  readyMs: { app: number; appInteractive: number; plain: number; ratio: number }
  filterMs: { app: number; plain: number; appP95: number }
  /** embed.html?embed=matrix&k14=yes in a page of its own: HTML + JS + CSS, gzipped. */
  embeddedMatrixGzip: number
  /** The playground's terminal (a lazy chunk, not part of the first page). */
  terminalEcho: TerminalEchoResult
  /** The same, with service workers blocked: the handlers answer inside the page. */
  terminalEchoInPage: TerminalEchoResult
  /** The kubelet view's node clock (a lazy chunk): an hour of 110 pods, frames at ×60. */
  nodeClock: NodeClockResult
  /**
   * The playground's Send → the answer on screen: GET /_ping and GET /images/json through the
   * service worker (checked: every request served by it), and /_ping answered in the page.
   */
  playgroundSend: {
    ping: PlaygroundSendResult
    images: PlaygroundSendResult
    pingInPage: PlaygroundSendResult
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}
const p95 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? Number.NaN
}

/**
 * "Ready" = the moment the last of the 79 rows is painted: first-contentful-paint when the table
 * arrives with the HTML (both pages here), measured cold (new context, empty cache) each visit.
 *
 * Nothing of the harness runs in the page before that paint is read: `load` can fire before the
 * first frame, and a waitForFunction would then inject Playwright's utility script and poll while
 * the page is still laying out (it cost the app 10-15 ms a visit). The paint entry is buffered,
 * so reading it first loses nothing; whether every row was in it is checked after: the document
 * was parsed (domInteractive) before that paint, and all the rows are there.
 */
async function readyTime(
  browser: Browser,
  url: string,
  rows: number,
): Promise<{ ready: number; interactive: number }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(url, { waitUntil: 'load' })
  // Strings, not functions: tsx's esbuild would wrap named closures in a helper the page lacks.
  // The paint entry may not exist yet when the page has just loaded: wait for it.
  const { ready, parsed } = (await page.evaluate(`new Promise((done) => {
    new PerformanceObserver((list, observer) => {
      const paint = list.getEntriesByName('first-contentful-paint')[0]
      if (!paint) return
      observer.disconnect()
      done({ ready: paint.startTime, parsed: performance.getEntriesByType('navigation')[0].domInteractive })
    }).observe({ type: 'paint', buffered: true })
  })`)) as { ready: number; parsed: number }
  const painted = await page.locator('table.matrix tbody tr').count()
  if (parsed > ready || painted < rows)
    throw new Error(
      `${url}: first paint at ${ready} ms before the whole table (parsed at ${parsed} ms, ${painted} of ${rows} rows)`,
    )
  const interactive = (await page.evaluate(`new Promise((done) => {
    const hydrated = () => document.documentElement.dataset.hydrated === 'true'
    const check = () => (hydrated() || !document.getElementById('root') ? done(performance.now()) : requestAnimationFrame(check))
    check()
  })`)) as number
  await context.close()
  return { ready, interactive }
}

/** Keydown → page updated → next frame, for each keystroke of a realistic query. */
async function filterLatencies(page: Page): Promise<number[]> {
  // keydown (capture) starts the clock; the document-level input listener runs after the page's
  // own handlers (React flushes a discrete update synchronously inside its root listener), and
  // the next animation frame is when the browser can paint the result.
  await page.evaluate(`(() => {
    window.__latencies = []
    let start = 0
    document.addEventListener('keydown', () => { start = performance.now() }, true)
    document.addEventListener('input', () => {
      const began = start
      requestAnimationFrame(() => window.__latencies.push(performance.now() - began))
    })
  })()`)
  const input = page.getByRole('searchbox').first()
  await input.focus()
  for (const char of KEYSTROKES) {
    await page.keyboard.type(char)
    await page.waitForTimeout(30)
  }
  for (let i = 0; i < KEYSTROKES.length; i++) {
    await page.keyboard.press('Backspace')
    await page.waitForTimeout(30)
  }
  return (await page.evaluate('window.__latencies')) as number[]
}

/**
 * Gzipped bytes the first visit transfers: every JS/CSS response, the stylesheet that the
 * prerender step inlines into the HTML (counted as CSS), and the HTML document itself.
 */
export async function firstPageGzip(browser: Browser, url: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  const files: Record<string, number> = {}
  let js = 0
  let css = 0
  let html = 0
  page.on('response', async (response) => {
    const type = response.headers()['content-type'] ?? ''
    const body = await response.body()
    const size = gzipSync(body, { level: 9 }).length
    files[new URL(response.url()).pathname] = size
    if (type.includes('javascript')) js += size
    else if (type.includes('text/css')) css += size
    else if (type.includes('text/html')) {
      html += size
      for (const [, style] of body.toString('utf8').matchAll(/<style>([\s\S]*?)<\/style>/g))
        css += gzipSync(style ?? '', { level: 9 }).length
    }
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  await context.close()
  return { js, css, html, total: js + css, files }
}

export async function runFirstPageBench(): Promise<FirstPageResult> {
  const root = resolve(import.meta.dirname, '..')
  execSync('npm run build', {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, BASE_PATH: BASE, NODE_ENV: 'production' },
  })
  const rows = loadEndpointRows()
  const plainDir = mkdtempSync(join(tmpdir(), 'plain-baseline-'))
  writeFileSync(join(plainDir, 'index.html'), plainBaselineHtml(rows))
  const app = await serveStatic(resolve(root, 'dist'), BASE)
  const plain = await serveStatic(plainDir, '/plain/')
  const browser = await launchChromium()
  try {
    const gzipBytes = await firstPageGzip(browser, app.url)
    const embedded = await firstPageGzip(browser, `${app.url}embed.html?embed=matrix&k14=yes`)
    const appReady: number[] = []
    const appInteractive: number[] = []
    const plainReady: number[] = []
    // Interleaved, so both pages see the same machine load.
    for (let i = 0; i < VISITS; i++) {
      const a = await readyTime(browser, app.url, rows.length)
      appReady.push(a.ready)
      appInteractive.push(a.interactive)
      plainReady.push((await readyTime(browser, plain.url, rows.length)).ready)
    }
    const measureFilter = async (url: string) => {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(url)
      await page.waitForFunction(
        () => document.querySelectorAll('table.matrix tbody tr').length > 0,
      )
      await page.waitForTimeout(200)
      const latencies = await filterLatencies(page)
      await context.close()
      return latencies
    }
    const appFilter = await measureFilter(app.url)
    const plainFilter = await measureFilter(plain.url)
    const terminalEcho = await measureTerminalEcho(browser, app.url)
    const terminalEchoInPage = await measureTerminalEcho(browser, app.url, 'in-page')
    const nodeClock = await measureNodeClock(browser, app.url)
    const playgroundSend = {
      ping: await measurePlaygroundSend(browser, app.url, 'SystemPing'),
      images: await measurePlaygroundSend(browser, app.url, 'ImageList'),
      pingInPage: await measurePlaygroundSend(browser, app.url, 'SystemPing', 'in-page'),
    }
    return {
      plainHtmlGzip: gzipSync(plainBaselineHtml(rows), { level: 9 }).length,
      gzipBytes,
      embeddedMatrixGzip: embedded.js + embedded.css + embedded.html,
      readyMs: {
        app: median(appReady),
        appInteractive: median(appInteractive),
        plain: median(plainReady),
        ratio: median(appReady) / median(plainReady),
      },
      filterMs: { app: median(appFilter), plain: median(plainFilter), appP95: p95(appFilter) },
      terminalEcho,
      terminalEchoInPage,
      nodeClock,
      playgroundSend,
    }
  } finally {
    await browser.close()
    await app.close()
    await plain.close()
  }
}
