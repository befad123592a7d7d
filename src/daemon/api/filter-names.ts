import type { DockerVersion } from '../version.ts'
import { Filters } from '../wire/filters.ts'

/**
 * The `filters` names each simulated release knows, per list endpoint: one table, read by every
 * handler that takes `filters`. A release either refused a name it did not know (engine-api
 * `Args.Validate`, or 1.9's own loop in graph/list.go: an untyped `Invalid filter 'x'`, so a 500,
 * plain text before 1.12) or never looked at it: the filter is then ignored, as if absent —
 * which is why names are dropped here and not just left unchecked (a 1.9.1 daemon shown
 * `{"network":["none"]}` lists every container).
 *
 * Each entry names the moby file at the release tag it comes from. The references of the API
 * versions document fewer names than the code accepted (containers' `id` and `name` are never
 * documented before 1.25); filter-names.test.ts compares this table with data/api-versions/ and
 * lists every difference with its reason.
 */

export type FilterEndpoint =
  | 'ContainerList'
  | 'ImageList'
  | 'ImageSearch'
  | 'VolumeList'
  | 'NetworkList'
  | 'SystemEvents'
  | 'NodeList'
  | 'ServiceList'
  | 'TaskList'

export interface FilterNames {
  /** The names the release applied (and, when it validated, accepted). */
  readonly names: readonly string[]
  /** What the release did with any other name. */
  readonly unknown: 'refused' | 'ignored'
  /** The moby file and function at the release tag. */
  readonly source: string
}

const refused = (source: string, names: readonly string[]): FilterNames => ({
  names,
  unknown: 'refused',
  source,
})
const ignored = (source: string, names: readonly string[]): FilterNames => ({
  names,
  unknown: 'ignored',
  source,
})

const PS_1_11 = [
  'ancestor',
  'before',
  'exited',
  'id',
  'isolation',
  'label',
  'name',
  'status',
  'since',
  'volume',
]
const EVENTS_1_10 = ['event', 'type', 'container', 'volume', 'network', 'image', 'label']

/**
 * Per endpoint, the releases whose router serves it. The swarm lists are 1.12 only (their routes
 * are 404 before, routes.ts), and before 1.12 a search read no `filters` at all.
 */
export const FILTER_NAMES: Readonly<
  Record<FilterEndpoint, Readonly<Partial<Record<DockerVersion, FilterNames>>>>
> = {
  ContainerList: {
    // foldFilter reads these and nothing checks the rest.
    '1.9.1': ignored('daemon/list.go foldFilter, includeContainerInList at v1.9.1', [
      'ancestor',
      'exited',
      'id',
      'label',
      'name',
      'status',
    ]),
    '1.10.3': ignored('daemon/list.go foldFilter, includeContainerInList at v1.10.3', [
      'ancestor',
      'before',
      'exited',
      'id',
      'label',
      'name',
      'since',
      'status',
    ]),
    '1.11.2': refused('daemon/list.go acceptedPsFilterTags at v1.11.2', PS_1_11),
    '1.12.6': refused('daemon/list.go acceptedPsFilterTags at v1.12.6', [...PS_1_11, 'network']),
  },
  ImageList: {
    // 1.9 checked the names itself, with the same message engine-api's Validate has later.
    '1.9.1': refused('graph/list.go acceptedImageFilterTags, TagStore.Images at v1.9.1', [
      'dangling',
      'label',
    ]),
    '1.10.3': refused('daemon/images.go acceptedImageFilterTags at v1.10.3', ['dangling', 'label']),
    '1.11.2': refused('daemon/images.go acceptedImageFilterTags at v1.11.2', ['dangling', 'label']),
    '1.12.6': refused('daemon/images.go acceptedImageFilterTags at v1.12.6', [
      'dangling',
      'label',
      'before',
      'since',
    ]),
  },
  ImageSearch: {
    '1.9.1': ignored('api/server/router/local/image.go getImagesSearch at v1.9.1', []),
    '1.10.3': ignored('api/server/router/local/image.go getImagesSearch at v1.10.3', []),
    '1.11.2': ignored('api/server/router/image/image_routes.go getImagesSearch at v1.11.2', []),
    '1.12.6': refused('daemon/search.go acceptedSearchFilterTags at v1.12.6', [
      'is-automated',
      'is-official',
      'stars',
    ]),
  },
  VolumeList: {
    // 1.9 looked at `dangling` only.
    '1.9.1': ignored('daemon/list.go Volumes at v1.9.1', ['dangling']),
    '1.10.3': refused('daemon/list.go acceptedVolumeFilterTags at v1.10.3', ['dangling']),
    '1.11.2': refused('daemon/list.go acceptedVolumeFilterTags at v1.11.2', ['dangling']),
    '1.12.6': refused('daemon/list.go acceptedVolumeFilterTags at v1.12.6', [
      'dangling',
      'name',
      'driver',
    ]),
  },
  NetworkList: {
    // 1.9's getNetworksList looked up `name` and `id` and nothing else.
    '1.9.1': ignored('api/server/router/network/network_routes.go getNetworksList at v1.9.1', [
      'name',
      'id',
    ]),
    '1.10.3': refused('api/server/router/network/filter.go supportedFilters at v1.10.3', [
      'type',
      'name',
      'id',
    ]),
    '1.11.2': refused('api/server/router/network/filter.go supportedFilters at v1.11.2', [
      'type',
      'name',
      'id',
    ]),
    '1.12.6': refused('api/server/router/network/filter.go AcceptedFilters at v1.12.6', [
      'driver',
      'type',
      'name',
      'id',
      'label',
    ]),
  },
  // No release validated the events filters: the route only calls filters.FromParam.
  SystemEvents: {
    '1.9.1': ignored('daemon/events/filter.go Include at v1.9.1', [
      'event',
      'container',
      'image',
      'label',
    ]),
    '1.10.3': ignored('daemon/events/filter.go Include at v1.10.3', EVENTS_1_10),
    '1.11.2': ignored('daemon/events/filter.go Include at v1.11.2', EVENTS_1_10),
    '1.12.6': ignored('daemon/events/filter.go Include at v1.12.6', [
      ...EVENTS_1_10,
      'daemon',
      'plugin',
    ]),
  },
  NodeList: {
    '1.12.6': refused('daemon/cluster/filters.go newListNodesFilters at v1.12.6', [
      'name',
      'id',
      'label',
      'role',
      'membership',
    ]),
  },
  ServiceList: {
    '1.12.6': refused('daemon/cluster/filters.go newListServicesFilters at v1.12.6', [
      'name',
      'id',
      'label',
    ]),
  },
  TaskList: {
    '1.12.6': refused('daemon/cluster/filters.go newListTasksFilters at v1.12.6', [
      'name',
      'id',
      'label',
      'service',
      'node',
      'desired-state',
    ]),
  },
}

/**
 * `f` as the release's handler saw it: an unknown name refused (the first in the parameter,
 * where Go's map order picked any), or dropped when the release never looked at it.
 */
export function knownFilters(
  f: Filters,
  endpoint: FilterEndpoint,
  dockerVersion: DockerVersion,
): Filters {
  const entry = FILTER_NAMES[endpoint][dockerVersion]
  // Only reachable through a route the release does not serve: a bug of the route table.
  if (entry === undefined) throw new Error(`no filter names for ${endpoint} on ${dockerVersion}`)
  if (entry.unknown === 'refused') {
    f.validate(entry.names)
    return f
  }
  return new Filters(new Map([...f.fields].filter(([name]) => entry.names.includes(name))))
}
