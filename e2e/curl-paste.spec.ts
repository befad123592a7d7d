import { describe, expect, it } from 'vitest'
import { baseUrl, browser } from './spec-setup.ts'

describe('pasting a curl command in the production build', () => {
  it('fills the form from a pasted command and the daemon answers it; Copy as curl pastes back', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })
    const page = await context.newPage()
    await page.goto(`${baseUrl}?view=playground`)
    await page.getByRole('button', { name: 'Send' }).waitFor()
    const path = page.getByRole('textbox', { name: 'Path and query' })
    const command = `curl --unix-socket /var/run/docker.sock -X POST \\
  -H "Content-Type: application/json" \\
  -d '{"Image":"busybox","Cmd":["top"],"Tty":true}' \\
  "http://localhost/v1.24/containers/create?name=pasted"`
    await page.evaluate((text) => navigator.clipboard.writeText(text), command)
    await path.click()
    await page.keyboard.press('Control+V')
    expect(await path.inputValue()).toBe('/v1.24/containers/create?name=pasted')
    expect(await page.getByRole('combobox', { name: 'Method' }).inputValue()).toBe('POST')
    await page.getByRole('button', { name: 'Send' }).click()
    await page.getByText('HTTP/1.1 201 Created').waitFor()

    // Copy as curl, then paste that into the path field: the same request comes back.
    await page.getByText('Copy as curl, docker, dockerode or Go').click()
    const copied = (await page.locator('.copy-preview').textContent()) ?? ''
    expect(copied).toContain('--unix-socket')
    await path.fill('/v1.24/version')
    await page.getByRole('combobox', { name: 'Method' }).selectOption('GET')
    await page.evaluate((text) => navigator.clipboard.writeText(text), copied)
    await path.click()
    await page.keyboard.press('Control+V')
    expect(await path.inputValue()).toBe('/v1.24/containers/create?name=pasted')
    expect(await page.getByRole('textbox', { name: 'Body' }).inputValue()).toBe(
      '{"Image":"busybox","Cmd":["top"],"Tty":true}',
    )

    // A command it cannot read says which part, and the form keeps what it had.
    await page.evaluate(() => navigator.clipboard.writeText('curl -d @create.json /v1.24/x'))
    await path.click()
    await page.keyboard.press('Control+V')
    expect(await page.getByRole('alert').textContent()).toContain('-d @create.json')
    expect(await path.inputValue()).toBe('/v1.24/containers/create?name=pasted')
    await context.close()
  })
})
