import AxeSource from 'axe-core'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { baseUrl, browser } from './spec-setup.ts'

async function open(search: string, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${baseUrl}${search}`)
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true')
  return { context, page, errors }
}

/** Clicks Run and waits until the form says the run is over. */
async function runOperation(page: Page, label = 'Run on the simulated daemon') {
  const button = page.getByRole('button', { name: label })
  // Enabled once the daemon's session is open: a fresh context installs the service worker first,
  // which can take seconds on a loaded machine (the e2e config gives every poll 15 s).
  await expect.poll(() => button.isEnabled()).toBe(true)
  await button.click()
  await page.locator('form.kubelet-controls[data-running="true"]').waitFor()
  await page.locator('form.kubelet-controls[data-running="false"]').waitFor({ timeout: 30_000 })
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

describe('the kubelet view', () => {
  it('runs pod-start with 1.3 and 1.4 side by side through the service worker, the differences marked', async () => {
    const { context, page, errors } = await open('?view=kubelet&op=pod-start&release=both')
    // the model's requests are real fetches: count what reaches the daemon's URL
    const requests: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/docker-api/'))
        requests.push(`${request.method()} ${request.url()}`)
    })
    await runOperation(page)
    const table = page.getByRole('table', { name: /1.3 and 1.4 call by call/ })
    const only14 = table.locator('tr[data-diff="1.4"]')
    expect(await only14.count()).toBeGreaterThanOrEqual(2)
    expect(await only14.first().textContent()).toContain('GET /version')
    expect(await only14.first().getByText('only 1.4').count()).toBe(1)
    expect(await table.locator('tr[data-diff="same"]').count()).toBeGreaterThan(15)
    // the daemon made both pods' containers, named as the kubelet names them
    expect(await table.textContent()).toMatch(/\+ k8s_POD\.\w+_web_default_/)
    // each source line links to the tag of its release
    const links = await table.locator('a[href*="/blob/v1.3.0/"], a[href*="/blob/v1.4.0/"]').count()
    expect(links).toBeGreaterThan(40)
    expect(requests.some((r) => r.includes('/docker-api/containers/create?name=k8s_POD'))).toBe(
      true,
    )
    expect(requests.some((r) => r.includes('/v1.24/'))).toBe(false)
    expect(errors).toEqual([])
    await context.close()
  })

  it('is reached from the matrix: the 1.4 tick of POST /exec/{id}/resize links to exec-it', async () => {
    const { context, page, errors } = await open('')
    const cell = page.locator('tr[data-endpoint="ExecResize"] td').nth(6)
    const link = cell.getByRole('link', { name: /sent by exec-it/ })
    await link.click()
    await page.getByRole('heading', { name: 'What the kubelet sends' }).waitFor()
    expect(new URL(page.url()).searchParams.get('op')).toBe('exec-it')
    expect(
      await page.getByText(/Operations that send ExecResize with Kubernetes 1.4/).textContent(),
    ).toContain('exec-it')
    await runOperation(page)
    const marked = page.locator('table.trace tr.trace-highlight')
    expect(await marked.count()).toBe(1)
    expect(await marked.textContent()).toMatch(/POST \/exec\/\w+\/resize\?h=24&w=80/)
    // (200, or 404 when it outran the exec's start: 1.4's HandleResizing races StartExec)
    expect(await marked.getByRole('link', { name: 'exec.go:128' }).count()).toBe(1)
    // the article's wrong ticks: no operation sends them
    await page.goBack()
    await page.locator('tr[data-endpoint="ContainerKill"]').waitFor()
    expect(await page.locator('tr[data-endpoint="ContainerKill"]').textContent()).toContain(
      'no kubelet operation sends it',
    )
    expect(errors).toEqual([])
    await context.close()
  })

  it('plays the node clock and reads at 375 px, in Chinese too, with no axe-core violations', async () => {
    for (const [search, width] of [
      ['?view=kubelet&op=exec-it&release=both&pods=110', 1280],
      ['?lang=zh&view=kubelet&op=pod-start', 375],
    ] as const) {
      const { context, page, errors } = await open(search, width)
      await runOperation(page, search.includes('zh') ? '在模拟守护进程上运行' : undefined)
      await page.getByRole('button', { name: search.includes('zh') ? '播放' : 'Play' }).click()
      await expect.poll(() => page.getByTestId('node-time').textContent()).not.toBe('00:00')
      expect({ search, violations: await axeViolations(page) }).toEqual({ search, violations: [] })
      // nothing wider than the screen but the tables' own scroll boxes
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth)
      expect(overflow).toBeLessThanOrEqual(width)
      expect(errors).toEqual([])
      await context.close()
    }
  })
})

describe('the terminal on the kubelet model', () => {
  it('logs the kubelet’s list call first and sends no stderr with a TTY', async () => {
    const { context, page, errors } = await open('?view=playground', 900)
    await page.getByRole('button', { name: 'Open a terminal' }).click()
    const pane = page.locator('.terminal-pane').first()
    await pane.getByText('open', { exact: false }).first().waitFor()
    const log = page.getByRole('region', { name: 'Requests' })
    // the kubelet's own calls (setup aside), oldest last in the log
    const rows = log.locator('tbody tr:not([data-setup])')
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(4)
    expect(await rows.last().textContent()).toMatch(
      /^ContainerListGET \/containers\/json\?limit=0 · docker\.go:445/,
    )
    // the pod was started once, as setup: no 409, no 304
    expect(await log.locator('tbody tr[data-setup]').count()).toBeGreaterThan(5)
    // (by the status cells: a bare 409 in the text can be part of a byte count or a time)
    expect(await log.locator('td[data-status="409"], td[data-status="304"]').count()).toBe(0)
    // the exec was created without stderr: ask the daemon (the playground's own request)
    const exec = await page.evaluate(async () => {
      const list = await (await fetch('docker-api/containers/json')).json()
      const nginx = list.find((c: { Names: string[] }) => c.Names[0]?.startsWith('/k8s_nginx'))
      const inspect = await (await fetch(`docker-api/containers/${nginx.Id}/json`)).json()
      const id = inspect.ExecIDs?.at(-1)
      return (await fetch(`docker-api/exec/${id}/json`)).json()
    })
    expect(exec.ProcessConfig.tty).toBe(true)
    expect(exec.OpenStderr).toBe(false)
    expect(errors).toEqual([])
    await context.close()
  })
})
