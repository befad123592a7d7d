/**
 * Turns the built index.html into a page that paints the full endpoint matrix as soon as the
 * HTML arrives (docs/decisions/0001-prerender-the-first-page.md):
 * - the default view, rendered with react-dom/server, goes into #root;
 * - the small stylesheet is inlined, so no request blocks the first paint;
 * - the entry script is preloaded at once but run only after the first paint. A module script
 *   that is already downloaded runs before the browser's first frame, and React's start-up would
 *   then hold the prerendered table off the screen.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '..')
const dist = resolve(root, 'dist')
const indexPath = resolve(dist, 'index.html')
const ssrEntry = resolve(root, 'dist-ssr/entry-server.js')

const { render } = (await import(pathToFileURL(ssrEntry).href)) as { render: () => string }
let html = readFileSync(indexPath, 'utf8')

const marker = '<!--app-html-->'
if (!html.includes(marker)) throw new Error('dist/index.html has no <!--app-html--> marker')
html = html.replace(marker, render())

const base = process.env.BASE_PATH ?? './'
const localPath = (href: string) =>
  resolve(dist, href.startsWith(base) ? href.slice(base.length) : href)

html = html.replace(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/, (_tag, href: string) => {
  const css = readFileSync(localPath(href), 'utf8')
  return `<style>${css.replaceAll('</style', '<\\/style')}</style>`
})

html = html.replace(
  /<script type="module" crossorigin src="([^"]+)"><\/script>/,
  (_tag, src: string) =>
    [
      `<link rel="modulepreload" crossorigin href="${src}">`,
      '<script>',
      'requestAnimationFrame(function () {',
      '  setTimeout(function () {',
      "    var s = document.createElement('script')",
      "    s.type = 'module'",
      "    s.crossOrigin = ''",
      `    s.src = ${JSON.stringify(src)}`,
      '    document.head.appendChild(s)',
      '  })',
      '})',
      '</script>',
    ].join('\n'),
)
if (!html.includes('modulepreload')) throw new Error('dist/index.html: entry script not found')

writeFileSync(indexPath, html)
rmSync(resolve(root, 'dist-ssr'), { recursive: true, force: true })
console.log(`prerendered ${indexPath}`)
