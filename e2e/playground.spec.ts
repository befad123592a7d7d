import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { baseUrl, browser } from './spec-setup.ts'

async function openPlayground(page: Page, search = '?view=playground') {
  await page.goto(`${baseUrl}${search}`)
  await page.getByRole('button', { name: 'Send' }).waitFor()
}

async function send(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Send' }).click()
  await page.getByRole('button', { name: 'Send' }).waitFor()
  return (await page.locator('.status-line').textContent()) ?? ''
}

describe('the playground in the production build', () => {
  it('serves the simulated daemon through MSW’s service worker under the sub-path', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await openPlayground(page)
    expect(await send(page)).toMatch(/^HTTP\/1\.1 200 OK/)
    expect(await page.locator('.headers').textContent()).toContain('Docker/1.12.6 (linux)')
    // The worker is registered from the app's own path, so any static host works.
    const scope = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.scope,
    )
    expect(scope).toBe(baseUrl)
    expect(errors).toEqual([])
    await context.close()
  })

  it('walks the Kubernetes 1.4 exec -it path: create, start, exec, resize both TTYs', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await openPlayground(page)
    const preset = page.getByRole('combobox', { name: /Start from/ })
    await preset.selectOption('ContainerCreate')
    expect(await send(page)).toMatch(/201 Created/)
    await preset.selectOption('ContainerStart')
    expect(await send(page)).toMatch(/204 No Content/)
    await preset.selectOption('ContainerResize')
    // Resize works on the running container at once (the reference says a restart is needed).
    expect(await send(page)).toMatch(/^HTTP\/1\.1 200 OK/)
    await preset.selectOption('ContainerExec')
    expect(await send(page)).toMatch(/201 Created/)
    await preset.selectOption('ExecResize')
    // Never started: containerd has no process yet, so 1.12 answers 404.
    expect(await send(page)).toMatch(/404 Not Found/)
    // Kubernetes starts the exec attached (a hijacked stream) and resizes while it runs: the
    // stream stays open, with its time moving, while the resize is sent and answered.
    await preset.selectOption('ExecStart')
    await page.getByRole('button', { name: 'Send' }).click()
    const streams = page.getByRole('region', { name: 'Open streams' })
    const progress = streams.getByTestId('stream-progress')
    const first = await progress.textContent()
    await expect.poll(() => progress.textContent()).not.toBe(first)
    // The answer's own status line moves with the clock too (it stayed at 0.0 ms before).
    const line = await page.locator('.status-line').textContent()
    expect(line).toMatch(/200 OK .* · streaming…/)
    await expect.poll(() => page.locator('.status-line').textContent()).not.toBe(line)
    await preset.selectOption('ExecResize')
    // The reference promises 201 Created; a real 1.12 daemon sends 200.
    expect(await send(page)).toMatch(/^HTTP\/1\.1 200 OK/)
    expect(await streams.locator('li').count()).toBe(1)
    await streams.getByRole('button', { name: /^Stop POST \S*\/exec\/\w+\/start$/ }).click()
    await streams.waitFor({ state: 'detached' })
    await context.close()
  })

  it('keeps the daemon’s containers across a reload and the request in the URL', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await openPlayground(page)
    await page.getByRole('combobox', { name: /Start from/ }).selectOption('ContainerCreate')
    expect(await send(page)).toMatch(/201 Created/)
    await expect.poll(() => page.url()).toContain('m=POST')
    await page.reload()
    await page.getByRole('button', { name: 'Send' }).waitFor()
    expect(await page.getByRole('textbox', { name: 'Path and query' }).inputValue()).toBe(
      '/containers/create?name=web',
    )
    // The state panel names containers as `docker ps` does, without the API's leading slash.
    const state = page.getByRole('region', { name: 'Daemon state' })
    expect(await state.getByRole('cell', { name: 'web', exact: true }).count()).toBe(1)
    // Creating it again is now a name conflict.
    expect(await send(page)).toMatch(/409 Conflict/)
    await context.close()
  })

  it('survives a corrupted saved state', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await openPlayground(page)
    await page.evaluate(() =>
      localStorage.setItem('docker-api-explorer:daemon:1.12.6', '{"not":"a snapshot"'),
    )
    await page.reload()
    await page.getByRole('button', { name: 'Send' }).waitFor()
    expect(await page.getByText(/could not be restored/).count()).toBe(1)
    expect(await send(page)).toMatch(/200 OK/)
    await context.close()
  })

  it('runs a guided lesson step by step, with the step in the URL', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${baseUrl}?view=lessons`)
    await page.getByRole('heading', { name: /Version negotiation/ }).waitFor()
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Version negotiation' })
      .getByRole('link', { name: /Start/ })
      .click()
    for (let step = 1; step <= 6; step++) {
      // Step 1 is the default and stays out of the URL.
      await expect.poll(() => page.url()).toContain(step === 1 ? 'lesson=versions' : `step=${step}`)
      const run = page.getByRole('button', { name: 'Run this step' })
      await expect.poll(() => run.isEnabled()).toBe(true)
      await run.click()
      await page.locator('.verdict').waitFor()
      expect(await page.locator('.verdict').textContent()).toMatch(/as expected/)
      if (step < 6) await page.getByRole('button', { name: /Next step/ }).click()
    }
    await page.goBack()
    await expect.poll(() => page.url()).toContain('step=5')
    await context.close()
  })

  it('answers in the page when service workers are unavailable, and says so', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' })
    const page = await context.newPage()
    await openPlayground(page)
    expect(await page.getByText(/no service worker/).count()).toBe(1)
    expect(await send(page)).toMatch(/^HTTP\/1\.1 200 OK/)
    expect(await page.locator('.headers').textContent()).toContain('Docker/1.12.6 (linux)')
    await context.close()
  })

  it('refuses a path that would leave the daemon, with the reason', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await openPlayground(page, `?view=playground&p=${encodeURIComponent('/../index.html')}`)
    await page.getByRole('button', { name: 'Send' }).click()
    expect(await page.getByRole('alert').textContent()).toMatch(/resolve “\.” and “\.\.” segments/)
    await page.getByRole('textbox', { name: 'Path and query' }).fill('https://example.com/steal')
    await page.getByRole('button', { name: 'Send' }).click()
    expect(await page.getByRole('alert').textContent()).toMatch(/must start with a single \//)
    await context.close()
  })
})
