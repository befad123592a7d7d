/**
 * Turns the built index.html into a page that paints the full endpoint matrix as soon as the
 * HTML arrives (docs/decisions/0001-prerender-the-first-page.md):
 * - the default view, rendered with react-dom/server, goes into #root;
 * - the small stylesheet is inlined, so no request blocks the first paint;
 * - the entry script and the modules it imports are neither loaded nor preloaded until the first
 *   contentful paint has been presented. A module script that is already downloaded runs before
 *   the browser's first frame, and React's start-up would then hold the prerendered table off the
 *   screen; even preloading alone cost ≈ 30 ms on a 2-core machine, because the browser parses
 *   the 9 modules on background threads while the table is laid out and rastered.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '..')
const dist = resolve(root, process.env.OUT_DIR ?? 'dist')
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

const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html)?.[1]
if (!entry) throw new Error('dist/index.html: entry script not found')
const preloadTag = /<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g
const preloads = [...html.matchAll(preloadTag)].map((match) => match[1] ?? '')
html = html.replace(preloadTag, '')
html = html.replace(
  /<script type="module" crossorigin src="[^"]+"><\/script>/,
  () => `<script>\n${startAfterFirstPaint(entry, preloads)}\n</script>`,
)

/**
 * Inline loader: starts the app once the first contentful paint is reported (the table is on
 * the screen), or after 1.5 s if it never is (a tab opened in the background, a browser without
 * paint timing), so the page always becomes interactive.
 */
function startAfterFirstPaint(src: string, modules: readonly string[]): string {
  return `(function () {
  var started = false
  var modules = ${JSON.stringify(modules)}
  function start() {
    if (started) return
    started = true
    modules.forEach(function (href) {
      var link = document.createElement('link')
      link.rel = 'modulepreload'
      link.crossOrigin = ''
      link.href = href
      document.head.appendChild(link)
    })
    var script = document.createElement('script')
    script.type = 'module'
    script.crossOrigin = ''
    script.src = ${JSON.stringify(src)}
    document.head.appendChild(script)
  }
  var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes
  if (types && types.indexOf('paint') >= 0) {
    new PerformanceObserver(function (list, observer) {
      if (list.getEntriesByName('first-contentful-paint').length) {
        observer.disconnect()
        start()
      }
    }).observe({ type: 'paint', buffered: true })
  }
  setTimeout(start, 1500)
})()`
}

writeFileSync(indexPath, html)
rmSync(resolve(root, 'dist-ssr'), { recursive: true, force: true })
console.log(`prerendered ${indexPath}`)
