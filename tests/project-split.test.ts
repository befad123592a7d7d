import { readFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { allFiles } from './source-files.ts'

/**
 * A test that starts another process (the docker CLI, tmux, npm run daemon, biome) belongs to
 * the `processes` Vitest project, which picks files by the name *.spawn.test.ts. A spawning test
 * left in the `node` project would make the pure tests slow again without anyone noticing.
 */
const root = resolve(import.meta.dirname, '..')
const SPAWNS =
  /from 'node:child_process'|from '\.\/docker-cli\.ts'|from '\.\.\/daemon\/docker-cli\.ts'/

describe('vitest projects', () => {
  it('every test that spawns a process is named *.spawn.test.ts', () => {
    const tests = [...allFiles(resolve(root, 'src')), ...allFiles(resolve(root, 'tests'))]
      .filter((file) => /\.test\.tsx?$/.test(file))
      .map((file) => relative(root, file))
      .filter((file) => file !== 'tests/project-split.test.ts')
    const misplaced = tests.filter(
      (file) =>
        !file.endsWith('.spawn.test.ts') && SPAWNS.test(readFileSync(resolve(root, file), 'utf8')),
    )
    expect(tests.length).toBeGreaterThan(50)
    expect(misplaced).toEqual([])
  })
})
