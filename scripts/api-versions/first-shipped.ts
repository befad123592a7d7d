/**
 * Compares each API reference as first shipped (moby at the tag of the first release with that
 * version) with the text data/api-versions/ is parsed from (the v1.12.6 copies; for 1.24 the later
 * docs/api/v1.24.md, so 1.24 is also compared with the text Docker 1.12.6 shipped), and writes the
 * differences to data/api-versions/first-shipped.json:
 *
 *   npm run data:api-versions:first-shipped -- --moby /path/to/moby.git
 *
 * GITDIR is a clone (or bare mirror) of moby/moby with its release tags. The same parser reads
 * both texts, so a difference is a difference of the texts, not of the reading.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { diffVersions } from '../../src/domain/api-diff.ts'
import { API_VERSION_FILES } from '../../src/domain/api-versions.ts'
import { endpoints as endpoints124 } from '../../src/domain/data.ts'
import {
  type FirstShippedFile,
  firstShippedFileSchema,
} from '../../src/domain/schemas/api-versions.ts'
import { type Known, keyOf, markdownEndpoints } from './build.ts'
import { OUTPUT_DIR } from './sources.ts'

/** The first release of each API version and where its reference lived then. */
const FIRST: readonly { api: string; tag: string; path: string }[] = [
  { api: '1.18', tag: 'v1.6.0', path: 'docs/sources/reference/api/docker_remote_api_v1.18.md' },
  { api: '1.19', tag: 'v1.7.0', path: 'docs/reference/api/docker_remote_api_v1.19.md' },
  { api: '1.20', tag: 'v1.8.0', path: 'docs/reference/api/docker_remote_api_v1.20.md' },
  { api: '1.21', tag: 'v1.9.0', path: 'docs/reference/api/docker_remote_api_v1.21.md' },
  { api: '1.22', tag: 'v1.10.0', path: 'docs/reference/api/docker_remote_api_v1.22.md' },
  { api: '1.23', tag: 'v1.11.0', path: 'docs/reference/api/docker_remote_api_v1.23.md' },
  { api: '1.24', tag: 'v1.12.0', path: 'docs/reference/api/docker_remote_api_v1.24.md' },
  // 1.24's data is read from the later docs/api/v1.24.md: the text Docker 1.12.6 shipped differs too.
  { api: '1.24', tag: 'v1.12.6', path: 'docs/reference/api/docker_remote_api_v1.24.md' },
]

const { values } = parseArgs({ options: { moby: { type: 'string' } } })
if (!values.moby) {
  console.error('usage: npm run data:api-versions:first-shipped -- --moby GITDIR')
  process.exit(2)
}
const gitDir = resolve(values.moby)
const known: Known = new Map()
for (const e of endpoints124)
  known.set(keyOf(e.method, e.path), { id: e.id, path: e.path, group: e.group })

const problems: string[] = []
const file: FirstShippedFile = {
  versions: FIRST.map(({ api, tag, path }) => {
    const text = execFileSync('git', ['--git-dir', gitDir, 'show', `${tag}:${path}`], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    })
    const later = API_VERSION_FILES.find((f) => f.api === api)
    if (!later) throw new Error(`no data/api-versions/${api}.json`)
    const first = {
      ...later,
      endpoints: markdownEndpoints(text, `${tag}:${path}`, known, problems),
    }
    const differences = diffVersions(first, later).map(
      ({ endpoint, kind, name, where, from, to }) => ({
        endpoint,
        kind,
        ...(name === undefined ? {} : { name }),
        ...(where === undefined ? {} : { where }),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
      }),
    )
    console.log(
      `${api} (${tag}): ${first.endpoints.length} endpoints, ${differences.length} differences`,
    )
    return {
      api,
      tag,
      url: `https://github.com/moby/moby/blob/${tag}/${path}`,
      endpoints: first.endpoints.length,
      differences,
    }
  }),
}
if (problems.length > 0) {
  for (const problem of problems) console.error(problem)
  process.exit(1)
}
firstShippedFileSchema.parse(file)
const out = join(OUTPUT_DIR, 'first-shipped.json')
writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`)
spawnSync('npx', ['biome', 'format', '--write', out], { stdio: 'inherit' })
