import { describe, expect, it } from 'vitest'
import { apiVersionFile } from '../../domain/api-versions.ts'
import { API_VERSION_OF, compareVersions, DOCKER_VERSIONS, type DockerVersion } from '../version.ts'
import { FILTER_NAMES, type FilterEndpoint } from './filter-names.ts'
import { registeredRoutes } from './routes.ts'

/**
 * The filter names each simulated release knows (filter-names.ts, taken from the moby code at
 * the tag) against the names the reference of its API version documents
 * (data/api-versions/<api>.json, `filters` of the `filters` parameter). Change one without the
 * other and this fails. Where code and reference disagree, the code wins; every disagreement
 * is listed below with the line that shows it.
 */

/** `<release> <endpoint> <name>` → where the release's code reads a name its reference omits. */
const UNDOCUMENTED: Readonly<Record<string, string>> = {
  // Containers' id and name filters are as old as the filters parameter; the references
  // list them from API 1.25 on only.
  '1.9.1 ContainerList id':
    'daemon/list.go includeContainerInList ctx.filters.Match("id") at v1.9.1',
  '1.9.1 ContainerList name':
    'daemon/list.go includeContainerInList ctx.filters.Match("name") at v1.9.1',
  '1.10.3 ContainerList id':
    'daemon/list.go includeContainerInList ctx.filters.Match("id") at v1.10.3',
  '1.10.3 ContainerList name':
    'daemon/list.go includeContainerInList ctx.filters.Match("name") at v1.10.3',
  '1.11.2 ContainerList id': 'daemon/list.go acceptedPsFilterTags "id" at v1.11.2',
  '1.11.2 ContainerList name': 'daemon/list.go acceptedPsFilterTags "name" at v1.11.2',
  '1.12.6 ContainerList id': 'daemon/list.go acceptedPsFilterTags "id" at v1.12.6',
  '1.12.6 ContainerList name': 'daemon/list.go acceptedPsFilterTags "name" at v1.12.6',
  // ancestor, before and since are documented from API 1.23; the code read them earlier.
  '1.9.1 ContainerList ancestor': 'daemon/list.go foldFilter psFilters["ancestor"] at v1.9.1',
  '1.10.3 ContainerList ancestor':
    'daemon/list.go foldFilter psFilters.Include("ancestor") at v1.10.3',
  '1.10.3 ContainerList before': 'daemon/list.go foldFilter WalkValues("before") at v1.10.3',
  '1.10.3 ContainerList since': 'daemon/list.go foldFilter WalkValues("since") at v1.10.3',
  // The 1.24 reference lists the event filters but not plugin.
  '1.12.6 SystemEvents plugin': 'daemon/events/filter.go Include ef.matchPlugin at v1.12.6',
}

/** `<release> <endpoint> <name>` → why a name its reference documents is not read by the release. */
const DOCUMENTED_NOT_READ: Readonly<Record<string, string>> = {
  // The 1.22 reference announces isolation, but the 1.10.3 code has no isolation filter
  // (excludeByIsolation arrives in daemon/list.go at v1.11.2); unknown names are ignored there.
  '1.10.3 ContainerList isolation':
    'daemon/list.go foldFilter and includeContainerInList at v1.10.3 never read "isolation"',
}

function documentedFilters(docker: DockerVersion, endpoint: FilterEndpoint): string[] {
  const file = apiVersionFile(API_VERSION_OF[docker])
  if (file === undefined) throw new Error(`no data for Docker ${docker}`)
  const e = file.endpoints.find((x) => x.id === endpoint)
  return e?.params.find((p) => p.in === 'query' && p.name === 'filters')?.filters ?? []
}

const entries = DOCKER_VERSIONS.flatMap((docker) =>
  (Object.keys(FILTER_NAMES) as FilterEndpoint[]).flatMap((endpoint) => {
    const entry = FILTER_NAMES[endpoint][docker]
    return entry === undefined ? [] : [{ docker, endpoint, entry }]
  }),
)

describe('the filter names each release knows, against its reference', () => {
  it('every difference between the code and the reference is listed with its source', () => {
    const undocumented: string[] = []
    const notRead: string[] = []
    for (const { docker, endpoint, entry } of entries) {
      const documented = documentedFilters(docker, endpoint)
      for (const name of entry.names)
        if (!documented.includes(name)) undocumented.push(`${docker} ${endpoint} ${name}`)
      for (const name of documented)
        if (!entry.names.includes(name)) notRead.push(`${docker} ${endpoint} ${name}`)
    }
    expect(undocumented.sort()).toEqual(Object.keys(UNDOCUMENTED).sort())
    expect(notRead.sort()).toEqual(Object.keys(DOCUMENTED_NOT_READ).sort())
  })

  it('covers every endpoint a release serves whose reference has a filters parameter', () => {
    for (const docker of DOCKER_VERSIONS) {
      const api = API_VERSION_OF[docker]
      const served = new Set(registeredRoutes(api, compareVersions).map((r) => r.info.id))
      const withFilters = (apiVersionFile(api)?.endpoints ?? [])
        .filter((e) => e.params.some((p) => p.in === 'query' && p.name === 'filters'))
        .map((e) => e.id)
      for (const id of withFilters) {
        expect(served.has(id), `${docker} ${id} served`).toBe(true)
        expect(FILTER_NAMES[id as FilterEndpoint]?.[docker], `${docker} ${id}`).toBeDefined()
      }
    }
  })

  it('has an entry for every release that serves the endpoint, and none for one that does not', () => {
    for (const docker of DOCKER_VERSIONS) {
      const served = new Set(
        registeredRoutes(API_VERSION_OF[docker], compareVersions).map((r) => r.info.id),
      )
      for (const endpoint of Object.keys(FILTER_NAMES) as FilterEndpoint[])
        expect(FILTER_NAMES[endpoint][docker] !== undefined, `${docker} ${endpoint}`).toBe(
          served.has(endpoint),
        )
    }
  })

  it('every entry cites a moby file at its own release tag', () => {
    for (const { docker, endpoint, entry } of entries)
      expect(entry.source, `${docker} ${endpoint}`).toMatch(
        new RegExp(`^[a-z/_]+\\.go [A-Za-z.]+.* at v${docker.replaceAll('.', '\\.')}$`),
      )
  })
})
