import type { ApiVersion, KubernetesRelease, Localized } from './schemas/common.ts'
import type { DockerRelease } from './schemas/docker-releases.ts'
import type { Endpoint, EndpointGroup, HttpMethod } from './schemas/endpoints.ts'
import type { KubernetesReleaseEntry } from './schemas/kubernetes.ts'

/**
 * The slim projection of an endpoint that the first page needs. The full record (parameters,
 * statuses, examples) is loaded lazily with the detail view, so the first page stays light.
 */
export interface EndpointRow {
  id: string
  group: EndpointGroup
  method: HttpMethod
  path: string
  title: Localized
  sinceApi: ApiVersion
  removedInApi?: ApiVersion
  experimental: boolean
  articleListed: boolean
  article: { '1.3': boolean; '1.4': boolean }
  source: { '1.2': boolean; '1.3': boolean; '1.4': boolean }
  /** The article's ticks disagree with the Kubernetes source. */
  disputed: boolean
  /** Documented and real status codes differ (exec resize: 201 vs 200). */
  statusDiffers: boolean
}

/**
 * The kubelet operations (src/kubelet/operations.ts ids) that send each endpoint, by release:
 * the matrix's answer to "why is this ticked?". Built from the model at build time
 * (scripts/kubelet-callers.ts); an endpoint no operation sends is absent.
 */
export type KubeletCallers = Record<string, { '1.3': string[]; '1.4': string[] }>

export type ReleaseRow = DockerRelease

/** What the matrix's "offered by Docker release" filter needs of a release. */
export type ReleaseOption = Pick<DockerRelease, 'id' | 'label' | 'api'>

export function toReleaseOption({ id, label, api }: DockerRelease): ReleaseOption {
  return { id, label, api }
}

export interface KubernetesMinimum {
  version: KubernetesRelease
  minApi: ApiVersion
  minDocker: string
}

export function toEndpointRow(endpoint: Endpoint): EndpointRow {
  const { article, source } = endpoint.kubernetes
  return {
    id: endpoint.id,
    group: endpoint.group,
    method: endpoint.method,
    path: endpoint.path,
    title: endpoint.title,
    sinceApi: endpoint.sinceApi,
    ...(endpoint.removedInApi ? { removedInApi: endpoint.removedInApi } : {}),
    experimental: endpoint.experimental ?? false,
    articleListed: endpoint.article.listed,
    article: { '1.3': article['1.3'], '1.4': article['1.4'] },
    source: { '1.2': source['1.2'], '1.3': source['1.3'], '1.4': source['1.4'] },
    disputed: article['1.3'] !== source['1.3'] || article['1.4'] !== source['1.4'],
    statusDiffers: endpoint.statuses.some((s) => s.documented !== s.real),
  }
}

export function toKubernetesMinimum(entry: KubernetesReleaseEntry): KubernetesMinimum {
  return { version: entry.version, minApi: entry.minApi, minDocker: entry.minDocker }
}
