/**
 * Pure queries over the data files. Every function takes the data as arguments (defaulting to the
 * parsed files), so tests can feed hand-made fixtures.
 */

import { acceptingKubernetes, isAvailableAt } from './availability'
import {
  dockerReleases as allDockerReleases,
  endpoints as allEndpoints,
  kubernetesReleases as allKubernetesReleases,
} from './data'
import type { KubernetesRelease } from './schemas/common'
import type { DockerRelease } from './schemas/docker-releases'
import type { Endpoint } from './schemas/endpoints'
import type { KubernetesReleaseEntry } from './schemas/kubernetes'

export { acceptingKubernetes, isAvailableAt }

export const KUBERNETES_RELEASES: readonly KubernetesRelease[] = ['1.2', '1.3', '1.4']
/** The article has no 1.2 column. */
export const ARTICLE_RELEASES = ['1.3', '1.4'] as const
export type ArticleRelease = (typeof ARTICLE_RELEASES)[number]

export function endpointById(
  id: string,
  endpoints: readonly Endpoint[] = allEndpoints,
): Endpoint | undefined {
  return endpoints.find((endpoint) => endpoint.id === id)
}

export function dockerReleaseById(
  id: string,
  releases: readonly DockerRelease[] = allDockerReleases,
): DockerRelease | undefined {
  return releases.find((release) => release.id === id)
}

export function kubernetesReleaseEntry(
  version: KubernetesRelease,
  releases: readonly KubernetesReleaseEntry[] = allKubernetesReleases,
): KubernetesReleaseEntry | undefined {
  return releases.find((release) => release.version === version)
}

export function endpointsAvailableAt(
  api: string,
  endpoints: readonly Endpoint[] = allEndpoints,
): Endpoint[] {
  return endpoints.filter((endpoint) => isAvailableAt(endpoint, api))
}

/** Whether a Kubernetes release runs on a Docker release (see acceptingKubernetes). */
export function kubernetesAccepts(
  release: Pick<DockerRelease, 'api'>,
  k8s: KubernetesRelease,
  kubernetes: readonly KubernetesReleaseEntry[] = allKubernetesReleases,
): boolean {
  if (!kubernetesReleaseEntry(k8s, kubernetes)) throw new Error(`unknown Kubernetes release ${k8s}`)
  return acceptingKubernetes(release.api, kubernetes).includes(k8s)
}

/** Endpoint ids the Kubernetes source of a release really calls. */
export function endpointIdsUsedBy(
  k8s: KubernetesRelease,
  endpoints: readonly Endpoint[] = allEndpoints,
): string[] {
  return endpoints.filter((endpoint) => endpoint.kubernetes.source[k8s]).map((e) => e.id)
}

/** Endpoint ids the article ticks for a release. */
export function endpointIdsTickedByArticle(
  k8s: ArticleRelease,
  endpoints: readonly Endpoint[] = allEndpoints,
): string[] {
  return endpoints.filter((endpoint) => endpoint.kubernetes.article[k8s]).map((e) => e.id)
}

export interface UsageDiff {
  /** Used by `to` but not by `from`. */
  added: string[]
  /** Used by `from` but not by `to`. */
  removed: string[]
}

export function diffUsage(
  from: KubernetesRelease,
  to: KubernetesRelease,
  endpoints: readonly Endpoint[] = allEndpoints,
): UsageDiff {
  const before = new Set(endpointIdsUsedBy(from, endpoints))
  const after = new Set(endpointIdsUsedBy(to, endpoints))
  return {
    added: [...after].filter((id) => !before.has(id)),
    removed: [...before].filter((id) => !after.has(id)),
  }
}

/** What Kubernetes 1.4 calls that 1.3 did not, and the reverse, by the source. */
export function diff13to14(endpoints: readonly Endpoint[] = allEndpoints): UsageDiff {
  return diffUsage('1.3', '1.4', endpoints)
}

export interface UsageSummary {
  /** Distinct endpoints each release's source calls. */
  source: Record<KubernetesRelease, number>
  /** Endpoints the article ticks per column. */
  article: Record<ArticleRelease, number>
}

export function usageSummary(endpoints: readonly Endpoint[] = allEndpoints): UsageSummary {
  const count = (pick: (endpoint: Endpoint) => boolean) => endpoints.filter(pick).length
  return {
    source: {
      '1.2': count((e) => e.kubernetes.source['1.2']),
      '1.3': count((e) => e.kubernetes.source['1.3']),
      '1.4': count((e) => e.kubernetes.source['1.4']),
    },
    article: {
      '1.3': count((e) => e.kubernetes.article['1.3']),
      '1.4': count((e) => e.kubernetes.article['1.4']),
    },
  }
}

export interface ArticleDisagreement {
  endpoint: Endpoint
  /** The columns where the article's tick differs from the source. */
  releases: ArticleRelease[]
}

/** Endpoints whose article ticks differ from what the Kubernetes source calls (/changes, /kill). */
export function articleDisagreements(
  endpoints: readonly Endpoint[] = allEndpoints,
): ArticleDisagreement[] {
  return endpoints.flatMap((endpoint) => {
    const { article, source } = endpoint.kubernetes
    const releases = ARTICLE_RELEASES.filter((k8s) => article[k8s] !== source[k8s])
    return releases.length > 0 ? [{ endpoint, releases }] : []
  })
}

/** Endpoints with at least one status where the doc and the 1.12.6 daemon differ. */
export function statusDisagreements(endpoints: readonly Endpoint[] = allEndpoints): Endpoint[] {
  return endpoints.filter((endpoint) => endpoint.statuses.some((s) => s.documented !== s.real))
}
