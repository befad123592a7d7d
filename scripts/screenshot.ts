/**
 * Screenshots of the production build for the README and for reviewing changes by eye:
 * `npx tsx scripts/screenshot.ts [out-dir]`. Builds for /explorer/ first, like the e2e tests.
 */
import { execSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { launchChromium } from '../e2e/browser.ts'
import { serveStatic } from './static-server.ts'

const root = resolve(import.meta.dirname, '..')
const outDir = resolve(root, process.argv[2] ?? 'e2e/screenshots')
mkdirSync(outDir, { recursive: true })

const createWeb = new URLSearchParams({
  view: 'playground',
  m: 'POST',
  p: '/v1.24/containers/create?name=web',
  b: '{"Image":"busybox","Cmd":["top"],"Tty":true}',
}).toString()

const shots: Array<{
  name: string
  search: string
  dark?: boolean
  full?: boolean
  click?: string
  /** Viewport width (default 1400). */
  width?: number
  /** What shows once the click's work is done (default the playground's status line). */
  done?: string
}> = [
  { name: 'matrix', search: '' },
  { name: 'matrix-changed', search: '?q=resize' },
  { name: 'matrix-dark-zh', search: '?lang=zh&k14=yes', dark: true },
  { name: 'versions', search: '?view=versions&all=1&selected=1.9', full: true },
  { name: 'detail-exec-resize', search: '?view=endpoint&endpoint=ExecResize', full: true },
  { name: 'detail-kill', search: '?view=endpoint&endpoint=ContainerKill', full: true },
  { name: 'playground', search: `?${createWeb}`, full: true, click: 'Send' },
  { name: 'lessons', search: '?view=lessons', full: true },
  { name: 'compare', search: '?view=compare', width: 1280 },
  {
    name: 'compare-zh-phone',
    search: '?view=compare&cmp=1.21..1.24&kubelet=1&lang=zh',
    width: 375,
  },
  {
    name: 'lesson-step',
    search: '?view=lessons&lesson=versions&step=3',
    full: true,
    click: 'Run this step',
  },
  ...(['en', 'zh'] as const).flatMap((lang) =>
    [1280, 375].map((width) => ({
      name: `kubelet-${lang}-${width}`,
      search: `?${lang === 'zh' ? 'lang=zh&' : ''}view=kubelet&op=pod-start&release=both`,
      full: true,
      width,
      click: lang === 'zh' ? '在模拟守护进程上运行' : 'Run on the simulated daemon',
      done: 'form[data-running="false"] ~ table, form[data-running="false"] ~ * table.trace',
    })),
  ),
  {
    name: 'kubelet-exec-it',
    search: '?view=kubelet&op=exec-it&ep=ExecResize',
    full: true,
    width: 1280,
    click: 'Run on the simulated daemon',
    done: 'form[data-running="false"] ~ * table.trace',
  },
]

const BASE = '/explorer/'
execSync('npm run build', {
  cwd: root,
  stdio: 'ignore',
  env: { ...process.env, BASE_PATH: BASE, NODE_ENV: 'production' },
})
const server = await serveStatic(resolve(root, 'dist'), BASE)
const browser = await launchChromium()
try {
  for (const shot of shots) {
    const context = await browser.newContext({
      viewport: { width: shot.width ?? 1400, height: 900 },
      colorScheme: shot.dark ? 'dark' : 'light',
    })
    const page = await context.newPage()
    await page.goto(`${server.url}${shot.search}`)
    await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true')
    await page.locator('h2').first().waitFor()
    if (shot.click) {
      const button = page.getByRole('button', { name: shot.click })
      await button.waitFor()
      while (!(await button.isEnabled())) await page.waitForTimeout(50)
      await button.click()
      await page
        .locator(shot.done ?? '.status-line')
        .first()
        .waitFor()
    }
    await page.screenshot({
      path: resolve(outDir, `${shot.name}.png`),
      fullPage: shot.full ?? false,
    })
    await context.close()
  }
} finally {
  await browser.close()
  await server.close()
}
console.log(`screenshots in ${outDir}`)
