import AxeSource from 'axe-core'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { baseUrl, browser } from './spec-setup.ts'

async function open(search: string, options: { width?: number; dark?: boolean } = {}) {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.dark ? 'dark' : 'light',
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${baseUrl}${search}`)
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true')
  await page.locator('h2').first().waitFor()
  return { page, context, errors }
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

const section = (page: Page, group: string) =>
  page.getByRole('region', { name: new RegExp(`^${group} —`) })

describe('Compare view (production build)', () => {
  it('1.21 → 1.24: the update endpoint and the swarm group added, no axe violation', async () => {
    const { page, context, errors } = await open('?view=compare&cmp=1.21..1.24')
    const containers = section(page, 'containers')
    await containers.waitFor()
    const update = containers.locator('tr', { hasText: 'ContainerUpdate' }).filter({
      hasText: 'endpoint added',
    })
    expect(await update.count()).toBe(1)
    expect(await update.getByRole('link', { name: 'v1.22 bullet 2' }).count()).toBe(1)
    const swarm = section(page, 'swarm')
    expect(await swarm.locator('h3').textContent()).toBe('swarm — new group: 5 endpoints added')
    expect(await swarm.getByText('not in the changelog').count()).toBe(5)
    // The networks existed in both: their group lists changes, but no endpoint added.
    expect(await section(page, 'networks').getByText('endpoint added').count()).toBe(0)
    expect(await section(page, 'networks').locator('tr').count()).toBeGreaterThan(1)
    expect(await axeViolations(page)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('two clicks from the default to 1.20 → 1.21, where the six network endpoints appear; the link survives a reload', async () => {
    const { page, context } = await open('?view=compare')
    await page
      .getByRole('navigation', { name: 'From' })
      .getByRole('link', { name: /API 1\.20/ })
      .click()
    await page
      .getByRole('navigation', { name: 'To' })
      .getByRole('link', { name: /API 1\.21/ })
      .click()
    expect(new URL(page.url()).search).toBe('?view=compare&cmp=1.20..1.21')
    const networks = section(page, 'networks')
    await networks.waitFor()
    expect(await networks.locator('h3').textContent()).toBe(
      'networks — new group: 6 endpoints added',
    )
    expect(await networks.getByText('not in the changelog').count()).toBe(6)
    await page.reload()
    await section(page, 'networks').waitFor()
    await page.getByRole('link', { name: 'Kubernetes 1.4: Docker 1.9 → 1.12' }).click()
    expect(new URL(page.url()).search).toBe('?view=compare')
    await context.close()
  })

  it('in Chinese and dark at 375 px: no page-wide sideways scroll, no axe violation', async () => {
    const { page, context } = await open('?view=compare&cmp=1.21..1.24&kubelet=1&lang=zh', {
      width: 375,
      dark: true,
    })
    await page.getByText('只看 Kubernetes 1.4 kubelet 调用的 20 个接口').waitFor()
    await page.getByRole('heading', { name: /Kubernetes 1.4 kubelet 的 20 个调用/ }).waitFor()
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })

  it('the endpoint page’s history strip opens the comparison of the change', async () => {
    const { page, context } = await open('?view=endpoint&endpoint=ContainerUpdate')
    const strip = page.locator('ol.history-strip')
    await strip.waitFor()
    expect(await strip.locator('li').count()).toBe(8)
    await strip.getByRole('link', { name: /1\.22\s*since/ }).click()
    expect(new URL(page.url()).search).toBe('?view=compare&cmp=1.21..1.22')
    await section(page, 'containers').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })
})
