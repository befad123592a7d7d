import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * The import zones of biome.json, proven by probes: each probe is a one-line file written where
 * the rule applies, linted with the project's own config. A rule that stops firing (a negation
 * that opens a hole, a zone whose glob no longer matches) fails here, not in review.
 */
const root = resolve(import.meta.dirname, '..')

interface Probe {
  /** Where the probe file is written (relative to the repository). */
  at: string
  imports: string
  /** Whether the zones must refuse the import. */
  refused: boolean
}

const probes: Probe[] = [
  // Features meet only in app/ and through the URL; the old negation let ../../features/ through.
  {
    at: 'src/features/lessons',
    imports: '../../features/playground/playground.tsx',
    refused: true,
  },
  { at: 'src/features/lessons', imports: '../playground/playground.tsx', refused: true },
  { at: 'src/features/lessons', imports: '../../app/app.tsx', refused: true },
  { at: 'src/features/lessons', imports: '../../daemon/engine.ts', refused: true },
  { at: 'src/features/lessons', imports: '../../daemon/index.ts', refused: false },
  { at: 'src/features/lessons', imports: '../../lib/csv.ts', refused: false },
  // Shared code never reaches into a feature or the daemon's internals.
  { at: 'src/lib', imports: '../features/playground/playground.tsx', refused: true },
  { at: 'src/lib', imports: '../daemon/stdcopy.ts', refused: true },
  { at: 'src/lib', imports: '../daemon/index.ts', refused: false },
  { at: 'src/components', imports: '../daemon/version.ts', refused: true },
  // The domain is data and queries: not even the daemon's index.
  { at: 'src/domain', imports: '../daemon/index.ts', refused: true },
  { at: 'src/domain', imports: 'react', refused: true },
  { at: 'src/domain', imports: '../kubelet/index.ts', refused: true },
  // …but the kubelet's data is data.
  { at: 'src/domain', imports: '../../data/kubelet/operations-1.4.json', refused: false },
  // The kubelet model is a client of the Docker API only.
  { at: 'src/kubelet', imports: '../daemon/index.ts', refused: true },
  { at: 'src/kubelet', imports: 'node:net', refused: true },
  // The daemon is pure.
  { at: 'src/daemon', imports: 'react', refused: true },
  { at: 'src/daemon', imports: 'node:fs', refused: true },
  { at: 'src/daemon', imports: '../lib/csv.ts', refused: true },
  { at: 'src/daemon', imports: './engine.ts', refused: false },
  // Adapters use the daemon's index.
  { at: 'src/server', imports: '../daemon/engine.ts', refused: true },
  { at: 'src/mocks', imports: '../daemon/state.ts', refused: true },
  { at: 'src/mocks', imports: '../daemon/index.ts', refused: false },
  // The node:http server calls the daemon through the Fetch translation, never through MSW.
  { at: 'src/server', imports: 'msw', refused: true },
  { at: 'src/server', imports: 'msw/node', refused: true },
  { at: 'src/server', imports: '../mocks/handlers/index.ts', refused: true },
  { at: 'src/server', imports: '../daemon-fetch/index.ts', refused: false },
  { at: 'src/server', imports: '../daemon-fetch/response.ts', refused: true },
  { at: 'src/mocks', imports: '../daemon-fetch/index.ts', refused: false },
  // The translation itself belongs to neither front.
  { at: 'src/daemon-fetch', imports: 'msw', refused: true },
  { at: 'src/daemon-fetch', imports: '../mocks/handlers/route.ts', refused: true },
  { at: 'src/daemon-fetch', imports: '../server/node-http.ts', refused: true },
  { at: 'src/daemon-fetch', imports: 'node:http', refused: true },
  { at: 'src/daemon-fetch', imports: '../daemon/engine.ts', refused: true },
  { at: 'src/daemon-fetch', imports: '../daemon/index.ts', refused: false },
]

const written: string[] = []
afterAll(() => {
  for (const file of written) rmSync(file, { force: true })
})

describe('biome import zones', () => {
  it('refuse exactly the imports that cross a boundary', () => {
    const files = probes.map((probe, i) => {
      const relative = join(probe.at, `zz-boundary-probe-${process.pid}-${i}.ts`)
      const file = join(root, relative)
      writeFileSync(file, `import * as probe from '${probe.imports}'\nexport const used = probe\n`)
      written.push(file)
      return relative
    })
    let out: string
    try {
      out = execFileSync('npx', ['biome', 'lint', '--reporter=json', ...files], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      })
    } catch (error) {
      // biome exits 1 when it reports an error; the report is still on stdout.
      out = (error as { stdout: string }).stdout
    }
    const report = JSON.parse(out) as {
      diagnostics: { category: string; location: { path: string } }[]
    }
    const refusedFiles = new Set(
      report.diagnostics
        .filter((d) => d.category === 'lint/style/noRestrictedImports')
        .map((d) => d.location.path),
    )
    const verdicts = probes.map((probe, i) => ({
      from: probe.at,
      imports: probe.imports,
      refused: refusedFiles.has(files[i] as string),
    }))
    expect(verdicts).toEqual(
      probes.map((probe) => ({ from: probe.at, imports: probe.imports, refused: probe.refused })),
    )
  })
})
