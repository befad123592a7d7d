import type { SiteSpec } from './call-sites/common.ts'
import { GC_SITES } from './call-sites/gc.ts'
import { LISTS_SITES } from './call-sites/lists.ts'
import { PODS_SITES } from './call-sites/pods.ts'
import { STREAMS_SITES } from './call-sites/streams.ts'
import { VERSIONS_SITES } from './call-sites/versions.ts'
import type { DockerMethod, Purpose, Release, SourceLine } from './types.ts'

/**
 * Every place the modelled kubelet calls a DockerInterface method, with the line at each
 * release tag (v1.3.0 = 2831379, v1.4.0 = a16c0a7). `line` is the call of the DockerInterface
 * method (the line `npm run audit:sources -- --kube-git DIR` checks); `via` is the kubelet code
 * that led there when the same call serves several callers (the four `GET /version` of a 1.4
 * pod start all go through DockerManager.APIVersion or Version).
 */
export interface Site {
  method: DockerMethod
  line: SourceLine
  via?: SourceLine
  purpose: Purpose
}

const SPECS = {
  ...VERSIONS_SITES,
  ...LISTS_SITES,
  ...PODS_SITES,
  ...STREAMS_SITES,
  ...GC_SITES,
}

export type SiteId = keyof typeof SPECS

/** The site as the release has it, or undefined when the release never makes this call. */
export function siteOf(release: Release, id: SiteId): Site | undefined {
  const spec: SiteSpec = SPECS[id]
  const index = release === '1.3' ? 0 : 1
  const line = spec.line[index]
  if (!line) return undefined
  const via = spec.via?.[index]
  return via
    ? { method: spec.method, line, via, purpose: spec.purpose }
    : { method: spec.method, line, purpose: spec.purpose }
}

/** Every call site the model has at `release`, reached by an operation or not (the audit reads all). */
export function sitesOf(release: Release): { id: SiteId; site: Site }[] {
  return (Object.keys(SPECS) as SiteId[]).flatMap((id) => {
    const site = siteOf(release, id)
    return site ? [{ id, site }] : []
  })
}
