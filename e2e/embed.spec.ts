import { gzipSync } from 'node:zlib'
import AxeBuilderSource from 'axe-core'
import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import operations14 from '../data/kubelet/operations-1.4.json'
import { baseUrl, browser } from './spec-setup.ts'

/** Counts the page's HTML, JS and CSS gzipped, as they arrive; call the result for the total. */
function countGzipped(page: Page): () => Promise<number> {
  const sizes: Promise<number>[] = []
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? ''
    if (/javascript|css|html/.test(type))
      sizes.push(response.body().then((body) => gzipSync(body, { level: 9 }).length))
  })
  return async () => (await Promise.all(sizes)).reduce((a, b) => a + b, 0)
}

async function axeViolations(frame: Frame): Promise<string[]> {
  await frame.addScriptTag({ content: AxeBuilderSource.source })
  const result = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof AxeBuilderSource }).axe
    return axe.run(document, { resultTypes: ['violations'] })
  })
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
}

const KINDS = ['matrix', 'endpoint', 'lesson-step', 'trace', 'kubelet-trace'] as const

describe('embeds on a page of their own', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`sizes each iframe by its height message, links back, and has no axe violations (${scheme})`, async () => {
      const context = await browser.newContext({
        colorScheme: scheme,
        viewport: { width: 900, height: 800 },
      })
      const page = await context.newPage()
      await page.goto(`${baseUrl}embed-example.html`)
      await page.waitForFunction(
        (kinds) => {
          const heights = (window as unknown as { embedHeights: { embed: string }[] }).embedHeights
          return kinds.every((k) => heights.some((h) => h.embed === k))
        },
        KINDS,
        { timeout: 20_000 },
      )
      for (const kind of KINDS) {
        const frameElement = page.locator(`iframe[src*="embed=${kind}"]`)
        const frame = await (await frameElement.elementHandle())?.contentFrame()
        if (!frame) throw new Error(`no frame for ${kind}`)
        await frame.locator('.embed-footer a').waitFor()
        // The frame is as tall as its content: nothing scrolls inside it.
        await expect
          .poll(async () => {
            const inner = await frame.evaluate(() =>
              Math.ceil(document.documentElement.getBoundingClientRect().height),
            )
            const outer = (await frameElement.boundingBox())?.height ?? 0
            return Math.abs(inner - outer)
          })
          .toBeLessThanOrEqual(3)
        // No header, a link back to the full view, the page's colour scheme.
        expect(await frame.locator('.site-header').count()).toBe(0)
        const back = await frame.locator('.embed-footer a').getAttribute('href')
        expect(back).toMatch(/\/explorer\/\?view=|\/explorer\/\?(q|k1[34]|changed)=|\/explorer\/$/)
        const background = await frame.evaluate(
          () => getComputedStyle(document.body).backgroundColor,
        )
        const dark = background !== 'rgb(255, 255, 255)' && background !== 'rgba(0, 0, 0, 0)'
        expect({ kind, dark }).toEqual({ kind, dark: scheme === 'dark' })
        expect({ kind, violations: await axeViolations(frame) }).toEqual({ kind, violations: [] })
      }
      await context.close()
    })
  }

  it('the kubelet trace in the example page: pod-start for 1.4 run in the frame, as the reviewed data lists it', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 800 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    // No service worker: the frame runs the model on a daemon of its own.
    const daemonRequests: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/docker-api/')) daemonRequests.push(request.url())
    })
    await page.goto(`${baseUrl}embed-example.html`)
    const frameElement = page.locator('iframe[src*="embed=kubelet-trace"]')
    await frameElement.scrollIntoViewIfNeeded()
    const frame = await (await frameElement.elementHandle())?.contentFrame()
    if (!frame) throw new Error('no kubelet-trace frame')
    const table = frame.getByRole('table', {
      name: 'The calls the Kubernetes 1.4 kubelet sent, in order',
    })
    await table.waitFor({ timeout: 20_000 })
    const calls = await table.locator('tbody code.trace-call').allTextContents()
    const podStart = operations14.operations.find((o) => o.id === 'pod-start')?.calls ?? []
    expect(calls).toHaveLength(podStart.length)
    expect(calls.filter((c) => c.startsWith('POST /containers/create?name=k8s_'))).toHaveLength(
      podStart.filter((c) => c.path === '/containers/create').length,
    )
    expect(calls.filter((c) => c === 'GET /version')).toHaveLength(
      podStart.filter((c) => c.path === '/version').length,
    )
    // the first call asks for the pause image a fresh daemon lacks: 404, linked to its line
    const first = table.locator('tbody tr').first()
    expect(await first.locator('td').nth(1).textContent()).toBe('404')
    expect(await first.getByRole('link', { name: 'docker.go:296' }).getAttribute('href')).toBe(
      'https://github.com/kubernetes/kubernetes/blob/v1.4.0/pkg/kubelet/dockertools/docker.go#L296',
    )
    // the frame grew to the table's height and said so
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { embedHeights: { embed: string; height: number }[] }).embedHeights
            .filter((h) => h.embed === 'kubelet-trace')
            .map((h) => h.height)
            .pop(),
        ),
      )
      .toBeGreaterThan(600)
    expect(await frame.locator('.embed-footer a').getAttribute('href')).toBe(
      `${baseUrl}?view=kubelet`,
    )
    expect(daemonRequests).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('the kubelet trace follows its URL: both releases aligned, in Chinese, linking back to the same view', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' })
    const page = await context.newPage()
    const gzippedTotal = countGzipped(page)
    const query = 'view=kubelet&lang=zh&op=exec-it&release=both'
    await page.goto(`${baseUrl}embed.html?embed=kubelet-trace&${query}`)
    const table = page.getByRole('table', { name: /1\.3 与 1\.4 逐个调用对照/ })
    await table.waitFor({ timeout: 20_000 })
    expect(await table.locator('tr[data-diff="1.4"]').count()).toBeGreaterThan(0)
    expect(await table.textContent()).toContain('POST /exec/')
    expect(await page.locator('.embed-footer a').getAttribute('href')).toBe(`${baseUrl}?${query}`)
    expect(await page.locator('.embed-footer a').textContent()).toContain(
      '在 Docker API 浏览器中打开',
    )
    expect({ violations: await axeViolations(page.mainFrame()) }).toEqual({ violations: [] })
    await page.waitForLoadState('networkidle')
    const gzipped = await gzippedTotal()
    console.log(`embedded kubelet trace: ${(gzipped / 1024).toFixed(1)} KB gzipped`)
    // React, the daemon and the kubelet model (182 KB measured); MSW in the page would add ~115 KB.
    expect(gzipped).toBeLessThanOrEqual(200 * 1024)
    await context.close()
  })

  it('loads the embedded matrix in at most 60 KB gzipped, filtered as its URL says', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const gzippedTotal = countGzipped(page)
    await page.goto(`${baseUrl}embed.html?embed=matrix&k13=no&k14=yes`, {
      waitUntil: 'networkidle',
    })
    expect(
      await page
        .locator('table.matrix tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-endpoint'))),
    ).toEqual(['ContainerResize', 'ExecResize'])
    const gzipped = await gzippedTotal()
    console.log(`embedded matrix: ${(gzipped / 1024).toFixed(1)} KB gzipped`)
    expect(gzipped).toBeLessThanOrEqual(60 * 1024)
    await context.close()
  })

  it('the matrix, an endpoint, a lesson and the Kubelet view offer "Copy embed code" with a working iframe', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })
    const page = await context.newPage()
    await page.goto(`${baseUrl}?k14=yes`)
    await page.getByRole('button', { name: 'Copy embed code' }).click()
    const code = await page.evaluate(() => navigator.clipboard.readText())
    expect(code).toContain(`<iframe src="${baseUrl}embed.html?embed=matrix&amp;k14=yes"`)
    expect(code).toContain('docker-api-explorer:height')
    await page.goto(`${baseUrl}?view=endpoint&endpoint=ExecResize`)
    await page.getByRole('button', { name: 'Copy embed code' }).click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
      'embed=endpoint&amp;endpoint=ExecResize',
    )
    await page.goto(`${baseUrl}?view=lessons&lesson=kubelet-1-3-vs-1-4&step=2`)
    const buttons = page.getByRole('button', { name: 'Copy embed code' })
    await buttons.first().waitFor()
    expect(await buttons.count()).toBe(2)
    // the Kubelet view: its own query, before any run (the embed runs the operation itself)
    await page.goto(`${baseUrl}?view=kubelet&op=exec-it&release=1.3`)
    await page.getByRole('button', { name: 'Copy embed code' }).click()
    const kubeletCode = await page.evaluate(() => navigator.clipboard.readText())
    expect(kubeletCode).toContain(
      `<iframe src="${baseUrl}embed.html?embed=kubelet-trace&amp;view=kubelet&amp;op=exec-it&amp;release=1.3"`,
    )
    expect(kubeletCode).toContain('title="The Docker calls of the kubelet: kubectl exec -it')
    const src = /src="([^"]+)"/.exec(kubeletCode)?.[1]?.replace(/&amp;/g, '&') ?? ''
    await page.goto(src)
    await page
      .getByRole('table', { name: 'The calls the Kubernetes 1.3 kubelet sent, in order' })
      .waitFor({ timeout: 20_000 })
    await context.close()
  })
})
