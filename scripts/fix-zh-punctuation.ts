/**
 * `npm run fix:zh`: full-width punctuation in every Chinese text of data/*.json (see
 * src/domain/zh-punctuation.ts), then Biome's formatting. Run it after editing Chinese texts;
 * src/domain/data-consistency.test.ts fails until it has been.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fullWidthPunctuation } from '../src/domain/zh-punctuation.ts'

const dataDir = resolve(import.meta.dirname, '../data')

function fix(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fix)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      key === 'zh' && typeof v === 'string' ? fullWidthPunctuation(v) : fix(v),
    ]),
  )
}

const changed: string[] = []
for (const name of readdirSync(dataDir).filter((f) => f.endsWith('.json'))) {
  const file = resolve(dataDir, name)
  const before = JSON.parse(readFileSync(file, 'utf8')) as unknown
  const after = fix(before)
  if (JSON.stringify(after) === JSON.stringify(before)) continue
  writeFileSync(file, `${JSON.stringify(after, null, 2)}\n`)
  changed.push(file)
}
if (changed.length > 0)
  execFileSync('npx', ['biome', 'format', '--write', ...changed], { stdio: 'inherit' })
console.log(changed.length === 0 ? 'Nothing to change.' : `Fixed: ${changed.join(', ')}`)
