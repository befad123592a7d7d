import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { baseUrl, browser } from './spec-setup.ts'

async function send(page: Page, method: string, path: string, body = ''): Promise<string> {
  await page.getByRole('combobox', { name: 'Method' }).selectOption(method)
  await page.getByRole('textbox', { name: 'Path and query' }).fill(path)
  await page.getByRole('textbox', { name: 'Body' }).fill(body)
  await page.getByRole('button', { name: 'Send' }).click()
  await page.getByRole('button', { name: 'Send' }).waitFor()
  return (await page.locator('.status-line').textContent()) ?? ''
}

/** The list's JSON without "Status" ("Up 3 seconds" moves with the clock). */
async function containerList(page: Page): Promise<unknown> {
  expect(await send(page, 'GET', '/v1.24/containers/json?all=1')).toMatch(/200 OK/)
  const text = (await page.locator('.response-body').first().textContent()) ?? ''
  return (JSON.parse(text) as Record<string, unknown>[]).map(({ Status, ...rest }) => ({
    ...rest,
    Status: String(Status).split(' ')[0],
  }))
}

describe('sharing a daemon in the production build', () => {
  it('opens the same state from a link in a fresh browser context; refuses a damaged one', async () => {
    const a = await browser.newContext()
    const page = await a.newPage()
    await page.goto(`${baseUrl}?view=playground`)
    await page.getByRole('button', { name: 'Send' }).waitFor()
    for (const name of ['web', 'db', 'cache']) {
      const body = '{"Image":"busybox","Cmd":["top"],"Tty":true}'
      expect(await send(page, 'POST', `/v1.24/containers/create?name=${name}`, body)).toMatch(/201/)
      expect(await send(page, 'POST', `/v1.24/containers/${name}/start`)).toMatch(/204/)
    }
    const here = await containerList(page)
    await page.getByText('Share this daemon').click()
    await page.getByRole('button', { name: 'Make a link' }).click()
    const link = await page.getByRole('textbox', { name: 'Link' }).inputValue()
    expect(link).toContain('#share=')

    const b = await browser.newContext()
    const other = await b.newPage()
    await other.goto(link)
    await other.getByText(/Opened a shared daemon: 3 containers, 7 requests/).waitFor()
    expect(await containerList(other)).toEqual(here)
    expect(new URL(other.url()).hash).toBe('')

    // A changed link: a clear message, and the state it had stays.
    const damaged = link.replace(
      /#share=(.{40})(.)/,
      (_, head: string, c: string) => `#share=${head}${c === 'A' ? 'B' : 'A'}`,
    )
    await other.goto(damaged)
    await other.getByText(/damaged or cut short/).waitFor()
    expect(await containerList(other)).toEqual(here)
    // Cut short, likewise, as a fresh page load: once where what is left is no base64 at all
    // (length 4n + 1; that error used to escape the message), once where it is.
    const at = link.indexOf('#share=') + 7
    for (const keep of [1, 0]) {
      const length = link.length - at - 30
      const cut = link.slice(0, at + length - (length % 4) + keep)
      await other.goto('about:blank')
      await other.goto(cut)
      await other.getByText(/damaged or cut short/).waitFor()
    }
    // A daemon that holds something is replaced only when the reader says so.
    other.once('dialog', (dialog) => dialog.dismiss())
    await other.goto(link)
    await other.getByText('The shared daemon was not opened: yours is unchanged.').waitFor()
    await a.close()
    await b.close()
  })
})
