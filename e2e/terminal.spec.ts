import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { baseUrl, browser } from './spec-setup.ts'

const pane = (page: Page, version: '1.3' | '1.4') =>
  page.locator('.terminal-pane', {
    has: page.getByRole('heading', { name: `Kubernetes ${version}`, exact: true }),
  })

/** The pane's size as its header shows it (what FitAddon made of the box). */
async function paneSize(terminal: Locator): Promise<string> {
  const text = (await terminal.locator('header').textContent()) ?? ''
  const match = /pane (\d+)×(\d+)/.exec(text)
  return match ? `${match[1]} ${match[2]}` : ''
}

/** Types a command into a terminal and waits until its screen shows `expected` after it. */
async function run(page: Page, terminal: Locator, command: string) {
  const before = ((await terminal.locator('.xterm-rows').textContent()) ?? '').length
  await terminal.getByRole('textbox').focus()
  await page.keyboard.type(`${command}\r`)
  return async () => ((await terminal.locator('.xterm-rows').textContent()) ?? '').slice(before)
}

describe('the browser terminal', () => {
  it('follows the pane with 1.4’s resize calls and stays 0×0 with 1.3’s', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${baseUrl}?view=playground`)
    await page.getByRole('button', { name: 'Open a terminal' }).click()
    // Wide enough for both: side by side is the default.
    const k14 = pane(page, '1.4')
    const k13 = pane(page, '1.3')
    await k14.getByText('open', { exact: false }).first().waitFor()
    const log = page.getByRole('region', { name: 'Requests' })
    await expect
      .poll(() => log.textContent())
      .toMatch(/exec\/\w+…\/resize\?h=\d+&w=\d+ · exec\.go:128200 OK/)

    const size = await paneSize(k14)
    expect(size).toMatch(/^\d+ \d+$/)
    const screen14 = await run(page, k14, 'stty size')
    await expect.poll(screen14).toContain(size)
    // Kubernetes 1.3 never resized: a fresh pseudo-terminal is 0×0.
    const screen13 = await run(page, k13, 'stty size')
    await expect.poll(screen13).toContain('0 0')

    // A narrower window: the panes stack, each gets another size, 1.4 tells the daemon.
    await page.setViewportSize({ width: 700, height: 900 })
    await expect.poll(() => paneSize(k14)).not.toBe(size)
    const resized = await paneSize(k14)
    const [rows, cols] = resized.split(' ')
    await expect
      .poll(() => log.textContent())
      .toContain(`resize?h=${rows}&w=${cols} · exec.go:128200 OK`)
    const again = await run(page, k14, 'stty size')
    await expect.poll(again).toContain(resized)
    // Side by side, only 1.4's pane ever resized.
    const logRows = log.locator('tbody tr')
    expect(await logRows.filter({ hasText: 'ContainerExec' }).count()).toBe(2)
    expect(await logRows.filter({ hasText: /^1\.3.*resize/ }).count()).toBe(0)
    expect(await logRows.filter({ hasText: /^1\.4ExecResize/ }).count()).toBeGreaterThanOrEqual(2)
    expect(errors).toEqual([])
    await context.close()
  })

  it('copies the selection with Ctrl+Shift+C and pastes with Ctrl+Shift+V', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 900 } })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(baseUrl).origin,
    })
    const page = await context.newPage()
    await page.goto(`${baseUrl}?view=playground`)
    await page.getByRole('button', { name: 'Open a terminal' }).click()
    const terminal = pane(page, '1.4')
    const rows = terminal.locator('.xterm-rows')
    const input = terminal.getByRole('textbox')
    await input.waitFor({ state: 'attached' })
    await input.focus()
    await expect.poll(() => rows.textContent()).toContain('/ #')
    await page.keyboard.type('echo copyme\r')
    await expect.poll(() => rows.textContent()).toMatch(/echo copyme\s*copyme/)
    // Drag over the start of the output line: "copyme".
    const box = await rows.locator(':scope > div').nth(1).boundingBox()
    if (!box) throw new Error('the output row has no box')
    await page.mouse.move(box.x + 1, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + 60, box.y + box.height / 2, { steps: 5 })
    await page.mouse.up()
    await input.focus()
    await page.keyboard.press('Control+Shift+C')
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('copyme')
    await page.evaluate(() => navigator.clipboard.writeText('echo pasted'))
    await page.keyboard.press('Control+Shift+V')
    await page.keyboard.press('Enter')
    await expect.poll(() => rows.textContent()).toMatch(/echo pasted\s*pasted/)
    await context.close()
  })

  it('can be entered and left with the keyboard (Esc, then Tab)', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${baseUrl}?view=playground`)
    await page.getByRole('button', { name: 'Open a terminal' }).focus()
    await page.keyboard.press('Enter')
    // The focus moves to the panel that replaced the button, and Tab walks on from there.
    await page.locator('.terminal-panel').waitFor()
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('terminal-panel')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('radio')
    const input = page.getByRole('textbox', { name: 'Terminal, Kubernetes 1.4 behaviour' })
    await input.waitFor({ state: 'attached' })
    await input.focus()
    // Tab alone stays in the terminal (a shell completes with it)…
    await page.keyboard.press('Tab')
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true)
    // …Escape then Tab moves on.
    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(false)
    await context.close()
  })
})
