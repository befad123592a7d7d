/**
 * Writes the default view into dist/index.html, so the full endpoint matrix is on screen as soon
 * as the HTML arrives; React hydrates it when the script runs (see src/app/main.tsx).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '..')
const indexPath = resolve(root, 'dist/index.html')
const ssrEntry = resolve(root, 'dist-ssr/entry-server.js')

const { render } = (await import(pathToFileURL(ssrEntry).href)) as { render: () => string }
const template = readFileSync(indexPath, 'utf8')
if (!template.includes('<!--app-html-->'))
  throw new Error('dist/index.html has no <!--app-html--> marker')
writeFileSync(indexPath, template.replace('<!--app-html-->', render()))
rmSync(resolve(root, 'dist-ssr'), { recursive: true, force: true })
console.log(`prerendered ${indexPath}`)
