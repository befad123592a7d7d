import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'
import { launchChromium } from './browser.ts'

/**
 * What every spec file starts from: the served build's URL, and one Chromium launched before the
 * file's tests and closed after them. Vitest gives each spec file its own copy of this module,
 * so the hooks belong to the file that imports it.
 */
export const baseUrl = inject('baseUrl')
export let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})
