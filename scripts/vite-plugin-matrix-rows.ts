import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'
import { toEndpointRow, toKubernetesMinimum, toReleaseOption } from '../src/domain/rows.ts'
import type { DockerReleasesFile } from '../src/domain/schemas/docker-releases.ts'
import type { EndpointsFile } from '../src/domain/schemas/endpoints.ts'
import type { KubernetesFile } from '../src/domain/schemas/kubernetes.ts'
import { computeKubeletFacts } from './kubelet-callers.ts'

const VIRTUAL_ID = 'virtual:catalog'
const RESOLVED_ID = `\0${VIRTUAL_ID}`
/** The kubelet model's lines and traces, for lazy chunks only (Copy as Go, the lessons). */
const KUBELET_ID = 'virtual:kubelet-facts'
const KUBELET_RESOLVED = `\0${KUBELET_ID}`
const DATA_FILES = ['docker-releases.json', 'endpoints-1.24.json', 'kubernetes.json']

/**
 * Serves `virtual:catalog`: the slim rows the first page renders. Shipping the whole endpoint
 * catalogue (bilingual descriptions, parameters, examples) would triple the first page's JS;
 * the detail view imports the full JSON lazily instead. The data is validated by the tests
 * (src/domain/data-consistency.test.ts), not in the browser, so zod stays out of the bundle.
 */
export function matrixRowsPlugin(dataDir = resolve(import.meta.dirname, '../data')): Plugin {
  const read = <T>(file: string): T => JSON.parse(readFileSync(resolve(dataDir, file), 'utf8')) as T
  // The model runs once per process (a dev server, a build, a test worker).
  let facts: ReturnType<typeof computeKubeletFacts> | undefined
  return {
    name: 'docker-api-explorer:catalog',
    resolveId(id) {
      if (id === KUBELET_ID) return KUBELET_RESOLVED
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined
    },
    async load(id) {
      if (id === KUBELET_RESOLVED) {
        facts ??= computeKubeletFacts()
        const { lines, traces } = await facts
        return [
          `export const kubeletLines = ${JSON.stringify(lines)};`,
          `export const kubeletTraces = ${JSON.stringify(traces)};`,
        ].join('\n')
      }
      if (id !== RESOLVED_ID) return undefined
      for (const file of DATA_FILES) this.addWatchFile(resolve(dataDir, file))
      const endpoints = read<EndpointsFile>('endpoints-1.24.json').endpoints.map(toEndpointRow)
      const releases =
        read<DockerReleasesFile>('docker-releases.json').releases.map(toReleaseOption)
      facts ??= computeKubeletFacts()
      const kubernetes = read<KubernetesFile>('kubernetes.json').releases.map(toKubernetesMinimum)
      return [
        `export const endpointRows = ${JSON.stringify(endpoints)};`,
        `export const releaseOptions = ${JSON.stringify(releases)};`,
        `export const kubernetesMinimums = ${JSON.stringify(kubernetes)};`,
        `export const kubeletCallers = ${JSON.stringify((await facts).callers)};`,
      ].join('\n')
    },
  }
}
