/**
 * The two availability rules, free of any data import so the browser bundle can use them:
 * which endpoints a daemon serves, and which Kubernetes releases accept a daemon.
 */
import type { ApiVersion, KubernetesRelease } from './schemas/common.ts'
import { apiAtLeast, compareApi } from './version.ts'

/** Whether a daemon speaking `api` serves the endpoint: sinceApi ≤ api and not removedInApi ≤ api. */
export function isAvailableAt(
  endpoint: { sinceApi: ApiVersion; removedInApi?: ApiVersion | undefined },
  api: ApiVersion,
): boolean {
  if (compareApi(endpoint.sinceApi, api) > 0) return false
  return endpoint.removedInApi === undefined || compareApi(api, endpoint.removedInApi) < 0
}

/**
 * The Kubernetes releases that run on a daemon speaking `api`. The kubelet checks only a floor:
 * DockerManager.Status() refuses a daemon whose ApiVersion is below minimumDockerAPIVersion.
 * Kubernetes 1.3/1.4 send unversioned requests, so the daemon's own minimum (apiMin) never bites.
 * @see https://github.com/kubernetes/kubernetes/blob/v1.4.0/pkg/kubelet/dockertools/docker_manager.go#L78
 */
export function acceptingKubernetes(
  api: ApiVersion,
  minimums: readonly { version: KubernetesRelease; minApi: ApiVersion }[],
): KubernetesRelease[] {
  return minimums.filter((entry) => apiAtLeast(api, entry.minApi)).map((entry) => entry.version)
}
