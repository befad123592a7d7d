import { readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { allFiles } from '../../../tests/source-files.ts'

/**
 * Only en.ts ships with the first page; every other string lives in a module that registers it
 * when a lazy chunk imports it (view-messages.ts, feature-messages.ts, …). A component that
 * shows such a string without importing its module works while some other chunk happens to have
 * loaded it, and shows the bare key when opened first (a deep link, an embed). So: a file that
 * uses a key of a lazily registered module imports that module itself.
 */

const I18N = resolve(import.meta.dirname)
const SRC = resolve(import.meta.dirname, '../..')

/** The English keys a messages module declares (`const en = { key: …` up to its closing brace). */
function englishKeys(file: string): string[] {
  const text = readFileSync(resolve(I18N, file), 'utf8')
  const block = /\nconst en = \{\n([\s\S]*?)\n\}/.exec(text)?.[1] ?? ''
  return [...block.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1] ?? '')
}

const LAZY_MODULES = [
  'view-messages.ts',
  'feature-messages.ts',
  'compare-messages.ts',
  'kubelet-messages.ts',
]

const uiFiles = allFiles(SRC).filter(
  (path) =>
    /\.(ts|tsx)$/.test(path) &&
    !/\.test\.tsx?$/.test(path) &&
    !path.startsWith(I18N) &&
    /\/src\/(app|components|features|lib|hooks)\//.test(path),
)

describe('strings of lazy views are registered by the files that show them', () => {
  it('finds the keys of each lazily registered module', () => {
    for (const file of LAZY_MODULES) expect(englishKeys(file).length, file).toBeGreaterThan(10)
  })

  for (const module of LAZY_MODULES) {
    it(`every file calling t() with a key of ${module} imports it`, () => {
      const keys = englishKeys(module)
      const used = new RegExp(`\\bt\\(\\s*['"](${keys.join('|')})['"]`)
      const imports = new RegExp(`import '[./]*(lib/)?(i18n/)?${basename(module, '.ts')}\\.ts'`)
      const missing = uiFiles
        .filter((path) => used.test(readFileSync(path, 'utf8')))
        .filter((path) => !imports.test(readFileSync(path, 'utf8')))
        .map((path) => path.slice(SRC.length + 1))
      expect(missing).toEqual([])
    })
  }
})
