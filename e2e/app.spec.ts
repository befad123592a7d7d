import { readFileSync } from 'node:fs'
import AxeBuilderSource from 'axe-core'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { baseUrl, browser } from './spec-setup.ts'

// The v1.24 doc shipped with Docker 1.12.6 documents 78 endpoints; the matrix adds the article's
// copy row (`npm run audit:sources` checks data/ against that doc's list).
const DOCUMENTED_ENDPOINTS = 78

async function openPage(search = '', locale = 'en-US'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.goto(`${baseUrl}${search}`)
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true')
  return { page, errors }
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AxeBuilderSource.source })
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof AxeBuilderSource }).axe
    return axe.run(document, { resultTypes: ['violations'] })
  })
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
}

const bodyRows = (page: Page) => page.locator('table.matrix tbody tr[data-endpoint]')

describe('the production build under a sub-path', () => {
  it('serves the whole matrix in the HTML itself, before any script runs', async () => {
    const html = await (await fetch(baseUrl)).text()
    const rows = html.match(/<tr[^>]*data-endpoint=/g) ?? []
    // 78 endpoints of the v1.24 reference plus the article's removed copy row.
    expect(rows).toHaveLength(DOCUMENTED_ENDPOINTS + 1)
    expect(html).toContain('/exec/{id}/resize')
  })

  it('hydrates without errors and filters on every keystroke, keeping the filter in the URL', async () => {
    const { page, errors } = await openPage()
    await expect.poll(() => bodyRows(page).count()).toBe(DOCUMENTED_ENDPOINTS + 1)
    await page.getByRole('searchbox', { name: 'Search endpoints' }).fill('resize')
    await expect.poll(() => bodyRows(page).count()).toBe(2)
    await expect.poll(() => page.url()).toContain('q=resize')
    await page.reload()
    await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true')
    expect(await page.getByRole('searchbox', { name: 'Search endpoints' }).inputValue()).toBe(
      'resize',
    )
    expect(await bodyRows(page).count()).toBe(2)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('shows exactly the two calls Kubernetes 1.4 added, highlighted with a text badge', async () => {
    const { page } = await openPage('?changed=1')
    const ids = await bodyRows(page).evaluateAll((rows) =>
      rows.map((row) => row.getAttribute('data-endpoint')),
    )
    expect(ids.sort()).toEqual(['ContainerResize', 'ExecResize'])
    expect(await page.locator('tr.row-added').count()).toBe(2)
    expect(await page.locator('tr.row-added').first().textContent()).toContain('New in 1.4')
    await page.context().close()
  })

  it('marks the article’s wrong ticks on /changes and /kill', async () => {
    const { page } = await openPage()
    const disputed = await page
      .locator('tr.row-disputed')
      .evaluateAll((rows) => rows.map((row) => row.querySelector('.col-path')?.textContent))
    expect(disputed.sort()).toEqual(['/containers/{id}/changes', '/containers/{id}/kill'])
    await page.context().close()
  })

  it('sorts by a column header and says so to assistive technology', async () => {
    const { page } = await openPage()
    const header = page.getByRole('columnheader', { name: /Path/ })
    await header.getByRole('button').click()
    expect(await header.getAttribute('aria-sort')).toBe('ascending')
    const paths = await page.locator('td.col-path').allTextContents()
    expect(paths).toEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    await expect.poll(() => page.url()).toContain('sort=path')
    await page.context().close()
  })

  it('opens an endpoint with documented and real status codes side by side (lazy chunk)', async () => {
    const { page, errors } = await openPage('?q=exec+resize')
    await page
      .getByRole('link', { name: /resize/i })
      .first()
      .click()
    await page.getByRole('heading', { level: 2 }).waitFor()
    await expect.poll(() => page.url()).toContain('endpoint=ExecResize')
    const statuses = page.locator('table.statuses tbody tr')
    const codes = await statuses.locator('td:first-child').allTextContents()
    expect(codes).toEqual(expect.arrayContaining(['200', '201', '404']))
    const differing = await page
      .locator('table.statuses tr.row-differs td:first-child')
      .allTextContents()
    expect(differing).toEqual(expect.arrayContaining(['200', '201']))
    await page.goBack()
    await expect.poll(() => bodyRows(page).count()).toBe(1)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('switches to Chinese, keeps it in the URL, and defaults to it for a Chinese browser', async () => {
    const { page } = await openPage()
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh')
    await expect.poll(() => page.url()).toContain('lang=zh')
    // The Chinese catalogue is a lazy chunk: poll until it has arrived.
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Docker API 浏览器')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
    await page.context().close()
    const zh = await openPage('', 'zh-CN')
    expect(await zh.page.getByRole('heading', { level: 1 }).textContent()).toBe('Docker API 浏览器')
    expect(await zh.page.getByRole('searchbox', { name: '搜索接口' }).count()).toBe(1)
    await zh.page.context().close()
  })

  it('lists the article’s eleven releases, the full history on demand, and what a release offers', async () => {
    const { page } = await openPage('?view=versions')
    const rows = page.locator('table.versions tbody tr')
    await rows.first().waitFor()
    expect(await rows.count()).toBe(11)
    // The article lists 1.2.x–1.8.x among them: too old for Kubernetes 1.4 (API < 1.21).
    expect(await page.locator('tr.row-unsupported').count()).toBe(7)
    await page.getByRole('radio', { name: /Full history/ }).check()
    expect(await rows.count()).toBeGreaterThan(50)
    await page.getByRole('combobox', { name: 'Accepted by' }).selectOption('1.4')
    expect(await page.locator('tr.row-unsupported').count()).toBe(0)
    await page.getByRole('button', { name: /^Select Docker 1\.9/ }).click()
    const status = await page.locator('.selection').textContent()
    expect(status).toMatch(/API 1\.21/)
    await page.getByRole('link', { name: 'Show them in the matrix' }).click()
    await expect.poll(() => page.url()).toContain('release=1.9')
    // Docker 1.9 predates swarm mode: no /swarm, /nodes, /services or /tasks rows.
    const paths = await page.locator('td.col-path').allTextContents()
    expect(paths.some((p) => /^\/(swarm|nodes|services|tasks)/.test(p))).toBe(false)
    expect(paths).toContain('/containers/{id}/resize')
    await page.context().close()
  })

  it('survives a hostile URL', async () => {
    const { page, errors } = await openPage(
      '?view=%3Cscript%3Ealert(1)%3C/script%3E&q=%3Cimg%20src=x%20onerror=alert(1)%3E&sort=__proto__&release=../../x',
    )
    expect(await page.getByRole('searchbox', { name: 'Search endpoints' }).inputValue()).toBe(
      '<img src=x onerror=alert(1)>',
    )
    expect(await bodyRows(page).count()).toBe(0)
    expect(await page.getByText('No endpoint matches these filters.').count()).toBe(1)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('is keyboard-operable: skip link, search, sort', async () => {
    const { page } = await openPage()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    await page.getByRole('searchbox', { name: 'Search endpoints' }).focus()
    await page.keyboard.type('kill')
    await expect.poll(() => bodyRows(page).count()).toBe(1)
    await page.context().close()
  })

  it('exports the filtered rows as CSV', async () => {
    const { page } = await openPage('?k13=no&k14=yes')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ])
    const path = await download.path()
    const text = readFileSync(path, 'utf8')
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines).toHaveLength(3)
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(),
    ).toEqual(['ContainerResize', 'ExecResize'])
    await page.context().close()
  })

  it('prints the table without the controls', async () => {
    const { page } = await openPage()
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('form.filters').isVisible()).toBe(false)
    expect(await page.locator('nav.tabs').isVisible()).toBe(false)
    expect(await bodyRows(page).first().isVisible()).toBe(true)
    await page.context().close()
  })

  it('shows the filter bar after hydration without moving the table', async () => {
    // One context for every width (a context's start costs about a CPU-second); no service
    // worker, which would answer the scripts from its cache where the route below aborts them.
    const context = await browser.newContext({ serviceWorkers: 'block' })
    const page = await context.newPage()
    for (const width of [1400, 1100, 800, 640, 560, 420, 375]) {
      await page.setViewportSize({ width, height: 900 })
      await page.route('**/*.js', (route) => route.abort())
      await page.goto(baseUrl)
      const before = await page
        .locator('table.matrix')
        .evaluate((t) => t.getBoundingClientRect().top)
      await page.unroute('**/*.js')
      await page.reload()
      await page.locator('form.filters').waitFor()
      const after = await page
        .locator('table.matrix')
        .evaluate((t) => t.getBoundingClientRect().top)
      // A pixel of sub-pixel rounding is not a layout shift anyone sees.
      expect({ width, shifted: Math.abs(after - before) > 1.5 }).toEqual({ width, shifted: false })
    }
    await context.close()
  })

  it('keeps the column headers in view while a long table scrolls, where the table fits', async () => {
    const headerTops = async (search: string, width: number, table: string) => {
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await page.goto(`${baseUrl}${search}`)
      await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true')
      // 600 px past the table's top. Scrolled again until it holds: a view may still move focus
      // (and so scroll) just after hydrating.
      await page.waitForFunction((selector) => {
        const top = document.querySelector(selector)?.getBoundingClientRect().top ?? 0
        const target = Math.round(window.scrollY + top + 600)
        window.scrollTo(0, target)
        return window.scrollY === target
      }, `table.${table}`)
      const result = await page.locator(`table.${table}`).evaluate((t) => ({
        headerTop: Math.round(t.querySelector('thead th')?.getBoundingClientRect().top ?? -1),
        scrollsSideways: (t.parentElement?.scrollWidth ?? 0) > (t.parentElement?.clientWidth ?? 0),
      }))
      await context.close()
      return result
    }
    // The header row sits at the top of the viewport.
    expect(await headerTops('', 1280, 'matrix')).toEqual({ headerTop: 0, scrollsSideways: false })
    expect(await headerTops('?lang=zh', 1100, 'matrix')).toEqual({
      headerTop: 0,
      scrollsSideways: false,
    })
    expect(await headerTops('?view=versions&all=1', 1280, 'versions')).toEqual({
      headerTop: 0,
      scrollsSideways: false,
    })
    // On a phone each row is a small grid that fits the width (a trainer found the ticks and
    // badges 1,043 px into a 327 px box); the header, a row of sort buttons, scrolls away.
    const phone = await headerTops('', 375, 'matrix')
    expect(phone.scrollsSideways).toBe(false)
    expect(phone.headerTop).toBeLessThan(0)
  })

  it('has no axe-core violations in any view or theme', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    for (const [search, theme] of [
      ['', 'light'],
      ['', 'dark'],
      ['?view=versions&all=1', 'light'],
      ['?view=endpoint&endpoint=ContainerResize', 'dark'],
      ['?lang=zh', 'light'],
      ['?view=playground', 'dark'],
      ['?view=lessons', 'light'],
      ['?view=lessons&lesson=exec-it&step=6', 'dark'],
      ['?view=kubelet&op=pod-start&release=both', 'dark'],
    ] as const) {
      // One context for all (a context's start costs about a CPU-second); each page load fresh.
      await page.emulateMedia({ colorScheme: theme })
      await page.goto(`${baseUrl}${search}`)
      await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true')
      await page.locator('h2').first().waitFor()
      expect({ search, theme, violations: await axeViolations(page) }).toEqual({
        search,
        theme,
        violations: [],
      })
    }
    await context.close()
  })
})
