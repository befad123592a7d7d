import { execSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { serveStatic } from '../scripts/static-server.ts'
import { BASE_PATH } from './global-setup.ts'
import { baseUrl, browser } from './spec-setup.ts'

/** Waits until this page is controlled by the app's service worker (it claims on first install). */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true')
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 20_000,
  })
}

describe('offline and installable', () => {
  it('works offline after one visit: every view, and the daemon answers', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(baseUrl)
    await controlled(page)
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')
      return link ? ((await (await fetch(link.href)).json()) as { icons: unknown[] }) : null
    })
    expect(manifest?.icons).toHaveLength(2)

    await context.setOffline(true)
    const views: [string, string][] = [
      ['', 'API 1.24 endpoints and who calls them'],
      ['?view=versions', 'Docker releases and their API versions'],
      ['?view=endpoint&endpoint=ExecResize', 'Exec Resize'],
      ['?view=lessons&lesson=exec-it&step=1', 'kubectl exec -it'],
      ['?view=lessons&lang=zh', '课程'],
    ]
    for (const [search, heading] of views) {
      await page.goto(`${baseUrl}${search}`)
      await page
        .getByRole('heading', { level: 2, name: new RegExp(heading) })
        .first()
        .waitFor()
    }
    // The playground: the daemon answers with the network off.
    await page.goto(`${baseUrl}?view=playground`)
    await page.getByRole('button', { name: 'Send' }).click()
    await page.getByText('HTTP/1.1 200 OK').waitFor()
    // And the terminal opens a shell.
    await page.getByRole('button', { name: 'Open a terminal' }).click()
    await page.locator('.xterm-rows').getByText('/ #').first().waitFor({ timeout: 20_000 })
    // Closing the last page does not take the worker (and so the offline cache) away: MSW's own
    // worker unregisters itself then, and the next visit offline found nothing.
    await page.close({ runBeforeUnload: true })
    await new Promise((resolve) => setTimeout(resolve, 500))
    const again = await context.newPage()
    await again.goto(baseUrl)
    await again
      .getByRole('heading', { level: 2, name: /API 1.24 endpoints and who calls them/ })
      .waitFor()
    await context.close()
  })

  it('offers a reload when a new build is deployed, and never mixes the two builds', async () => {
    const root = resolve(import.meta.dirname, '..')
    const dist = join(root, 'dist')
    const scratch = mkdtempSync(join(tmpdir(), 'explorer-deploy-'))
    const buildA = join(scratch, 'a')
    const buildB = join(scratch, 'b')
    const site = join(scratch, 'site')
    cpSync(dist, buildA, { recursive: true })
    // Into its own directory: the other spec files run meanwhile, served from dist/.
    execSync('npm run build', {
      cwd: root,
      stdio: 'ignore',
      env: {
        ...process.env,
        BASE_PATH,
        NODE_ENV: 'production',
        VITE_APP_BUILD: 'B',
        OUT_DIR: buildB,
      },
    })
    const filesOf = (dir: string) =>
      JSON.parse(
        /const FILES = (\[.*\])/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))?.[1] ?? '[]',
      ) as string[]
    const filesA = filesOf(buildA)
    const filesB = filesOf(buildB)
    const onlyA = filesA.filter((f) => f.startsWith('assets/') && !filesB.includes(f))
    // B really is another build: A's playground chunk is not on the server any more.
    expect(onlyA.some((f) => /playground-.*\.js$/.test(f))).toBe(true)

    cpSync(buildA, site, { recursive: true })
    const server = await serveStatic(site, BASE_PATH)
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      const missing: string[] = []
      page.on('response', (r) => r.status() === 404 && missing.push(r.url()))
      page.on('pageerror', (e) => missing.push(`error: ${e.message}`))
      page.on('console', (m) => m.type() === 'error' && missing.push(`console: ${m.text()}`))
      await page.goto(server.url)
      await controlled(page)
      expect(await page.evaluate(() => document.documentElement.dataset.build)).toBeUndefined()

      // Deploy B, and let the open page look for it as it does when shown again.
      rmSync(site, { recursive: true, force: true })
      cpSync(buildB, site, { recursive: true })
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
      const notice = page
        .getByRole('status')
        .filter({ hasText: 'A new version of the explorer is ready.' })
      await notice.waitFor({ timeout: 20_000 })

      // Until the reload, the page is build A throughout: its lazy chunks (gone from the server)
      // come from A's cache, and the daemon answers.
      await page.getByRole('link', { name: 'Playground' }).click()
      await page.getByRole('button', { name: 'Send' }).click()
      await page.getByText('HTTP/1.1 200 OK').waitFor()
      expect(missing).toEqual([])
      const loadedBeforeReload = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => e.name),
      )
      expect(
        loadedBeforeReload.filter((u) => onlyA.some((f) => u.endsWith(f))).length,
      ).toBeGreaterThan(0)

      await notice.getByRole('button', { name: 'Reload' }).click()
      await page.waitForFunction(() => document.documentElement.dataset.build === 'B')
      await page.getByRole('button', { name: 'Send' }).click()
      await page.getByText('HTTP/1.1 200 OK').waitFor()
      const loaded = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
      )
      const assets = loaded.filter((p) => p.includes('/assets/'))
      expect(assets.length).toBeGreaterThan(0)
      for (const path of assets)
        expect(
          filesB.some((f) => path.endsWith(f)),
          path,
        ).toBe(true)
      expect(await page.locator('.update-notice').count()).toBe(0)
      expect(missing).toEqual([])
    } finally {
      await context.close()
      await server.close()
      rmSync(scratch, { recursive: true, force: true })
    }
  }, 120_000)
})
