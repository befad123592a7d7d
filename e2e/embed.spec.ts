import { gzipSync } from 'node:zlib'
import AxeBuilderSource from 'axe-core'
import type { Frame } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { baseUrl, browser } from './spec-setup.ts'

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

const KINDS = ['matrix', 'endpoint', 'lesson-step', 'trace'] as const

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

  it('loads the embedded matrix in at most 60 KB gzipped, filtered as its URL says', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const sizes: Promise<number>[] = []
    page.on('response', (response) => {
      const type = response.headers()['content-type'] ?? ''
      if (/javascript|css|html/.test(type))
        sizes.push(response.body().then((body) => gzipSync(body, { level: 9 }).length))
    })
    await page.goto(`${baseUrl}embed.html?embed=matrix&k13=no&k14=yes`, {
      waitUntil: 'networkidle',
    })
    expect(
      await page
        .locator('table.matrix tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-endpoint'))),
    ).toEqual(['ContainerResize', 'ExecResize'])
    const gzipped = (await Promise.all(sizes)).reduce((a, b) => a + b, 0)
    console.log(`embedded matrix: ${(gzipped / 1024).toFixed(1)} KB gzipped`)
    expect(gzipped).toBeLessThanOrEqual(60 * 1024)
    await context.close()
  })

  it('the matrix, an endpoint and a lesson offer "Copy embed code" with a working iframe', async () => {
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
    await context.close()
  })
})
