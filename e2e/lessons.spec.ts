import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import AxeSource from 'axe-core'
import { chromium, type Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { startDaemonServer } from '../src/server/server.ts'
import { baseUrl, browser } from './spec-setup.ts'

async function open(page: Page, search: string) {
  await page.goto(`${baseUrl}${search}`)
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true')
  await page.locator('h2').first().waitFor()
}

async function runEnabled(page: Page) {
  const run = page.getByRole('button', { name: 'Run this step' })
  await expect.poll(() => run.isEnabled()).toBe(true)
  return run
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AxeSource.source })
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof AxeSource }).axe
    return axe.run(document, { resultTypes: ['violations'] })
  })
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
}

describe('lessons as training material (production build)', () => {
  it('predict mode: asks for the status first, then says right or wrong and why', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await open(page, '?view=lessons&lesson=container-lifecycle&step=1')
    await page.getByRole('checkbox', { name: 'Predict before running' }).check()
    const run = page.getByRole('button', { name: 'Run this step' })
    // No prediction yet: Run waits for one, and the explanation (the answer) is hidden.
    expect(await run.isDisabled()).toBe(true)
    const step = page.locator('.lesson-step')
    expect(await step.getByText('no process yet').count()).toBe(0)
    await page.getByRole('radio', { name: /^204/ }).check()
    await (await runEnabled(page)).click()
    await expect
      .poll(() => page.getByText('You predicted 204; Docker 1.12.6 answers 201').count())
      .toBe(1)
    expect(await step.getByText('no process yet').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })

  it('keeps lesson progress and the playground history across a reload', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await open(page, '?view=lessons&lesson=container-lifecycle&step=1')
    await (await runEnabled(page)).click()
    await page.getByText('✓ 201, as expected.').waitFor()
    await page.getByRole('button', { name: /Next step/ }).click()
    await (await runEnabled(page)).click()
    await page.getByText('✓ 204, as expected.').waitFor()
    await page.reload()
    await page.getByText('2 of 10 steps run').waitFor()
    await open(page, '?view=lessons')
    const card = page.locator('.lesson-card', { hasText: 'The container lifecycle' })
    expect(await card.getByText('2 of 10 steps run').count()).toBe(1)
    expect(await card.getByRole('link', { name: /Continue/ }).getAttribute('href')).toContain(
      'step=3',
    )

    await open(page, '?view=playground')
    await page.getByRole('button', { name: 'Send' }).click()
    await page.locator('.status-line').waitFor()
    await page.reload()
    const history = page.getByRole('region', { name: 'History' })
    await history.getByText('/v1.24/version').waitFor()
    expect(await history.locator('li').count()).toBe(1)
    await context.close()
  })

  it('opening a step that needs an earlier capture offers to run the earlier steps, never shows {{…}}', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await open(page, '?view=lessons&lesson=exec-it&step=7')
    const preview = page.locator('.lesson-step .request-preview')
    expect(await preview.textContent()).not.toContain('{{')
    expect(await preview.textContent()).toContain('from step 6')
    expect(await page.getByRole('button', { name: 'Run this step' }).isDisabled()).toBe(true)
    await page.getByRole('button', { name: 'Run the earlier steps first (6)' }).click()
    expect(await (await runEnabled(page)).isEnabled()).toBe(true)
    expect(await preview.textContent()).toMatch(/\/exec\/[0-9a-f]{64}\/resize/)
    await page.getByRole('button', { name: 'Run this step' }).click()
    await page.getByText('✓ 404, as expected.').waitFor()
    await context.close()
  })

  it('prints a handout: every step, the answer key, no buttons', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await open(page, '?view=lessons&lesson=kubelet-1-3-vs-1-4&step=2')
    await page.emulateMedia({ media: 'print' })
    const handout = page.locator('.handout')
    expect(await handout.isVisible()).toBe(true)
    // create, start, then exec -it's seven calls and attach -it's four
    // Polled: once, under load, the key counted no rows right after the steps counted all.
    await expect.poll(() => handout.locator('.handout-steps > li').count()).toBe(13)
    await expect.poll(() => handout.locator('.answer-key tbody tr').count()).toBe(13)
    expect(await handout.locator('.answer-key').textContent()).toContain('404 Not Found')
    // A worksheet: both trace tables are printed, the explanations only in the key.
    expect(await handout.locator('.trace-table').count()).toBe(2)
    expect(await handout.locator('.trace-table').first().isVisible()).toBe(true)
    expect(await handout.locator('.handout-steps').textContent()).not.toContain('404 Not Found')
    // At a narrow print width the long source URLs wrap: nothing runs past the page.
    await page.setViewportSize({ width: 420, height: 800 })
    const overflow = await handout.evaluate((el) => el.scrollWidth - el.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    // Nothing clickable is printed, and no placeholder syntax.
    const visibleButtons = await page
      .locator('button:visible, input:visible, select:visible')
      .count()
    expect(visibleButtons).toBe(0)
    expect(await handout.textContent()).not.toContain('{{')
    await page.emulateMedia({ media: 'screen' })
    expect(await handout.isVisible()).toBe(false)
    await context.close()
  })

  it('has no axe-core violations in the new views and states, light and dark', async () => {
    const viewsContext = await browser.newContext()
    const views = await viewsContext.newPage()
    for (const [search, theme, width] of [
      ['?view=lessons&lesson=kubelet-1-3-vs-1-4&step=5', 'light', 1280],
      ['?view=lessons&lesson=kubelet-1-3-vs-1-4&step=5', 'dark', 375],
      ['?view=lessons&lesson=container-lifecycle&step=3&lang=zh', 'dark', 1280],
      ['?view=endpoint&endpoint=ExecResize', 'light', 375],
      ['?view=versions', 'dark', 1280],
    ] as const) {
      // One context for all (a context's start costs about a CPU-second); each page load fresh.
      await views.emulateMedia({ colorScheme: theme })
      await views.setViewportSize({ width, height: 800 })
      await open(views, search)
      expect({ search, theme, width, violations: await axeViolations(views) }).toEqual({
        search,
        theme,
        width,
        violations: [],
      })
    }
    await viewsContext.close()
    // The playground with an answer, its ids, the copy menu open and a history entry.
    const context = await browser.newContext({ colorScheme: 'dark' })
    const page = await context.newPage()
    await open(
      page,
      '?view=playground&m=POST&p=%2Fv1.24%2Fcontainers%2Fcreate&b=%7B%22Image%22%3A%22busybox%22%7D',
    )
    await page.getByRole('button', { name: 'Send' }).click()
    await page.getByText('Ids in this answer').waitFor()
    await page.getByText('Copy as curl, docker, dockerode or Go').click()
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })

  it('at 375 px: the step comes before the step list, tables stack, nothing widens the page', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } })
    const page = await context.newPage()
    await open(page, '?view=lessons&lesson=kubelet-1-3-vs-1-4&step=3')
    const stepTop = (await page.locator('.lesson-step').boundingBox())?.y ?? 0
    const listTop = (await page.locator('.lesson-nav').boundingBox())?.y ?? 0
    expect(stepTop).toBeLessThan(listTop)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    const traceWidth =
      (await page.locator('.screen-only .trace-table').first().boundingBox())?.width ?? 999
    expect(traceWidth).toBeLessThanOrEqual(375)

    await open(page, '?view=endpoint&endpoint=ExecResize')
    const table = page.locator('table.statuses')
    // The explanation column gets the row's width, not a 116 px sliver.
    const when = table.locator('tbody tr').first().locator('td').nth(3)
    expect((await when.boundingBox())?.width ?? 0).toBeGreaterThan(250)
    expect((await table.boundingBox())?.width ?? 999).toBeLessThanOrEqual(375)

    await open(page, '?view=playground')
    await page.getByRole('button', { name: 'Send' }).click()
    await page.locator('.status-line').waitFor()
    const response = (await page.getByRole('heading', { name: 'Response' }).boundingBox())?.y ?? 0
    const state = (await page.getByRole('heading', { name: 'Daemon state' }).boundingBox())?.y ?? 0
    expect(response).toBeLessThan(state)
    await context.close()
  })

  it('at 1280 px the English header is one row and the history wraps long paths', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await open(page, '?view=playground')
    const tabs = await page.locator('.tabs').boundingBox()
    const settings = await page.locator('.settings').boundingBox()
    expect(Math.abs((tabs?.y ?? 0) - (settings?.y ?? 999))).toBeLessThan(40)
    await page.getByLabel('Path and query').fill(`/v1.24/containers/${'x'.repeat(180)}/json`)
    await page.getByRole('button', { name: 'Send' }).click()
    await page.locator('.status-line').waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1280,
    )
    await context.close()
  })
})

describe('the playground’s power tools (production build)', () => {
  it('Ctrl+Enter sends from the body; copy as curl gives a command npm run daemon answers the same', async () => {
    const context = await browser.newContext()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    const page = await context.newPage()
    const body = '{"Image":"busybox","Cmd":["top"],"Tty":true}'
    await open(
      page,
      `?view=playground&m=POST&p=${encodeURIComponent('/v1.24/containers/create?name=copied')}&b=${encodeURIComponent(body)}`,
    )
    await page.getByRole('button', { name: 'Send' }).waitFor()
    await page.getByLabel('Body').press('Control+Enter')
    await expect.poll(() => page.locator('.status-line').textContent()).toMatch(/201 Created/)

    await page.getByText('Copy as curl, docker, dockerode or Go').click()
    await page.getByRole('combobox', { name: 'Format' }).selectOption('curl-tcp')
    await page.getByRole('button', { name: 'Copy', exact: true }).click()
    await page.getByText('Copied.').waitFor()
    const command = await page.evaluate(() => navigator.clipboard.readText())
    expect(command).toContain("'http://127.0.0.1:2375/v1.24/containers/create?name=copied'")

    // The same command against the real HTTP daemon (npm run daemon) gets the same status.
    const server = await startDaemonServer({ port: 0, log: null })
    try {
      // Asynchronous: the daemon answering curl runs in this very process.
      const { stdout: output } = await promisify(execFile)(
        'sh',
        ['-c', command.replace('http://127.0.0.1:2375', server.url)],
        { encoding: 'utf8' },
      )
      expect(output.split('\r\n')[0]).toBe('HTTP/1.1 201 Created')
    } finally {
      await server.close()
    }
    await context.close()
  })

  it('on a plain-http LAN address (no service worker) says requests are answered in the page', async () => {
    const port = new URL(baseUrl).port
    const lan = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--host-resolver-rules=MAP lan.test 127.0.0.1',
      ],
    })
    try {
      const page = await lan.newPage()
      await page.goto(`http://lan.test:${port}${new URL(baseUrl).pathname}?view=playground`)
      expect(await page.evaluate(() => window.isSecureContext)).toBe(false)
      await page.getByText('This browser gives the page no service worker').waitFor()
      await page.getByRole('button', { name: 'Send' }).click()
      await expect.poll(() => page.locator('.status-line').textContent()).toMatch(/200 OK/)
    } finally {
      await lan.close()
    }
  })
})
