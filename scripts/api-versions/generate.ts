/**
 * Regenerates data/api-versions/1.18.json … 1.25.json from the reference texts:
 *
 *   npm run data:api-versions -- --reference ../shared/reference [--check]
 *
 * DIR holds api-versions/docker-api-v1.18.md … v1.23.md and docker-remote-api-history-v1.12.6.md,
 * docker-api-v1.24.md, docker-api-v1.25.yaml and docker-api-version-history.md. With --check
 * nothing is written: the script exits 1 when a committed file differs from what it would write.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { isDeepStrictEqual, parseArgs } from 'node:util'
import { buildApiVersionFiles } from './build.ts'
import { OUTPUT_DIR } from './sources.ts'

const { values } = parseArgs({
  options: { reference: { type: 'string' }, check: { type: 'boolean', default: false } },
})
if (!values.reference) {
  console.error('usage: npm run data:api-versions -- --reference DIR [--check]')
  process.exit(2)
}
const { files, problems } = buildApiVersionFiles(resolve(values.reference))
if (problems.length > 0) {
  for (const problem of problems) console.error(problem)
  process.exit(1)
}

let differs = 0
for (const file of files) {
  const path = join(OUTPUT_DIR, `${file.api}.json`)
  const params = file.endpoints.reduce((n, e) => n + e.params.length, 0)
  const statuses = file.endpoints.reduce((n, e) => n + e.statuses.length, 0)
  const count = (scope: string) => file.changelog.filter((b) => b.scope === scope).length
  console.log(
    `${file.api}: ${file.endpoints.length} endpoints, ${params} parameters, ${statuses} status codes; ` +
      `changelog ${file.changelog.length} bullets (rows ${count('rows')}, endpoint ${count('endpoint')}, ` +
      `not per endpoint ${count('not-per-endpoint')}, undocumented endpoint ${count('undocumented-endpoint')})`,
  )
  if (values.check) {
    let committed: unknown
    try {
      committed = JSON.parse(readFileSync(path, 'utf8'))
    } catch {}
    // Compared as data: the committed files are laid out by Biome.
    if (!isDeepStrictEqual(committed, file)) {
      differs++
      console.error(`  ${path} differs from what the references give`)
    }
  } else writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`)
}
// Lay the files out as `npm run format` would, so regenerating leaves no formatting diff.
if (!values.check)
  spawnSync('npx', ['biome', 'format', '--write', OUTPUT_DIR], { stdio: 'inherit' })
process.exit(differs > 0 ? 1 : 0)
